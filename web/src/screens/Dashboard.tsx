import { useState } from 'react';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Badge, PageHeader, QueryBody } from '../components';
import { ChartCard, Meter, PrecisionBars, StackedBars, type PrecisionRow, type Segment, type StackedRow } from '../charts';
import { api } from '../lib/api';
import { formatDateTime, formatDuration, formatNumber, humanize } from '../lib/format';
import { languageName, useReviewQueues } from '../lib/review';
import { Link } from '../lib/router';
import { useTitle } from '../lib/title';
import type { CommissionOrderDto, InvestigationDto } from '../lib/investigations';
import type { AutomationDto, EmailSummaryDto, PageDto, PrecisionReportDto, ReviewQueueLineDto } from '../types';

const PRIORITIES: readonly Segment[] = [
  { key: 'p1', label: 'P1 Urgent', color: '#c0262d' },
  { key: 'p2', label: 'P2 High', color: '#e07b24' },
  { key: 'p3', label: 'P3 Normal', color: '#3b4fd8' },
  { key: 'p4', label: 'P4 Low', color: '#9aa3b2' },
];
const EMAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'dead'] as const;
const EMAIL_SEGMENTS: readonly Segment[] = [{ key: 'n', label: 'Emails', color: '#3b4fd8' }];
/** Counting emails by listing them: past this many, the count shows as "500+". */
const EMAIL_COUNT_CAP = 500;
const PRECISION_ROWS = 10;
/** Investigations and commission orders are counted from one page of their lists: past this, "200+". */
const COUNT_CAP = 200;

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

/** The state of the operation at a glance: review backlog, how good the rules are, what automation may do, whether mail goes out. */
export function DashboardScreen() {
  useTitle('Dashboard');
  const [windowDays, setWindowDays] = useState<30 | 90>(30);
  const queues = useReviewQueues();
  const precision = useQuery({
    queryKey: ['rule-precision', windowDays],
    queryFn: ({ signal }) => api.get<PrecisionReportDto>('/v1/rules/precision', { query: { window: windowDays }, signal }),
  });
  const below = useQuery({
    queryKey: ['rule-below-target', windowDays],
    queryFn: ({ signal }) => api.get<PrecisionReportDto>('/v1/rules/below-target', { query: { window: windowDays }, signal }),
  });
  const automation = useQuery({ queryKey: ['automation'], queryFn: ({ signal }) => api.get<AutomationDto>('/v1/rules/automation', { signal }), refetchInterval: 60_000 });
  const emails = useQuery({
    queryKey: ['email-counts'],
    refetchInterval: 60_000,
    queryFn: async ({ signal }) =>
      Promise.all(
        EMAIL_STATUSES.map(async (status) => {
          const p = await api.get<PageDto<EmailSummaryDto>>('/v1/emails', { query: { status, limit: EMAIL_COUNT_CAP }, signal });
          return { status, count: p.items.length, more: p.next_cursor !== null };
        }),
      ),
  });

  const investigations = useQuery({
    queryKey: ['investigations', 'open-count'],
    refetchInterval: 60_000,
    queryFn: ({ signal }) => api.get<PageDto<InvestigationDto>>('/v1/investigations', { query: { open: true, limit: COUNT_CAP }, signal }),
  });
  const orders = useQuery({
    queryKey: ['commission-orders', 'dashboard'],
    refetchInterval: 60_000,
    queryFn: ({ signal }) => api.get<{ items: CommissionOrderDto[] }>('/v1/commission-orders', { query: { limit: COUNT_CAP }, signal }),
  });
  const openInv = investigations.data;
  const outstanding = (orders.data?.items ?? []).filter((o) => o.status === 'issued' || o.status === 'disputed' || o.status === 'confirmed');
  const disputed = outstanding.filter((o) => o.status === 'disputed').length;

  const langs = byLanguage(queues.data ?? []);
  const openTotal = langs.reduce((n, l) => n + l.total, 0);
  const overdueTotal = langs.reduce((n, l) => n + l.overdue, 0);
  const a = automation.data;

  return (
    <div className="page">
      <PageHeader title="Dashboard" subtitle="Review backlog, rule precision, automation and email delivery, live from the API." />
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
          <div className={`stat-value${(below.data?.items.length ?? 0) > 0 ? ' danger' : ''}`}>{below.data === undefined ? '…' : below.data.items.length}</div>
          <div className="stat-note">with at least {below.data?.min_decisions ?? '…'} decisions</div>
        </div>
        <div className="stat">
          <div className="stat-label">Automatic violations, last hour</div>
          <div className={`stat-value${a?.circuit.open === true ? ' danger' : ''}`}>{a === undefined ? '…' : `${a.circuit.last_hour} / ${a.circuit.max_per_hour}`}</div>
          <div className="stat-note">{a === undefined ? '' : a.circuit.open ? 'Circuit breaker open: paused' : 'Circuit breaker closed'}</div>
        </div>
        <div className="stat">
          <div className="stat-label">Investigations open</div>
          <div className="stat-value">{openInv === undefined ? '…' : `${openInv.items.length}${openInv.next_cursor !== null ? '+' : ''}`}</div>
          <div className="stat-note">
            {openInv !== undefined && openInv.items.length > 0 ? `${openInv.items.filter((i) => i.score >= 0.8).length} scored 0.80 or more · ` : ''}
            <Link to="/investigations">Open investigations</Link>
          </div>
        </div>
        <div className="stat">
          <div className="stat-label">Commission orders outstanding</div>
          <div className="stat-value">{orders.data === undefined ? '…' : `${outstanding.length}${orders.data.items.length >= COUNT_CAP ? '+' : ''}`}</div>
          <div className="stat-note">{orders.data === undefined ? '' : `${orders.data.items.length} order${orders.data.items.length === 1 ? '' : 's'} in all${disputed > 0 ? ` · ${disputed} disputed` : ''}`}</div>
        </div>
      </div>

      <div className="dash-grid">
        <div className="stack">
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

        </div>
        <div className="stack">
          <PrecisionCard report={precision} windowDays={windowDays} setWindowDays={setWindowDays} />

          <ChartCard
            id="dash-email"
            title="Email delivery"
            note="Notices and other mail by delivery state. Failed mail is retried; dead mail needs an administrator."
            chart={
              <QueryBody query={emails} isEmpty={() => false} empty={null}>
                {(d) => (
                  <StackedBars
                    segments={EMAIL_SEGMENTS}
                    label={`Emails by state: ${d.map((e) => `${e.count}${e.more ? '+' : ''} ${e.status}`).join(', ')}.`}
                    rows={d.map((e): StackedRow => ({ label: humanize(e.status), values: { n: e.count }, after: e.more ? `${EMAIL_COUNT_CAP}+` : e.status === 'dead' && e.count > 0 ? 'needs action' : undefined, alert: (e.status === 'dead' || e.status === 'failed') && e.count > 0 }))}
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
                  {(emails.data ?? []).map((e) => (
                    <tr key={e.status}>
                      <th scope="row">{humanize(e.status)}</th>
                      <td className="num">
                        {e.count}
                        {e.more ? '+' : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
        </div>
      </div>
    </div>
  );
}

function PrecisionCard({ report, windowDays, setWindowDays }: { report: UseQueryResult<PrecisionReportDto>; windowDays: 30 | 90; setWindowDays: (w: 30 | 90) => void }) {
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
      actions={
        <div className="segmented" role="group" aria-label="Window">
          {([30, 90] as const).map((w) => (
            <button key={w} type="button" aria-pressed={windowDays === w} onClick={() => setWindowDays(w)}>
              {w} days
            </button>
          ))}
        </div>
      }
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
