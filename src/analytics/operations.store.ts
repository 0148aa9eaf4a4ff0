import { query, sql, type Db } from '../db';
import type { SQL } from 'drizzle-orm';
import { EMAIL_STATES, HIGH_INVESTIGATION_SCORE, OUTSTANDING_ORDER_STATUSES, type OperationsBucket } from './operations.model';

/*
 * SQL of the operations report. It reads other modules' tables only through the `analytics_src_*`
 * views of its migration. Every period query is a range on an indexed time column
 * ([from, to + 1 day)), grouped by bucket in SQL; the service fills the empty buckets.
 */

export interface Period {
  /** Midnight UTC of the first day. */
  readonly from: Date;
  /** Midnight UTC after the last day (exclusive). */
  readonly until: Date;
  readonly bucket: OperationsBucket;
}

/** One grouped count: the bucket's first day, a key (verdict, case type, …) and the count. */
export interface Grouped {
  readonly start: string;
  readonly key: string;
  readonly n: number;
}

const iso = (d: Date) => d.toISOString();

/**
 * The start of the UTC day or ISO week (from Monday: the origin 2000-01-03 was one) the column falls
 * in. `date_bin` on the timestamp is several times cheaper per row than truncating and formatting it,
 * which counts over a quarter's messages; the day is formatted once per group, in `grouped`.
 */
function bucketOf(column: SQL, bucket: OperationsBucket): SQL {
  return sql`date_bin(${bucket === 'week' ? '7 days' : '1 day'}::interval, ${column}, '2000-01-03T00:00:00Z'::timestamptz)`;
}

const dayOfBucket = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString().slice(0, 10);

function inPeriod(column: SQL, p: Period): SQL {
  return sql`${column} >= ${iso(p.from)}::timestamptz AND ${column} < ${iso(p.until)}::timestamptz`;
}

function grouped(rows: Record<string, unknown>[]): Grouped[] {
  return rows.map((r) => ({ start: dayOfBucket(r['b']), key: String(r['k']), n: Number(r['n']) }));
}

/** Messages by the day they were sent and their stored verdict (`unscanned` without a scan). */
export async function messageVerdicts(db: Db, p: Period): Promise<Grouped[]> {
  const at = sql.raw('m.sent_at');
  return grouped(
    await query(
      db,
      sql`SELECT ${bucketOf(at, p.bucket)} AS b, coalesce(m.verdict, 'unscanned') AS k, count(*) AS n
          FROM analytics_src_message_verdicts m WHERE ${inPeriod(at, p)} GROUP BY 1, 2`,
    ),
  );
}

/** Flagged messages cleared automatically, by bucket (key `auto_cleared`). */
export async function autoCleared(db: Db, p: Period): Promise<Grouped[]> {
  const at = sql.raw('a.at');
  return grouped(await query(db, sql`SELECT ${bucketOf(at, p.bucket)} AS b, 'auto_cleared' AS k, count(*) AS n FROM analytics_src_auto_cleared a WHERE ${inPeriod(at, p)} GROUP BY 1`));
}

/**
 * Review decisions by bucket and kind: `automatic` (a rule decided alone), `human` (a person's
 * violation or no violation), `escalation` (an escalation or a vendor's recommendation).
 */
export async function reviewDecisions(db: Db, p: Period): Promise<Grouped[]> {
  const at = sql.raw('d.at');
  return grouped(
    await query(
      db,
      sql`SELECT ${bucketOf(at, p.bucket)} AS b,
                 CASE WHEN d.automated THEN 'automatic' WHEN d.recommendation OR d.decision = 'escalate' THEN 'escalation' ELSE 'human' END AS k,
                 count(*) AS n
          FROM analytics_src_review_decisions d WHERE ${inPeriod(at, p)} GROUP BY 1, 2`,
    ),
  );
}

/** Cases opened in the period, by bucket and case type. */
export async function casesOpened(db: Db, p: Period): Promise<Grouped[]> {
  const at = sql.raw('c.opened_at');
  return grouped(await query(db, sql`SELECT ${bucketOf(at, p.bucket)} AS b, c.type AS k, count(*) AS n FROM analytics_src_cases c WHERE ${inPeriod(at, p)} GROUP BY 1, 2`));
}

/** Cases closed in the period, by bucket and case type. */
export async function casesClosed(db: Db, p: Period): Promise<Grouped[]> {
  const at = sql.raw('c.closed_at');
  return grouped(await query(db, sql`SELECT ${bucketOf(at, p.bucket)} AS b, c.type AS k, count(*) AS n FROM analytics_src_cases c WHERE ${inPeriod(at, p)} GROUP BY 1, 2`));
}

/** Notices by bucket and kind, with the ladder step of step notices. */
export async function notices(db: Db, p: Period): Promise<(Grouped & { step: number | undefined })[]> {
  const at = sql.raw('x.created_at');
  const rows = await query(db, sql`SELECT ${bucketOf(at, p.bucket)} AS b, x.kind AS k, min(x.step) AS step, count(*) AS n FROM analytics_src_notices x WHERE ${inPeriod(at, p)} GROUP BY 1, 2`);
  return rows.map((r) => ({ start: dayOfBucket(r['b']), key: String(r['k']), n: Number(r['n']), step: r['step'] === null || r['step'] === undefined ? undefined : Number(r['step']) }));
}

/** Appeals filed in the period, by bucket and the outcome they have now (`pending` while open). */
export async function appeals(db: Db, p: Period): Promise<Grouped[]> {
  const at = sql.raw('a.filed_at');
  return grouped(await query(db, sql`SELECT ${bucketOf(at, p.bucket)} AS b, coalesce(a.outcome, 'pending') AS k, count(*) AS n FROM analytics_src_appeals a WHERE ${inPeriod(at, p)} GROUP BY 1, 2`));
}

export interface OrderGroup {
  readonly start: string;
  readonly status: string;
  readonly currency: string;
  readonly count: number;
  readonly commissionMinor: number;
  readonly saleMinor: number;
}

function orderGroups(rows: Record<string, unknown>[]): OrderGroup[] {
  return rows.map((r) => ({
    start: r['b'] === undefined ? '' : dayOfBucket(r['b']),
    status: String(r['status']),
    currency: String(r['currency']),
    count: Number(r['n']),
    commissionMinor: Number(r['commission']),
    saleMinor: Number(r['sale']),
  }));
}

/** Commission orders issued in the period, by bucket, status (now) and currency, with their sums. */
export async function commissionOrders(db: Db, p: Period): Promise<OrderGroup[]> {
  const at = sql.raw('o.created_at');
  return orderGroups(
    await query(
      db,
      sql`SELECT ${bucketOf(at, p.bucket)} AS b, o.status, o.currency, count(*) AS n, sum(o.commission_minor) AS commission, sum(o.price_minor) AS sale
          FROM analytics_src_commission_orders o WHERE ${inPeriod(at, p)} GROUP BY 1, 2, 3`,
    ),
  );
}

/** Open cases by type now (the open-cases partial index has every open case). */
export async function openCases(db: Db): Promise<Record<string, number>> {
  const rows = await query(db, sql`SELECT c.type AS k, count(*) AS n FROM analytics_src_cases c WHERE c.closed_at IS NULL GROUP BY 1`);
  return Object.fromEntries(rows.map((r) => [String(r['k']), Number(r['n'])]));
}

export async function openInvestigations(db: Db): Promise<{ open: number; high: number }> {
  const rows = await query(db, sql`SELECT count(*) AS n, count(*) FILTER (WHERE i.score >= ${HIGH_INVESTIGATION_SCORE}) AS high FROM analytics_src_investigations i WHERE i.open`);
  return { open: Number(rows[0]?.['n'] ?? 0), high: Number(rows[0]?.['high'] ?? 0) };
}

/** Commission orders not yet settled, whenever issued, by status and currency. */
export async function outstandingOrders(db: Db): Promise<OrderGroup[]> {
  const statuses = sql.join(OUTSTANDING_ORDER_STATUSES.map((s) => sql`${s}`), sql`, `);
  return orderGroups(
    await query(
      db,
      sql`SELECT o.status, o.currency, count(*) AS n, sum(o.commission_minor) AS commission, sum(o.price_minor) AS sale
          FROM analytics_src_commission_orders o WHERE o.status IN (${statuses}) GROUP BY 1, 2`,
    ),
  );
}

/** Emails by delivery state (read through the emails' status index). */
export async function emailStates(db: Db): Promise<Record<string, number>> {
  const states = sql.join(EMAIL_STATES.map((s) => sql`${s}`), sql`, `);
  const rows = await query(db, sql`SELECT e.status AS k, count(*) AS n FROM analytics_src_emails e WHERE e.status IN (${states}) GROUP BY 1`);
  return Object.fromEntries(rows.map((r) => [String(r['k']), Number(r['n'])]));
}
