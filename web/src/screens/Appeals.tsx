import { useId, useMemo, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Banner, Button, Dialog, Empty, ErrorBanner, Kbd, ListFoot, LoadFailedPage, Loading, PageHeader, QueryBody, SelectField, SlaBadge } from '../components';
import { IconAlert, IconCheckCircle } from '../icons';
import { ApiError, api } from '../lib/api';
import {
  APPEAL_STATUS_LABEL,
  APPEAL_STATUS_TONE,
  mayDecideAppeals,
  personLabel,
  roleName,
  type AppealDecisionResultDto,
  type AppealDetailDto,
  type AppealOutcome,
  type AppealWorkDto,
} from '../lib/appeals';
import { DeliveryStatus, NoticeDelivery, useNoticeEmail } from '../lib/delivery';
import { formatDate, formatDateTime, formatDuration, formatShort, humanize } from '../lib/format';
import { highlight } from '../lib/highlight';
import { useHotkeys, useKeyboardList, usePageShortcuts } from '../lib/hotkeys';
import { shortId, useCursorPages } from '../lib/queries';
import { LADDER, languageName } from '../lib/review';
import { Link, navigate, useSearchParams } from '../lib/router';
import { useMe } from '../lib/session';
import { useTitle } from '../lib/title';
import type { ConversationDto, MessageDto, NoticeDto, NoticeSummaryDto, RestrictionDto } from '../types';

const PAGE_SIZE = 50;
const detailKey = (id: string) => ['appeal', id] as const;

function age(iso: string): string {
  return formatDuration(Math.max(0, (Date.now() - Date.parse(iso)) / 1000));
}

function stepLabel(step: { step: number; name: string }): string {
  return `Step ${step.step + 1} · ${LADDER[step.step] ?? humanize(step.name)}`;
}

function StatusPill({ status }: { status: string }) {
  return <Badge tone={APPEAL_STATUS_TONE[status] ?? 'neutral'}>{APPEAL_STATUS_LABEL[status] ?? humanize(status)}</Badge>;
}

const lowerYou = (label: string) => (label === 'You' ? 'you' : label);

/** Restrictions still in force or about to be: what overturning lifts. */
const liftable = (rs: readonly RestrictionDto[]) => rs.filter((r) => r.state === 'active' || r.state === 'scheduled');

/* ================= the list ================= */

/**
 * Sellers' appeals against enforcement decisions, as seniors work them: open ones in queue order
 * (the SLA due soonest first), each with the clause, the language to answer in and who decided.
 */
export function AppealsScreen() {
  useTitle('Appeals');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'open';
  const list = useCursorPages<AppealWorkDto>(['appeals', status], '/v1/appeals', (cursor) => ({ status, cursor, limit: PAGE_SIZE }));
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const open = (a: AppealWorkDto | undefined) => {
    if (a !== undefined) navigate(`/appeals/${encodeURIComponent(a.case_id)}`);
  };
  const { selected: clamped, tableRef } = useKeyboardList({
    rows,
    open,
    hasNextPage: list.hasNextPage,
    fetchingNextPage: list.isFetchingNextPage,
    fetchNextPage: () => void list.fetchNextPage(),
  });
  usePageShortcuts({
    title: 'Appeals',
    items: [
      { keys: ['j', 'k'], text: 'Next / previous appeal' },
      { keys: ['Enter'], text: 'Open the selected appeal' },
    ],
  });

  const openRows = rows.filter((r) => !r.closed);
  const overdue = openRows.filter((r) => Date.parse(r.sla_due_at) < Date.now()).length;
  const own = openRows.filter((r) => r.violation_decided_by.id === me.id).length;
  const dueToday = openRows.filter((r) => Date.parse(r.sla_due_at) >= Date.now() && Date.parse(r.sla_due_at) < Date.now() + 24 * 3600_000).length;

  return (
    <div className="page">
      <PageHeader
        title="Appeals"
        subtitle="Sellers’ appeals against enforcement decisions, oldest deadline first. A senior who did not take the original decision decides each one."
      />
      {status === 'open' && rows.length > 0 && (
        <div className="stats appeal-stats" aria-label="Open appeals at a glance">
          <div className="stat">
            <div className="stat-label">Open</div>
            <div className="stat-value">
              {openRows.length}
              {list.hasNextPage ? '+' : ''}
            </div>
          </div>
          <div className="stat">
            <div className="stat-label">Past the SLA</div>
            <div className={`stat-value${overdue > 0 ? ' danger' : ''}`}>{overdue}</div>
          </div>
          <div className="stat">
            <div className="stat-label">Due in the next 24 hours</div>
            <div className="stat-value">{dueToday}</div>
          </div>
          <div className="stat">
            <div className="stat-label">Yours to decide</div>
            <div className="stat-value">{openRows.length - own}</div>
            {own > 0 && (
              <div className="stat-note">
                {own} on decisions you took: another senior decides {own === 1 ? 'it' : 'them'}
              </div>
            )}
          </div>
        </div>
      )}
      <div className="card card-flush">
        <div className="filters" role="search" aria-label="Filter appeals">
          <SelectField label="Show" value={status} onChange={(e) => setParams({ status: e.target.value === 'open' ? undefined : e.target.value }, { replace: true })}>
            <option value="open">Open</option>
            <option value="closed">Decided</option>
            <option value="all">All</option>
          </SelectField>
        </div>
        <QueryBody
          query={list}
          loadingLabel="Loading appeals…"
          isEmpty={() => rows.length === 0}
          empty={<Empty title={status === 'open' ? 'No appeal is waiting' : 'No appeals here'}>{status === 'open' ? 'Appeals the marketplace forwards from sellers appear here.' : 'Decided appeals appear here.'}</Empty>}
        >
          {() => (
            <div className="table-wrap">
              <table className="table table-clickable appeal-table" aria-label="Appeals">
                <thead>
                  <tr>
                    <th scope="col">Seller and appeal</th>
                    <th scope="col">Decision appealed</th>
                    <th scope="col">Language</th>
                    <th scope="col">Filed</th>
                    <th scope="col">SLA</th>
                    <th scope="col">Decided by</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody ref={tableRef}>
                  {rows.map((a, i) => {
                    const own = a.violation_decided_by.id === me.id;
                    return (
                      <tr key={a.case_id} className={i === clamped ? 'selected' : undefined} aria-selected={i === clamped} data-case-id={a.case_id} onClick={() => open(a)}>
                        <td className="title-cell case-cell appeal-cell">
                          <Link className="case-cell-title" to={`/appeals/${encodeURIComponent(a.case_id)}`} onClick={(e) => e.stopPropagation()} tabIndex={i === clamped ? 0 : -1}>
                            {a.seller.name ?? a.seller.id}
                          </Link>
                          <span className="case-cell-meta">“{a.appeal.reason}”</span>
                        </td>
                        <td className="violation-clause">
                          <span className="mono">{a.violation.clause.clause_id}</span>
                          <span className="muted small vclause-title" title={a.violation.clause.title}>
                            {a.violation.clause.title}
                          </span>
                          <span className="appeal-step small">{stepLabel(a.violation.step)}</span>
                        </td>
                        <td>
                          <span className="lang-tag" title={a.lang === null ? 'Unknown' : languageName(a.lang)}>
                            {(a.lang ?? '—').toUpperCase()}
                          </span>
                        </td>
                        <td className="nowrap" title={formatDateTime(a.appeal.filed_at, true)}>
                          {age(a.appeal.filed_at)} ago
                        </td>
                        <td className="nowrap">
                          <SlaBadge due={a.sla_due_at} closedAt={a.closed_at} />
                        </td>
                        <td className="nowrap">
                          {a.violation.automated_decision ? <Badge tone="accent">Automated</Badge> : personLabel(a.violation_decided_by, me.id)}
                          {own && !a.closed && (
                            <span className="appeal-own" title="You decided the violation: another senior must decide this appeal">
                              {' '}
                              · not yours to decide
                            </span>
                          )}
                        </td>
                        <td>
                          <StatusPill status={a.status} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </QueryBody>
        {rows.length > 0 && (
          <ListFoot shown={rows.length} more={list.hasNextPage} moreLabel="more waiting" pageSize={PAGE_SIZE} onMore={() => void list.fetchNextPage()} loadingMore={list.isFetchingNextPage} />
        )}
      </div>
    </div>
  );
}

/* ================= one appeal ================= */

/**
 * One appeal, with everything a senior needs to decide it: the seller's statement and replies, the
 * violation with the cited messages highlighted, the exact notice the seller received and whether it
 * was delivered, and Uphold / Overturn with the reasons the seller will read.
 */
export function AppealScreen({ params }: { params: Record<string, string> }) {
  const id = params['case_id']!;
  const me = useMe();
  const qc = useQueryClient();
  const view = useQuery({ queryKey: detailKey(id), queryFn: ({ signal }) => api.get<AppealDetailDto>(`/v1/appeals/${encodeURIComponent(id)}`, { signal }) });
  const a = view.data;
  const conversationId = a?.violation.conversation_id ?? null;
  const conv = useQuery({
    queryKey: ['conversation', conversationId],
    enabled: conversationId !== null,
    queryFn: ({ signal }) => api.get<ConversationDto & { messages: MessageDto[] }>(`/v1/conversations/${encodeURIComponent(conversationId!)}`, { signal }),
  });
  const [dialog, setDialog] = useState<AppealOutcome | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [focused, setFocused] = useState(0);
  useTitle(a === undefined ? 'Appeal' : `Appeal · ${a.seller.name ?? a.seller.id}`);

  const cited = useMemo(() => {
    if (a === undefined || conv.data === undefined) return [];
    const ids = new Set(a.violation.message_ids);
    return conv.data.messages.filter((m) => ids.has(m.id));
  }, [a, conv.data]);

  const decide = useMutation({
    mutationFn: (p: { decision: AppealOutcome; note: string }) => api.post<AppealDecisionResultDto>(`/v1/appeals/${encodeURIComponent(id)}/decision`, p),
    onSuccess: (res) => {
      setDialog(null);
      const lifted = res.lifted_restrictions.length;
      setFlash(
        res.appeal.outcome === 'overturned'
          ? `Appeal overturned. The strike is removed${lifted > 0 ? `, ${lifted} restriction${lifted === 1 ? '' : 's'} lifted` : ''}, and the seller is told by e-mail.`
          : 'Appeal upheld. The decision stands, and the seller is told the reasons by e-mail.',
      );
      void qc.invalidateQueries({ queryKey: detailKey(id) });
      void qc.invalidateQueries({ queryKey: ['appeals'] });
      void qc.invalidateQueries({ queryKey: ['standing'] });
    },
    onError: (e) => {
      // decided meanwhile by someone else: show what stands now
      if (e instanceof ApiError && (e.status === 409 || e.status === 404)) void qc.invalidateQueries({ queryKey: detailKey(id) });
    },
  });

  const senior = mayDecideAppeals(me.role);
  const ownDecision = a !== undefined && a.violation_decided_by.id === me.id;
  const canDecide = a !== undefined && senior && !a.closed && !ownDecision;
  // after a decision: the next open appeal in SLA order that this senior may decide
  const waiting = useQuery({
    queryKey: ['appeals', 'after-decision', id],
    enabled: flash !== null && senior,
    queryFn: ({ signal }) => api.get<{ items: AppealWorkDto[] }>('/v1/appeals', { query: { status: 'open', limit: PAGE_SIZE }, signal }),
  });
  const nextAppeal = waiting.data?.items.find((x) => x.case_id !== id && x.violation_decided_by.id !== me.id);
  const openNext = () => (nextAppeal === undefined ? false : navigate(`/appeals/${encodeURIComponent(nextAppeal.case_id)}`));

  const moveFocus = (delta: number) => {
    if (cited.length === 0) return;
    const next = Math.min(cited.length - 1, Math.max(0, focused + delta));
    setFocused(next);
    const el = document.getElementById(`amsg-${cited[next]!.id}`);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'nearest' });
  };
  useHotkeys({
    j: () => moveFocus(1),
    k: () => moveFocus(-1),
    u: () => (canDecide ? setDialog('upheld') : false),
    o: () => (canDecide ? setDialog('overturned') : false),
    n: openNext,
  });
  usePageShortcuts({
    title: 'Deciding an appeal',
    items: [
      { keys: ['j', 'k'], text: 'Next / previous cited message' },
      { keys: ['u'], text: 'Uphold: the decision stands (write the reasons)' },
      { keys: ['o'], text: 'Overturn: remove the strike and lift its restrictions (write the reasons)' },
      { keys: ['n'], text: 'After a decision: the next appeal waiting for you' },
      { keys: ['Enter'], text: 'In the decision dialog: confirm (Shift + Enter: new line)' },
      { keys: ['Esc'], text: 'Close the dialog without deciding' },
    ],
  });

  if (view.isPending) {
    return (
      <div className="page">
        <Loading label="Loading the appeal…" />
      </div>
    );
  }
  if (view.isError || a === undefined) return <LoadFailedPage noun="Appeal" error={view.error} breadcrumb={<Link to="/appeals">Appeals</Link>} />;

  const sellerName = a.seller.name ?? a.seller.id;
  const decisionNotice = [...a.notices].filter((n) => n.step !== null).sort((x, y) => x.created_at.localeCompare(y.created_at))[0];
  const lang = a.lang === null ? 'the seller’s language' : languageName(a.lang);

  return (
    <div className="page">
      <PageHeader
        breadcrumb={
          <>
            <Link to="/appeals">Appeals</Link>
            <span aria-hidden="true">/</span>
            <span className="mono">{a.case_id}</span>
          </>
        }
        title={
          <span className="case-title-row">
            {sellerName}
            <span className="title-sub">· appeal against {a.violation.clause.clause_id}</span>
            <StatusPill status={a.status} />
          </span>
        }
        subtitle={
          <span className="case-meta">
            <span>Filed {formatDateTime(a.appeal.filed_at)}</span>
            {!a.closed && <SlaBadge due={a.sla_due_at} />}
            <span>
              Answer in <strong>{lang}</strong>
            </span>
            <Link to={`/sellers/${encodeURIComponent(a.seller.id)}`}>Seller profile</Link>
            <Link to={`/cases/${encodeURIComponent(a.case_id)}`}>Case record</Link>
          </span>
        }
      />
      {flash !== null && (
        <Banner tone="success">
          {flash}{' '}
          {nextAppeal !== undefined ? (
            <Link to={`/appeals/${encodeURIComponent(nextAppeal.case_id)}`}>
              Next appeal: {nextAppeal.seller.name ?? nextAppeal.seller.id} <Kbd>n</Kbd>
            </Link>
          ) : waiting.data !== undefined ? (
            'No other appeal is waiting for you.'
          ) : null}
        </Banner>
      )}
      <div className="inv-grid appeal-grid">
        <div className="stack">
          <StatementCard a={a} />
          <ViolationCard a={a} cited={cited} conversationLoading={conv.isPending && conversationId !== null} focused={focused} onFocus={setFocused} />
          {decisionNotice !== undefined && <NoticeCard notice={decisionNotice} />}
          <NoticesCard notices={a.notices} />
        </div>
        <div className="stack">
          <DecisionCard a={a} meId={me.id} senior={senior} ownDecision={ownDecision} canDecide={canDecide} busy={decide.isPending} onPick={setDialog} />
          <FactsCard a={a} meId={me.id} />
        </div>
      </div>
      {dialog !== null && (
        <DecisionDialog
          outcome={dialog}
          a={a}
          lang={lang}
          busy={decide.isPending}
          error={decide.error}
          onClose={() => {
            decide.reset();
            setDialog(null);
          }}
          onSubmit={(note) => decide.mutate({ decision: dialog, note })}
        />
      )}
    </div>
  );
}

function StatementCard({ a }: { a: AppealDetailDto }) {
  const before = a.replies.filter((r) => r.before_appeal);
  const after = a.replies.filter((r) => !r.before_appeal);
  const via = a.appeal.filed_by.type === 'token' ? 'through the marketplace' : 'entered by staff';
  return (
    <section className="card" aria-labelledby="statement-h">
      <div className="card-header">
        <h2 id="statement-h">The seller’s appeal</h2>
        <span className="muted small">
          {formatDateTime(a.appeal.filed_at)} · {via}
        </span>
      </div>
      <div className="card-body">
        <blockquote className="appeal-statement" lang={a.lang ?? undefined}>
          {a.appeal.reason}
        </blockquote>
        {a.replies.length > 0 && (
          <>
            <h3 className="subhead">Replies {before.length > 0 && after.length > 0 ? 'before and after appealing' : before.length > 0 ? 'before appealing' : 'since appealing'}</h3>
            <ol className="appeal-replies">
              {a.replies.map((r) => (
                <li key={r.at + r.body}>
                  <div className="appeal-reply-meta">
                    <time dateTime={r.at}>{formatDateTime(r.at)}</time>
                    {r.before_appeal && <span className="faint"> · on the review case, before the appeal</span>}
                  </div>
                  <p lang={a.lang ?? undefined}>{r.body}</p>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}

function ViolationCard({ a, cited, conversationLoading, focused, onFocus }: { a: AppealDetailDto; cited: readonly MessageDto[]; conversationLoading: boolean; focused: number; onFocus: (i: number) => void }) {
  const v = a.violation;
  return (
    <section className="card card-flush" aria-labelledby="violation-h">
      <div className="card-header">
        <h2 id="violation-h">
          Violation of <span className="mono">{v.clause.clause_id}</span> <span className="muted">· {v.clause.title}</span>
        </h2>
        {v.status === 'overturned' ? <Badge tone="success">Overturned</Badge> : <Badge tone="danger">{stepLabel(v.step)}</Badge>}
      </div>
      <div className="card-body appeal-violation">
        <div className="row appeal-cited-head">
          <h3 className="subhead">Cited message{v.message_ids.length === 1 ? '' : 's'}</h3>
          <span className="spacer" />
          {v.conversation_id !== null && (
            <Link to={`/conversations/${encodeURIComponent(v.conversation_id)}`} className="small">
              Open the whole conversation
            </Link>
          )}
        </div>
        {conversationLoading ? (
          <Loading label="Loading the messages…" />
        ) : cited.length === 0 ? (
          <p className="muted small">The cited messages are not in Assay; the excerpts quoted below are what the seller was shown.</p>
        ) : (
          <div className="thread appeal-thread" role="log" aria-label="Cited messages">
            {cited.map((m, i) => {
              const side = m.sender_role === 'buyer' ? 'buyer' : m.sender_role === 'seller' ? 'seller' : 'other';
              const hits = (m.scan?.hits ?? []).map((h) => ({ kind: h.kind, start: h.start, end: h.end, rule: h.rule ?? '', clause: h.clause, score: h.score }));
              return (
                <div
                  key={m.id}
                  id={`amsg-${m.id}`}
                  data-message-id={m.id}
                  tabIndex={-1}
                  className={`msg msg-${side} flagged${focused === i ? ' msg-focused' : ''}`}
                  aria-current={focused === i ? 'true' : undefined}
                  aria-label={`${humanize(m.sender_role)}, ${formatDateTime(m.sent_at, true)}`}
                  onClick={() => onFocus(i)}
                >
                  <div className="msg-meta">
                    <span className="msg-who">{side === 'seller' ? (a.seller.name ?? 'Seller') : humanize(m.sender_role)}</span>
                    <time dateTime={m.sent_at}>{formatDateTime(m.sent_at)}</time>
                    {m.lang !== null && <span className="faint">{m.lang.toUpperCase()}</span>}
                  </div>
                  <div className="bubble">{highlight(m.body, hits)}</div>
                </div>
              );
            })}
          </div>
        )}
        <h3 className="subhead">The clause</h3>
        <p className="clause-quote">
          <span className="faint small">
            Clause {v.clause.clause_id}, policy version {v.clause.version}
          </span>
          {v.clause.text}
        </p>
        {v.excerpts.length > 0 && (
          <>
            <h3 className="subhead">Quoted to the seller</h3>
            <ul className="appeal-excerpts">
              {v.excerpts.map((x) => (
                <li key={x}>“{x}”</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

/** The decision notice exactly as the seller received it, and whether it left. */
function NoticeCard({ notice }: { notice: NoticeSummaryDto }) {
  const full = useQuery({ queryKey: ['notice', notice.id], queryFn: ({ signal }) => api.get<NoticeDto>(`/v1/notices/${encodeURIComponent(notice.id)}`, { signal }) });
  const email = useNoticeEmail(notice.id, notice.email_id !== null);
  return (
    <section className="card" aria-labelledby="notice-h">
      <div className="card-header">
        <h2 id="notice-h">The notice the seller received</h2>
        <span className="muted small">Exactly as sent</span>
      </div>
      <div className="card-body email-view">
        <dl className="email-headers">
          <dt>To</dt>
          <dd>{notice.to_email ?? '—'}</dd>
          <dt>Subject</dt>
          <dd>
            <strong>{notice.subject}</strong>
          </dd>
          <dt>Written</dt>
          <dd>{formatDateTime(notice.created_at, true)}</dd>
          <dt>Delivery</dt>
          <dd>{notice.email_id === null ? <span className="faint">Not e-mailed (no address on file)</span> : email.isPending ? <span className="faint">Checking…</span> : <DeliveryStatus email={email.data} />}</dd>
        </dl>
        <QueryBody query={full} isEmpty={() => false} empty={null} loadingLabel="Loading the notice…">
          {(n) => (
            <pre className="email-text" tabIndex={0} aria-label="Notice text as sent" lang={n.lang}>
              {n.text}
            </pre>
          )}
        </QueryBody>
      </div>
    </section>
  );
}

function NoticesCard({ notices }: { notices: readonly NoticeSummaryDto[] }) {
  const sorted = [...notices].sort((x, y) => y.created_at.localeCompare(x.created_at));
  return (
    <section className="card card-flush" aria-labelledby="appeal-notices-h">
      <div className="card-header">
        <h2 id="appeal-notices-h">All notices about this violation</h2>
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Written</th>
              <th scope="col">Notice</th>
              <th scope="col">Delivery</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((n) => (
              <tr key={n.id} data-notice-kind={n.kind}>
                <td className="muted nowrap">{formatShort(n.created_at)}</td>
                <td className="title-cell">
                  <span className="notice-subject">{n.subject}</span>
                  <span className="muted small">
                    {' '}
                    {humanize(n.kind)} · {n.lang.toUpperCase()}
                  </span>
                </td>
                <td className="nowrap">
                  <NoticeDelivery noticeId={n.id} emailId={n.email_id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function DecisionCard(props: { a: AppealDetailDto; meId: string; senior: boolean; ownDecision: boolean; canDecide: boolean; busy: boolean; onPick: (o: AppealOutcome) => void }) {
  const { a } = props;
  const lifts = liftable(a.restrictions);
  const outcomeNotice = a.notices.find((n) => n.appeal_case_id === a.case_id && (n.kind === 'appeal_overturned' || n.kind === 'appeal_upheld'));
  return (
    <section className="card decision-card" aria-labelledby="appeal-decide-h">
      <div className="card-header">
        <h2 id="appeal-decide-h">Decision</h2>
        {props.busy && <span className="muted small">Saving…</span>}
      </div>
      <div className="card-body">
        {a.appeal.outcome === 'withdrawn' ? (
          <>
            <p className="decided-line decided-withdrawn">
              Withdrawn by the seller, {formatDateTime(a.appeal.decided_at)}. The violation stands as decided; the seller may appeal again while the window is open.
            </p>
            {a.appeal.note !== null && <p className="muted small">What they wrote is with their replies.</p>}
          </>
        ) : a.closed && a.appeal.outcome !== null ? (
          <>
            <p className={`decided-line${a.appeal.outcome === 'upheld' ? ' decided-upheld' : ''}`}>
              <IconCheckCircle className="nav-icon" /> {a.appeal.outcome === 'overturned' ? 'Overturned' : 'Upheld'} by {lowerYou(personLabel(a.appeal_decided_by, props.meId))}, {formatDateTime(a.appeal.decided_at)}
            </p>
            {a.appeal.note !== null && <blockquote className="rec-note">{a.appeal.note}</blockquote>}
            {outcomeNotice !== undefined && (
              <p className="appeal-told small">
                <span className="muted">Seller told by e-mail:</span> <NoticeDelivery noticeId={outcomeNotice.id} emailId={outcomeNotice.email_id} />
              </p>
            )}
          </>
        ) : a.closed ? (
          <p className="muted">This appeal was {humanize(a.status).toLowerCase()}.</p>
        ) : props.ownDecision ? (
          <div className="banner banner-warning" role="note">
            <strong>You decided this violation</strong>
            <span>Another senior must decide its appeal, so the seller gets a fresh pair of eyes.</span>
          </div>
        ) : !props.senior ? (
          <p className="muted">Appeals are decided by senior reviewers, managers, administrators and legal.</p>
        ) : null}
        {!a.closed && (
          <>
            <div className="decision-buttons" role="group" aria-label="Decide the appeal">
              <Button className="decide-btn decide-ok" disabled={!props.canDecide || props.busy} onClick={() => props.onPick('overturned')} aria-keyshortcuts="o">
                <IconCheckCircle className="nav-icon" />
                <span className="decide-text">Overturn</span>
                <Kbd>o</Kbd>
              </Button>
              <Button variant="danger" className="decide-btn" disabled={!props.canDecide || props.busy} onClick={() => props.onPick('upheld')} aria-keyshortcuts="u">
                <IconAlert className="nav-icon" />
                <span className="decide-text">Uphold</span>
                <Kbd>u</Kbd>
              </Button>
            </div>
            <div className="appeal-effects small">
              <p>
                <strong>Overturning</strong> removes the strike ({stepLabel(a.violation.step).toLowerCase()}){lifts.length > 0 ? ' and lifts:' : '; no restriction is in force.'}
              </p>
              {lifts.length > 0 && (
                <ul>
                  {lifts.map((r) => (
                    <li key={r.id}>
                      {humanize(r.kind)} <span className="faint">({r.state === 'scheduled' ? `from ${formatDate(r.effective_at)}` : r.ends_at !== null ? `until ${formatDate(r.ends_at)}` : 'until lifted'})</span>
                    </li>
                  ))}
                </ul>
              )}
              <p>
                <strong>Upholding</strong> keeps it until {formatDate(a.violation.strike_expires_at)}. Either way the seller is e-mailed your reasons.
              </p>
            </div>
            <p className="hint-line">
              <Kbd>j</Kbd> <Kbd>k</Kbd> cited messages · <Kbd>?</Kbd> all shortcuts
            </p>
          </>
        )}
      </div>
    </section>
  );
}

function FactsCard({ a, meId }: { a: AppealDetailDto; meId: string }) {
  const v = a.violation;
  const decider = v.automated_decision ? 'Automated rule' : personLabel(a.violation_decided_by, meId);
  const deciderRole = v.automated_decision ? undefined : roleName(a.violation_decided_by.role);
  return (
    <section className="card" aria-labelledby="appeal-facts-h">
      <div className="card-header">
        <h2 id="appeal-facts-h">Facts</h2>
      </div>
      <div className="card-body">
        <dl className="facts">
          <dt>Seller</dt>
          <dd>
            <Link to={`/sellers/${encodeURIComponent(a.seller.id)}`}>{a.seller.name ?? a.seller.id}</Link> <span className="mono faint small">{a.seller.id}</span>
          </dd>
          <dt>Language</dt>
          <dd>{a.lang === null ? '—' : `${languageName(a.lang)} (${a.lang})`}</dd>
          <dt>Decided by</dt>
          <dd data-testid="original-decider">
            {decider}
            {deciderRole !== undefined && <span className="muted">, {deciderRole}</span>}
          </dd>
          <dt>Decided on</dt>
          <dd>{formatDateTime(v.decided_at)}</dd>
          <dt>Step</dt>
          <dd>
            {stepLabel(v.step)}
            {v.severity === 'severe' && (
              <>
                {' '}
                <Badge tone="danger">Severe</Badge>
              </>
            )}
          </dd>
          <dt>Detection</dt>
          <dd>{v.automated_detection ? 'Found by detection' : 'Reported by hand'}</dd>
          <dt>Strike</dt>
          <dd>{v.status === 'overturned' ? `Removed ${formatDate(v.overturned_at)}` : `Counts until ${formatDate(v.strike_expires_at)}`}</dd>
          <dt>Appeal case</dt>
          <dd>
            <Link to={`/cases/${encodeURIComponent(a.case_id)}`} className="mono" title={a.case_id}>
              {shortId(a.case_id)}
            </Link>
          </dd>
          <dt>Review case</dt>
          <dd>
            <Link to={`/cases/${encodeURIComponent(v.case_id)}`} className="mono" title={v.case_id}>
              {shortId(v.case_id)}
            </Link>
          </dd>
        </dl>
      </div>
    </section>
  );
}

/** Enter confirms from anywhere in the form; Shift + Enter keeps a new line in the reasons (as on the review screen). */
function enterSubmits(submit: () => void) {
  return (e: ReactKeyboardEvent) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    if ((e.target as HTMLElement).tagName === 'BUTTON') return;
    e.preventDefault();
    submit();
  };
}

function DecisionDialog(props: { outcome: AppealOutcome; a: AppealDetailDto; lang: string; busy: boolean; error: unknown; onClose: () => void; onSubmit: (note: string) => void }) {
  const { a, outcome } = props;
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();
  const overturn = outcome === 'overturned';
  const lifts = liftable(a.restrictions);
  const serverField = props.error instanceof ApiError ? props.error.fieldError('note') : undefined;
  const fieldError = missing ? 'Write the reasons: the seller receives them with the decision.' : serverField;
  const submit = () => {
    if (props.busy) return;
    if (note.trim() === '') {
      setMissing(true);
      return;
    }
    props.onSubmit(note.trim());
  };
  const sellerName = a.seller.name ?? 'The seller';
  return (
    <Dialog open onClose={props.onClose} title={overturn ? 'Overturn the decision' : 'Uphold the decision'} wide>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={enterSubmits(submit)}
      >
        {props.error !== null && props.error !== undefined && serverField === undefined && <ErrorBanner error={props.error} title={problemTitle(props.error)} />}
        <ul className="appeal-consequences">
          {overturn ? (
            <>
              <li>
                The strike for <span className="mono">{a.violation.clause.clause_id}</span> ({stepLabel(a.violation.step).toLowerCase()}) is removed from {sellerName}’s record.
              </li>
              <li>{lifts.length > 0 ? `Lifted now: ${lifts.map((r) => humanize(r.kind).toLowerCase()).join(', ')}.` : 'No restriction is in force, so none is lifted.'}</li>
            </>
          ) : (
            <>
              <li>The violation and its strike stay on record until {formatDate(a.violation.strike_expires_at)}.</li>
              <li>{lifts.length > 0 ? `Still in force: ${lifts.map((r) => humanize(r.kind).toLowerCase()).join(', ')}.` : 'No restriction is in force.'}</li>
            </>
          )}
          <li>
            {sellerName} is told by e-mail, in {props.lang}, with your reasons as you write them.
          </li>
        </ul>
        <div className={`field${fieldError !== undefined ? ' field-invalid' : ''}`}>
          <label htmlFor={id}>Reasons for the seller</label>
          <textarea
            id={id}
            className="input textarea"
            rows={5}
            value={note}
            autoFocus
            maxLength={20_000}
            aria-invalid={fieldError !== undefined ? true : undefined}
            aria-describedby={`${id}-${fieldError !== undefined ? 'error' : 'hint'}`}
            placeholder={overturn ? 'e.g. The buyer had already ordered: sharing a number to arrange the delivery is allowed.' : 'e.g. The message offered a lower price for paying outside the platform, before any order.'}
            onChange={(e) => {
              setNote(e.target.value);
              if (e.target.value.trim() !== '') setMissing(false);
            }}
          />
          {fieldError !== undefined ? (
            <p className="field-error" id={`${id}-error`} role="alert">
              {fieldError}
            </p>
          ) : (
            <p className="field-hint" id={`${id}-hint`}>
              Quoted in the notice the seller receives, and kept with the decision. Shift + Enter for a new line.
            </p>
          )}
        </div>
        <div className="dialog-footer">
          <span className="hint">
            <Kbd>Enter</Kbd> {overturn ? 'overturn' : 'uphold'} · <Kbd>Esc</Kbd> cancel
          </span>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant={overturn ? 'primary' : 'danger'} busy={props.busy}>
            {overturn ? (lifts.length > 0 ? 'Overturn and lift' : 'Overturn') : 'Uphold the decision'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The banner's heading for a refused decision: what the problem's reason code means here. */
function problemTitle(e: unknown): string {
  if (!(e instanceof ApiError)) return 'The decision was not saved';
  switch (e.reason) {
    case 'appeal.decider_decided_violation':
      return 'Not yours to decide';
    case 'appeal.already_decided':
      return 'Already decided';
    case 'appeal.decision_needs_qualified_staff':
      return 'A senior decides appeals';
    default:
      return `The decision was not saved (${e.title})`;
  }
}
