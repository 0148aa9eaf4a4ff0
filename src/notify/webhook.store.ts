import { query, queryOne, sql, type Db } from '../db';
import { isDeliveryStatus, type OutboxEvent, type WebhookDelivery, type WebhookEndpoint } from './webhook.model';

type Row = Record<string, unknown>;

function date(v: unknown): Date {
  return v instanceof Date ? v : new Date(String(v));
}
function optDate(v: unknown): Date | undefined {
  return v === null || v === undefined ? undefined : date(v);
}
function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

export function toEndpoint(r: Row): WebhookEndpoint {
  return {
    id: String(r['id']),
    url: String(r['url']),
    eventTypes: json<string[]>(r['event_types']),
    active: r['active'] === true || r['active'] === 't',
    description: String(r['description'] ?? ''),
    createdAt: date(r['created_at']),
    updatedAt: date(r['updated_at']),
  };
}

export function toDelivery(r: Row): WebhookDelivery {
  const status = String(r['status']);
  if (!isDeliveryStatus(status)) throw new Error(`webhook delivery ${String(r['id'])} has unknown status ${status}`);
  return {
    id: String(r['id']),
    endpointId: String(r['endpoint_id']),
    eventId: String(r['event_id']),
    eventType: String(r['event_type']),
    status,
    attempts: Number(r['attempts']),
    nextAttemptAt: date(r['next_attempt_at']),
    lastStatusCode: r['last_status_code'] === null || r['last_status_code'] === undefined ? undefined : Number(r['last_status_code']),
    lastError: r['last_error'] === null || r['last_error'] === undefined ? undefined : String(r['last_error']),
    lastAttemptAt: optDate(r['last_attempt_at']),
    createdAt: date(r['created_at']),
    deliveredAt: optDate(r['delivered_at']),
  };
}

export function toOutboxEvent(r: Row): OutboxEvent {
  return {
    seq: Number(r['seq']),
    id: String(r['id']),
    type: String(r['type']),
    subject: { type: String(r['subject_type']), id: String(r['subject_id']) },
    payload: json<unknown>(r['payload']),
    createdAt: date(r['created_at']),
    relayedAt: optDate(r['relayed_at']),
  };
}

/** What one delivery attempt needs: the claimed delivery, its endpoint's address and secret, and the event. */
export interface ClaimedDelivery {
  readonly deliveryId: string;
  readonly attempts: number;
  readonly endpointId: string;
  readonly url: string;
  readonly secret: string;
  readonly event: OutboxEvent;
}

export interface NewDelivery {
  readonly id: string;
  readonly endpointId: string;
  readonly eventId: string;
  readonly eventType: string;
}

/** True for an outbox event `o` that waits for no email, or whose email has been sent. */
const RELEASED = sql`(o.after_email_id IS NULL OR EXISTS (SELECT 1 FROM emails m WHERE m.id = o.after_email_id AND m.status = 'sent'))`;

export const webhookStore = {
  async insertEndpoint(db: Db, e: WebhookEndpoint & { secret: string }): Promise<WebhookEndpoint> {
    const r = await queryOne(
      db,
      sql`INSERT INTO webhook_endpoints (id, url, secret, event_types, active, description, created_at, updated_at)
          VALUES (${e.id}, ${e.url}, ${e.secret}, ${JSON.stringify(e.eventTypes)}::jsonb, ${e.active}, ${e.description},
                  ${e.createdAt.toISOString()}, ${e.updatedAt.toISOString()})
          RETURNING *`,
    );
    return toEndpoint(r!);
  },

  async findEndpoint(db: Db, id: string, forUpdate = false): Promise<WebhookEndpoint | undefined> {
    const r = forUpdate
      ? await queryOne(db, sql`SELECT * FROM webhook_endpoints WHERE id = ${id} FOR UPDATE`)
      : await queryOne(db, sql`SELECT * FROM webhook_endpoints WHERE id = ${id}`);
    return r === undefined ? undefined : toEndpoint(r);
  },

  async listEndpoints(db: Db): Promise<WebhookEndpoint[]> {
    return (await query(db, sql`SELECT * FROM webhook_endpoints ORDER BY created_at, id`)).map(toEndpoint);
  },

  async updateEndpoint(db: Db, e: WebhookEndpoint): Promise<WebhookEndpoint> {
    const r = await queryOne(
      db,
      sql`UPDATE webhook_endpoints SET url = ${e.url}, event_types = ${JSON.stringify(e.eventTypes)}::jsonb, active = ${e.active},
            description = ${e.description}, updated_at = ${e.updatedAt.toISOString()}
          WHERE id = ${e.id} RETURNING *`,
    );
    return toEndpoint(r!);
  },

  async deleteEndpoint(db: Db, id: string): Promise<boolean> {
    return (await query(db, sql`DELETE FROM webhook_endpoints WHERE id = ${id} RETURNING id`)).length > 0;
  },

  async findDelivery(db: Db, id: string, forUpdate = false): Promise<WebhookDelivery | undefined> {
    const r = forUpdate
      ? await queryOne(db, sql`SELECT * FROM webhook_deliveries WHERE id = ${id} FOR UPDATE`)
      : await queryOne(db, sql`SELECT * FROM webhook_deliveries WHERE id = ${id}`);
    return r === undefined ? undefined : toDelivery(r);
  },

  /** Newest first; `beforeId` is the last id of the previous page. */
  async listDeliveries(db: Db, f: { endpointId?: string | undefined; status?: string | undefined; beforeId?: string | undefined; limit: number }): Promise<WebhookDelivery[]> {
    const rows = await query(
      db,
      sql`SELECT * FROM webhook_deliveries
          WHERE (${f.endpointId ?? null}::text IS NULL OR endpoint_id = ${f.endpointId ?? null})
            AND (${f.status ?? null}::text IS NULL OR status = ${f.status ?? null})
            AND (${f.beforeId ?? null}::text IS NULL OR id < ${f.beforeId ?? null})
          ORDER BY id DESC LIMIT ${f.limit}`,
    );
    return rows.map(toDelivery);
  },

  /** Makes a delivery due now with a fresh budget of attempts. */
  async resetDelivery(db: Db, id: string, now: Date): Promise<WebhookDelivery> {
    const r = await queryOne(
      db,
      sql`UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ${now.toISOString()}, lease_expires_at = NULL
          WHERE id = ${id} RETURNING *`,
    );
    return toDelivery(r!);
  },

  /** Events after `afterSeq`, without those still waiting for their email. */
  async readOutbox(db: Db, afterSeq: number, limit: number): Promise<OutboxEvent[]> {
    const rows = await query(db, sql`SELECT o.* FROM outbox_events o WHERE o.seq > ${afterSeq} AND ${RELEASED} ORDER BY o.seq LIMIT ${limit}`);
    return rows.map(toOutboxEvent);
  },

  // ---- the relay's queries ----

  /**
   * Locks up to `limit` unrelayed events that may go out; rows another relay holds are skipped, not
   * waited for. An event waiting for an email (`after_email_id`) may go out once that email is sent;
   * until then it is passed over and the events after it are not held up.
   */
  async lockUnrelayedEvents(tx: Db, limit: number): Promise<{ seq: number; id: string; type: string; createdAt: Date }[]> {
    const rows = await query(
      tx,
      sql`SELECT o.seq, o.id, o.type, o.created_at FROM outbox_events o
          WHERE o.relayed_at IS NULL AND ${RELEASED}
          ORDER BY o.seq LIMIT ${limit} FOR UPDATE OF o SKIP LOCKED`,
    );
    return rows.map((r) => ({ seq: Number(r['seq']), id: String(r['id']), type: String(r['type']), createdAt: date(r['created_at']) }));
  },

  async activeEndpoints(tx: Db): Promise<{ id: string; eventTypes: string[]; createdAt: Date }[]> {
    const rows = await query(tx, sql`SELECT id, event_types, created_at FROM webhook_endpoints WHERE active`);
    return rows.map((r) => ({ id: String(r['id']), eventTypes: json<string[]>(r['event_types']), createdAt: date(r['created_at']) }));
  },

  /** Inserts deliveries; one that exists already for the (endpoint, event) pair is left alone. Returns how many were new. */
  async insertDeliveries(tx: Db, rows: readonly NewDelivery[], now: Date): Promise<number> {
    if (rows.length === 0) return 0;
    const payload = JSON.stringify(rows.map((r) => ({ id: r.id, endpoint_id: r.endpointId, event_id: r.eventId, event_type: r.eventType })));
    const inserted = await query(
      tx,
      sql`INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, status, attempts, next_attempt_at, created_at)
          SELECT x.id, x.endpoint_id, x.event_id, x.event_type, 'pending', 0, ${now.toISOString()}, ${now.toISOString()}
          FROM jsonb_to_recordset(${payload}::jsonb) AS x(id text, endpoint_id text, event_id text, event_type text)
          ON CONFLICT (endpoint_id, event_id) DO NOTHING
          RETURNING id`,
    );
    return inserted.length;
  },

  async markRelayed(tx: Db, seqs: readonly number[], now: Date): Promise<void> {
    if (seqs.length === 0) return;
    await tx.execute(
      sql`UPDATE outbox_events SET relayed_at = ${now.toISOString()}
          WHERE seq IN (SELECT (jsonb_array_elements_text(${JSON.stringify(seqs)}::jsonb))::bigint)`,
    );
  },

  /**
   * Claims up to `limit` due deliveries of active endpoints — pending or failed ones whose time has
   * come, and `delivering` ones whose holder's lease ran out — and counts the attempt. SKIP LOCKED
   * makes concurrent relays take disjoint sets.
   */
  async claimDue(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    const nowIso = now.toISOString();
    const claimed = await query(
      db,
      sql`UPDATE webhook_deliveries d
          SET status = 'delivering', attempts = d.attempts + 1, lease_expires_at = ${leaseUntil.toISOString()}, last_attempt_at = ${nowIso}
          WHERE d.id IN (
            SELECT w.id FROM webhook_deliveries w JOIN webhook_endpoints e ON e.id = w.endpoint_id AND e.active
            WHERE (w.status IN ('pending', 'failed') AND w.next_attempt_at <= ${nowIso})
               OR (w.status = 'delivering' AND w.lease_expires_at <= ${nowIso})
            ORDER BY w.next_attempt_at, w.id
            LIMIT ${limit}
            FOR UPDATE OF w SKIP LOCKED)
          RETURNING d.id, d.attempts, d.endpoint_id, d.event_id`,
    );
    if (claimed.length === 0) return [];
    const ids = JSON.stringify(claimed.map((c) => c['id']));
    const rows = await query(
      db,
      sql`SELECT d.id AS delivery_id, d.attempts, e.id AS endpoint_id, e.url, e.secret,
                 o.seq, o.id, o.type, o.subject_type, o.subject_id, o.payload, o.created_at, o.relayed_at
          FROM webhook_deliveries d
          JOIN webhook_endpoints e ON e.id = d.endpoint_id
          JOIN outbox_events o ON o.id = d.event_id
          WHERE d.id IN (SELECT jsonb_array_elements_text(${ids}::jsonb))
          ORDER BY d.next_attempt_at, d.id`,
    );
    return rows.map((r) => ({
      deliveryId: String(r['delivery_id']),
      attempts: Number(r['attempts']),
      endpointId: String(r['endpoint_id']),
      url: String(r['url']),
      secret: String(r['secret']),
      event: toOutboxEvent(r),
    }));
  },

  /**
   * Records an attempt's outcome, only if this relay still holds the delivery (same attempt
   * number, still `delivering`): a relay whose lease ran out must not overwrite its successor.
   */
  async finishAttempt(
    db: Db,
    d: { id: string; attempts: number },
    outcome: { status: 'delivered' | 'failed' | 'dead'; statusCode: number | undefined; error: string | undefined; nextAttemptAt: Date; at: Date },
  ): Promise<boolean> {
    const rows = await query(
      db,
      sql`UPDATE webhook_deliveries
          SET status = ${outcome.status}, lease_expires_at = NULL, last_status_code = ${outcome.statusCode ?? null},
              last_error = ${outcome.error ?? null}, next_attempt_at = ${outcome.nextAttemptAt.toISOString()},
              delivered_at = ${outcome.status === 'delivered' ? outcome.at.toISOString() : null}
          WHERE id = ${d.id} AND attempts = ${d.attempts} AND status = 'delivering'
          RETURNING id`,
    );
    return rows.length > 0;
  },
};
