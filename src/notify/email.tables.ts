import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Emails to people outside the team (dealers). A row keeps exactly what was sent — subject, text and
 * HTML bodies — so a notice can be shown later as the dealer received it. The sender's work queue.
 */
export const emails = pgTable(
  'emails',
  {
    id: text('id').primaryKey(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    /** BCP 47 language of the bodies (`Content-Language`), when the caller knows it. */
    lang: text('lang'),
    /** What the email is about, e.g. (`notice`, `ntc_…`): how staff find it. */
    refType: text('ref_type').notNull(),
    refId: text('ref_id').notNull(),
    /** queued → sending → sent | failed (will retry) → … → dead (gave up; an admin may redeliver). */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** While `sending`: when another sender may take the email over (its holder crashed). */
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true, mode: 'date' }),
    /** The `Message-ID` header the SMTP server accepted. */
    smtpMessageId: text('smtp_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('emails_ref_idx').on(t.refType, t.refId, t.id),
    index('emails_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} IN ('queued', 'failed')`),
    index('emails_lease_idx')
      .on(t.leaseExpiresAt)
      .where(sql`${t.status} = 'sending'`),
    index('emails_status_idx').on(t.status, t.id),
  ],
);
