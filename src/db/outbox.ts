import { newId, type Clock } from '../kernel';
import { appendAudit, type AuditInput, type PendingAuditEntry } from './audit';
import { sql, type Db } from './connection';

export interface OutboxEventInput {
  /** Stable event type, e.g. `case.opened`, `restriction.applied`. */
  readonly type: string;
  readonly subject: { readonly type: string; readonly id: string };
  readonly payload: unknown;
  /** Hold the event back from webhooks until this email (`eml_…`) is sent. */
  readonly afterEmailId?: string | undefined;
}

/** Writes an event to the outbox inside the caller's transaction; the relay delivers it after commit. */
export async function enqueueOutbox(tx: Db, clock: Clock, event: OutboxEventInput): Promise<string> {
  // A mistyped id would hold the event back for ever: it is a bug in the caller, not bad input.
  if (event.afterEmailId !== undefined && !/^eml_[0-9A-Z]{26}$/.test(event.afterEmailId)) throw new Error(`afterEmailId must be an email id (eml_…), got ${event.afterEmailId}`);
  const id = newId('evt');
  await tx.execute(sql`INSERT INTO outbox_events (id, type, subject_type, subject_id, payload, created_at, after_email_id)
    VALUES (${id}, ${event.type}, ${event.subject.type}, ${event.subject.id}, ${JSON.stringify(event.payload ?? null)}::jsonb, ${clock.now().toISOString()},
            ${event.afterEmailId ?? null})`);
  return id;
}

export interface ChangeInput extends AuditInput {
  /** The outbox event for this change; omit only for changes nobody outside needs to hear of. */
  readonly event?: {
    readonly type: string;
    readonly payload: unknown;
    /**
     * The email (`eml_…`, queued in this transaction with `queueEmail`) that must be sent before the
     * event reaches webhooks; other events are not held up by this one.
     */
    readonly afterEmailId?: string | undefined;
  };
}

/**
 * The one way a state change is recorded: its outbox event and its audit entry, in the caller's
 * transaction; the entry is linked into the hash chain after commit by the sealer.
 */
export async function recordChange(tx: Db, clock: Clock, change: ChangeInput): Promise<{ audit: PendingAuditEntry; eventId: string | undefined }> {
  const eventId =
    change.event === undefined ? undefined : await enqueueOutbox(tx, clock, { type: change.event.type, subject: change.subject, payload: change.event.payload, afterEmailId: change.event.afterEmailId });
  const audit = await appendAudit(tx, clock, change);
  return { audit, eventId };
}
