import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, ConversationsTable, Dialog, LoadFailedPage, LoadMore, Loading, PageHeader, PriorityBadge, QueryBody, SlaBadge, StatusBadge } from '../components';
import { api } from '../lib/api';
import { formatDate, formatDateTime, formatDuration, formatMoney, formatShort, humanize, secondsUntil } from '../lib/format';
import { shortId, useCursorPages, usePeople } from '../lib/queries';
import { ORDER_STATUS_TONE, PRICE_SOURCE_LABEL, dismissLabel, signalLabel, type CommissionOrderDto, type InvestigationDto } from '../lib/investigations';
import { LADDER } from '../lib/review';
import { Link } from '../lib/router';
import { DeliveryStatus, NoticeDelivery, useNoticeEmail } from '../lib/delivery';
import { useTitle } from '../lib/title';
import type { CaseDto, ConversationDto, NoticeDto, NoticeSummaryDto, PageDto, RestrictionDto, SellerDetailDto, StandingDto } from '../types';
import { STATUS_TONE, localTime, rate } from './Sellers';
import { ScoreBar } from './Investigations';
import { PeerRiskCard } from './SellerRisk';
import { useMe } from '../lib/session';

/** What each step of the default ladder does to the seller, in a line (DOMAIN §5.4). */
const STEP_EFFECT: readonly string[] = [
  'Guidance on the rule; nothing restricted',
  'A warning on record; nothing restricted',
  'Messaging limited and listings demoted 30 days; payouts held 14 days',
  'Selling suspended for 14 days',
  'Account closed',
];

const RESTRICTION_TONE: Record<string, 'danger' | 'warning' | 'neutral'> = { active: 'danger', scheduled: 'warning', ended: 'neutral', lifted: 'neutral' };
const APPEAL_TONE: Record<string, 'success' | 'danger' | 'neutral'> = { overturned: 'success', upheld: 'danger' };

function stepLabel(step: number | null | undefined, fallback?: string): string {
  if (step === null || step === undefined) return fallback !== undefined ? humanize(fallback) : '—';
  return `${step + 1} · ${LADDER[step] ?? humanize(fallback)}`;
}

/** "in 89 days", "3 days ago": how far a date is from now, for expiries. */
function relative(iso: string): string {
  const s = secondsUntil(iso);
  return s >= 0 ? `in ${formatDuration(s)}` : `${formatDuration(-s)} ago`;
}

/**
 * A seller's profile: where they stand on the enforcement ladder and why, the notices they were
 * sent (with the exact email text), appeals, review cases open and past, and commission rates.
 */
export function SellerScreen({ params }: { params: Record<string, string> }) {
  const id = params['id']!;
  const seller = useQuery({ queryKey: ['seller-detail', id], queryFn: ({ signal }) => api.get<SellerDetailDto>(`/v1/sellers/${encodeURIComponent(id)}`, { signal }) });
  const standing = useQuery({ queryKey: ['standing', id], queryFn: ({ signal }) => api.get<StandingDto>(`/v1/sellers/${encodeURIComponent(id)}/standing`, { signal }) });
  const cases = useQuery({
    queryKey: ['cases', { seller_id: id }],
    queryFn: ({ signal }) => api.get<PageDto<CaseDto>>('/v1/cases', { query: { seller_id: id, limit: 100, sort: 'opened_at', dir: 'desc' }, signal }),
  });
  const convs = useCursorPages<ConversationDto>(['conversations', { seller_id: id }], '/v1/conversations', (cursor) => ({ seller_id: id, cursor, limit: 20 }));
  const investigations = useQuery({
    queryKey: ['investigations', { seller_id: id }],
    queryFn: ({ signal }) => api.get<PageDto<InvestigationDto>>('/v1/investigations', { query: { seller_id: id, limit: 50 }, signal }),
  });
  const orders = useQuery({
    queryKey: ['commission-orders', { seller_id: id }],
    queryFn: ({ signal }) => api.get<{ items: CommissionOrderDto[] }>('/v1/commission-orders', { query: { seller_id: id, limit: 100 }, signal }),
  });
  const [noticeId, setNoticeId] = useState<string | null>(null);
  const me = useMe();
  const s = seller.data;
  useTitle(s?.name ?? 'Seller');

  if (seller.isPending) {
    return (
      <div className="page">
        <Loading label="Loading seller…" />
      </div>
    );
  }
  if (seller.isError || s === undefined) return <LoadFailedPage noun="Seller" error={seller.error} breadcrumb={<Link to="/sellers">Sellers</Link>} />;
  const local = localTime(s.time_zone);
  const allCases = cases.data?.items ?? [];
  const openCases = allCases.filter((c) => !c.closed);
  const pastCases = allCases.filter((c) => c.closed);
  const conversations = convs.data?.pages.flatMap((p) => p.items) ?? [];
  const st = standing.data;

  return (
    <div className="page">
      <PageHeader
        breadcrumb={
          <>
            <Link to="/sellers">Sellers</Link>
            <span aria-hidden="true">/</span>
            <span className="mono">{s.id}</span>
          </>
        }
        title={
          <span className="case-title-row">
            {s.name ?? s.id}
            <Badge tone={STATUS_TONE[s.status] ?? 'neutral'}>{humanize(s.status)}</Badge>
            {!s.known && <Badge tone="warning">Not yet synced</Badge>}
          </span>
        }
        subtitle={
          <span className="case-meta">
            <span>{s.country ?? 'Country unknown'}</span>
            <span>Tier {humanize(s.tier)}</span>
            <span>Commission {rate(s.commission_rate_bps)}</span>
            {local !== null && <span>Local time {local}</span>}
          </span>
        }
      />
      {!s.known && (
        <div className="banner banner-warning" role="status">
          The marketplace has not sent this seller's details yet; Assay knows it only from a message or event that named it.
        </div>
      )}
      <div className="grid-2">
        <div className="stack">
          <section className="card" aria-labelledby="ladder-h">
            <div className="card-header">
              <h2 id="ladder-h">Enforcement ladder</h2>
              {st !== undefined &&
                (st.position === null ? (
                  <Badge tone="success">Good standing</Badge>
                ) : (
                  <Badge tone="danger">
                    Step {st.position.step + 1} of {LADDER.length}
                  </Badge>
                ))}
            </div>
            <QueryBody query={standing} isEmpty={() => false} empty={null} loadingLabel="Loading standing…">
              {(d) => <Ladder standing={d} />}
            </QueryBody>
          </section>

          <PeerRiskCard sellerId={id} canRefresh={me.role === 'admin' || me.role === 'manager'} />

          <section className="card card-flush" aria-labelledby="violations-h">
            <div className="card-header">
              <h2 id="violations-h">Violations {st !== undefined && <span className="muted">({st.violations.length})</span>}</h2>
            </div>
            <QueryBody query={standing} isEmpty={(d) => d.violations.length === 0} empty={<p className="card-body muted">No confirmed violations.</p>}>
              {(d) => <ViolationsTable standing={d} />}
            </QueryBody>
          </section>

          <section className="card card-flush" aria-labelledby="notices-h">
            <div className="card-header">
              <h2 id="notices-h">Notices sent</h2>
              <span className="muted small">The emails the seller received, exactly as sent</span>
            </div>
            <QueryBody query={standing} isEmpty={(d) => d.notices.length === 0} empty={<p className="card-body muted">No notices sent.</p>}>
              {(d) => <NoticesTable notices={d.notices} onOpen={setNoticeId} />}
            </QueryBody>
          </section>

          <section className="card card-flush" aria-labelledby="appeals-h">
            <div className="card-header">
              <h2 id="appeals-h">Appeals</h2>
            </div>
            <QueryBody query={standing} isEmpty={(d) => d.appeals.length === 0} empty={<p className="card-body muted">No appeals filed.</p>}>
              {(d) => (
                <div className="table-wrap">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">Filed</th>
                        <th scope="col">Reason</th>
                        <th scope="col">Outcome</th>
                        <th scope="col">Case</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.appeals.map((a) => (
                        <tr key={a.case_id}>
                          <td className="muted nowrap">{formatDateTime(a.filed_at)}</td>
                          <td className="clamp-2">{a.reason}</td>
                          <td>{a.outcome === null ? <Badge tone="warning">Pending</Badge> : <Badge tone={APPEAL_TONE[a.outcome] ?? 'neutral'}>{humanize(a.outcome)}</Badge>}</td>
                          <td>
                            <Link to={`/cases/${encodeURIComponent(a.case_id)}`} className="mono">
                              {shortId(a.case_id)}
                            </Link>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </QueryBody>
          </section>

          <section className="card card-flush" aria-labelledby="seller-orders-h">
            <div className="card-header">
              <h2 id="seller-orders-h">Commission orders {orders.data !== undefined && <span className="muted">({orders.data.items.length})</span>}</h2>
              <span className="muted small">Commission owed on sales confirmed off the platform</span>
            </div>
            <QueryBody query={orders} isEmpty={(d) => d.items.length === 0} empty={<p className="card-body muted">No commission orders.</p>}>
              {(d) => <OrdersTable orders={d.items} />}
            </QueryBody>
          </section>

          <section className="card card-flush" aria-labelledby="seller-inv-h">
            <div className="card-header">
              <h2 id="seller-inv-h">Investigations {investigations.data !== undefined && <span className="muted">({investigations.data.items.length})</span>}</h2>
            </div>
            <QueryBody query={investigations} isEmpty={(d) => d.items.length === 0} empty={<p className="card-body muted">No off-platform sale investigations.</p>}>
              {(d) => <InvestigationsTable items={d.items} />}
            </QueryBody>
          </section>

          <section className="card card-flush" aria-labelledby="seller-cases-h">
            <div className="card-header">
              <h2 id="seller-cases-h">Open cases {cases.data !== undefined && <span className="muted">({openCases.length})</span>}</h2>
            </div>
            <QueryBody query={cases} isEmpty={() => openCases.length === 0} empty={<p className="card-body muted">No open cases about this seller.</p>}>
              {() => <CasesTable cases={openCases} />}
            </QueryBody>
          </section>

          {pastCases.length > 0 && (
            <section className="card card-flush" aria-labelledby="seller-past-h">
              <div className="card-header">
                <h2 id="seller-past-h">
                  Past cases <span className="muted">({pastCases.length})</span>
                </h2>
              </div>
              <CasesTable cases={pastCases} />
            </section>
          )}

          <section className="card card-flush" aria-labelledby="seller-convs-h">
            <div className="card-header">
              <h2 id="seller-convs-h">Conversations</h2>
              <span className="muted small">Most recently active first</span>
            </div>
            <QueryBody query={convs} isEmpty={() => conversations.length === 0} empty={<p className="card-body muted">No conversations.</p>}>
              {() => (
                <div className="table-wrap">
                  <ConversationsTable conversations={conversations} withListing />
                </div>
              )}
            </QueryBody>
            <LoadMore pages={convs}>{conversations.length} shown</LoadMore>
          </section>
        </div>

        <div className="stack">
          <section className="card" aria-labelledby="seller-facts-h">
            <div className="card-header">
              <h2 id="seller-facts-h">Facts</h2>
            </div>
            <div className="card-body">
              <dl className="facts">
                <dt>Seller id</dt>
                <dd className="mono">{s.id}</dd>
                <dt>Email</dt>
                <dd>{s.email ?? '—'}</dd>
                <dt>Country</dt>
                <dd>{s.country ?? '—'}</dd>
                <dt>Time zone</dt>
                <dd>{s.time_zone ?? '—'}</dd>
                <dt>Languages</dt>
                <dd>{s.languages.join(', ') || '—'}</dd>
                <dt>Tier</dt>
                <dd>{humanize(s.tier)}</dd>
                <dt>Last synced</dt>
                <dd>{formatDateTime(s.source_updated_at)}</dd>
                <dt>First seen</dt>
                <dd>{formatDateTime(s.created_at)}</dd>
              </dl>
            </div>
          </section>
          {st !== undefined && <RestrictionsCard restrictions={st.restrictions} />}
          <section className="card card-flush" aria-labelledby="seller-rates-h">
            <div className="card-header">
              <h2 id="seller-rates-h">Commission rates</h2>
              <span className="stat-inline">{rate(s.commission_rate_bps)} now</span>
            </div>
            {s.commission_rates.length === 0 ? (
              <p className="card-body muted">No rate history.</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">From</th>
                    <th scope="col">Tier</th>
                    <th scope="col" className="num">
                      Rate
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...s.commission_rates].reverse().map((r) => (
                    <tr key={r.effective_from + r.tier}>
                      <td className="nowrap">{formatDate(r.effective_from)}</td>
                      <td>{humanize(r.tier)}</td>
                      <td className="num">{rate(r.rate_bps)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      </div>
      <NoticeDialog noticeId={noticeId} onClose={() => setNoticeId(null)} />
    </div>
  );
}

/** The five steps drawn left to right: steps reached in red, the current one marked, the next one hatched. */
function Ladder({ standing }: { standing: StandingDto }) {
  const current = standing.position?.step ?? -1;
  const next = standing.next_step.step;
  const summary =
    current < 0
      ? `Good standing: no active strike. A violation now means step ${next + 1}, ${LADDER[next] ?? humanize(standing.next_step.name)}.`
      : `At step ${current + 1} of ${LADDER.length}, ${LADDER[current] ?? humanize(standing.position?.name)}. ${next > current ? `A violation now means step ${next + 1}, ${LADDER[next] ?? humanize(standing.next_step.name)}.` : 'The last step has been reached.'}`;
  return (
    <div className="card-body seller-ladder">
      <ol className="ladder-lg" aria-label={summary}>
        {LADDER.map((name, i) => {
          const state = i === current ? 'current' : i < current ? 'reached' : i === next && next > current ? 'next' : 'ahead';
          return (
            <li key={name} className={`ladder-step ladder-step-${state}`} aria-current={i === current ? 'step' : undefined}>
              <span className="ladder-num" aria-hidden="true">
                {i + 1}
              </span>
              <span className="ladder-step-name">{name}</span>
              <span className="ladder-step-effect">{STEP_EFFECT[i]}</span>
              {state === 'current' && <span className="ladder-tag ladder-tag-current">Current</span>}
              {state === 'next' && <span className="ladder-tag ladder-tag-next">Next violation</span>}
            </li>
          );
        })}
      </ol>
      <p className="small muted ladder-summary">{summary}</p>
      {standing.active_strikes.length > 0 && (
        <>
          <h3 className="subhead">Active strikes</h3>
          <ul className="strike-list">
            {standing.active_strikes.map((a) => (
              <li key={a.violation_id}>
                <span className="strike-step">Step {a.step.step + 1}</span>
                <Link to={`/policies?clause=${encodeURIComponent(a.clause_id)}`} className="mono">
                  {a.clause_id}
                </Link>
                <span className="muted">decided {formatDate(a.decided_at)}</span>
                <span className="spacer" />
                <span title={formatDateTime(a.expires_at, true)}>
                  Expires {formatDate(a.expires_at)} <span className="muted">({relative(a.expires_at)})</span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function ViolationsTable({ standing }: { standing: StandingDto }) {
  const people = usePeople();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Decided</th>
            <th scope="col">Clause</th>
            <th scope="col">Step</th>
            <th scope="col">Decided by</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {standing.violations.map((v) => (
            <tr key={v.id}>
              <td className="nowrap">
                <Link to={`/cases/${encodeURIComponent(v.case_id)}`} title={`Open the review case ${v.case_id}`}>
                  {formatShort(v.decided_at)}
                </Link>
              </td>
              <td className="violation-clause">
                <span className="mono">{v.clause.clause_id}</span>
                <span className="muted small vclause-title" title={v.clause.title}>
                  {v.clause.title}
                </span>
                {v.severity === 'severe' && (
                  <>
                    {' '}
                    <Badge tone="danger">Severe</Badge>
                  </>
                )}
              </td>
              <td className="nowrap">{stepLabel(v.step.step, v.step.name)}</td>
              <td className="nowrap">{v.automated_decision ? <Badge tone="accent">Automated</Badge> : people(v.decided_by)}</td>
              <td title={`Strike expires ${formatDate(v.strike_expires_at)}`}>{v.status === 'overturned' ? <Badge tone="success">Overturned</Badge> : secondsUntil(v.strike_expires_at) > 0 ? <Badge tone="danger">Active</Badge> : <Badge>Expired</Badge>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NoticesTable({ notices, onOpen }: { notices: readonly NoticeSummaryDto[]; onOpen: (id: string) => void }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Sent</th>
            <th scope="col">Notice</th>
            <th scope="col">Step</th>
            <th scope="col">Delivery</th>
            <th scope="col">
              <span className="visually-hidden">Email</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {notices.map((n) => (
            <tr key={n.id}>
              <td className="muted nowrap">{formatDateTime(n.created_at)}</td>
              <td className="title-cell">
                <span className="notice-subject">{n.subject}</span>
                <span className="muted small">
                  {' '}
                  {humanize(n.kind)} · {n.lang.toUpperCase()}
                </span>
              </td>
              <td className="nowrap">{n.step === null ? '—' : stepLabel(n.step)}</td>
              <td className="nowrap">
                <NoticeDelivery noticeId={n.id} emailId={n.email_id} />
              </td>
              <td className="num">
                <Button size="sm" onClick={() => onOpen(n.id)} aria-label={`View the email: ${n.subject}`}>
                  View email
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RestrictionsCard({ restrictions }: { restrictions: readonly RestrictionDto[] }) {
  return (
    <section className="card card-flush" aria-labelledby="restrictions-h">
      <div className="card-header">
        <h2 id="restrictions-h">Restrictions</h2>
      </div>
      {restrictions.length === 0 ? (
        <p className="card-body muted">No restrictions, now or before.</p>
      ) : (
        <ul className="restriction-list">
          {restrictions.map((r) => (
            <li key={r.id}>
              <div className="row">
                <strong>{humanize(r.kind)}</strong>
                <span className="spacer" />
                <Badge tone={RESTRICTION_TONE[r.state] ?? 'neutral'}>{humanize(r.state)}</Badge>
              </div>
              <div className="muted small">
                From {formatDate(r.effective_at)}
                {r.lifted_at !== null ? ` · lifted ${formatDate(r.lifted_at)}` : r.ends_at !== null ? ` · until ${formatDate(r.ends_at)}` : ' · until lifted'}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The notice as the seller received it: headers, the plain text, or the HTML in a sandbox, and whether it went out. */
function NoticeDialog({ noticeId, onClose }: { noticeId: string | null; onClose: () => void }) {
  const [view, setView] = useState<'text' | 'html'>('text');
  const notice = useQuery({
    queryKey: ['notice', noticeId],
    enabled: noticeId !== null,
    queryFn: ({ signal }) => api.get<NoticeDto>(`/v1/notices/${encodeURIComponent(noticeId!)}`, { signal }),
  });
  const delivery = useNoticeEmail(noticeId);
  const n = notice.data;
  const email = delivery.data;
  return (
    <Dialog open={noticeId !== null} onClose={onClose} title="Notice email" wide footer={<Button onClick={onClose}>Close</Button>}>
      <QueryBody query={notice} isEmpty={() => false} empty={null} loadingLabel="Loading the notice…">
        {() =>
          n === undefined ? null : (
            <div className="email-view">
              <dl className="email-headers">
                <dt>To</dt>
                <dd>{n.to_email ?? '—'}</dd>
                <dt>Subject</dt>
                <dd>
                  <strong>{n.subject}</strong>
                </dd>
                <dt>Written</dt>
                <dd>{formatDateTime(n.created_at, true)}</dd>
                <dt>Delivery</dt>
                <dd>
                  {email === undefined && delivery.isPending ? <span className="muted">Checking…</span> : <DeliveryStatus email={email} />}
                </dd>
              </dl>
              <div className="segmented" role="group" aria-label="Email format">
                <button type="button" aria-pressed={view === 'text'} onClick={() => setView('text')}>
                  Plain text
                </button>
                <button type="button" aria-pressed={view === 'html'} onClick={() => setView('html')}>
                  HTML
                </button>
              </div>
              {view === 'text' ? (
                <pre className="email-text" tabIndex={0} aria-label="Email text as sent">
                  {n.text}
                </pre>
              ) : (
                <iframe className="email-html" title="Email HTML as sent" sandbox="" srcDoc={n.html} />
              )}
            </div>
          )
        }
      </QueryBody>
    </Dialog>
  );
}

function CasesTable({ cases }: { cases: readonly CaseDto[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">Case</th>
            <th scope="col">Status</th>
            <th scope="col">SLA</th>
            <th scope="col">Opened</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <td>
                <PriorityBadge priority={c.priority} short />
              </td>
              <td className="title-cell">
                <Link to={`/cases/${encodeURIComponent(c.id)}`}>{c.title}</Link>
              </td>
              <td>
                <StatusBadge status={c.status} closed={c.closed} />
              </td>
              <td>
                <SlaBadge due={c.sla_due_at} closedAt={c.closed_at} />
              </td>
              <td className="muted nowrap">{formatDateTime(c.opened_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OrdersTable({ orders }: { orders: readonly CommissionOrderDto[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Issued</th>
            <th scope="col" className="num">
              Commission
            </th>
            <th scope="col">Sale price</th>
            <th scope="col">Status</th>
            <th scope="col">Due</th>
            <th scope="col">Investigation</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id}>
              <td className="muted nowrap">{formatDate(o.created_at)}</td>
              <td className="num nowrap">
                <strong>{formatMoney(o.commission.amount_minor, o.commission.currency)}</strong> <span className="faint">at {rate(o.commission_rate_bps)}</span>
              </td>
              <td className="nowrap">
                {formatMoney(o.sale_price.amount_minor, o.sale_price.currency)} <span className="faint">({(PRICE_SOURCE_LABEL[o.sale_price.source] ?? o.sale_price.source).toLowerCase()})</span>
              </td>
              <td>
                <Badge tone={ORDER_STATUS_TONE[o.status] ?? 'neutral'}>{humanize(o.status)}</Badge>
              </td>
              <td className="nowrap">{formatDate(o.due_at)}</td>
              <td>
                <Link to={`/investigations/${encodeURIComponent(o.case_id)}`} className="mono" aria-label={`Investigation of commission order ${o.id}`}>
                  {shortId(o.case_id)}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InvestigationsTable({ items }: { items: readonly InvestigationDto[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Score</th>
            <th scope="col">Strongest signal</th>
            <th scope="col">Opened</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => {
            const top = [...i.signals].sort((a, b) => b.contribution - a.contribution)[0];
            return (
              <tr key={i.case_id}>
                <td>
                  <Link to={`/investigations/${encodeURIComponent(i.case_id)}`} className="inv-open" aria-label={`Open investigation ${i.case_id}`}>
                    <ScoreBar score={i.score} />
                  </Link>
                </td>
                <td>{top === undefined ? '—' : signalLabel(top.name)}</td>
                <td className="muted nowrap">{formatDate(i.opened_at)}</td>
                <td>{i.open ? <Badge tone="warning">Open</Badge> : i.outcome === 'confirmed' ? <Badge tone="danger">Confirmed</Badge> : <Badge tone="neutral">{i.outcome === 'dismissed' ? `Dismissed · ${dismissLabel(i.dismiss_reason)}` : 'Closed'}</Badge>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
