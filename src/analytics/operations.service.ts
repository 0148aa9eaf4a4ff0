import { forbidden, invalidInput, type Clock, type FieldError } from '../kernel';
import type { Db } from '../db';
import type { Principal, Role } from '../identity';
import {
  APPEAL_STATES,
  OPERATIONS_BUCKETS,
  OPERATIONS_DEFAULT_DAYS,
  OPERATIONS_MAX_DAYS,
  VERDICTS,
  automationRate,
  bucketStarts,
  dayOf,
  parseDay,
  type AppealCount,
  type AutomationCount,
  type CommissionLine,
  type NoticeKind,
  type OperationsBucket,
  type OperationsBucketRow,
  type OperationsQuery,
  type OperationsReport,
  type Tally,
  type VerdictCount,
} from './operations.model';
import * as store from './operations.store';
import type { Grouped, OrderGroup, Period } from './operations.store';

export interface OperationsDeps {
  readonly db: Db;
  readonly clock: Clock;
}

/** Who reads the operations report: the people the console's dashboard is for. */
export const OPERATIONS_READERS: readonly Role[] = ['admin', 'manager', 'senior', 'legal'];

const DAY_MS = 86_400_000;

/**
 * Reads and checks the period: `from` and `to` are UTC days (`YYYY-MM-DD`, both included), from ≤ to,
 * at most `OPERATIONS_MAX_DAYS` days; the bucket is `day` or `week`. Field names as in the query string.
 */
export function parsePeriod(q: OperationsQuery, today: Date): Period & { fromDay: string; toDay: string } {
  const errors: FieldError[] = [];
  const day = (value: string | undefined, field: string): Date | undefined => {
    if (value === undefined) return undefined;
    const d = parseDay(value);
    if (d === undefined) errors.push({ field: `querystring/${field}`, reason: 'must be a calendar date as YYYY-MM-DD' });
    return d;
  };
  const toGiven = day(q.to, 'to');
  const fromGiven = day(q.from, 'from');
  const bucket = (q.bucket ?? 'day') as OperationsBucket;
  if (!OPERATIONS_BUCKETS.includes(bucket)) errors.push({ field: 'querystring/bucket', reason: `must be one of ${OPERATIONS_BUCKETS.join(', ')}` });
  if (errors.length > 0) throw invalidInput('the period is not valid', errors);
  const to = toGiven ?? parseDay(dayOf(today))!;
  const from = fromGiven ?? new Date(to.getTime() - (OPERATIONS_DEFAULT_DAYS - 1) * DAY_MS);
  if (from.getTime() > to.getTime()) throw invalidInput('the period is not valid', [{ field: 'querystring/from', reason: `must not be after to (${dayOf(to)})` }]);
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS) + 1;
  if (days > OPERATIONS_MAX_DAYS) throw invalidInput('the period is too long', [{ field: 'querystring/from', reason: `the period from ${dayOf(from)} to ${dayOf(to)} is ${days} days; at most ${OPERATIONS_MAX_DAYS}` }]);
  return { from, until: new Date(to.getTime() + DAY_MS), bucket, fromDay: dayOf(from), toDay: dayOf(to) };
}

export type OperationsService = ReturnType<typeof createOperationsService>;

export function createOperationsService(deps: OperationsDeps) {
  const { db, clock } = deps;

  /** The operations report for a period (see `operations.model.ts`). */
  async function operations(p: Principal, q: OperationsQuery = {}): Promise<OperationsReport> {
    if (!OPERATIONS_READERS.includes(p.role)) throw forbidden(`the ${p.role} role may not read the operations report`);
    const now = clock.now();
    const period = parsePeriod(q, now);
    const [verdicts, cleared, decisions, opened, closed, notices, appeals, orders, openCases, investigations, outstanding, emails] = await Promise.all([
      store.messageVerdicts(db, period),
      store.autoCleared(db, period),
      store.reviewDecisions(db, period),
      store.casesOpened(db, period),
      store.casesClosed(db, period),
      store.notices(db, period),
      store.appeals(db, period),
      store.commissionOrders(db, period),
      store.openCases(db),
      store.openInvestigations(db),
      store.outstandingOrders(db),
      store.emailStates(db),
    ]);

    const starts = bucketStarts(period.from, new Date(period.until.getTime() - DAY_MS), period.bucket);
    const at = (rows: readonly Grouped[]) => {
      const m = new Map<string, Map<string, number>>();
      for (const r of rows) {
        const b = m.get(r.start) ?? new Map<string, number>();
        b.set(r.key, (b.get(r.key) ?? 0) + r.n);
        m.set(r.start, b);
      }
      return (start: string) => m.get(start) ?? new Map<string, number>();
    };
    const tally = (m: ReadonlyMap<string, number>): Tally => Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));
    const verdictsAt = at(verdicts);
    const clearedAt = at(cleared);
    const decisionsAt = at(decisions);
    const openedAt = at(opened);
    const closedAt = at(closed);
    const noticesAt = at(notices);
    const appealsAt = at(appeals);
    const ordersAt = at(orders.map((o) => ({ start: o.start, key: o.status, n: o.count })));

    const verdictCount = (m: ReadonlyMap<string, number>): VerdictCount => {
      const c = Object.fromEntries(VERDICTS.map((v) => [v, m.get(v) ?? 0])) as Record<(typeof VERDICTS)[number], number>;
      return { ...c, total: VERDICTS.reduce((s, v) => s + c[v], 0) };
    };
    const automationCount = (clearedN: number, d: ReadonlyMap<string, number>): AutomationCount => {
      const c = { autoCleared: clearedN, automaticViolations: d.get('automatic') ?? 0, humanDecisions: d.get('human') ?? 0, escalations: d.get('escalation') ?? 0 };
      return { ...c, rate: automationRate(c) };
    };
    const appealCount = (m: ReadonlyMap<string, number>): AppealCount => {
      const c = Object.fromEntries(APPEAL_STATES.map((s) => [s, m.get(s) ?? 0])) as Record<(typeof APPEAL_STATES)[number], number>;
      return { ...c, filed: APPEAL_STATES.reduce((s, k) => s + c[k], 0) };
    };

    const buckets: OperationsBucketRow[] = starts.map((start) => ({
      start,
      messages: verdictCount(verdictsAt(start)),
      automation: automationCount(clearedAt(start).get('auto_cleared') ?? 0, decisionsAt(start)),
      casesOpened: tally(openedAt(start)),
      casesClosed: tally(closedAt(start)),
      notices: tally(noticesAt(start)),
      appeals: appealCount(appealsAt(start)),
      commissionOrders: tally(ordersAt(start)),
    }));

    const sum = (rows: readonly Grouped[]) => {
      const m = new Map<string, number>();
      for (const r of rows) m.set(r.key, (m.get(r.key) ?? 0) + r.n);
      return m;
    };
    const noticeKinds = new Map<string, NoticeKind>();
    for (const n of notices) {
      const k = noticeKinds.get(n.key);
      noticeKinds.set(n.key, { kind: n.key, step: k?.step ?? n.step, count: (k?.count ?? 0) + n.n });
    }
    return {
      from: period.fromDay,
      to: period.toDay,
      bucket: period.bucket,
      generatedAt: now,
      buckets,
      totals: {
        messages: verdictCount(sum(verdicts)),
        automation: automationCount(cleared.reduce((s, r) => s + r.n, 0), sum(decisions)),
        casesOpened: tally(sum(opened)),
        casesClosed: tally(sum(closed)),
        // ladder steps in ladder order, then the appeal notices
        notices: [...noticeKinds.values()].sort((a, b) => (a.step ?? Infinity) - (b.step ?? Infinity) || a.kind.localeCompare(b.kind)),
        appeals: appealCount(sum(appeals)),
        commissionOrders: commissionLines(orders),
      },
      now: {
        openCases: tally(new Map(Object.entries(openCases))),
        openInvestigations: investigations.open,
        highScoreInvestigations: investigations.high,
        outstandingOrders: commissionLines(outstanding),
        emails: tally(new Map(Object.entries(emails))),
      },
    };
  }

  return { operations };
}

/** Orders summed by status and currency, largest count first. */
function commissionLines(rows: readonly OrderGroup[]): CommissionLine[] {
  const m = new Map<string, { status: string; currency: string; count: number; commissionMinor: number; saleMinor: number }>();
  for (const r of rows) {
    const key = `${r.status}|${r.currency}`;
    const e = m.get(key) ?? { status: r.status, currency: r.currency, count: 0, commissionMinor: 0, saleMinor: 0 };
    e.count += r.count;
    e.commissionMinor += r.commissionMinor;
    e.saleMinor += r.saleMinor;
    m.set(key, e);
  }
  return [...m.values()].sort((a, b) => a.status.localeCompare(b.status) || a.currency.localeCompare(b.currency));
}
