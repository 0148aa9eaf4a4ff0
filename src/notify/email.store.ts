import { query, queryOne, sql, type Db } from '../db';
import { isEmailStatus, type Email, type EmailInput } from './email.model';

type Row = Record<string, unknown>;

function date(v: unknown): Date {
  return v instanceof Date ? v : new Date(String(v));
}
function optDate(v: unknown): Date | undefined {
  return v === null || v === undefined ? undefined : date(v);
}
function optString(v: unknown): string | undefined {
  return v === null || v === undefined ? undefined : String(v);
}

export function toEmail(r: Row): Email {
  const status = String(r['status']);
  if (!isEmailStatus(status)) throw new Error(`email ${String(r['id'])} has unknown status ${status}`);
  return {
    id: String(r['id']),
    to: String(r['to_address']),
    subject: String(r['subject']),
    text: String(r['text_body']),
    html: String(r['html_body']),
    lang: optString(r['lang']),
    ref: { type: String(r['ref_type']), id: String(r['ref_id']) },
    status,
    attempts: Number(r['attempts']),
    nextAttemptAt: date(r['next_attempt_at']),
    lastError: optString(r['last_error']),
    lastAttemptAt: optDate(r['last_attempt_at']),
    smtpMessageId: optString(r['smtp_message_id']),
    createdAt: date(r['created_at']),
    sentAt: optDate(r['sent_at']),
  };
}

/** The outcome of one attempt, as the sender records it. */
export type AttemptOutcome =
  | { readonly status: 'sent'; readonly messageId: string; readonly at: Date }
  | { readonly status: 'failed' | 'dead'; readonly error: string; readonly nextAttemptAt: Date; readonly at: Date };

export const emailStore = {
  async insert(tx: Db, id: string, e: EmailInput, now: Date): Promise<void> {
    const at = now.toISOString();
    await tx.execute(
      sql`INSERT INTO emails (id, to_address, subject, text_body, html_body, lang, ref_type, ref_id, status, attempts, next_attempt_at, created_at)
          VALUES (${id}, ${e.to}, ${e.subject}, ${e.text}, ${e.html}, ${e.lang ?? null}, ${e.ref.type}, ${e.ref.id}, 'queued', 0, ${at}, ${at})`,
    );
  },

  async find(db: Db, id: string, forUpdate = false): Promise<Email | undefined> {
    const r = forUpdate ? await queryOne(db, sql`SELECT * FROM emails WHERE id = ${id} FOR UPDATE`) : await queryOne(db, sql`SELECT * FROM emails WHERE id = ${id}`);
    return r === undefined ? undefined : toEmail(r);
  },

  /** Newest first; `beforeId` is the last id of the previous page. */
  async list(db: Db, f: { refType?: string | undefined; refId?: string | undefined; status?: string | undefined; beforeId?: string | undefined; limit: number }): Promise<Email[]> {
    const rows = await query(
      db,
      sql`SELECT * FROM emails
          WHERE (${f.refType ?? null}::text IS NULL OR ref_type = ${f.refType ?? null})
            AND (${f.refId ?? null}::text IS NULL OR ref_id = ${f.refId ?? null})
            AND (${f.status ?? null}::text IS NULL OR status = ${f.status ?? null})
            AND (${f.beforeId ?? null}::text IS NULL OR id < ${f.beforeId ?? null})
          ORDER BY id DESC LIMIT ${f.limit}`,
    );
    return rows.map(toEmail);
  },

  /** Outbox events held back from webhooks until this email is sent (ids and types, oldest first). */
  async eventsWaitingFor(db: Db, emailId: string): Promise<{ id: string; type: string }[]> {
    const rows = await query(db, sql`SELECT id, type FROM outbox_events WHERE after_email_id = ${emailId} AND relayed_at IS NULL ORDER BY seq`);
    return rows.map((r) => ({ id: String(r['id']), type: String(r['type']) }));
  },

  async countByStatus(db: Db): Promise<Record<string, number>> {
    const rows = await query<{ status: string; n: number }>(db, sql`SELECT status, count(*)::int AS n FROM emails GROUP BY status`);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  },

  /** Queued again, due now, with a fresh budget of attempts. */
  async requeue(tx: Db, id: string, now: Date): Promise<Email> {
    const r = await queryOne(
      tx,
      sql`UPDATE emails SET status = 'queued', attempts = 0, next_attempt_at = ${now.toISOString()}, lease_expires_at = NULL
          WHERE id = ${id} RETURNING *`,
    );
    return toEmail(r!);
  },

  /**
   * Claims up to `limit` due emails — queued or failed ones whose time has come, and `sending` ones
   * whose holder's lease ran out — and counts the attempt. SKIP LOCKED gives concurrent senders
   * disjoint sets, so each email goes to one of them.
   */
  async claimDue(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<Email[]> {
    const nowIso = now.toISOString();
    const rows = await query(
      db,
      sql`UPDATE emails m
          SET status = 'sending', attempts = m.attempts + 1, lease_expires_at = ${leaseUntil.toISOString()}, last_attempt_at = ${nowIso}
          WHERE m.id IN (
            SELECT e.id FROM emails e
            WHERE (e.status IN ('queued', 'failed') AND e.next_attempt_at <= ${nowIso})
               OR (e.status = 'sending' AND e.lease_expires_at <= ${nowIso})
            ORDER BY e.next_attempt_at, e.id
            LIMIT ${limit}
            FOR UPDATE SKIP LOCKED)
          RETURNING m.*`,
    );
    return rows.map(toEmail).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || (a.id < b.id ? -1 : 1));
  },

  /**
   * Records an attempt's outcome, only if this sender still holds the email (same attempt number,
   * still `sending`): a sender whose lease ran out must not overwrite its successor.
   */
  async finishAttempt(tx: Db, e: { id: string; attempts: number }, o: AttemptOutcome): Promise<boolean> {
    const rows =
      o.status === 'sent'
        ? await query(
            tx,
            sql`UPDATE emails SET status = 'sent', lease_expires_at = NULL, smtp_message_id = ${o.messageId}, sent_at = ${o.at.toISOString()}, last_error = NULL
                WHERE id = ${e.id} AND attempts = ${e.attempts} AND status = 'sending' RETURNING id`,
          )
        : await query(
            tx,
            sql`UPDATE emails SET status = ${o.status}, lease_expires_at = NULL, last_error = ${o.error}, next_attempt_at = ${o.nextAttemptAt.toISOString()}
                WHERE id = ${e.id} AND attempts = ${e.attempts} AND status = 'sending' RETURNING id`,
          );
    return rows.length > 0;
  },
};
