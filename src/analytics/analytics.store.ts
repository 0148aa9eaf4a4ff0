import { query, queryOne, sql, type Db } from '../db';
import type { CandidateConversation, PeerLevel, RefreshInfo, SellerScore } from './analytics.model';
import { CANDIDATE_MIN_RISK, conversationSignals } from './analytics.model';

/*
 * SQL of the analytics module. Everything it reads from other modules goes through the
 * `analytics_src_*` views of its migration; it writes only `analytics_*` tables.
 */

/** Above this many changed conversations one pass over all contact messages beats a lookup per conversation. */
const BULK_THRESHOLD = 50_000;

const iso = (d: Date) => d.toISOString();
const days = (n: number) => `${n} days`;

function toDate(v: unknown): Date | undefined {
  if (v === null || v === undefined) return undefined;
  return v instanceof Date ? v : new Date(String(v));
}
const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const num = (v: unknown): number => Number(v);

/** Conversations whose stored facts are missing or out of date (their message count moved). */
export async function countChangedConversations(tx: Db): Promise<number> {
  const r = await queryOne<{ n: string }>(
    tx,
    sql`SELECT count(*) AS n FROM analytics_src_conversations c
        LEFT JOIN analytics_conversation_facts f ON f.conversation_id = c.id
        WHERE f.conversation_id IS NULL OR f.message_count <> c.message_count`,
  );
  return num(r?.n ?? 0);
}

const UPSERT_TAIL = sql`ON CONFLICT (conversation_id) DO UPDATE SET
  seller_id = excluded.seller_id, buyer_id = excluded.buyer_id, listing_id = excluded.listing_id,
  first_message_at = excluded.first_message_at, last_message_at = excluded.last_message_at,
  message_count = excluded.message_count, contact_at = excluded.contact_at,
  contact_message_id = excluded.contact_message_id, contact_kinds = excluded.contact_kinds`;

/**
 * Rewrites the facts of changed conversations (every conversation when `all`). `bulk` aggregates all
 * contact messages in one pass (a first build); otherwise each changed conversation's messages are
 * read through the messages' conversation index.
 */
export async function upsertFacts(tx: Db, opts: { all: boolean; changed: number }): Promise<number> {
  const changedOnly = opts.all ? sql`true` : sql`(f.conversation_id IS NULL OR f.message_count <> c.message_count)`;
  if (opts.all || opts.changed > BULK_THRESHOLD) {
    const rows = await query<{ n: string }>(
      tx,
      sql`WITH per_message AS (
            SELECT m.conversation_id, m.sent_at, m.id, unnest(string_to_array(m.kinds, ',')) AS kind FROM analytics_src_contact_messages m
          ), contact AS (
            SELECT conversation_id, min(sent_at) AS contact_at, (array_agg(id ORDER BY sent_at, id))[1] AS contact_message_id,
                   string_agg(DISTINCT kind, ',' ORDER BY kind) AS kinds
            FROM per_message GROUP BY conversation_id
          ), written AS (
            INSERT INTO analytics_conversation_facts (conversation_id, seller_id, buyer_id, listing_id, first_message_at, last_message_at, message_count, contact_at, contact_message_id, contact_kinds)
            SELECT c.id, c.seller_id, c.buyer_id, c.listing_id, c.first_message_at, c.last_message_at, c.message_count, k.contact_at, k.contact_message_id, k.kinds
            FROM analytics_src_conversations c
            LEFT JOIN analytics_conversation_facts f ON f.conversation_id = c.id
            LEFT JOIN contact k ON k.conversation_id = c.id
            WHERE ${changedOnly}
            ${UPSERT_TAIL}
            RETURNING 1
          ) SELECT count(*) AS n FROM written`,
    );
    return num(rows[0]?.n ?? 0);
  }
  if (opts.changed === 0) return 0;
  const rows = await query<{ n: string }>(
    tx,
    sql`WITH changed AS MATERIALIZED (
          SELECT c.id, c.seller_id, c.buyer_id, c.listing_id, c.first_message_at, c.last_message_at, c.message_count
          FROM analytics_src_conversations c
          LEFT JOIN analytics_conversation_facts f ON f.conversation_id = c.id
          WHERE ${changedOnly}
        ), written AS (
          INSERT INTO analytics_conversation_facts (conversation_id, seller_id, buyer_id, listing_id, first_message_at, last_message_at, message_count, contact_at, contact_message_id, contact_kinds)
          SELECT ch.id, ch.seller_id, ch.buyer_id, ch.listing_id, ch.first_message_at, ch.last_message_at, ch.message_count, k.contact_at, k.contact_message_id, k.kinds
          FROM changed ch
          LEFT JOIN LATERAL (
            SELECT min(m.sent_at) AS contact_at, (array_agg(m.id ORDER BY m.sent_at, m.id))[1] AS contact_message_id,
                   (SELECT string_agg(DISTINCT x, ',' ORDER BY x) FROM unnest(string_to_array(string_agg(m.kinds, ','), ',')) AS x) AS kinds
            FROM analytics_src_contact_messages m WHERE m.conversation_id = ch.id
          ) k ON true
          ${UPSERT_TAIL}
          RETURNING 1
        ) SELECT count(*) AS n FROM written`,
  );
  return num(rows[0]?.n ?? 0);
}

export interface Window {
  readonly from: Date;
  readonly to: Date;
  readonly statusChangeDays: number;
  readonly conversionDays: number;
}

/**
 * Rebuilds the contact conversations of the window: the listing's first sold / removed / on_hold
 * change within N days after the exchange, and the orders between the two parties from the first
 * message until N days after the exchange. Scored as in `conversationScore` (same formula, in SQL).
 */
export async function rebuildContactConversations(tx: Db, w: Window): Promise<void> {
  const n = days(w.statusChangeDays);
  const seconds = w.statusChangeDays * 86_400;
  await query(tx, sql`DELETE FROM analytics_contact_conversations`);
  await query(
    tx,
    sql`INSERT INTO analytics_contact_conversations (conversation_id, seller_id, buyer_id, listing_id, first_message_at, last_message_at, contact_at, contact_message_id, contact_kinds, listing_status, status_changed_at, orders_between, score)
        SELECT x.*, CASE
            WHEN x.orders_between > 0 THEN 0.05
            WHEN x.status IS NULL THEN 0.2
            ELSE least(1.0, 0.5 + 0.3 * (1 - least(1.0, greatest(0.0, extract(epoch FROM (x.occurred_at - x.contact_at)) / ${seconds})))
                           + CASE WHEN x.status = 'sold' THEN 0.2 ELSE 0.1 END)
          END
        FROM (
          SELECT f.conversation_id, f.seller_id, f.buyer_id, f.listing_id, f.first_message_at, f.last_message_at, f.contact_at, f.contact_message_id, f.contact_kinds,
                 st.status, st.occurred_at,
                 (SELECT count(*) FROM analytics_src_orders o
                   WHERE o.buyer_id = f.buyer_id AND o.seller_id = f.seller_id
                     AND o.created_at >= coalesce(f.first_message_at, f.contact_at) AND o.created_at <= f.contact_at + ${n}::interval)::int AS orders_between
          FROM analytics_conversation_facts f
          LEFT JOIN LATERAL (
            SELECT s.status, s.occurred_at FROM analytics_src_listing_status s
            WHERE s.listing_id = f.listing_id AND s.occurred_at >= f.contact_at AND s.occurred_at <= f.contact_at + ${n}::interval
            ORDER BY s.occurred_at LIMIT 1
          ) st ON true
          WHERE f.contact_at IS NOT NULL AND f.first_message_at >= ${iso(w.from)}::timestamptz AND f.first_message_at < ${iso(w.to)}::timestamptz
        ) x`,
  );
}

/** Counts per seller over the window, with the seller's country and main category. */
export interface SellerCounts {
  readonly sellerId: string;
  readonly name: string | undefined;
  readonly country: string | undefined;
  readonly category: string | undefined;
  readonly conversations: number;
  readonly converted: number;
  readonly contactConversations: number;
  readonly vanishedListings: number;
}

export async function sellerCounts(tx: Db, w: Window): Promise<SellerCounts[]> {
  const from = iso(w.from);
  const to = iso(w.to);
  const rows = await query<Record<string, unknown>>(
    tx,
    sql`WITH base AS (
          SELECT f.seller_id, count(*) AS conversations, count(*) FILTER (WHERE f.contact_at IS NOT NULL) AS contact_conversations
          FROM analytics_conversation_facts f
          WHERE f.first_message_at >= ${from}::timestamptz AND f.first_message_at < ${to}::timestamptz
          GROUP BY f.seller_id
        ), converted AS (
          SELECT f.seller_id, count(DISTINCT f.conversation_id) AS converted
          FROM analytics_conversation_facts f
          JOIN analytics_src_orders o ON o.buyer_id = f.buyer_id AND o.seller_id = f.seller_id
            AND o.created_at >= f.first_message_at AND o.created_at < f.first_message_at + ${days(w.conversionDays)}::interval
          WHERE f.first_message_at >= ${from}::timestamptz AND f.first_message_at < ${to}::timestamptz
          GROUP BY f.seller_id
        ), vanished AS (
          SELECT seller_id, count(*) AS vanished FROM analytics_contact_conversations
          WHERE listing_status IS NOT NULL AND orders_between = 0 GROUP BY seller_id
        ), category AS (
          SELECT DISTINCT ON (seller_id) seller_id, category FROM (
            SELECT seller_id, category, count(*) AS n FROM analytics_src_listings WHERE seller_id IS NOT NULL AND category IS NOT NULL GROUP BY seller_id, category
          ) c ORDER BY seller_id, n DESC, category
        )
        SELECT b.seller_id, s.name, s.country, cat.category, b.conversations, b.contact_conversations,
               coalesce(cv.converted, 0) AS converted, coalesce(v.vanished, 0) AS vanished
        FROM base b
        LEFT JOIN converted cv ON cv.seller_id = b.seller_id
        LEFT JOIN vanished v ON v.seller_id = b.seller_id
        LEFT JOIN category cat ON cat.seller_id = b.seller_id
        LEFT JOIN analytics_src_sellers s ON s.id = b.seller_id
        ORDER BY b.seller_id`,
  );
  return rows.map((r) => ({
    sellerId: String(r['seller_id']),
    name: str(r['name']),
    country: str(r['country']),
    category: str(r['category']),
    conversations: num(r['conversations']),
    converted: num(r['converted']),
    contactConversations: num(r['contact_conversations']),
    vanishedListings: num(r['vanished']),
  }));
}

/** Replaces the ranked report. */
export async function replaceScores(tx: Db, scores: readonly SellerScore[]): Promise<void> {
  await query(tx, sql`DELETE FROM analytics_seller_scores`);
  const CHUNK = 5000;
  for (let i = 0; i < scores.length; i += CHUNK) {
    const rows = scores.slice(i, i + CHUNK).map((s) => ({
      seller_id: s.sellerId, rank: s.rank, name: s.name ?? null, country: s.country ?? null, category: s.category ?? null,
      peer_level: s.peerLevel, peer_size: s.peerSize, conversations: s.conversations, converted: s.converted,
      contact_conversations: s.contactConversations, vanished_listings: s.vanishedListings,
      conversion_rate: s.conversion.rate, conversion_percentile: s.conversion.percentile, conversion_z: s.conversion.z,
      contact_share: s.contactShare.rate, contact_percentile: s.contactShare.percentile, contact_z: s.contactShare.z,
      vanished_rate: s.vanished.rate, vanished_percentile: s.vanished.percentile, vanished_z: s.vanished.z,
      risk_score: s.riskScore,
    }));
    await query(
      tx,
      sql`INSERT INTO analytics_seller_scores
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
            seller_id text, rank integer, name text, country text, category text, peer_level text, peer_size integer,
            conversations integer, converted integer, contact_conversations integer, vanished_listings integer,
            conversion_rate double precision, conversion_percentile double precision, conversion_z double precision,
            contact_share double precision, contact_percentile double precision, contact_z double precision,
            vanished_rate double precision, vanished_percentile double precision, vanished_z double precision,
            risk_score double precision)`,
    );
  }
}

export async function saveRefresh(tx: Db, info: RefreshInfo): Promise<void> {
  await query(
    tx,
    sql`INSERT INTO analytics_refreshes (id, refreshed_at, window_from, window_to, window_days, status_change_days, conversion_days, facts_updated, sellers, duration_ms)
        VALUES ('off-platform', ${iso(info.refreshedAt)}, ${iso(info.windowFrom)}, ${iso(info.windowTo)}, ${info.windowDays}, ${info.statusChangeDays}, ${info.conversionDays}, ${info.factsUpdated}, ${info.sellers}, ${info.durationMs})
        ON CONFLICT (id) DO UPDATE SET refreshed_at = excluded.refreshed_at, window_from = excluded.window_from, window_to = excluded.window_to,
          window_days = excluded.window_days, status_change_days = excluded.status_change_days, conversion_days = excluded.conversion_days,
          facts_updated = excluded.facts_updated, sellers = excluded.sellers, duration_ms = excluded.duration_ms`,
  );
}

/** Serialises refreshes: a second one waits for the first and then works on its result. */
export async function lockRefresh(tx: Db): Promise<void> {
  await query(tx, sql`LOCK TABLE analytics_refreshes IN EXCLUSIVE MODE`);
}

export async function lastRefresh(db: Db): Promise<RefreshInfo | undefined> {
  const r = await queryOne<Record<string, unknown>>(db, sql`SELECT * FROM analytics_refreshes WHERE id = 'off-platform'`);
  if (r === undefined) return undefined;
  return {
    refreshedAt: toDate(r['refreshed_at'])!,
    windowFrom: toDate(r['window_from'])!,
    windowTo: toDate(r['window_to'])!,
    windowDays: num(r['window_days']),
    statusChangeDays: num(r['status_change_days']),
    conversionDays: num(r['conversion_days']),
    factsUpdated: num(r['facts_updated']),
    sellers: num(r['sellers']),
    durationMs: num(r['duration_ms']),
  };
}

function rowToScore(r: Record<string, unknown>): SellerScore {
  const risk = num(r['risk_score']);
  const vanished = num(r['vanished_listings']);
  return {
    sellerId: String(r['seller_id']),
    rank: num(r['rank']),
    name: str(r['name']),
    country: str(r['country']),
    category: str(r['category']),
    peerLevel: String(r['peer_level']) as PeerLevel,
    peerSize: num(r['peer_size']),
    conversations: num(r['conversations']),
    converted: num(r['converted']),
    contactConversations: num(r['contact_conversations']),
    vanishedListings: vanished,
    conversion: { rate: num(r['conversion_rate']), percentile: num(r['conversion_percentile']), z: num(r['conversion_z']) },
    contactShare: { rate: num(r['contact_share']), percentile: num(r['contact_percentile']), z: num(r['contact_z']) },
    vanished: { rate: num(r['vanished_rate']), percentile: num(r['vanished_percentile']), z: num(r['vanished_z']) },
    riskScore: risk,
    candidate: risk >= CANDIDATE_MIN_RISK && vanished > 0,
  };
}

/** Sellers in rank order after `afterRank`. */
export async function scoresPage(db: Db, afterRank: number, limit: number): Promise<SellerScore[]> {
  const rows = await query<Record<string, unknown>>(db, sql`SELECT * FROM analytics_seller_scores WHERE rank > ${afterRank} ORDER BY rank LIMIT ${limit}`);
  return rows.map(rowToScore);
}

export async function scoreOf(db: Db, sellerId: string): Promise<SellerScore | undefined> {
  const r = await queryOne<Record<string, unknown>>(db, sql`SELECT * FROM analytics_seller_scores WHERE seller_id = ${sellerId}`);
  return r === undefined ? undefined : rowToScore(r);
}

/** The seller's contact conversations, most suspicious first. */
export async function contactConversationsOf(db: Db, sellerId: string, limit: number, statusChangeDays: number): Promise<CandidateConversation[]> {
  const rows = await query<Record<string, unknown>>(
    db,
    sql`SELECT * FROM analytics_contact_conversations WHERE seller_id = ${sellerId} ORDER BY score DESC, contact_at DESC, conversation_id LIMIT ${limit}`,
  );
  return rows.map((r) => {
    const c = {
      conversationId: String(r['conversation_id']),
      buyerId: String(r['buyer_id']),
      listingId: str(r['listing_id']),
      firstMessageAt: toDate(r['first_message_at']),
      lastMessageAt: toDate(r['last_message_at']),
      contactAt: toDate(r['contact_at'])!,
      contactMessageId: str(r['contact_message_id']),
      contactKinds: String(r['contact_kinds']).split(',').filter((k) => k !== ''),
      listingStatus: str(r['listing_status']) as CandidateConversation['listingStatus'],
      statusChangedAt: toDate(r['status_changed_at']),
      ordersBetween: num(r['orders_between']),
      score: num(r['score']),
    };
    return { ...c, signals: conversationSignals(c, statusChangeDays) };
  });
}
