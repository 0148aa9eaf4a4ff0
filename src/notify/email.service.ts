import { conflict, invalidInput, newId, notFound, type Clock } from '../kernel';
import { inTransaction, logAccess, recordChange, type Actor, type Db } from '../db';
import { checkEmailInput, isEmailStatus, EMAIL_STATUSES, type Email, type EmailInput, type EmailStatus } from './email.model';
import { emailStore } from './email.store';

/**
 * Queues an email inside the caller's transaction: it is sent only if that transaction commits, and
 * exactly as given (the stored subject and bodies are what the dealer receives). Returns its id
 * (`eml_…`), which an outbox event can wait for (`recordChange(…, { event: { …, afterEmailId } })`).
 * Audited with ids only: the address and the bodies never enter the audit trail.
 */
export async function queueEmail(tx: Db, clock: Clock, email: EmailInput): Promise<string> {
  const errors = checkEmailInput(email);
  if (errors.length > 0) throw invalidInput('the email cannot be sent', errors);
  const id = newId('eml');
  await emailStore.insert(tx, id, email, clock.now());
  await recordChange(tx, clock, {
    actor: { type: 'system', id: 'email' },
    action: 'email.queued',
    subject: { type: 'email', id },
    fields: ['to_address', 'subject', 'text_body', 'html_body', 'lang', 'ref', 'status'],
    data: { ref: email.ref, status: 'queued' },
  });
  return id;
}

export interface EmailDeps {
  readonly db: Db;
  readonly clock: Clock;
}

const EMAIL_ID = /^eml_[0-9A-HJKMNP-TV-Z]{26}$/;

function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!EMAIL_ID.test(id)) throw invalidInput('the cursor is not one this API gave out', [{ field: '/cursor', reason: 'unknown cursor' }]);
  return id;
}

/** The email log for staff: find the emails about a thing, read one as sent, queue a failed one again. */
export function createEmailService(deps: EmailDeps) {
  const { db, clock } = deps;

  async function list(f: { refType?: string | undefined; refId?: string | undefined; status?: string | undefined; cursor?: string | undefined; limit?: number | undefined }): Promise<{ items: Email[]; nextCursor: string | undefined }> {
    if (f.status !== undefined && !isEmailStatus(f.status)) {
      throw invalidInput('unknown email status', [{ field: '/status', reason: `must be one of ${EMAIL_STATUSES.join(', ')}` }]);
    }
    const limit = f.limit ?? 50;
    const beforeId = f.cursor === undefined ? undefined : decodeCursor(f.cursor);
    const rows = await emailStore.list(db, { refType: f.refType, refId: f.refId, status: f.status, beforeId, limit: limit + 1 });
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : undefined };
  }

  async function get(id: string): Promise<Email> {
    return (await emailStore.find(db, id)) ?? Promise.reject(notFound('email', id));
  }

  /** One email with its bodies, for a person: the read is logged (the bodies are about a dealer). */
  async function read(actor: Actor, id: string): Promise<Email> {
    const email = await get(id);
    await logAccess(db, clock, actor, { type: 'email', id });
    return email;
  }

  /**
   * The events (e.g. a restriction) that webhooks will hear of only once this email is sent; empty
   * when it has been sent.
   */
  async function eventsWaitingFor(id: string): Promise<{ id: string; type: string }[]> {
    const email = await get(id);
    return email.status === 'sent' ? [] : emailStore.eventsWaitingFor(db, id);
  }

  /** How many emails are in each status (for metrics: a growing `queued` means mail is not going out). */
  async function countByStatus(): Promise<Record<EmailStatus, number>> {
    const counts = await emailStore.countByStatus(db);
    return Object.fromEntries(EMAIL_STATUSES.map((s) => [s, counts[s] ?? 0])) as Record<EmailStatus, number>;
  }

  /** Queues a failed or dead email again, due now, with a fresh budget of attempts. */
  async function redeliver(actor: Actor, id: string): Promise<Email> {
    return inTransaction(db, async (tx) => {
      const e = await emailStore.find(tx, id, true);
      if (e === undefined) throw notFound('email', id);
      if (e.status === 'sent') throw conflict(`email ${id} was sent at ${e.sentAt?.toISOString() ?? '?'}; it is not sent twice`, 'email.already_sent');
      if (e.status === 'queued' || e.status === 'sending') throw conflict(`email ${id} is already ${e.status}`, 'email.in_progress');
      const requeued = await emailStore.requeue(tx, id, clock.now());
      await recordChange(tx, clock, {
        actor,
        action: 'email.redelivered',
        subject: { type: 'email', id },
        fields: ['status', 'attempts', 'next_attempt_at'],
        data: { ref: e.ref, previousStatus: e.status, previousAttempts: e.attempts },
      });
      return requeued;
    });
  }

  return { list, get, read, eventsWaitingFor, countByStatus, redeliver };
}

export type EmailService = ReturnType<typeof createEmailService>;
