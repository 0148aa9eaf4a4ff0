/**
 * The operations report: what the trust team did over a period, per day or per ISO week (UTC), with
 * totals — message volume by verdict, how much automation settled, cases opened and closed by type,
 * notices by ladder step, appeal outcomes and commission orders — and a snapshot of what is open now.
 *
 * Each figure is counted at one moment of its subject, so a bucket never counts a thing twice:
 * a message when it was sent; an automatic clearing, a decision, a notice or a commission order when
 * it was made; a case when it opened (and, in `closed`, when it closed); an appeal when it was filed,
 * with the outcome it has now (`pending` while undecided).
 */

export type OperationsBucket = 'day' | 'week';
export const OPERATIONS_BUCKETS: readonly OperationsBucket[] = ['day', 'week'];

/** Longest period one report covers: a year and a day (a leap year's 366 days). */
export const OPERATIONS_MAX_DAYS = 366;
/** The period when none is asked for: the last 30 days, today included. */
export const OPERATIONS_DEFAULT_DAYS = 30;

export interface OperationsQuery {
  /** First day (UTC), `YYYY-MM-DD`; default `OPERATIONS_DEFAULT_DAYS - 1` days before `to`. */
  readonly from?: string | undefined;
  /** Last day (UTC, included), `YYYY-MM-DD`; default today. */
  readonly to?: string | undefined;
  readonly bucket?: string | undefined;
}

/** The verdict of each stored scan; `unscanned` for messages detection has not seen (yet). */
export const VERDICTS = ['clear', 'review', 'violation', 'unscanned'] as const;
export type VerdictCount = Readonly<Record<(typeof VERDICTS)[number], number>> & { readonly total: number };

/** Appeals by the outcome they have now. */
export const APPEAL_STATES = ['upheld', 'overturned', 'withdrawn', 'pending'] as const;
export type AppealCount = Readonly<Record<(typeof APPEAL_STATES)[number], number>> & { readonly filed: number };

export interface AutomationCount {
  /** Flagged messages scoring below the auto-clear threshold: cleared with no case. */
  readonly autoCleared: number;
  /** Review cases decided as violations by an automatic rule, with no reviewer. */
  readonly automaticViolations: number;
  /** Review cases a person decided (violation or no violation; a senior confirming a vendor's recommendation counts once). */
  readonly humanDecisions: number;
  /** Cases a reviewer escalated, and vendors' recommendations waiting for a senior: work, not a settlement. */
  readonly escalations: number;
  /** (autoCleared + automaticViolations) / (those + humanDecisions); undefined when nothing was settled. */
  readonly rate: number | undefined;
}

/** A count per key (case type, notice kind, order status), only the keys that occurred. */
export type Tally = Readonly<Record<string, number>>;

export interface NoticeKind {
  /** `education` … `termination` for ladder steps, `appeal_received` / `appeal_upheld` / `appeal_overturned`. */
  readonly kind: string;
  /** Index on the ladder for step notices; undefined for appeal notices. */
  readonly step: number | undefined;
  readonly count: number;
}

export interface CommissionLine {
  readonly status: string;
  readonly currency: string;
  readonly count: number;
  readonly commissionMinor: number;
  readonly saleMinor: number;
}

export interface OperationsBucketRow {
  /** First day of the bucket, `YYYY-MM-DD` (a Monday for weeks; the first bucket may start before `from`, but counts only from it). */
  readonly start: string;
  readonly messages: VerdictCount;
  readonly automation: AutomationCount;
  readonly casesOpened: Tally;
  readonly casesClosed: Tally;
  readonly notices: Tally;
  readonly appeals: AppealCount;
  readonly commissionOrders: Tally;
}

export interface OperationsTotals {
  readonly messages: VerdictCount;
  readonly automation: AutomationCount;
  readonly casesOpened: Tally;
  readonly casesClosed: Tally;
  readonly notices: readonly NoticeKind[];
  readonly appeals: AppealCount;
  readonly commissionOrders: readonly CommissionLine[];
}

/** What is open at the moment of the report, whatever the period. */
export interface OperationsNow {
  readonly openCases: Tally;
  readonly openInvestigations: number;
  /** Open investigations scoring at least `HIGH_INVESTIGATION_SCORE`. */
  readonly highScoreInvestigations: number;
  /** Commission orders issued, disputed or confirmed (not yet collected, cancelled or written off), by status and currency. */
  readonly outstandingOrders: readonly CommissionLine[];
  /** Emails by delivery state. */
  readonly emails: Tally;
}

export const HIGH_INVESTIGATION_SCORE = 0.8;
export const OUTSTANDING_ORDER_STATUSES = ['issued', 'disputed', 'confirmed'] as const;
export const EMAIL_STATES = ['queued', 'sending', 'sent', 'failed', 'dead'] as const;

export interface OperationsReport {
  readonly from: string;
  readonly to: string;
  readonly bucket: OperationsBucket;
  readonly generatedAt: Date;
  readonly buckets: readonly OperationsBucketRow[];
  readonly totals: OperationsTotals;
  readonly now: OperationsNow;
}

/** The share of settled review work automation did; undefined when nothing was settled. */
export function automationRate(c: Pick<AutomationCount, 'autoCleared' | 'automaticViolations' | 'humanDecisions'>): number | undefined {
  const auto = c.autoCleared + c.automaticViolations;
  const all = auto + c.humanDecisions;
  return all === 0 ? undefined : auto / all;
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a UTC day. */
export function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Midnight UTC of a `YYYY-MM-DD` that names a real calendar day, else undefined. */
export function parseDay(s: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m === null) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return dayOf(d) === s ? d : undefined;
}

/** The first day of every bucket touching [from, to] (days: each day; weeks: each Monday, the first at or before `from`). */
export function bucketStarts(from: Date, to: Date, bucket: OperationsBucket): string[] {
  const out: string[] = [];
  let d = from.getTime();
  if (bucket === 'week') d -= ((from.getUTCDay() + 6) % 7) * DAY_MS;
  const step = bucket === 'week' ? 7 * DAY_MS : DAY_MS;
  for (; d <= to.getTime(); d += step) out.push(dayOf(new Date(d)));
  return out;
}
