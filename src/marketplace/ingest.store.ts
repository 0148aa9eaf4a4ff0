import { query, sql, type Db } from '../db';
import type { SQL } from 'drizzle-orm';

/*
 * Set-based SQL for ingest. Rows travel column-wise, one PostgreSQL array literal per column, and are
 * read back with unnest(): the same on PGlite and node-postgres, one round trip per chunk of up to
 * CHUNK rows, and measured faster than a jsonb_to_recordset parameter (about 15 vs 25 ms per 1,000
 * messages on PostgreSQL 15).
 *
 * Lock order. Concurrent batches on PostgreSQL must not deadlock, so every batch takes its row locks
 * in one global order: sellers < buyers < listings < conversations < messages < listing_events <
 * order locks < order_events < orders < audit head, and within a table by ascending id. (A message
 * batch writes its conversations after its messages: conversations < messages above is for event
 * batches, which touch no conversation.) Callers pass rows sorted by id; each statement keeps that order.
 */

export const CHUNK = 1000;

export function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** A PostgreSQL array literal (`{"a","b",NULL}`); strings reaching here hold no NUL characters. */
export function pgArrayLiteral(values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    if (v === null || v === undefined) out += 'NULL';
    else out += `"${(typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)).replace(/["\\]/g, '\\$&')}"`;
  }
  return `${out}}`;
}

function array(values: readonly unknown[], type: string): SQL {
  return sql`${pgArrayLiteral(values)}::${sql.raw(type)}[]`;
}

/** `unnest(…) AS x(col, …)`: the rows as a relation, one typed array per column. */
export function rowsOf<T>(rows: readonly T[], columns: readonly (readonly [keyof T & string, string])[]): SQL {
  const arrays = columns.map(([k, type]) => array(rows.map((r) => r[k]), type));
  return sql`unnest(${sql.join(arrays, sql`, `)}) AS x(${sql.raw(columns.map(([k]) => k).join(', '))})`;
}

/** `= ANY(…)` over a list of text ids, as one parameter. */
export function anyOf(ids: readonly string[]): SQL {
  return sql`ANY(${array(ids, 'text')})`;
}

export function toDate(v: unknown): Date {
  return v instanceof Date ? v : new Date(String(v));
}

export function toOptDate(v: unknown): Date | undefined {
  return v === null || v === undefined ? undefined : toDate(v);
}

export function toNum(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

export function iso(d: Date): string {
  return d.toISOString();
}

// ---------- placeholders ----------

/** Creates sellers known only by id; existing ones are left alone. */
export async function ensureSellers(tx: Db, ids: readonly string[], now: Date): Promise<void> {
  for (const part of chunks(ids)) {
    await tx.execute(sql`INSERT INTO sellers (id, created_at, updated_at)
      SELECT id, ${iso(now)}::timestamptz, ${iso(now)}::timestamptz FROM unnest(${array(part, 'text')}) AS id
      ON CONFLICT (id) DO NOTHING`);
  }
}

/** Creates buyers known only by id; existing ones are left alone. */
export async function ensureBuyers(tx: Db, ids: readonly string[], now: Date): Promise<void> {
  for (const part of chunks(ids)) {
    await tx.execute(sql`INSERT INTO buyers (id, created_at, updated_at)
      SELECT id, ${iso(now)}::timestamptz, ${iso(now)}::timestamptz FROM unnest(${array(part, 'text')}) AS id
      ON CONFLICT (id) DO NOTHING`);
  }
}

/** Creates listings known only by id and seller; existing ones are left alone (and not locked). */
export async function ensureListings(tx: Db, rows: readonly { id: string; seller_id: string | null }[], now: Date): Promise<void> {
  for (const part of chunks(rows)) {
    await tx.execute(sql`INSERT INTO listings (id, seller_id, created_at, updated_at)
      SELECT x.id, x.seller_id, ${iso(now)}::timestamptz, ${iso(now)}::timestamptz
      FROM ${rowsOf(part, [['id', 'text'], ['seller_id', 'text']])}
      ON CONFLICT (id) DO NOTHING`);
  }
}

/**
 * Creates listings known only by id (and seller, when the reference names one) and locks every
 * listing named, so the status and price updates later in the batch see a settled row. A known
 * seller fills in a placeholder's missing seller.
 */
export async function ensureAndLockListings(tx: Db, rows: readonly { id: string; seller_id: string | null }[], now: Date): Promise<void> {
  for (const part of chunks(rows)) {
    await tx.execute(sql`INSERT INTO listings (id, seller_id, created_at, updated_at)
      SELECT x.id, x.seller_id, ${iso(now)}::timestamptz, ${iso(now)}::timestamptz
      FROM ${rowsOf(part, [['id', 'text'], ['seller_id', 'text']])}
      ON CONFLICT (id) DO UPDATE SET seller_id = COALESCE(listings.seller_id, excluded.seller_id)`);
  }
}

// ---------- messages ----------

export interface ConversationRef {
  readonly id: string;
  readonly buyer_id: string;
  readonly seller_id: string;
  readonly listing_id: string | null;
}

/** The parties of each named conversation that exists, to refuse a message that contradicts them. */
export async function conversationParties(tx: Db, ids: readonly string[]): Promise<Map<string, { buyerId: string; sellerId: string }>> {
  const out = new Map<string, { buyerId: string; sellerId: string }>();
  for (const part of chunks(ids)) {
    const res = await query<{ id: string; buyer_id: string; seller_id: string }>(tx, sql`SELECT id, buyer_id, seller_id FROM conversations WHERE id = ${anyOf(part)}`);
    for (const r of res) out.set(r.id, { buyerId: r.buyer_id, sellerId: r.seller_id });
  }
  return out;
}

export interface MessageRow {
  readonly id: string;
  readonly conversation_id: string;
  readonly sender_role: string;
  readonly body: string;
  readonly body_hash: string;
  readonly sent_at: string;
  readonly lang: string | null;
  /** The scan result (src/marketplace/message-scan.model.ts `StoredScan`) and the rule-set version it was computed with. */
  readonly scan: object | null;
  readonly rule_set_version: string | null;
}

/**
 * Inserts messages whose id is new; returns the ids inserted (the database decides, not a prior check).
 * The scan travels as text and is cast row by row: measured faster than a jsonb[] literal on PostgreSQL.
 */
export async function insertMessages(tx: Db, rows: readonly MessageRow[], now: Date): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const part of chunks(rows)) {
    const res = await query<{ id: string }>(
      tx,
      sql`INSERT INTO messages (id, conversation_id, sender_role, body, body_hash, sent_at, lang, received_at, scan, rule_set_version)
        SELECT x.id, x.conversation_id, x.sender_role, x.body, x.body_hash, x.sent_at, x.lang, ${iso(now)}::timestamptz, x.scan::jsonb, x.rule_set_version
        FROM ${rowsOf(part, [['id', 'text'], ['conversation_id', 'text'], ['sender_role', 'text'], ['body', 'text'], ['body_hash', 'text'], ['sent_at', 'timestamptz'], ['lang', 'text'], ['scan', 'text'], ['rule_set_version', 'text']])}
        ON CONFLICT (id) DO NOTHING
        RETURNING id`,
    );
    for (const r of res) inserted.add(r.id);
  }
  return inserted;
}

/** The stored body hash of each message id that exists. */
export async function messageHashes(tx: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks(ids)) {
    const rows = await query<{ id: string; body_hash: string }>(tx, sql`SELECT id, body_hash FROM messages WHERE id = ${anyOf(part)}`);
    for (const r of rows) out.set(r.id, r.body_hash);
  }
  return out;
}

export interface ConversationDelta {
  readonly id: string;
  readonly buyer_id: string;
  readonly seller_id: string;
  readonly listing_id: string | null;
  readonly n: number;
  readonly first: string;
  readonly last: string;
}

/**
 * Creates each conversation with its newly stored messages counted, or adds them to one that exists
 * (and fills in a missing listing). An upsert rather than UPDATE … FROM, so rows are locked in the
 * given (id) order. Returns the parties each conversation now has.
 */
export async function upsertConversations(tx: Db, deltas: readonly ConversationDelta[], now: Date): Promise<Map<string, { buyerId: string; sellerId: string }>> {
  const out = new Map<string, { buyerId: string; sellerId: string }>();
  for (const part of chunks(deltas)) {
    const res = await query<{ id: string; buyer_id: string; seller_id: string }>(
      tx,
      sql`INSERT INTO conversations (id, buyer_id, seller_id, listing_id, message_count, first_message_at, last_message_at, created_at)
        SELECT x.id, x.buyer_id, x.seller_id, x.listing_id, x.n, x.first, x.last, ${iso(now)}::timestamptz
        FROM ${rowsOf(part, [['id', 'text'], ['buyer_id', 'text'], ['seller_id', 'text'], ['listing_id', 'text'], ['n', 'integer'], ['first', 'timestamptz'], ['last', 'timestamptz']])}
        ON CONFLICT (id) DO UPDATE SET
          message_count = conversations.message_count + excluded.message_count,
          first_message_at = LEAST(conversations.first_message_at, excluded.first_message_at),
          last_message_at = GREATEST(conversations.last_message_at, excluded.last_message_at),
          listing_id = COALESCE(conversations.listing_id, excluded.listing_id)
        RETURNING id, buyer_id, seller_id`,
    );
    for (const r of res) out.set(r.id, { buyerId: r.buyer_id, sellerId: r.seller_id });
  }
  return out;
}

// ---------- listing and order events ----------

export interface ListingEventRow {
  readonly id: string;
  readonly listing_id: string;
  readonly type: 'status_changed' | 'price_changed';
  readonly status: string | null;
  readonly price_minor: number | null;
  readonly currency: string | null;
  readonly occurred_at: string;
  readonly source: 'event' | 'sync';
  readonly payload_hash: string;
}

export async function insertListingEvents(tx: Db, rows: readonly ListingEventRow[], now: Date): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const part of chunks(rows)) {
    const res = await query<{ id: string }>(
      tx,
      sql`INSERT INTO listing_events (id, listing_id, type, status, price_minor, currency, occurred_at, source, payload_hash, received_at)
        SELECT x.id, x.listing_id, x.type, x.status, x.price_minor, x.currency, x.occurred_at, x.source, x.payload_hash, ${iso(now)}::timestamptz
        FROM ${rowsOf(part, [['id', 'text'], ['listing_id', 'text'], ['type', 'text'], ['status', 'text'], ['price_minor', 'bigint'], ['currency', 'text'], ['occurred_at', 'timestamptz'], ['source', 'text'], ['payload_hash', 'text']])}
        ON CONFLICT (id) DO NOTHING
        RETURNING id`,
    );
    for (const r of res) inserted.add(r.id);
  }
  return inserted;
}

export async function eventHashes(tx: Db, table: 'listing_events' | 'order_events', ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const t = sql.raw(table);
  for (const part of chunks(ids)) {
    const rows = await query<{ id: string; payload_hash: string }>(tx, sql`SELECT id, payload_hash FROM ${t} WHERE id = ${anyOf(part)}`);
    for (const r of rows) out.set(r.id, r.payload_hash);
  }
  return out;
}

/**
 * Moves each listing to the latest status (or price) among the given new events, unless the
 * listing already reflects a later observation: late and out-of-order events apply by their own time.
 */
export async function applyListingEvents(tx: Db, eventIds: readonly string[], now: Date): Promise<void> {
  for (const part of chunks(eventIds)) {
    await tx.execute(sql`UPDATE listings l SET status = x.status, status_changed_at = x.occurred_at, updated_at = ${iso(now)}::timestamptz
      FROM (SELECT DISTINCT ON (listing_id) listing_id, status, occurred_at FROM listing_events
            WHERE id = ${anyOf(part)} AND type = 'status_changed'
            ORDER BY listing_id, occurred_at DESC, id DESC) x
      WHERE l.id = x.listing_id AND (l.status_changed_at IS NULL OR x.occurred_at > l.status_changed_at)`);
    await tx.execute(sql`UPDATE listings l SET price_minor = x.price_minor, currency = x.currency, price_changed_at = x.occurred_at, updated_at = ${iso(now)}::timestamptz
      FROM (SELECT DISTINCT ON (listing_id) listing_id, price_minor, currency, occurred_at FROM listing_events
            WHERE id = ${anyOf(part)} AND type = 'price_changed'
            ORDER BY listing_id, occurred_at DESC, id DESC) x
      WHERE l.id = x.listing_id AND (l.price_changed_at IS NULL OR x.occurred_at > l.price_changed_at)`);
  }
}

/** Serialises batches that touch the same orders (an order's events may arrive in different batches at once). */
export async function lockOrders(tx: Db, orderIds: readonly string[]): Promise<void> {
  for (const part of chunks(orderIds)) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7301, k) FROM (
        SELECT DISTINCT hashtext(id) AS k FROM unnest(${array(part, 'text')}) AS id ORDER BY k) s`);
  }
}

export interface OrderEventRow {
  readonly id: string;
  readonly order_id: string;
  readonly type: string;
  readonly occurred_at: string;
  readonly payload_hash: string;
}

export async function insertOrderEvents(tx: Db, rows: readonly OrderEventRow[], now: Date): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const part of chunks(rows)) {
    const res = await query<{ id: string }>(
      tx,
      sql`INSERT INTO order_events (id, order_id, type, occurred_at, payload_hash, received_at)
        SELECT x.id, x.order_id, x.type, x.occurred_at, x.payload_hash, ${iso(now)}::timestamptz
        FROM ${rowsOf(part, [['id', 'text'], ['order_id', 'text'], ['type', 'text'], ['occurred_at', 'timestamptz'], ['payload_hash', 'text']])}
        ON CONFLICT (id) DO NOTHING
        RETURNING id`,
    );
    for (const r of res) inserted.add(r.id);
  }
  return inserted;
}

export interface OrderRow {
  readonly id: string;
  readonly listing_id: string;
  readonly buyer_id: string;
  readonly seller_id: string;
  readonly amount_minor: number;
  readonly currency: string;
  readonly created_at: string;
}

/** Creates orders from `order.created` events; a second creation of the same order changes nothing. */
export async function insertOrders(tx: Db, rows: readonly OrderRow[], now: Date): Promise<void> {
  for (const part of chunks(rows)) {
    await tx.execute(sql`INSERT INTO orders (id, listing_id, buyer_id, seller_id, amount_minor, currency, status, created_at, status_at, received_at)
      SELECT x.id, x.listing_id, x.buyer_id, x.seller_id, x.amount_minor, x.currency, 'created', x.created_at, x.created_at, ${iso(now)}::timestamptz
      FROM ${rowsOf(part, [['id', 'text'], ['listing_id', 'text'], ['buyer_id', 'text'], ['seller_id', 'text'], ['amount_minor', 'bigint'], ['currency', 'text'], ['created_at', 'timestamptz']])}
      ON CONFLICT (id) DO NOTHING`);
  }
}

/**
 * Recomputes each order's status from all its stored events: the latest cancel or refund by its own
 * time, else `created`. Events that arrived before the order are applied here, once it exists.
 */
export async function recomputeOrderStatus(tx: Db, orderIds: readonly string[]): Promise<void> {
  for (const part of chunks(orderIds)) {
    await tx.execute(sql`UPDATE orders o SET status = x.status, status_at = x.occurred_at
      FROM (SELECT DISTINCT ON (order_id) order_id,
                   CASE type WHEN 'order.cancelled' THEN 'cancelled' ELSE 'refunded' END AS status, occurred_at
            FROM order_events
            WHERE order_id = ${anyOf(part)} AND type IN ('order.cancelled', 'order.refunded')
            ORDER BY order_id, occurred_at DESC, id DESC) x
      WHERE o.id = x.order_id AND (o.status <> x.status OR o.status_at <> x.occurred_at)`);
  }
}

// ---------- records (sellers, buyers, listings) ----------

export interface SourceState {
  readonly id: string;
  readonly sourceUpdatedAt: Date | undefined;
  readonly sourceHash: string | undefined;
}

/** Locks the named records and returns what is held of each (placeholders have no source time). */
export async function lockRecords(tx: Db, table: 'sellers' | 'buyers' | 'listings', ids: readonly string[]): Promise<Map<string, SourceState & Record<string, unknown>>> {
  const out = new Map<string, SourceState & Record<string, unknown>>();
  const t = sql.raw(table);
  for (const part of chunks(ids)) {
    const rows = await query<Record<string, unknown>>(tx, sql`SELECT * FROM ${t} WHERE id = ${anyOf(part)} ORDER BY id FOR UPDATE`);
    for (const r of rows) {
      const id = String(r['id']);
      out.set(id, { ...r, id, sourceUpdatedAt: toOptDate(r['source_updated_at']), sourceHash: (r['source_hash'] as string | null) ?? undefined });
    }
  }
  return out;
}

/** The WHERE of a record upsert: only a newer version, or a different one with the same time, replaces the held one. */
function newerThanHeld(table: string): SQL {
  const t = sql.raw(table);
  return sql`${t}.source_updated_at IS NULL OR ${t}.source_updated_at < excluded.source_updated_at
    OR (${t}.source_updated_at = excluded.source_updated_at AND ${t}.source_hash IS DISTINCT FROM excluded.source_hash)`;
}

export interface SellerRow {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly country: string;
  readonly time_zone: string;
  readonly languages: readonly string[];
  readonly tier: string;
  readonly commission_rate_bps: number;
  readonly status: string;
  readonly source_updated_at: string;
  readonly source_hash: string;
}

/** Upserts sellers; returns the ids whose row now holds the given version. */
export async function upsertSellers(tx: Db, rows: readonly SellerRow[], now: Date): Promise<Set<string>> {
  const applied = new Set<string>();
  for (const part of chunks(rows)) {
    const res = await query<{ id: string }>(
      tx,
      sql`INSERT INTO sellers (id, name, email, country, time_zone, languages, tier, commission_rate_bps, status, source_updated_at, source_hash, created_at, updated_at)
        SELECT x.id, x.name, x.email, x.country, x.time_zone, x.languages, x.tier, x.commission_rate_bps, x.status, x.source_updated_at, x.source_hash,
               ${iso(now)}::timestamptz, ${iso(now)}::timestamptz
        FROM ${rowsOf(part, [['id', 'text'], ['name', 'text'], ['email', 'text'], ['country', 'text'], ['time_zone', 'text'], ['languages', 'jsonb'], ['tier', 'text'], ['commission_rate_bps', 'integer'], ['status', 'text'], ['source_updated_at', 'timestamptz'], ['source_hash', 'text']])}
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, country = excluded.country, time_zone = excluded.time_zone,
          languages = excluded.languages, tier = excluded.tier, commission_rate_bps = excluded.commission_rate_bps, status = excluded.status,
          source_updated_at = excluded.source_updated_at, source_hash = excluded.source_hash, updated_at = excluded.updated_at
        WHERE ${newerThanHeld('sellers')}
        RETURNING id`,
    );
    for (const r of res) applied.add(r.id);
  }
  return applied;
}

export interface RatePoint {
  readonly seller_id: string;
  readonly tier: string;
  readonly rate_bps: number;
  readonly effective_from: string;
}

export async function readRateHistory(tx: Db, sellerIds: readonly string[]): Promise<Map<string, { tier: string; rateBps: number; at: number }[]>> {
  const out = new Map<string, { tier: string; rateBps: number; at: number }[]>();
  for (const part of chunks(sellerIds)) {
    const rows = await query<{ seller_id: string; tier: string; rate_bps: number; effective_from: unknown }>(
      tx,
      sql`SELECT seller_id, tier, rate_bps, effective_from FROM seller_commission_rates WHERE seller_id = ${anyOf(part)} ORDER BY seller_id, effective_from`,
    );
    for (const r of rows) {
      const list = out.get(r.seller_id) ?? [];
      list.push({ tier: r.tier, rateBps: toNum(r.rate_bps), at: toDate(r.effective_from).getTime() });
      out.set(r.seller_id, list);
    }
  }
  return out;
}

export async function insertRatePoints(tx: Db, rows: readonly RatePoint[], now: Date): Promise<void> {
  for (const part of chunks(rows)) {
    await tx.execute(sql`INSERT INTO seller_commission_rates (seller_id, tier, rate_bps, effective_from, recorded_at)
      SELECT x.seller_id, x.tier, x.rate_bps, x.effective_from, ${iso(now)}::timestamptz
      FROM ${rowsOf(part, [['seller_id', 'text'], ['tier', 'text'], ['rate_bps', 'integer'], ['effective_from', 'timestamptz']])}
      ON CONFLICT (seller_id, effective_from) DO NOTHING`);
  }
}

export interface BuyerRow {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly country: string | null;
  readonly source_updated_at: string;
  readonly source_hash: string;
}

export async function upsertBuyers(tx: Db, rows: readonly BuyerRow[], now: Date): Promise<Set<string>> {
  const applied = new Set<string>();
  for (const part of chunks(rows)) {
    const res = await query<{ id: string }>(
      tx,
      sql`INSERT INTO buyers (id, name, email, country, source_updated_at, source_hash, created_at, updated_at)
        SELECT x.id, x.name, x.email, x.country, x.source_updated_at, x.source_hash, ${iso(now)}::timestamptz, ${iso(now)}::timestamptz
        FROM ${rowsOf(part, [['id', 'text'], ['name', 'text'], ['email', 'text'], ['country', 'text'], ['source_updated_at', 'timestamptz'], ['source_hash', 'text']])}
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, country = excluded.country,
          source_updated_at = excluded.source_updated_at, source_hash = excluded.source_hash, updated_at = excluded.updated_at
        WHERE ${newerThanHeld('buyers')}
        RETURNING id`,
    );
    for (const r of res) applied.add(r.id);
  }
  return applied;
}

export interface ListingRow {
  readonly id: string;
  readonly seller_id: string;
  readonly title: string;
  readonly category: string;
  readonly price_minor: number;
  readonly currency: string;
  readonly status: string;
  readonly period: string | null;
  readonly materials: string | null;
  readonly dimensions: string | null;
  readonly listed_at: string | null;
  readonly source_updated_at: string;
  readonly source_hash: string;
}

/**
 * Upserts listings. Descriptive fields follow the newest sync; status and price follow the newest
 * observation, sync or event, so a sync older than a status event leaves the status alone.
 * Returns, for each listing now holding the given version, its status and price after the write.
 */
export async function upsertListings(
  tx: Db,
  rows: readonly ListingRow[],
  now: Date,
): Promise<Map<string, { status: string; priceMinor: number | undefined; currency: string | undefined }>> {
  const applied = new Map<string, { status: string; priceMinor: number | undefined; currency: string | undefined }>();
  for (const part of chunks(rows)) {
    const res = await query<{ id: string; status: string; price_minor: unknown; currency: string | null }>(
      tx,
      sql`INSERT INTO listings (id, seller_id, title, category, price_minor, currency, status, period, materials, dimensions, listed_at,
                                source_updated_at, source_hash, status_changed_at, price_changed_at, created_at, updated_at)
        SELECT x.id, x.seller_id, x.title, x.category, x.price_minor, x.currency, x.status, x.period, x.materials, x.dimensions, x.listed_at,
               x.source_updated_at, x.source_hash, x.source_updated_at, x.source_updated_at, ${iso(now)}::timestamptz, ${iso(now)}::timestamptz
        FROM ${rowsOf(part, [['id', 'text'], ['seller_id', 'text'], ['title', 'text'], ['category', 'text'], ['price_minor', 'bigint'], ['currency', 'text'], ['status', 'text'], ['period', 'text'], ['materials', 'text'], ['dimensions', 'text'], ['listed_at', 'timestamptz'], ['source_updated_at', 'timestamptz'], ['source_hash', 'text']])}
        ON CONFLICT (id) DO UPDATE SET seller_id = excluded.seller_id, title = excluded.title, category = excluded.category,
          period = excluded.period, materials = excluded.materials, dimensions = excluded.dimensions,
          listed_at = COALESCE(excluded.listed_at, listings.listed_at),
          status = CASE WHEN listings.status_changed_at IS NULL OR excluded.source_updated_at >= listings.status_changed_at
                        THEN excluded.status ELSE listings.status END,
          status_changed_at = CASE WHEN listings.status_changed_at IS NULL OR excluded.source_updated_at >= listings.status_changed_at
                        THEN excluded.source_updated_at ELSE listings.status_changed_at END,
          price_minor = CASE WHEN listings.price_changed_at IS NULL OR excluded.source_updated_at >= listings.price_changed_at
                        THEN excluded.price_minor ELSE listings.price_minor END,
          currency = CASE WHEN listings.price_changed_at IS NULL OR excluded.source_updated_at >= listings.price_changed_at
                        THEN excluded.currency ELSE listings.currency END,
          price_changed_at = CASE WHEN listings.price_changed_at IS NULL OR excluded.source_updated_at >= listings.price_changed_at
                        THEN excluded.source_updated_at ELSE listings.price_changed_at END,
          source_updated_at = excluded.source_updated_at, source_hash = excluded.source_hash, updated_at = excluded.updated_at
        WHERE ${newerThanHeld('listings')}
        RETURNING id, status, price_minor, currency`,
    );
    for (const r of res) {
      applied.set(r.id, { status: r.status, priceMinor: r.price_minor === null ? undefined : toNum(r.price_minor), currency: r.currency ?? undefined });
    }
  }
  return applied;
}

// ---------- batches ----------

export interface BatchRow {
  readonly id: string;
  readonly kind: string;
  readonly actorType: string;
  readonly actorId: string;
  readonly received: number;
  readonly stored: number;
  readonly updated: number;
  readonly duplicates: number;
  readonly stale: number;
  readonly conflicts: number;
  readonly rejected: number;
  readonly at: Date;
}

export async function insertBatch(tx: Db, b: BatchRow): Promise<void> {
  await tx.execute(sql`INSERT INTO ingest_batches (id, kind, actor_type, actor_id, received, stored, updated, duplicates, stale, conflicts, rejected, at)
    VALUES (${b.id}, ${b.kind}, ${b.actorType}, ${b.actorId}, ${b.received}, ${b.stored}, ${b.updated}, ${b.duplicates}, ${b.stale}, ${b.conflicts},
            ${b.rejected}, ${iso(b.at)}::timestamptz)`);
}
