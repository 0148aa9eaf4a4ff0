import { useState } from 'react';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Badge, PageHeader, QueryBody } from '../components';
import { ChartCard, ColumnChart, Meter, PrecisionBars, ShareBar, StackedBars, type PrecisionRow, type Segment, type StackedRow } from '../charts';
import { api } from '../lib/api';
import { bucketLabel, useOperations, type CommissionLineDto, type OperationsDto } from '../lib/analytics';
import { formatDateTime, formatDuration, formatMoney, formatNumber, humanize } from '../lib/format';
import { languageName, useReviewQueues } from '../lib/review';
import { Link } from '../lib/router';
import { useTitle } from '../lib/title';
import type { AutomationDto, PrecisionReportDto, ReviewQueueLineDto } from '../types';

const PRIORITIES: readonly Segment[] = [
  { key: 'p1', label: 'P1 Urgent', color: '#c0262d' },
  { key: 'p2', label: 'P2 High', color: '#e07b24' },
  { key: 'p3', label: 'P3 Normal', color: '#3b4fd8' },
  { key: 'p4', label: 'P4 Low', color: '#9aa3b2' },
];
const PRECISION_ROWS = 10;

interface LangLine {
  readonly lang: string;
  readonly open: Record<string, number>;
  readonly total: number;
  readonly overdue: number;
  readonly oldest: number | null;
}

function byLanguage(lines: readonly ReviewQueueLineDto[]): LangLine[] {
  const m = new Map<string, { open: Record<string, number>; total: number; overdue: number; oldest: number | null }>();
  for (const l of lines) {
    const e = m.get(l.lang) ?? { open: {}, total: 0, overdue: 0, oldest: null };
    e.open[l.priority] = (e.open[l.priority] ?? 0) + l.open;
    e.total += l.open;
    e.overdue += l.overdue;
    if (l.oldest_age_seconds !== null) e.oldest = Math.max(e.oldest ?? 0, l.oldest_age_seconds);
    m.set(l.lang, e);
  }
  return [...m.entries()].map(([lang, e]) => ({ lang, ...e })).sort((a, b) => b.total - a.total || a.lang.localeCompare(b.lang));
}

/** The state of the operation at a glance: what came in and what the team did over the period, what waits now. */
export function DashboardScreen() {
  useTitle('Dashboard');
  const [windowDays, setWindowDays] = useState<30 | 90>(30);
  const queues = useReviewQueues();
  const ops = useOperations(windowDays);
  const precision = useQuery({
    queryKey: ['rule-precision', windowDays],
    queryFn: ({ signal }) => api.get<PrecisionReportDto>('/v1/rules/precision', { query: { window: windowDays }, signal }),
  });
  // the rules below target are the precision report's flagged lines (GET /v1/rules/below-target is the same filter):
  // one request fewer queued on the embedded database's single connection
  const belowTarget = precision.data?.items.filter((r) => r.below_target).length;
  const automation = useQuery({ queryKey: ['automation'], queryFn: ({ signal }) => api.get<AutomationDto>('/v1/rules/automation', { signal }), refetchInterval: 60_000 });

  const langs = byLanguage(queues.data ?? []);
  const openTotal = langs.reduce((n, l) => n + l.total, 0);
  const overdueTotal = langs.reduce((n, l) => n + l.overdue, 0);
  const a = automation.data;
  const now = ops.data?.now;
  const outstanding = now?.outstanding_orders ?? [];
  const outstandingCount = outstanding.reduce((n, o) => n + o.count, 0);
  const disputed = outstanding.filter((o) => o.status === 'disputed').reduce((n, o) => n + o.count, 0);
  const owed = byCurrency(outstanding);
  const period = ops.data === undefined ? `the last ${windowDays} days` : `${formatDayUtc(ops.data.from)} – ${formatDayUtc(ops.data.to)}`;

  return (
    <div className="page">
      <PageHeader
        title="Dashboard"
        subtitle="What came in and what the team did over the period, and what waits now, live from the API."
        actions={
          <div className="dash-period">
            <span>{ops.data === undefined ? '' : `${period} · by ${ops.data.bucket}`}</span>
            <div className="segmented" role="group" aria-label="Period">
              {([30, 90] as const).map((w) => (
                <button key={w} type="button" aria-pressed={windowDays === w} onClick={() => setWindowDays(w)}>
                  {w} days
                </button>
              ))}
            </div>
          </div>
        }
      />
      <div className="stats stats-6">
        <div className="stat">
          <div className="stat-label">Open in review</div>
          <div className="stat-value">{queues.data === undefined ? '…' : formatNumber(openTotal)}</div>
          <div className="stat-note">{langs.length} language{langs.length === 1 ? '' : 's'}</div>
        </div>
        <div className="stat">
          <div className="stat-label">Past their SLA</div>
          <div className={`stat-value${overdueTotal > 0 ? ' danger' : ''}`}>{queues.data === undefined ? '…' : formatNumber(overdueTotal)}</div>
          <div className="stat-note">
            <Link to="/review">Open review</Link>
          </div>
        </div>
        <div className="stat">
          <div className="stat-label">Rules below target ({windowDays} days)</div>
          <div className={`stat-value${(belowTarget ?? 0) > 0 ? ' danger' : ''}`}>{belowTarget ?? '…'}</div>
          <div className="stat-note">with at least {precision.data?.min_decisions ?? '…'} decisions</div>
        </div>
        <div className="stat">
          <div className="stat-label">Automatic violations, last hour</div>
          <div className={`stat-value${a?.circuit.open === true ? ' danger' : ''}`}>{a === undefined ? '…' : `${a.circuit.last_hour} / ${a.circuit.max_per_hour}`}</div>
          <div className="stat-note">{a === undefined ? '' : a.circuit.open ? 'Circuit breaker open: paused' : 'Circuit breaker closed'}</div>
        </div>
        <div className="stat">
          <div className="stat-label">Investigations open</div>
          <div className="stat-value">{now === undefined ? '…' : formatNumber(now.open_investigations)}</div>
          <div className="stat-note">
            {now !== undefined && now.open_investigations > 0 ? `${formatNumber(now.high_score_investigations)} scored 0.80 or more · ` : ''}
            <Link to="/investigations">Open investigations</Link>
          </div>
        </div>
        <div className="stat">
          <div className="stat-label">Commission orders outstanding</div>
          <div className="stat-value">{now === undefined ? '…' : formatNumber(outstandingCount)}</div>
          <div className="stat-note">{now === undefined ? '' : outstandingCount === 0 ? 'Nothing owed' : `${owed.map((m) => formatMoney(m.commission, m.currency)).join(' · ')} owed${disputed > 0 ? ` · ${disputed} disputed` : ''}`}</div>
        </div>
      </div>

      <div className="dash-grid">
        <div className="stack">
          <MessagesCard ops={ops} />
          <CasesCard ops={ops} />
          <ChartCard
            id="dash-queues"
            title="Review queue by language"
            note="Open cases per language, split by priority; overdue cases on the right."
            chart={
              <QueryBody query={queues} isEmpty={() => langs.length === 0} empty={<p className="muted">Nothing is waiting for review.</p>}>
                {() => (
                  <StackedBars
                    segments={PRIORITIES}
                    label={`Open review cases by language: ${langs.map((l) => `${languageName(l.lang)} ${l.total} open, ${l.overdue} overdue`).join('; ')}.`}
                    rows={langs.map((l): StackedRow => ({ label: languageName(l.lang), values: l.open, after: l.overdue > 0 ? `${l.overdue} overdue` : 'on time', alert: l.overdue > 0 }))}
                  />
                )}
              </QueryBody>
            }
            table={
              <table className="table table-compact">
                <thead>
                  <tr>
                    <th scope="col">Language</th>
                    {PRIORITIES.map((p) => (
                      <th scope="col" className="num" key={p.key}>
                        {p.key.toUpperCase()}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      Open
                    </th>
                    <th scope="col" className="num">
                      Overdue
                    </th>
                    <th scope="col">Oldest</th>
                  </tr>
                </thead>
                <tbody>
                  {langs.map((l) => (
                    <tr key={l.lang}>
                      <th scope="row">{languageName(l.lang)}</th>
                      {PRIORITIES.map((p) => (
                        <td className="num" key={p.key}>
                          {l.open[p.key] ?? 0}
                        </td>
                      ))}
                      <td className="num">{l.total}</td>
                      <td className={`num${l.overdue > 0 ? ' text-danger' : ''}`}>{l.overdue}</td>
                      <td className="muted nowrap">{l.oldest === null ? '—' : formatDuration(l.oldest)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
          <NoticesCard ops={ops} />
        </div>
        <div className="stack">
          <AutomationRateCard ops={ops} />
          <section className="card" aria-labelledby="dash-auto-h">
            <div className="card-header">
              <h2 id="dash-auto-h">Automation</h2>
              {a !== undefined && (a.circuit.open ? <Badge tone="danger">Paused by the circuit breaker</Badge> : <Badge tone="success">Running</Badge>)}
            </div>
            <QueryBody query={automation} isEmpty={() => false} empty={null}>
              {(d) => (
                <div className="card-body">
                  <div className="meter-head">
                    <span>Automatic violations in the last hour</span>
                    <strong>
                      {d.circuit.last_hour} of {d.circuit.max_per_hour}
                    </strong>
                  </div>
                  <Meter
                    value={d.circuit.last_hour}
                    max={d.circuit.max_per_hour}
                    danger={d.circuit.open || d.circuit.last_hour >= d.circuit.max_per_hour}
                    label={`${d.circuit.last_hour} automatic violations in the last hour; the circuit breaker pauses automation at ${d.circuit.max_per_hour}.`}
                  />
                  {d.circuit.open && (
                    <p className="small text-danger">
                      Opened {formatDateTime(d.circuit.opened_at)}: {d.circuit.reason ?? 'no reason recorded'}. A manager resets it after checking the last decisions.
                    </p>
                  )}
                  <dl className="facts dash-facts">
                    <dt>Auto-clear</dt>
                    <dd>
                      {d.auto_clear_below <= 0 ? (
                        <span className="muted">Off: every flagged conversation goes to a reviewer</span>
                      ) : (
                        <>
                          Conversations scoring below <strong>{d.auto_clear_below}</strong> are cleared without a reviewer
                        </>
                      )}
                    </dd>
                    <dt>Decide alone</dt>
                    <dd>
                      {d.automatic_violation_rules.length === 0 ? (
                        <span className="muted">No rule may decide a violation without a reviewer</span>
                      ) : (
                        <span className="chip-list">
                          {d.automatic_violation_rules.map((r) => (
                            <code key={r}>{r}</code>
                          ))}
                        </span>
                      )}
                    </dd>
                    {d.circuit.closed_at !== null && (
                      <>
                        <dt>Last reset</dt>
                        <dd>{formatDateTime(d.circuit.closed_at)}</dd>
                      </>
                    )}
                  </dl>
                </div>
              )}
            </QueryBody>
          </section>
          <PrecisionCard report={precision} windowDays={windowDays} />
          <AppealsCard ops={ops} />
          <CommissionCard ops={ops} />
          <EmailCard ops={ops} />
        </div>
      </div>
    </div>
  );
}

type Ops = UseQueryResult<OperationsDto>;

const VERDICT_SEGMENTS: readonly Segment[] = [
  { key: 'clear', label: 'Clear', color: '#b9c3d3' },
  { key: 'review', label: 'Review', color: '#e0a526' },
  { key: 'violation', label: 'Violation', color: '#c0262d' },
  { key: 'unscanned', label: 'Not scanned yet', color: '#6c737f' },
];
const FLAGGED_SEGMENTS = VERDICT_SEGMENTS.filter((s) => s.key === 'review' || s.key === 'violation');

const CASE_TYPES: readonly (Segment & { closedColor: string })[] = [
  { key: 'conversation_review', label: 'Conversation review', color: '#3b4fd8', closedColor: '#aab4ef' },
  { key: 'investigation', label: 'Investigation', color: '#d9731c', closedColor: '#f2c49b' },
  { key: 'appeal', label: 'Appeal', color: '#7a3fb8', closedColor: '#cfb5ea' },
  { key: 'commission_dispute', label: 'Commission dispute', color: '#2a8a78', closedColor: '#a6d8cd' },
];

const AUTOMATION_SEGMENTS: readonly Segment[] = [
  { key: 'auto_cleared', label: 'Cleared automatically', color: '#7cc19b' },
  { key: 'automatic_violations', label: 'Automatic violations', color: '#2e7d57' },
  { key: 'human_decisions', label: 'Decided by a reviewer', color: '#9aa3b2' },
];

/** The notice of each ladder step, in ladder order, and the appeal notices. */
const NOTICE_ROWS: readonly { kind: string; label: string; color: string }[] = [
  { kind: 'education', label: 'Education', color: '#8f9bb3' },
  { kind: 'formal_warning', label: 'Formal warning', color: '#d9a21c' },
  { kind: 'restriction', label: 'Restriction', color: '#e07b24' },
  { kind: 'temporary_suspension', label: 'Suspension', color: '#c8502a' },
  { kind: 'termination', label: 'Termination', color: '#a31d23' },
  { kind: 'appeal_received', label: 'Appeal filed', color: '#7a3fb8' },
  { kind: 'appeal_upheld', label: 'Appeal upheld', color: '#7a3fb8' },
  { kind: 'appeal_overturned', label: 'Appeal overturned', color: '#7a3fb8' },
];

const APPEAL_PARTS = [
  { key: 'upheld', label: 'Upheld', color: '#4b5563' },
  { key: 'overturned', label: 'Overturned', color: '#e07b24' },
  { key: 'withdrawn', label: 'Withdrawn', color: '#8a93a3' },
  { key: 'pending', label: 'Pending', color: '#c3cad6' },
] as const;

const ORDER_STATUSES: readonly { key: string; label: string; color: string }[] = [
  { key: 'issued', label: 'Issued', color: '#3b4fd8' },
  { key: 'disputed', label: 'Disputed', color: '#e07b24' },
  { key: 'confirmed', label: 'Confirmed', color: '#6b7fe3' },
  { key: 'collected', label: 'Collected', color: '#2e8b57' },
  { key: 'cancelled', label: 'Cancelled', color: '#9aa3b2' },
  { key: 'written_off', label: 'Written off', color: '#5d6470' },
];

const EMAIL_SEGMENTS: readonly Segment[] = [{ key: 'n', label: 'Emails', color: '#3b4fd8' }];
const EMAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'dead'] as const;

const sumTally = (t: Readonly<Record<string, number>>) => Object.values(t).reduce((n, v) => n + v, 0);
const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;

function formatDayUtc(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** "28 Oct" for a day, "w/c 26 Oct" for a week, in tooltips and tables. */
function bucketName(start: string, bucket: 'day' | 'week'): string {
  return bucket === 'week' ? `Week of ${bucketLabel(start)}` : bucketLabel(start);
}

function byCurrency(lines: readonly CommissionLineDto[]): { currency: string; commission: number; sale: number; count: number }[] {
  const m = new Map<string, { currency: string; commission: number; sale: number; count: number }>();
  for (const l of lines) {
    const e = m.get(l.currency) ?? { currency: l.currency, commission: 0, sale: 0, count: 0 };
    e.commission += l.commission_minor;
    e.sale += l.sale_minor;
    e.count += l.count;
    m.set(l.currency, e);
  }
  return [...m.values()].sort((x, y) => y.count - x.count || x.currency.localeCompare(y.currency));
}

/** A table of the period's buckets, newest first, with the totals row kept in view. */
function BucketTable({ d, columns }: { d: OperationsDto; columns: readonly { label: string; value: (b: OperationsDto['buckets'][number]) => number | string; total: string | number }[] }) {
  return (
    <div className="table-wrap dash-table">
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">{d.bucket === 'week' ? 'Week of' : 'Day'}</th>
            {columns.map((c) => (
              <th scope="col" className="num" key={c.label}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...d.buckets].reverse().map((b) => (
            <tr key={b.start}>
              <th scope="row" className="nowrap">
                {bucketLabel(b.start)}
              </th>
              {columns.map((c) => (
                <td className="num" key={c.label}>
                  {c.value(b)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {columns.map((c) => (
              <td className="num" key={c.label}>
                <strong>{c.total}</strong>
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function MessagesCard({ ops }: { ops: Ops }) {
  const d = ops.data;
  const t = d?.totals.messages;
  const flagged = t === undefined ? 0 : t.review + t.violation;
  const shown = VERDICT_SEGMENTS.filter((s) => s.key !== 'unscanned' || (t?.unscanned ?? 0) > 0);
  return (
    <ChartCard
      id="dash-messages"
      title="Message volume"
      note="Messages by the day they were sent, with the verdict detection gave each one. The lower chart shows only the flagged ones, on their own scale."
      chart={
        <QueryBody query={ops} isEmpty={() => false} empty={null}>
          {(d) => (
            <>
              <dl className="dash-headline">
                <div>
                  <dt>Messages</dt>
                  <dd>
                    <strong>{formatNumber(d.totals.messages.total)}</strong>
                  </dd>
                </div>
                <div>
                  <dt>For review</dt>
                  <dd>
                    <strong>{formatNumber(d.totals.messages.review)}</strong>
                  </dd>
                </div>
                <div>
                  <dt>Violations</dt>
                  <dd>
                    <strong>{formatNumber(d.totals.messages.violation)}</strong>
                  </dd>
                </div>
                <div>
                  <dt>Flagged share</dt>
                  <dd>
                    <strong>{d.totals.messages.total === 0 ? '—' : `${((100 * flagged) / d.totals.messages.total).toFixed(1)}%`}</strong>
                  </dd>
                </div>
              </dl>
              <ColumnChart
                segments={shown}
                height={130}
                label={`Messages from ${d.from} to ${d.to}: ${d.totals.messages.total} in all, ${d.totals.messages.clear} clear, ${d.totals.messages.review} for review, ${d.totals.messages.violation} violations${d.totals.messages.unscanned > 0 ? `, ${d.totals.messages.unscanned} not scanned yet` : ''}.`}
                buckets={d.buckets.map((b) => ({
                  key: b.start,
                  label: bucketLabel(b.start),
                  values: { clear: b.messages.clear, review: b.messages.review, violation: b.messages.violation, unscanned: b.messages.unscanned },
                  title: `${bucketName(b.start, d.bucket)}: ${plural(b.messages.total, 'message')}, ${b.messages.review} for review, ${b.messages.violation} violations`,
                }))}
              />
              <p className="dash-subchart-title">Flagged messages</p>
              <ColumnChart
                segments={FLAGGED_SEGMENTS}
                legend={[]}
                height={60}
                label={`Flagged messages from ${d.from} to ${d.to}: ${d.totals.messages.review} for review and ${d.totals.messages.violation} violations.`}
                buckets={d.buckets.map((b) => ({
                  key: b.start,
                  label: bucketLabel(b.start),
                  values: { review: b.messages.review, violation: b.messages.violation },
                  title: `${bucketName(b.start, d.bucket)}: ${b.messages.review} for review, ${b.messages.violation} violations`,
                }))}
              />
            </>
          )}
        </QueryBody>
      }
      table={
        d === undefined ? null : (
          <BucketTable
            d={d}
            columns={[
              { label: 'Messages', value: (b) => formatNumber(b.messages.total), total: formatNumber(d.totals.messages.total) },
              { label: 'Clear', value: (b) => formatNumber(b.messages.clear), total: formatNumber(d.totals.messages.clear) },
              { label: 'Review', value: (b) => b.messages.review, total: d.totals.messages.review },
              { label: 'Violation', value: (b) => b.messages.violation, total: d.totals.messages.violation },
              ...(d.totals.messages.unscanned > 0 ? [{ label: 'Not scanned', value: (b: OperationsDto['buckets'][number]) => b.messages.unscanned, total: d.totals.messages.unscanned }] : []),
            ]}
          />
        )
      }
    />
  );
}

function AutomationRateCard({ ops }: { ops: Ops }) {
  const d = ops.data;
  return (
    <ChartCard
      id="dash-automation-rate"
      title="Automation rate"
      note={`Settled review work: flagged messages cleared below the auto-clear score and violations an automatic rule decided, against cases a reviewer decided. Escalations waiting for a senior${d === undefined ? '' : ` (${formatNumber(d.totals.automation.escalations)})`} count as unsettled.`}
      chart={
        <QueryBody query={ops} isEmpty={() => false} empty={null}>
          {(d) => {
            const t = d.totals.automation;
            return (
              <>
                <dl className="dash-headline">
                  <div>
                    <dt>Automated</dt>
                    <dd>
                      <strong>{percent(t.rate)}</strong>
                    </dd>
                  </div>
                  <div>
                    <dt>Auto-cleared</dt>
                    <dd>
                      <strong>{formatNumber(t.auto_cleared)}</strong>
                    </dd>
                  </div>
                  <div>
                    <dt>Auto violations</dt>
                    <dd>
                      <strong>{formatNumber(t.automatic_violations)}</strong>
                    </dd>
                  </div>
                  <div>
                    <dt>By reviewers</dt>
                    <dd>
                      <strong>{formatNumber(t.human_decisions)}</strong>
                    </dd>
                  </div>
                </dl>
                <ColumnChart
                  segments={AUTOMATION_SEGMENTS}
                  shareLabel="Automation rate"
                  height={120}
                  label={`Automation from ${d.from} to ${d.to}: ${percent(t.rate)} settled automatically; ${t.auto_cleared} cleared automatically, ${t.automatic_violations} automatic violations, ${t.human_decisions} reviewer decisions, ${t.escalations} escalations.`}
                  buckets={d.buckets.map((b) => ({
                    key: b.start,
                    label: bucketLabel(b.start),
                    values: { auto_cleared: b.automation.auto_cleared, automatic_violations: b.automation.automatic_violations, human_decisions: b.automation.human_decisions },
                    share: b.automation.rate,
                    title: `${bucketName(b.start, d.bucket)}: ${percent(b.automation.rate)} automatic; ${b.automation.auto_cleared} cleared, ${b.automation.automatic_violations} automatic violations, ${b.automation.human_decisions} reviewer decisions`,
                  }))}
                />
              </>
            );
          }}
        </QueryBody>
      }
      table={
        d === undefined ? null : (
          <BucketTable
            d={d}
            columns={[
              { label: 'Cleared', value: (b) => b.automation.auto_cleared, total: d.totals.automation.auto_cleared },
              { label: 'Auto violations', value: (b) => b.automation.automatic_violations, total: d.totals.automation.automatic_violations },
              { label: 'Reviewers', value: (b) => b.automation.human_decisions, total: d.totals.automation.human_decisions },
              { label: 'Escalations', value: (b) => b.automation.escalations, total: d.totals.automation.escalations },
              { label: 'Rate', value: (b) => percent(b.automation.rate), total: percent(d.totals.automation.rate) },
            ]}
          />
        )
      }
    />
  );
}

function CasesCard({ ops }: { ops: Ops }) {
  const d = ops.data;
  const known = new Set(CASE_TYPES.map((c) => c.key));
  const extra = d === undefined ? [] : [...new Set([...Object.keys(d.totals.cases_opened), ...Object.keys(d.totals.cases_closed)])].filter((k) => !known.has(k));
  const types = [...CASE_TYPES, ...extra.map((k) => ({ key: k, label: humanize(k), color: '#6c737f', closedColor: '#c3cad6' }))];
  const opened = d === undefined ? 0 : sumTally(d.totals.cases_opened);
  const closed = d === undefined ? 0 : sumTally(d.totals.cases_closed);
  const present = types.filter((c) => d !== undefined && ((d.totals.cases_opened[c.key] ?? 0) > 0 || (d.totals.cases_closed[c.key] ?? 0) > 0));
  return (
    <ChartCard
      id="dash-cases"
      title="Cases opened and closed"
      note="Opened above the line, closed below it (lighter), by case type."
      chart={
        <QueryBody query={ops} isEmpty={() => false} empty={null}>
          {(d) => (
            <>
              <dl className="dash-headline">
                <div>
                  <dt>Opened</dt>
                  <dd>
                    <strong>{formatNumber(opened)}</strong>
                  </dd>
                </div>
                <div>
                  <dt>Closed</dt>
                  <dd>
                    <strong>{formatNumber(closed)}</strong>
                  </dd>
                </div>
                <div>
                  <dt>Open now</dt>
                  <dd>
                    <strong>{formatNumber(sumTally(d.now.open_cases))}</strong>
                  </dd>
                </div>
              </dl>
              <ColumnChart
                segments={types}
                belowSegments={types.map((c) => ({ key: c.key, label: `${c.label} closed`, color: c.closedColor }))}
                legend={present.length === 0 ? types.slice(0, 1) : present}
                height={150}
                label={`Cases from ${d.from} to ${d.to}: ${opened} opened (${types.map((c) => `${d.totals.cases_opened[c.key] ?? 0} ${c.label.toLowerCase()}`).join(', ')}), ${closed} closed (${types.map((c) => `${d.totals.cases_closed[c.key] ?? 0} ${c.label.toLowerCase()}`).join(', ')}).`}
                buckets={d.buckets.map((b) => ({
                  key: b.start,
                  label: bucketLabel(b.start),
                  values: b.cases_opened,
                  below: b.cases_closed,
                  title: `${bucketName(b.start, d.bucket)}: ${sumTally(b.cases_opened)} opened, ${sumTally(b.cases_closed)} closed`,
                }))}
              />
            </>
          )}
        </QueryBody>
      }
      table={
        d === undefined ? null : (
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">Case type</th>
                <th scope="col" className="num">
                  Opened
                </th>
                <th scope="col" className="num">
                  Closed
                </th>
                <th scope="col" className="num">
                  Open now
                </th>
              </tr>
            </thead>
            <tbody>
              {types.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.label}</th>
                  <td className="num">{formatNumber(d.totals.cases_opened[c.key] ?? 0)}</td>
                  <td className="num">{formatNumber(d.totals.cases_closed[c.key] ?? 0)}</td>
                  <td className="num">{formatNumber(d.now.open_cases[c.key] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className="num">
                  <strong>{formatNumber(opened)}</strong>
                </td>
                <td className="num">
                  <strong>{formatNumber(closed)}</strong>
                </td>
                <td className="num">
                  <strong>{formatNumber(sumTally(d.now.open_cases))}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        )
      }
    />
  );
}

function NoticesCard({ ops }: { ops: Ops }) {
  const d = ops.data;
  const count = (kind: string) => d?.totals.notices.find((n) => n.kind === kind)?.count ?? 0;
  const known = new Set(NOTICE_ROWS.map((r) => r.kind));
  const rows = [...NOTICE_ROWS, ...(d?.totals.notices ?? []).filter((n) => !known.has(n.kind)).map((n) => ({ kind: n.kind, label: humanize(n.kind), color: '#6c737f' }))];
  const total = rows.reduce((n, r) => n + count(r.kind), 0);
  return (
    <ChartCard
      id="dash-notices"
      title="Notices by ladder step"
      note={`Notices written to sellers over the period: ${plural(total, 'notice')}. Each ladder step sends its own notice; appeals send one when filed and one when decided.`}
      chart={
        <QueryBody query={ops} isEmpty={() => false} empty={null}>
          {() => (
            <StackedBars
              legend={false}
              labelWidth={124}
              segments={rows.map((r) => ({ key: r.kind, label: r.label, color: r.color }))}
              label={`Notices from ${d!.from} to ${d!.to}: ${rows.map((r) => `${r.label} ${count(r.kind)}`).join(', ')}.`}
              rows={rows.map((r): StackedRow => ({ label: r.label, values: { [r.kind]: count(r.kind) } }))}
            />
          )}
        </QueryBody>
      }
      table={
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">Notice</th>
              <th scope="col" className="num">
                Ladder step
              </th>
              <th scope="col" className="num">
                Sent
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.kind}>
                <th scope="row">{r.label}</th>
                <td className="num">{i < 5 ? i + 1 : '—'}</td>
                <td className="num">{count(r.kind)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function AppealsCard({ ops }: { ops: Ops }) {
  const d = ops.data;
  const t = d?.totals.appeals;
  const decided = t === undefined ? 0 : t.upheld + t.overturned;
  return (
    <ChartCard
      id="dash-appeals"
      title="Appeal outcomes"
      note={
        t === undefined || t.filed === 0
          ? undefined
          : `${plural(t.filed, 'appeal')} filed over the period, by the outcome they have now (upheld: the violation stands).${decided > 0 ? ` ${Math.round((100 * t.overturned) / decided)}% of the decided ones overturned the violation.` : ''}`
      }
      chart={
        <QueryBody query={ops} isEmpty={(x) => x.totals.appeals.filed === 0} empty={<p className="muted">No appeals filed in the period.</p>}>
          {(d) => (
            <ShareBar
              label={`Appeals filed from ${d.from} to ${d.to}: ${d.totals.appeals.filed}; ${d.totals.appeals.upheld} upheld, ${d.totals.appeals.overturned} overturned, ${d.totals.appeals.withdrawn} withdrawn, ${d.totals.appeals.pending} pending.`}
              parts={APPEAL_PARTS.map((p) => ({ ...p, value: d.totals.appeals[p.key] }))}
            />
          )}
        </QueryBody>
      }
      table={
        d === undefined ? null : (
          <BucketTable
            d={d}
            columns={[
              { label: 'Filed', value: (b) => b.appeals.filed, total: d.totals.appeals.filed },
              { label: 'Upheld', value: (b) => b.appeals.upheld, total: d.totals.appeals.upheld },
              { label: 'Overturned', value: (b) => b.appeals.overturned, total: d.totals.appeals.overturned },
              { label: 'Withdrawn', value: (b) => b.appeals.withdrawn, total: d.totals.appeals.withdrawn },
              { label: 'Pending', value: (b) => b.appeals.pending, total: d.totals.appeals.pending },
            ]}
          />
        )
      }
    />
  );
}

function CommissionCard({ ops }: { ops: Ops }) {
  const d = ops.data;
  const lines = d?.totals.commission_orders ?? [];
  const count = (status: string) => lines.filter((l) => l.status === status).reduce((n, l) => n + l.count, 0);
  const total = lines.reduce((n, l) => n + l.count, 0);
  const sums = byCurrency(lines);
  return (
    <ChartCard
      id="dash-commission"
      title="Commission orders"
      note="Orders issued over the period for sales confirmed off the platform, by the status they have now; amounts are the commission owed, per currency."
      chart={
        <QueryBody query={ops} isEmpty={() => total === 0} empty={<p className="muted">No commission orders issued in the period.</p>}>
          {() => (
            <>
              <dl className="dash-headline">
                <div>
                  <dt>Orders issued</dt>
                  <dd>
                    <strong>{formatNumber(total)}</strong>
                  </dd>
                </div>
                {sums.map((s) => (
                  <div key={s.currency}>
                    <dt>Commission in {s.currency}</dt>
                    <dd>
                      <strong>{formatMoney(s.commission, s.currency)}</strong>
                    </dd>
                  </div>
                ))}
              </dl>
              <StackedBars
                legend={false}
                segments={ORDER_STATUSES}
                label={`Commission orders issued from ${d!.from} to ${d!.to}: ${ORDER_STATUSES.map((s) => `${count(s.key)} ${s.label.toLowerCase()}`).join(', ')}; ${sums.map((s) => `${formatMoney(s.commission, s.currency)} commission`).join(', ')}.`}
                rows={ORDER_STATUSES.map((s): StackedRow => {
                  const money = byCurrency(lines.filter((l) => l.status === s.key));
                  return { label: s.label, values: { [s.key]: count(s.key) }, after: money.length === 0 ? undefined : money.map((m) => formatMoney(m.commission, m.currency)).join(' + ') };
                })}
              />
            </>
          )}
        </QueryBody>
      }
      table={
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Currency</th>
              <th scope="col" className="num">
                Orders
              </th>
              <th scope="col" className="num">
                Commission
              </th>
              <th scope="col" className="num">
                Sale value
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  No commission orders issued in the period.
                </td>
              </tr>
            )}
            {lines.map((l) => (
              <tr key={`${l.status}-${l.currency}`}>
                <th scope="row">{humanize(l.status)}</th>
                <td>{l.currency}</td>
                <td className="num">{l.count}</td>
                <td className="num">{formatMoney(l.commission_minor, l.currency)}</td>
                <td className="num">{formatMoney(l.sale_minor, l.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function EmailCard({ ops }: { ops: Ops }) {
  const emails = ops.data?.now.emails;
  const rows = EMAIL_STATUSES.map((status) => ({ status, count: emails?.[status] ?? 0 }));
  return (
    <ChartCard
      id="dash-email"
      title="Email delivery"
      note="Notices and other mail by delivery state, now. Failed mail is retried; dead mail needs an administrator."
      chart={
        <QueryBody query={ops} isEmpty={() => false} empty={null}>
          {() => (
            <StackedBars
              segments={EMAIL_SEGMENTS}
              legend={false}
              label={`Emails by state: ${rows.map((e) => `${e.count} ${e.status}`).join(', ')}.`}
              rows={rows.map((e): StackedRow => ({ label: humanize(e.status), values: { n: e.count }, after: e.status === 'dead' && e.count > 0 ? 'needs action' : undefined, alert: (e.status === 'dead' || e.status === 'failed') && e.count > 0 }))}
            />
          )}
        </QueryBody>
      }
      table={
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">State</th>
              <th scope="col" className="num">
                Emails
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.status}>
                <th scope="row">{humanize(e.status)}</th>
                <td className="num">{formatNumber(e.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function PrecisionCard({ report, windowDays }: { report: UseQueryResult<PrecisionReportDto>; windowDays: 30 | 90 }) {
  const [all, setAll] = useState(false);
  const d = report.data;
  // Rules that fired or were decided, weakest first; the silent ones are only counted.
  const seen = (d?.items ?? []).filter((r) => r.decided > 0 || r.fired_hits > 0);
  const sorted = [...seen].sort((x, y) => Number(y.below_target) - Number(x.below_target) || (x.precision ?? 2) - (y.precision ?? 2) || y.decided - x.decided);
  const shown = all ? sorted : sorted.slice(0, PRECISION_ROWS);
  const rows: PrecisionRow[] = shown.map((r) => ({ label: r.rule_id, precision: r.precision, low: r.interval_95?.low, high: r.interval_95?.high, target: r.target, below: r.below_target, n: r.decided }));
  const silent = (d?.items.length ?? 0) - seen.length;
  return (
    <ChartCard
      id="dash-precision"
      title="Rule precision"
      note={
        <>
          Share of reviewed flags that were violations, per rule, over {windowDays} days{d !== undefined ? ` (rule set ${d.rule_set})` : ''}.
          {silent > 0 && ` ${silent} rule${silent === 1 ? '' : 's'} neither fired nor were decided.`}
          {sorted.length > PRECISION_ROWS && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => setAll(!all)}>
                {all ? 'Show the weakest only' : `Show all ${sorted.length}`}
              </button>
            </>
          )}
        </>
      }
      chart={
        <QueryBody query={report} isEmpty={() => rows.length === 0} empty={<p className="muted">No rule fired or was decided in the last {windowDays} days.</p>}>
          {() => <PrecisionBars rows={rows} label={`Rule precision over ${windowDays} days: ${rows.map((r) => `${r.label} ${r.precision === null ? 'no decisions' : `${Math.round(r.precision * 100)}%`} against a target of ${Math.round(r.target * 100)}%${r.below ? ', below target' : ''}`).join('; ')}.`} />}
        </QueryBody>
      }
      table={
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Mode</th>
              <th scope="col" className="num">
                Decided
              </th>
              <th scope="col" className="num">
                Precision
              </th>
              <th scope="col">95% interval</th>
              <th scope="col" className="num">
                Target
              </th>
              <th scope="col" className="num">
                Fired
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.rule_id}>
                <th scope="row" className="mono">
                  {r.rule_id}
                </th>
                <td>{humanize(r.mode)}</td>
                <td className="num">{r.decided}</td>
                <td className={`num${r.below_target ? ' text-danger' : ''}`}>{r.precision === null ? '—' : `${Math.round(r.precision * 100)}%`}</td>
                <td className="muted">{r.interval_95 === null ? '—' : `${Math.round(r.interval_95.low * 100)}–${Math.round(r.interval_95.high * 100)}%`}</td>
                <td className="num">{Math.round(r.target * 100)}%</td>
                <td className="num">{r.fired_messages}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
