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

/*
 * A refresh works through three temporary tables (dropped at commit): the conversations whose message
 * facts are rewritten (`changed`), the conversations whose outcome facts are recomputed (`touched`, a
 * superset of `changed`), and the keys the change feed found moved.
 */
export async function createWorkTables(tx: Db): Promise<void> {
  await query(tx, sql`CREATE TEMP TABLE analytics_work_changed (conversation_id text PRIMARY KEY) ON COMMIT DROP`);
  await query(tx, sql`CREATE TEMP TABLE analytics_work_touched (conversation_id text PRIMARY KEY) ON COMMIT DROP`);
}

/** Whether the change feed has a baseline to compare with (false before the first full build). */
export async function hasBaseline(tx: Db): Promise<boolean> {
  return (await queryOne(tx, sql`SELECT 1 AS one FROM analytics_seen_sellers LIMIT 1`)) !== undefined;
}

/**
 * New or grown conversations: sellers whose number of conversations or messages moved since the last
 * refresh, then those sellers' conversations whose message count differs from their facts (or that
 * have no facts, or whose facts name a conversation that is gone). Returns how many.
 */
export async function feedConversations(tx: Db): Promise<number> {
  await query(
    tx,
    sql`CREATE TEMP TABLE analytics_work_sellers ON COMMIT DROP AS
        SELECT coalesce(n.seller_id, s.seller_id) AS seller_id, n.conversations, n.messages
        FROM (SELECT seller_id, count(*) AS conversations, sum(message_count) AS messages FROM analytics_src_conversations GROUP BY seller_id) n
        FULL JOIN analytics_seen_sellers s ON s.seller_id = n.seller_id
        WHERE n.conversations IS DISTINCT FROM s.conversations OR n.messages IS DISTINCT FROM s.messages`,
  );
  await query(tx, sql`ANALYZE analytics_work_sellers`);
  await query(
    tx,
    sql`INSERT INTO analytics_work_changed (conversation_id)
        SELECT c.id FROM analytics_src_conversations c
        LEFT JOIN analytics_conversation_facts f ON f.conversation_id = c.id
        WHERE c.seller_id IN (SELECT seller_id FROM analytics_work_sellers)
          AND (f.conversation_id IS NULL OR f.message_count <> c.message_count OR f.seller_id <> c.seller_id)
        UNION
        SELECT f.conversation_id FROM analytics_conversation_facts f
        WHERE f.seller_id IN (SELECT seller_id FROM analytics_work_sellers)
          AND NOT EXISTS (SELECT 1 FROM analytics_src_conversations c WHERE c.id = f.conversation_id)`,
  );
  await query(tx, sql`DELETE FROM analytics_seen_sellers WHERE seller_id IN (SELECT seller_id FROM analytics_work_sellers)`);
  await query(tx, sql`INSERT INTO analytics_seen_sellers SELECT seller_id, conversations, messages FROM analytics_work_sellers WHERE conversations IS NOT NULL`);
  await query(tx, sql`INSERT INTO analytics_work_touched SELECT conversation_id FROM analytics_work_changed`);
  const r = await queryOne<{ n: string }>(tx, sql`SELECT count(*) AS n FROM analytics_work_changed`);
  return num(r?.n ?? 0);
}

/** Pairs of parties whose number of orders moved: their conversations' conversion and orders between change. */
export async function feedOrders(tx: Db): Promise<void> {
  await query(
    tx,
    sql`CREATE TEMP TABLE analytics_work_pairs ON COMMIT DROP AS
        SELECT coalesce(n.buyer_id, s.buyer_id) AS buyer_id, coalesce(n.seller_id, s.seller_id) AS seller_id, n.orders
        FROM (SELECT buyer_id, seller_id, count(*) AS orders FROM analytics_src_orders GROUP BY buyer_id, seller_id) n
        FULL JOIN analytics_seen_orders s ON s.buyer_id = n.buyer_id AND s.seller_id = n.seller_id
        WHERE n.orders IS DISTINCT FROM s.orders`,
  );
  await query(tx, sql`ANALYZE analytics_work_pairs`);
  await query(
    tx,
    sql`INSERT INTO analytics_work_touched (conversation_id)
        SELECT f.conversation_id FROM analytics_work_pairs p
        JOIN analytics_conversation_facts f ON f.buyer_id = p.buyer_id AND f.seller_id = p.seller_id
        ON CONFLICT DO NOTHING`,
  );
  await query(tx, sql`DELETE FROM analytics_seen_orders s USING analytics_work_pairs p WHERE s.buyer_id = p.buyer_id AND s.seller_id = p.seller_id`);
  await query(tx, sql`INSERT INTO analytics_seen_orders SELECT buyer_id, seller_id, orders FROM analytics_work_pairs WHERE orders IS NOT NULL`);
}

/** Listings whose number of status changes moved: their contact conversations' outcome changes. */
export async function feedListingStatus(tx: Db): Promise<void> {
  await query(
    tx,
    sql`CREATE TEMP TABLE analytics_work_listings ON COMMIT DROP AS
        SELECT coalesce(n.listing_id, s.listing_id) AS listing_id, n.status_changes
        FROM (SELECT listing_id, count(*) AS status_changes FROM analytics_src_listing_status GROUP BY listing_id) n
        FULL JOIN analytics_seen_listings s ON s.listing_id = n.listing_id
        WHERE n.status_changes IS DISTINCT FROM s.status_changes`,
  );
  await query(tx, sql`ANALYZE analytics_work_listings`);
  await query(
    tx,
    sql`INSERT INTO analytics_work_touched (conversation_id)
        SELECT f.conversation_id FROM analytics_work_listings l
        JOIN analytics_conversation_facts f ON f.listing_id = l.listing_id
        WHERE f.contact_at IS NOT NULL
        ON CONFLICT DO NOTHING`,
  );
  await query(tx, sql`DELETE FROM analytics_seen_listings WHERE listing_id IN (SELECT listing_id FROM analytics_work_listings)`);
  await query(tx, sql`INSERT INTO analytics_seen_listings SELECT listing_id, status_changes FROM analytics_work_listings WHERE status_changes IS NOT NULL`);
}

/** Statistics for the planner once the feeds have filled the work tables: a few rows, read through the facts' key. */
export async function analyzeWork(tx: Db): Promise<void> {
  await query(tx, sql`ANALYZE analytics_work_changed`);
  await query(tx, sql`ANALYZE analytics_work_touched`);
}

/** A full build: forget what the feed saw and every fact, so the feeds that follow see everything as new. */
export async function forgetEverything(tx: Db): Promise<void> {
  await query(tx, sql`DELETE FROM analytics_seen_sellers`);
  await query(tx, sql`DELETE FROM analytics_seen_orders`);
  await query(tx, sql`DELETE FROM analytics_seen_listings`);
  await query(tx, sql`DELETE FROM analytics_seller_weeks`);
  await query(tx, sql`DELETE FROM analytics_conversation_facts`);
}

const UPSERT_TAIL = sql`ON CONFLICT (conversation_id) DO UPDATE SET
  seller_id = excluded.seller_id, buyer_id = excluded.buyer_id, listing_id = excluded.listing_id,
  first_message_at = excluded.first_message_at, last_message_at = excluded.last_message_at,
  message_count = excluded.message_count, contact_at = excluded.contact_at,
  contact_message_id = excluded.contact_message_id, contact_kinds = excluded.contact_kinds`;

const CHANGED = sql`c.id IN (SELECT conversation_id FROM analytics_work_changed)`;

/**
 * Rewrites the message facts of the changed conversations and deletes the facts of conversations
 * that are gone. Many changed conversations (a first build) aggregate all contact messages in one
 * pass; otherwise each changed conversation's messages are read through the messages' conversation index.
 */
export async function upsertFacts(tx: Db, changed: number): Promise<void> {
  if (changed === 0) return;
  await query(tx, sql`DELETE FROM analytics_conversation_facts f WHERE f.conversation_id IN (SELECT conversation_id FROM analytics_work_changed) AND NOT EXISTS (SELECT 1 FROM analytics_src_conversations c WHERE c.id = f.conversation_id)`);
  if (changed > BULK_THRESHOLD) {
    await query(
      tx,
      sql`WITH per_message AS (
            SELECT m.conversation_id, m.sent_at, m.id, unnest(string_to_array(m.kinds, ',')) AS kind FROM analytics_src_contact_messages m
          ), contact AS (
            SELECT conversation_id, min(sent_at) AS contact_at, (array_agg(id ORDER BY sent_at, id))[1] AS contact_message_id,
                   string_agg(DISTINCT kind, ',' ORDER BY kind) AS kinds
            FROM per_message GROUP BY conversation_id
          )
          INSERT INTO analytics_conversation_facts (conversation_id, seller_id, buyer_id, listing_id, first_message_at, last_message_at, message_count, contact_at, contact_message_id, contact_kinds)
          SELECT c.id, c.seller_id, c.buyer_id, c.listing_id, c.first_message_at, c.last_message_at, c.message_count, k.contact_at, k.contact_message_id, k.kinds
          FROM analytics_src_conversations c
          LEFT JOIN contact k ON k.conversation_id = c.id
          WHERE ${CHANGED}
          ${UPSERT_TAIL}`,
    );
    return;
  }
  await query(
    tx,
    sql`INSERT INTO analytics_conversation_facts (conversation_id, seller_id, buyer_id, listing_id, first_message_at, last_message_at, message_count, contact_at, contact_message_id, contact_kinds)
        SELECT c.id, c.seller_id, c.buyer_id, c.listing_id, c.first_message_at, c.last_message_at, c.message_count, k.contact_at, k.contact_message_id, k.kinds
        FROM analytics_src_conversations c
        LEFT JOIN LATERAL (
          SELECT min(m.sent_at) AS contact_at, (array_agg(m.id ORDER BY m.sent_at, m.id))[1] AS contact_message_id,
                 (SELECT string_agg(DISTINCT x, ',' ORDER BY x) FROM unnest(string_to_array(string_agg(m.kinds, ','), ',')) AS x) AS kinds
          FROM analytics_src_contact_messages m WHERE m.conversation_id = c.id
        ) k ON true
        WHERE ${CHANGED}
        ${UPSERT_TAIL}`,
  );
}

export interface Window {
  readonly from: Date;
  readonly to: Date;
  readonly statusChangeDays: number;
  readonly conversionDays: number;
}

const TOUCHED = sql`f.conversation_id IN (SELECT conversation_id FROM analytics_work_touched)`;

/**
 * Recomputes the outcome facts of the touched conversations (every conversation when `all`): the
 * conversion (an order from the buyer to the seller within N days of the first message) and, with a
 * contact exchange, the listing's first sold / removed / on_hold change within N days after it, the
 * orders between the two parties from the first message until then, and the conversation's score
 * (as `conversationScore`, in SQL).
 */
export async function updateOutcomes(tx: Db, w: Window, all: boolean): Promise<void> {
  const n = days(w.statusChangeDays);
  const seconds = w.statusChangeDays * 86_400;
  await query(
    tx,
    sql`UPDATE analytics_conversation_facts f
        SET converted = x.converted, listing_status = x.status, status_changed_at = x.occurred_at, orders_between = x.orders_between,
            score = CASE
              WHEN x.contact_at IS NULL THEN NULL
              WHEN x.orders_between > 0 THEN 0.05
              WHEN x.status IS NULL THEN 0.2
              ELSE least(1.0, 0.5 + 0.3 * (1 - least(1.0, greatest(0.0, extract(epoch FROM (x.occurred_at - x.contact_at)) / ${seconds})))
                             + CASE WHEN x.status = 'sold' THEN 0.2 ELSE 0.1 END)
            END
        FROM (
          SELECT f.conversation_id, f.contact_at, st.status, st.occurred_at,
                 cv.conversation_id IS NOT NULL AS converted,
                 CASE WHEN f.contact_at IS NULL THEN 0 ELSE
                   (SELECT count(*) FROM analytics_src_orders o
                     WHERE o.buyer_id = f.buyer_id AND o.seller_id = f.seller_id
                       AND o.created_at >= coalesce(f.first_message_at, f.contact_at) AND o.created_at <= f.contact_at + ${n}::interval)::int
                 END AS orders_between
          FROM analytics_conversation_facts f
          LEFT JOIN LATERAL (
            SELECT s.status, s.occurred_at FROM analytics_src_listing_status s
            WHERE f.contact_at IS NOT NULL AND s.listing_id = f.listing_id AND s.occurred_at >= f.contact_at AND s.occurred_at <= f.contact_at + ${n}::interval
            ORDER BY s.occurred_at LIMIT 1
          ) st ON true
          LEFT JOIN (
            SELECT DISTINCT c.conversation_id FROM analytics_conversation_facts c
            JOIN analytics_src_orders o ON o.buyer_id = c.buyer_id AND o.seller_id = c.seller_id
              AND o.created_at >= c.first_message_at AND o.created_at < c.first_message_at + ${days(w.conversionDays)}::interval
            WHERE ${all ? sql`true` : sql`c.conversation_id IN (SELECT conversation_id FROM analytics_work_touched)`}
          ) cv ON cv.conversation_id = f.conversation_id
          WHERE ${all ? sql`true` : TOUCHED}
        ) x
        WHERE f.conversation_id = x.conversation_id`,
  );
}

const WEEK_MS = 7 * 86_400_000;

/**
 * Adds (`sign` 1) or subtracts (`sign` -1) the touched conversations' facts (every conversation's
 * when `all`) to or from the per-seller weekly counts.
 */
export async function addToWeeks(tx: Db, sign: 1 | -1, all: boolean): Promise<void> {
  await query(
    tx,
    sql`INSERT INTO analytics_seller_weeks AS w (seller_id, week, conversations, converted, contact_conversations, vanished_listings)
        SELECT f.seller_id, floor(extract(epoch FROM f.first_message_at) / ${WEEK_MS / 1000})::int,
               ${sign} * count(*), ${sign} * count(*) FILTER (WHERE f.converted), ${sign} * count(*) FILTER (WHERE f.contact_at IS NOT NULL),
               ${sign} * count(*) FILTER (WHERE f.contact_at IS NOT NULL AND f.listing_status IS NOT NULL AND f.orders_between = 0)
        FROM analytics_conversation_facts f
        WHERE f.first_message_at IS NOT NULL AND ${all ? sql`true` : TOUCHED}
        GROUP BY 1, 2
        ON CONFLICT (seller_id, week) DO UPDATE SET conversations = w.conversations + excluded.conversations, converted = w.converted + excluded.converted,
          contact_conversations = w.contact_conversations + excluded.contact_conversations, vanished_listings = w.vanished_listings + excluded.vanished_listings`,
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

/**
 * The whole weeks inside the window come from the weekly counts; the partial weeks at its two edges
 * are counted from the facts (through their first-message index).
 */
export async function sellerCounts(tx: Db, w: Window): Promise<SellerCounts[]> {
  const fromMs = w.from.getTime();
  const toMs = w.to.getTime();
  const firstFull = Math.ceil(fromMs / WEEK_MS);
  const lastFullEnd = Math.floor(toMs / WEEK_MS);
  const whole = firstFull < lastFullEnd;
  const [weekFrom, weekTo] = whole ? [firstFull, lastFullEnd] : [0, 0];
  const edge1 = whole ? new Date(firstFull * WEEK_MS) : w.to;
  const edge2 = whole ? new Date(lastFullEnd * WEEK_MS) : w.to;
  const rows = await query<Record<string, unknown>>(
    tx,
    sql`WITH counts AS (
          SELECT seller_id, conversations, converted, contact_conversations, vanished_listings
          FROM analytics_seller_weeks WHERE week >= ${weekFrom} AND week < ${weekTo}
          UNION ALL
          SELECT f.seller_id, 1, f.converted::int, (f.contact_at IS NOT NULL)::int, (f.contact_at IS NOT NULL AND f.listing_status IS NOT NULL AND f.orders_between = 0)::int
          FROM analytics_conversation_facts f
          WHERE (f.first_message_at >= ${iso(w.from)}::timestamptz AND f.first_message_at < ${iso(edge1)}::timestamptz)
             OR (f.first_message_at >= ${iso(edge2)}::timestamptz AND f.first_message_at < ${iso(w.to)}::timestamptz)
        ), base AS (
          SELECT seller_id, sum(conversations) AS conversations, sum(converted) AS converted,
                 sum(contact_conversations) AS contact_conversations, sum(vanished_listings) AS vanished
          FROM counts GROUP BY seller_id HAVING sum(conversations) > 0
        ), category AS (
          SELECT DISTINCT ON (seller_id) seller_id, category FROM (
            SELECT seller_id, category, count(*) AS n FROM analytics_src_listings WHERE seller_id IS NOT NULL AND category IS NOT NULL GROUP BY seller_id, category
          ) c ORDER BY seller_id, n DESC, category
        )
        SELECT b.seller_id, s.name, s.country, cat.category, b.conversations, b.contact_conversations, b.converted, b.vanished
        FROM base b
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

/** The seller's contact conversations in the window of the last refresh, most suspicious first. */
export async function contactConversationsOf(db: Db, sellerId: string, limit: number, refresh: RefreshInfo): Promise<CandidateConversation[]> {
  const rows = await query<Record<string, unknown>>(
    db,
    sql`SELECT * FROM analytics_conversation_facts
        WHERE seller_id = ${sellerId} AND contact_at IS NOT NULL
          AND first_message_at >= ${iso(refresh.windowFrom)}::timestamptz AND first_message_at < ${iso(refresh.windowTo)}::timestamptz
        ORDER BY score DESC, contact_at DESC, conversation_id LIMIT ${limit}`,
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
    return { ...c, signals: conversationSignals(c, refresh.statusChangeDays) };
  });
}
