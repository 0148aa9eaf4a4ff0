import { Fragment, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Banner, Button, Dialog, Empty, ErrorBanner, Kbd, Loading, PageHeader, PriorityBadge, SlaBadge, StatusBadge } from '../components';
import { IconAlert, IconCheckCircle, IconClock, IconReview } from '../icons';
import { ApiError, api } from '../lib/api';
import { dayKey, formatDateTime, formatDay, formatTime, humanize, viewerTimeZone } from '../lib/format';
import { useHotkeys, usePageShortcuts } from '../lib/hotkeys';
import { usePeople } from '../lib/queries';
import {
  DECISION_LABEL,
  HIT_KINDS,
  LADDER,
  NO_VIOLATION_REASONS,
  claimNext,
  hitLabel,
  languageName,
  leases,
  reasonLabel,
  reviewFilter,
  setFlash,
  takeFlash,
} from '../lib/review';
import { highlight } from '../lib/highlight';
import { Link, navigate } from '../lib/router';
import { STAFF, useMe } from '../lib/session';
import { useTitle } from '../lib/title';
import type { ClauseDto, ClauseHitDto, DecisionResultDto, LeaseDto, ReviewCaseDto, ReviewDecisionDto, ReviewHitDto, ReviewMessageDto } from '../types';
import { RiskSummary } from './SellerRisk';

const SENIORS = ['senior', 'manager', 'admin', 'legal'];
const reviewKey = (id: string) => ['review-case', id] as const;

type DecisionKind = 'violation' | 'no_violation' | 'escalate';
interface DecisionPayload {
  decision: DecisionKind;
  clause_id?: string;
  reason?: string;
  severity?: 'standard' | 'severe';
  note: string;
}

/** A message's hits by kind and clause, with the rules that found them and the highest score. */
function groupHits(hits: readonly ReviewHitDto[]): { kind: string; clause: string; rules: string[]; score: number }[] {
  const groups = new Map<string, { kind: string; clause: string; rules: string[]; score: number }>();
  for (const h of hits) {
    const key = `${h.kind}|${h.clause}`;
    const g = groups.get(key) ?? { kind: h.kind, clause: h.clause, rules: [], score: 0 };
    if (!g.rules.includes(h.rule)) g.rules.push(h.rule);
    g.score = Math.max(g.score, h.score);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.score - a.score);
}

/** Clause ids cited by the hits, most cited first: the picker's suggestions. */
function suggestedClauses(messages: readonly ReviewMessageDto[]): string[] {
  const count = new Map<string, number>();
  for (const m of messages) for (const h of m.hits) if (h.clause !== '') count.set(h.clause, (count.get(h.clause) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}

function pendingRecommendation(v: ReviewCaseDto): ReviewDecisionDto | undefined {
  return v.decisions.find((d) => d.recommendation && d.confirmed_by === null && d.reversed_by === null);
}

export function ReviewScreen({ params }: { params: Record<string, string> }) {
  const id = params['id']!;
  const me = useMe();
  const vendor = me.role === 'vendor';
  const senior = SENIORS.includes(me.role);
  const qc = useQueryClient();
  const people = usePeople();
  const view = useQuery({ queryKey: reviewKey(id), queryFn: ({ signal }) => api.get<ReviewCaseDto>(`/v1/review/cases/${encodeURIComponent(id)}`, { signal }) });
  const v = view.data;
  const [lease, setLease] = useState<LeaseDto | undefined>(() => leases.get(id));
  const [dialog, setDialog] = useState<DecisionKind | 'confirm' | 'reverse' | null>(null);
  const [focused, setFocused] = useState<number>(-1);
  const [flash] = useState(() => takeFlash());
  const [moving, setMoving] = useState(false);
  const [moveError, setMoveError] = useState<unknown>(null);
  const now = useNow();
  useTitle(v === undefined ? 'Review' : `Review · ${v.parties.seller ?? v.review.seller_id}`);

  // Start on the first flagged message: that is what the reviewer came to read.
  useEffect(() => {
    if (v === undefined || focused !== -1) return;
    const flagged = new Set(v.review.flagged_message_ids);
    const i = v.messages.findIndex((m) => flagged.has(m.id) || m.hits.length > 0);
    setFocused(Math.max(0, i));
    if (i >= 0) document.getElementById(`rmsg-${v.messages[i]!.id}`)?.scrollIntoView({ block: 'center' });
  }, [v, focused]);

  const held = lease !== undefined && v !== undefined && v.lease.reviewer_id === me.id && Date.parse(lease.expires_at) > now;
  const expired = lease !== undefined && Date.parse(lease.expires_at) <= now;
  const rec = v === undefined ? undefined : pendingRecommendation(v);
  const decided = v !== undefined && v.case.closed;
  const canDecide = held && !decided && !(v?.case.status === 'escalated' && !senior);

  const renew = useMutation({
    mutationFn: () => api.post<LeaseDto>(`/v1/review/claims/${encodeURIComponent(id)}/renew`, { lease_token: lease!.lease_token }),
    onSuccess: (l) => {
      leases.put(l);
      setLease(l);
      void qc.invalidateQueries({ queryKey: reviewKey(id) });
    },
  });
  const release = useMutation({
    mutationFn: () => api.post<void>(`/v1/review/claims/${encodeURIComponent(id)}/release`, { lease_token: lease!.lease_token }),
    onSettled: () => {
      leases.drop(id);
      void qc.invalidateQueries({ queryKey: ['review-queues'] });
      setFlash('The case went back to the queue.');
      navigate('/review');
    },
  });

  /** After a decision: claim the next case in the same queue and language, or go back to the overview. */
  const goNext = async (done: string, nextCaseId: string | null) => {
    void qc.invalidateQueries({ queryKey: ['review-queues'] });
    void qc.invalidateQueries({ queryKey: ['cases'] });
    if (nextCaseId === null) {
      setFlash(`${done} Nothing else is waiting in your queues.`);
      navigate('/review');
      return;
    }
    setMoving(true);
    try {
      const next = await claimNext(reviewFilter.get());
      setFlash(`${done} Here is the next case.`);
      navigate(`/review/${encodeURIComponent(next.case_id)}`);
    } catch (e) {
      setMoving(false);
      if (e instanceof ApiError && e.reason === 'review.nothing_to_claim') {
        setFlash(`${done} Nothing else is waiting in this queue and language.`);
        navigate('/review');
      } else setMoveError(e);
    }
  };

  const decide = useMutation({
    mutationFn: (p: DecisionPayload) => api.post<DecisionResultDto>(`/v1/review/cases/${encodeURIComponent(id)}/decisions`, { lease_token: lease!.lease_token, ...p }),
    onSuccess: (res) => {
      leases.drop(id);
      setDialog(null);
      const d = res.decision;
      const what =
        d.decision === 'violation'
          ? `Violation of ${d.clause_id} ${d.recommendation ? 'recommended' : 'recorded'}.`
          : d.decision === 'no_violation'
            ? `No violation (${reasonLabel(d.reason).toLowerCase()}) ${d.recommendation ? 'recommended' : 'recorded'}.`
            : d.recommendation
              ? 'Escalation recommended.'
              : 'Escalated to a senior.';
      void goNext(what, res.next_case_id);
    },
  });

  const messageCount = v?.messages.length ?? 0;
  const moveFocus = (delta: number) => {
    if (v === undefined || messageCount === 0) return;
    const next = Math.min(messageCount - 1, Math.max(0, (focused < 0 ? -1 : focused) + delta));
    setFocused(next);
    const el = document.getElementById(`rmsg-${v.messages[next]!.id}`);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'nearest' });
  };

  useHotkeys({
    j: () => moveFocus(1),
    k: () => moveFocus(-1),
    v: () => (canDecide ? setDialog('violation') : false),
    n: () => (canDecide ? setDialog('no_violation') : false),
    e: () => (canDecide && v?.case.status !== 'escalated' ? setDialog('escalate') : false),
    r: () => {
      if (held) renew.mutate();
    },
  });

  usePageShortcuts({
    title: 'Reviewing a conversation',
    items: [
      { keys: ['j', 'k'], text: 'Next / previous message' },
      { keys: ['v'], text: vendor ? 'Recommend: violation (opens the clause picker)' : 'Violation: opens the clause picker' },
      { keys: ['n'], text: vendor ? 'Recommend: no violation (pick the reason)' : 'No violation: pick the reason' },
      { keys: ['e'], text: vendor ? 'Recommend escalation to a senior' : 'Escalate to a senior' },
      { keys: ['↑', '↓'], text: 'In a picker: move through clauses or reasons' },
      { keys: ['Enter'], text: 'In a decision dialog: confirm (Shift + Enter: new line in the note)' },
      { keys: ['r'], text: 'Renew your lease on the case' },
      { keys: ['Esc'], text: 'Close a dialog without deciding' },
    ],
  });

  if (view.isPending) {
    return (
      <div className="page">
        <Loading label="Loading the conversation…" />
      </div>
    );
  }
  if (view.isError || v === undefined) {
    const nf = view.error instanceof ApiError && view.error.status === 404;
    return (
      <div className="page">
        <PageHeader title={nf ? 'Review case not found' : 'Review'} breadcrumb={<Link to="/review">Review</Link>} />
        {nf ? <Empty title="This case does not exist, or it is outside the queues you can see." /> : <ErrorBanner error={view.error} />}
      </div>
    );
  }

  const flaggedIds = new Set(v.review.flagged_message_ids);
  const kindsPresent = HIT_KINDS.filter((k) => v.messages.some((m) => m.hits.some((h) => h.kind === k.kind)));
  const sellerName = v.parties.seller ?? 'Seller';
  const buyerName = v.parties.buyer ?? 'Buyer';
  const roleLabel = (name: string, role: string) => (name.toLowerCase() === role ? humanize(role) : `${name} (${role})`);
  const suggestions = suggestedClauses(v.messages);
  let lastDay = '';

  return (
    <div className="page review-page">
      <PageHeader
        breadcrumb={
          <>
            <Link to="/review">Review</Link>
            <span aria-hidden="true">/</span>
            <span className="mono">{v.case.id}</span>
          </>
        }
        title={
          <span className="case-title-row">
            {sellerName}
            {v.parties.listing_title !== null && <span className="title-sub">· {v.parties.listing_title}</span>}
            <StatusBadge status={v.case.status} closed={v.case.closed} />
          </span>
        }
        subtitle={
          <span className="case-meta">
            <PriorityBadge priority={v.case.priority} />
            <span>Queue: {humanize(v.case.queue)}</span>
            <span>{languageName(v.review.lang)}</span>
            <span>
              {v.review.flagged_message_ids.length} flagged of {v.messages.length} messages · top score {v.review.max_score.toFixed(2)}
            </span>
            {!v.case.closed && <SlaBadge due={v.case.sla_due_at} />}
          </span>
        }
        actions={
          <LeaseBar
            lease={lease}
            held={held}
            expired={expired}
            now={now}
            holder={v.lease.reviewer_id}
            meId={me.id}
            people={people}
            onRenew={() => renew.mutate()}
            renewing={renew.isPending}
            onRelease={() => release.mutate()}
            releasing={release.isPending}
            closed={v.case.closed}
          />
        }
      />
      {flash !== null && <Banner tone="success">{flash}</Banner>}
      {vendor && (
        <div className="banner banner-info banner-inline" role="note">
          <span>
            <strong>Personal data is masked.</strong> Phones, emails, handles and bank details show as placeholders; your decision is a recommendation a senior confirms.
          </span>
        </div>
      )}
      {renew.isError && <ErrorBanner error={renew.error} title="The lease was not renewed" />}
      {moveError !== null && <ErrorBanner error={moveError} title="The next case could not be claimed" />}
      {expired && !decided && (
        <div className="banner banner-warning" role="alert">
          <strong>Your lease on this case expired.</strong>
          <span>Another reviewer may have claimed it. Claim a case again to decide.</span>
          <div>
            <Button size="sm" onClick={() => void goNext('Your earlier claim had expired.', 'claim')}>
              Claim the next case
            </Button>
          </div>
        </div>
      )}

      <div className="review-grid">
        <section className="card card-flush review-thread-card" aria-labelledby="thread-h">
          <div className="card-header">
            <h2 id="thread-h">Conversation</h2>
            <div className="thread-legend" aria-label="Legend">
              <span>
                <span className="legend-swatch swatch-buyer" aria-hidden="true" />
                {roleLabel(buyerName, 'buyer')}
              </span>
              <span>
                <span className="legend-swatch swatch-seller" aria-hidden="true" />
                {roleLabel(sellerName, 'seller')}
              </span>
              <span className="faint">Times in {viewerTimeZone}</span>
            </div>
          </div>
          {kindsPresent.length > 0 && (
            <ul className="hit-legend" aria-label="Highlight colours">
              <li className="faint">Found:</li>
              {kindsPresent.map((k) => (
                <li key={k.kind}>
                  <mark className={`hit hit-${k.kind}`}>{k.label}</mark>
                </li>
              ))}
            </ul>
          )}
          {v.messages.length === 0 ? (
            <Empty title="The conversation has no messages" />
          ) : (
            <div className="thread review-thread" role="log" aria-label="Conversation messages">
              {v.messages.map((m, i) => {
                const day = dayKey(m.sent_at);
                const showDay = day !== lastDay;
                lastDay = day;
                const side = m.sender_role === 'buyer' ? 'buyer' : m.sender_role === 'seller' ? 'seller' : 'other';
                const isFlagged = flaggedIds.has(m.id) || m.verdict === 'review' || m.verdict === 'violation';
                const who = side === 'seller' ? sellerName : side === 'buyer' ? buyerName : humanize(m.sender_role);
                return (
                  <Fragment key={m.id}>
                    {showDay && <div className="thread-day">{formatDay(m.sent_at)}</div>}
                    <div
                      id={`rmsg-${m.id}`}
                      data-message-id={m.id}
                      tabIndex={-1}
                      aria-current={focused === i ? 'true' : undefined}
                      aria-label={`${who}, ${formatDateTime(m.sent_at, true)}${isFlagged ? ', flagged' : ''}`}
                      className={`msg msg-${side}${isFlagged ? ' flagged' : ''}${focused === i ? ' msg-focused' : ''}`}
                      onClick={() => setFocused(i)}
                    >
                      <div className="msg-meta">
                        <span className="msg-who">{who}</span>
                        <time dateTime={m.sent_at} title={formatDateTime(m.sent_at, true)}>
                          {formatTime(m.sent_at)}
                        </time>
                        {m.lang !== null && <span className="faint">{m.lang.toUpperCase()}</span>}
                        {isFlagged && <span className="msg-flag">{m.verdict === 'violation' ? 'Violation' : 'Needs review'}</span>}
                        {m.historical && <span className="faint">historical</span>}
                      </div>
                      <div className="bubble">{highlight(m.body, m.hits)}</div>
                      {m.hits.length > 0 && (
                        <ul className="hit-chips" aria-label="What detection found">
                          {groupHits(m.hits).map((g) => (
                            <li key={`${g.kind}-${g.clause}`} className={`hit-chip chip-${g.kind}`} title={`Rules: ${g.rules.join(', ')}`}>
                              <span className="chip-dot" aria-hidden="true" />
                              {hitLabel(g.kind)} · <span className="mono">{g.clause}</span> · {g.rules.length === 1 ? <span className="mono">{g.rules[0]}</span> : `${g.rules.length} rules`} · {g.score.toFixed(2)}
                              {g.rules.length > 1 && <span className="visually-hidden"> ({g.rules.join(', ')})</span>}
                            </li>
                          ))}
                        </ul>
                      )}
                    </div>
                  </Fragment>
                );
              })}
            </div>
          )}
        </section>

        <div className="stack review-side">
          {senior && rec !== undefined && !decided ? (
            <RecommendationCard rec={rec} people={people} onConfirm={() => setDialog('confirm')} onReverse={() => setDialog('reverse')} />
          ) : (
            <DecisionCard
              vendor={vendor}
              canDecide={canDecide}
              escalated={v.case.status === 'escalated'}
              decided={decided}
              held={held}
              busy={decide.isPending || moving}
              decisions={v.decisions}
              people={people}
              onPick={setDialog}
              pendingRec={rec}
            />
          )}
          <SellerCard v={v} staff={STAFF.includes(me.role)} people={people} />
          <PairCard decisions={v.pair_decisions} buyer={buyerName} people={people} />
        </div>
      </div>

      {dialog === 'violation' && (
        <ViolationDialog
          vendor={vendor}
          suggestions={suggestions}
          flaggedCount={v.review.flagged_message_ids.length}
          kinds={v.review.kinds}
          busy={decide.isPending}
          error={decide.error}
          onClose={() => {
            decide.reset();
            setDialog(null);
          }}
          onSubmit={(p) => decide.mutate(p)}
        />
      )}
      {dialog === 'no_violation' && (
        <NoViolationDialog
          vendor={vendor}
          busy={decide.isPending}
          error={decide.error}
          onClose={() => {
            decide.reset();
            setDialog(null);
          }}
          onSubmit={(p) => decide.mutate(p)}
        />
      )}
      {dialog === 'escalate' && (
        <EscalateDialog
          vendor={vendor}
          busy={decide.isPending}
          error={decide.error}
          onClose={() => {
            decide.reset();
            setDialog(null);
          }}
          onSubmit={(p) => decide.mutate(p)}
        />
      )}
      {(dialog === 'confirm' || dialog === 'reverse') && rec !== undefined && (
        <ConfirmDialog
          caseId={id}
          rec={rec}
          mode={dialog}
          suggestions={suggestions}
          onClose={() => setDialog(null)}
          onDone={(text) => {
            setDialog(null);
            setFlash(text);
            void qc.invalidateQueries({ queryKey: ['cases'] });
            void qc.invalidateQueries({ queryKey: ['review-queues'] });
            navigate('/review');
          }}
        />
      )}
    </div>
  );
}

/** Re-renders every second, for the lease countdown. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  return now;
}

function countdown(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function LeaseBar(props: {
  lease: LeaseDto | undefined;
  held: boolean;
  expired: boolean;
  now: number;
  holder: string | null;
  meId: string;
  people: ReturnType<typeof usePeople>;
  onRenew: () => void;
  renewing: boolean;
  onRelease: () => void;
  releasing: boolean;
  closed: boolean;
}) {
  if (props.closed) return null;
  if (props.held && props.lease !== undefined) {
    const left = Date.parse(props.lease.expires_at) - props.now;
    const low = left < 2 * 60_000;
    return (
      <div className="lease-bar">
        <span className={`lease-timer${low ? ' lease-low' : ''}`} role="timer" aria-live={low ? 'polite' : 'off'} aria-label={`Your claim on this case ends in ${countdown(left)}`}>
          <IconClock className="nav-icon" aria-hidden="true" />
          <span className="lease-label">Claimed by you</span>
          <strong>{countdown(left)}</strong>
        </span>
        <Button size="sm" onClick={props.onRenew} busy={props.renewing} aria-keyshortcuts="r">
          Renew <Kbd>r</Kbd>
        </Button>
        <Button size="sm" variant="ghost" onClick={props.onRelease} busy={props.releasing}>
          Release
        </Button>
      </div>
    );
  }
  if (props.holder !== null && props.holder !== props.meId) {
    return <span className="lease-timer">Being reviewed by {props.people(props.holder)}</span>;
  }
  return <span className="lease-timer faint">{props.expired ? 'Your claim expired' : 'Not claimed by you'}</span>;
}

function DecisionCard(props: {
  vendor: boolean;
  canDecide: boolean;
  escalated: boolean;
  decided: boolean;
  held: boolean;
  busy: boolean;
  decisions: readonly ReviewDecisionDto[];
  people: ReturnType<typeof usePeople>;
  onPick: (d: DecisionKind) => void;
  pendingRec: ReviewDecisionDto | undefined;
}) {
  const { vendor } = props;
  const last = props.decisions[props.decisions.length - 1];
  return (
    <section className="card decision-card" aria-labelledby="decide-h">
      <div className="card-header">
        <h2 id="decide-h">{vendor ? 'Your recommendation' : 'Decision'}</h2>
        {props.busy && <span className="muted small">Saving and claiming the next case…</span>}
      </div>
      <div className="card-body">
        {props.decided && last !== undefined ? (
          <p className="decided-line">
            <IconCheckCircle className="nav-icon" /> Decided: <strong>{DECISION_LABEL[last.decision]}</strong>
            {last.clause_id !== null && <> · {last.clause_id}</>} by {props.people(last.reviewer_id)}, {formatDateTime(last.at)}
          </p>
        ) : props.pendingRec !== undefined && vendor ? (
          <p className="muted">A recommendation is waiting for a senior.</p>
        ) : props.escalated && !props.canDecide ? (
          <p className="muted">Escalated: a senior decides this case.</p>
        ) : !props.held ? (
          <p className="muted">Claim the case to decide it: use “Start reviewing” on the review overview.</p>
        ) : null}
        <div className="decision-buttons" role="group" aria-label={vendor ? 'Recommend' : 'Decide'}>
          <Button variant="danger" className="decide-btn" disabled={!props.canDecide || props.busy} onClick={() => props.onPick('violation')} aria-keyshortcuts="v">
            <IconAlert className="nav-icon" />
            <span className="decide-text">{vendor ? 'Recommend violation' : 'Violation'}</span>
            <Kbd>v</Kbd>
          </Button>
          <Button className="decide-btn decide-ok" disabled={!props.canDecide || props.busy} onClick={() => props.onPick('no_violation')} aria-keyshortcuts="n">
            <IconCheckCircle className="nav-icon" />
            <span className="decide-text">{vendor ? 'Recommend no violation' : 'No violation'}</span>
            <Kbd>n</Kbd>
          </Button>
          <Button className="decide-btn" disabled={!props.canDecide || props.busy || props.escalated} onClick={() => props.onPick('escalate')} aria-keyshortcuts="e">
            <IconReview className="nav-icon" />
            <span className="decide-text">{vendor ? 'Recommend escalation' : 'Escalate to a senior'}</span>
            <Kbd>e</Kbd>
          </Button>
        </div>
        <p className="hint-line">
          <Kbd>j</Kbd> <Kbd>k</Kbd> move through messages · <Kbd>?</Kbd> all shortcuts
        </p>
      </div>
    </section>
  );
}

function RecommendationCard({ rec, people, onConfirm, onReverse }: { rec: ReviewDecisionDto; people: ReturnType<typeof usePeople>; onConfirm: () => void; onReverse: () => void }) {
  return (
    <section className="card decision-card rec-card" aria-labelledby="rec-h">
      <div className="card-header">
        <h2 id="rec-h">Vendor recommendation</h2>
        <Badge tone="warning">Pending</Badge>
      </div>
      <div className="card-body">
        <p className="rec-line">
          <strong>{DECISION_LABEL[rec.decision]}</strong>
          {rec.clause_id !== null && <> · {rec.clause_id}</>}
          {rec.reason !== null && <> · {reasonLabel(rec.reason)}</>}
        </p>
        <p className="muted small">
          By vendor reviewer {people(rec.reviewer_id)} · {formatDateTime(rec.at)}
        </p>
        {rec.note !== null && <blockquote className="rec-note">{rec.note}</blockquote>}
        <div className="row" style={{ marginTop: 12 }}>
          {rec.decision !== 'escalate' && (
            <Button variant="primary" onClick={onConfirm}>
              <IconCheckCircle className="nav-icon" /> Confirm {DECISION_LABEL[rec.decision]!.toLowerCase()}
            </Button>
          )}
          <Button variant={rec.decision === 'escalate' ? 'primary' : 'secondary'} onClick={onReverse}>
            {rec.decision === 'escalate' ? 'Decide…' : 'Reverse…'}
          </Button>
        </div>
      </div>
    </section>
  );
}

function StandingLadder({ standing }: { standing: unknown }) {
  const s = (standing ?? {}) as { position?: { step?: number; name?: string } | null; nextStep?: { step?: number; name?: string }; activeStrikes?: unknown[]; restrictions?: unknown[] };
  const step = typeof s.position?.step === 'number' ? s.position.step : -1;
  const next = typeof s.nextStep?.step === 'number' ? s.nextStep.step : step + 1;
  return (
    <div className="ladder-wrap">
      <ol className="ladder" aria-label="Enforcement ladder">
        {LADDER.map((name, i) => (
          <li key={name} className={i <= step ? 'ladder-on' : i === next ? 'ladder-next' : ''} aria-current={i === step ? 'step' : undefined}>
            <span className="ladder-bar" aria-hidden="true" />
            <span className="ladder-name">{name}</span>
          </li>
        ))}
      </ol>
      <p className="small muted">
        {step < 0 ? 'Good standing: no active strike.' : `At ${s.position?.name ?? LADDER[step]}`}
        {Array.isArray(s.activeStrikes) && s.activeStrikes.length > 0 && <> · {s.activeStrikes.length} active strike{s.activeStrikes.length === 1 ? '' : 's'}</>}
        {next >= 0 && next < LADDER.length && <> · a violation now means {(s.nextStep?.name ?? LADDER[next]!).toLowerCase()}</>}
      </p>
    </div>
  );
}

function DecisionList({ decisions, people, empty }: { decisions: readonly ReviewDecisionDto[]; people: ReturnType<typeof usePeople>; empty: string }) {
  if (decisions.length === 0) return <p className="muted small">{empty}</p>;
  return (
    <ul className="decision-list">
      {decisions.slice(0, 6).map((d) => (
        <li key={d.id}>
          <span className={`dec-tag dec-${d.decision}`}>{DECISION_LABEL[d.decision]}</span>
          <span className="dec-what">
            {d.clause_id ?? (d.reason !== null ? reasonLabel(d.reason) : '')}
            {d.recommendation && <span className="faint"> · recommended</span>}
            {d.automated && <span className="faint"> · automatic</span>}
          </span>
          <span className="dec-when muted" title={`${people(d.reviewer_id)}, ${formatDateTime(d.at, true)}`}>
            <Link to={`/review/${encodeURIComponent(d.case_id)}`}>{formatDateTime(d.at)}</Link>
          </span>
        </li>
      ))}
    </ul>
  );
}

function SellerCard({ v, staff, people }: { v: ReviewCaseDto; staff: boolean; people: ReturnType<typeof usePeople> }) {
  const hist = v.seller_history;
  const violations = hist.decisions.filter((d) => d.decision === 'violation' && !d.recommendation).length;
  return (
    <section className="card" aria-labelledby="seller-h">
      <div className="card-header">
        <h2 id="seller-h">Seller</h2>
        {staff && (
          <Link to={`/sellers/${encodeURIComponent(v.review.seller_id)}`} className="small">
            Open profile
          </Link>
        )}
      </div>
      <div className="card-body seller-body">
        <div className="seller-name">
          <strong>{v.parties.seller ?? 'Seller'}</strong> <span className="mono faint small">{v.review.seller_id}</span>
        </div>
        <div className="seller-facts">
          <span>
            <strong>{violations}</strong> confirmed violation{violations === 1 ? '' : 's'}
          </span>
          <span>
            <strong>{hist.decisions.length}</strong> earlier decision{hist.decisions.length === 1 ? '' : 's'}
          </span>
          <span>
            <strong>{hist.open_case_ids.length}</strong> other open case{hist.open_case_ids.length === 1 ? '' : 's'}
          </span>
        </div>
        {staff && <RiskSummary sellerId={v.review.seller_id} />}
        {v.enforcement !== undefined && v.enforcement !== null && <StandingLadder standing={v.enforcement} />}
        {hist.open_case_ids.length > 0 && (
          <p className="small">
            Open:{' '}
            {hist.open_case_ids.slice(0, 4).map((c, i) => (
              <Fragment key={c}>
                {i > 0 && ', '}
                <Link to={`/review/${encodeURIComponent(c)}`} className="mono">
                  {c.slice(-8)}
                </Link>
              </Fragment>
            ))}
          </p>
        )}
        <h3 className="sub-h">History</h3>
        <DecisionList decisions={hist.decisions} people={people} empty="No earlier decision on this seller." />
      </div>
    </section>
  );
}

function PairCard({ decisions, buyer, people }: { decisions: readonly ReviewDecisionDto[]; buyer: string; people: ReturnType<typeof usePeople> }) {
  return (
    <section className="card" aria-labelledby="pair-h">
      <div className="card-header">
        <h2 id="pair-h">{buyer === 'Buyer' ? 'Earlier decisions, same buyer' : `Earlier decisions with ${buyer}`}</h2>
      </div>
      <div className="card-body">
        <DecisionList decisions={decisions} people={people} empty="No earlier decision between these parties." />
      </div>
    </section>
  );
}

/* ---------------- decision dialogs ---------------- */

/** Enter confirms from anywhere in a decision form; Shift + Enter keeps a new line in the note. */
function enterSubmits(submit: () => void) {
  return (e: ReactKeyboardEvent) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    const t = e.target as HTMLElement;
    if (t.tagName === 'BUTTON') return; // a focused button does its own thing
    e.preventDefault();
    submit();
  };
}

function DialogError({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  const e = error instanceof ApiError ? error : undefined;
  if (e?.reason === 'review.lease_expired' || e?.reason === 'review.lease_not_held') {
    return (
      <div className="banner banner-error" role="alert">
        <strong>You no longer hold this case</strong>
        <span>{e.detail} Close this dialog and claim a case again.</span>
      </div>
    );
  }
  return <ErrorBanner error={error} title="The decision was not saved" />;
}

function NoteField({ value, onChange, hint }: { value: string; onChange: (v: string) => void; hint?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Note for the record</label>
      <textarea id={id} className="input textarea" rows={3} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-hint`} maxLength={20_000} />
      <p className="field-hint" id={`${id}-hint`}>
        {hint ?? 'Kept with the decision and shown to seniors and auditors.'} Shift + Enter for a new line.
      </p>
    </div>
  );
}

function useClauseSearch(q: string) {
  const [debounced, setDebounced] = useState(q);
  useEffect(() => {
    const t = window.setTimeout(() => setDebounced(q.trim()), 120);
    return () => window.clearTimeout(t);
  }, [q]);
  return useQuery({
    queryKey: ['policy-clauses', debounced],
    enabled: debounced !== '',
    queryFn: ({ signal }) => api.get<{ items: ClauseHitDto[] }>('/v1/policy-clauses', { query: { q: debounced, limit: 8 }, signal }),
    placeholderData: (prev) => prev,
    staleTime: 60_000,
  });
}

/** Search-as-you-type over the clauses in force, preselected with the clauses the hits cite. */
function ClausePicker({ suggestions, selected, onSelect, onEnter, autoFocus }: { suggestions: readonly string[]; selected: ClauseDto | undefined; onSelect: (c: ClauseDto) => void; onEnter: () => void; autoFocus?: boolean }) {
  const [q, setQ] = useState('');
  const listId = useId();
  const inputId = useId();
  const search = useClauseSearch(q);
  const suggested = useQueries({
    queries: suggestions.slice(0, 5).map((c) => ({
      queryKey: ['policy-clause', c],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<ClauseDto>(`/v1/policy-clauses/${encodeURIComponent(c)}`, { signal }),
      staleTime: 10 * 60_000,
    })),
  });
  const options: { clause: ClauseDto; snippet: string; suggested: boolean }[] =
    q.trim() === ''
      ? suggested.flatMap((s) => (s.data === undefined ? [] : [{ clause: s.data, snippet: s.data.text, suggested: true }]))
      : (search.data?.items ?? []).map((h) => ({ clause: h.clause, snippet: h.snippet, suggested: suggestions.includes(h.clause.clause_id) }));
  const activeIndex = Math.max(
    0,
    options.findIndex((o) => o.clause.clause_id === selected?.clause_id),
  );
  // Keep a selection: the first option whenever the current one is not in the list.
  useEffect(() => {
    const first = options[0];
    if (first !== undefined && !options.some((o) => o.clause.clause_id === selected?.clause_id)) onSelect(first.clause);
  });

  const onKey = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (options.length === 0) return;
      const next = (activeIndex + (e.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
      onSelect(options[next]!.clause);
      document.getElementById(`${listId}-${next}`)?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      e.stopPropagation();
      if (selected !== undefined) onEnter();
    }
  };
  const loading = (q.trim() === '' && suggested.some((s) => s.isPending)) || (q.trim() !== '' && search.isFetching && options.length === 0);
  return (
    <div className="clause-picker">
      <label htmlFor={inputId}>Policy clause</label>
      <input
        id={inputId}
        className="input"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={options.length > 0 ? `${listId}-${activeIndex}` : undefined}
        placeholder="Search clauses: “contact details”, “TP-2”, “fees”…"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onKey}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
      />
      <p className="field-hint">{q.trim() === '' ? 'Suggested from what detection found. Type to search all clauses in force.' : `${options.length} clause${options.length === 1 ? '' : 's'} found`}</p>
      <ul id={listId} role="listbox" aria-label="Clauses" className="clause-list">
        {loading && <li className="muted small clause-empty">Searching…</li>}
        {!loading && options.length === 0 && <li className="muted small clause-empty">{q.trim() === '' ? 'Detection cited no clause; search for one.' : 'No clause matches. Try other words.'}</li>}
        {options.map((o, i) => (
          <li
            key={o.clause.clause_id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === activeIndex}
            className={`clause-option${i === activeIndex ? ' active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onSelect(o.clause)}
          >
            <div className="clause-option-head">
              <span className="clause-id">{o.clause.clause_id}</span>
              <span className="clause-title">{o.clause.title}</span>
              {o.suggested && <span className="badge badge-accent">Cited by detection</span>}
            </div>
            <div className="clause-snippet">{o.snippet}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ViolationDialog(props: {
  vendor: boolean;
  suggestions: readonly string[];
  flaggedCount: number;
  kinds: readonly string[];
  busy: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (p: DecisionPayload) => void;
}) {
  const [clause, setClause] = useState<ClauseDto | undefined>();
  const [note, setNote] = useState<string | null>(null);
  const [severe, setSevere] = useState(false);
  const found = props.kinds.map((k) => hitLabel(k).toLowerCase()).join(', ');
  const autoNote = clause === undefined ? '' : `${clause.clause_id} ${clause.title}: ${found || 'off-platform attempt'} in ${props.flaggedCount} flagged message${props.flaggedCount === 1 ? '' : 's'}.`;
  const submit = () => {
    if (clause === undefined || props.busy) return;
    props.onSubmit({ decision: 'violation', clause_id: clause.clause_id, severity: severe ? 'severe' : 'standard', note: (note ?? autoNote).trim() || autoNote });
  };
  return (
    <Dialog open onClose={props.onClose} title={props.vendor ? 'Recommend: violation' : 'Violation'} wide>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={enterSubmits(submit)}
      >
        <DialogError error={props.error} />
        <ClausePicker suggestions={props.suggestions} selected={clause} onSelect={setClause} onEnter={submit} autoFocus />
        <NoteField value={note ?? autoNote} onChange={setNote} />
        <label className="checkbox">
          <input type="checkbox" checked={severe} onChange={(e) => setSevere(e.target.checked)} /> Severe: may skip a step of the enforcement ladder
        </label>
        <div className="dialog-footer">
          <span className="hint">
            <Kbd>↑</Kbd> <Kbd>↓</Kbd> choose · <Kbd>Enter</Kbd> {props.vendor ? 'recommend' : 'confirm'} · <Kbd>Esc</Kbd> cancel
          </span>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="danger" busy={props.busy} disabled={clause === undefined}>
            {props.vendor ? 'Recommend violation' : `Record violation${clause !== undefined ? ` of ${clause.clause_id}` : ''}`}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function ReasonPicker({ value, onChange, autoFocus }: { value: string; onChange: (r: string) => void; autoFocus?: boolean }) {
  const name = useId();
  return (
    <fieldset className="reason-picker">
      <legend>Why is it not a violation?</legend>
      {NO_VIOLATION_REASONS.map((r, i) => (
        <label key={r.code} className={`reason-option${value === r.code ? ' active' : ''}`}>
          <input type="radio" name={name} value={r.code} checked={value === r.code} onChange={() => onChange(r.code)} autoFocus={autoFocus === true && value === r.code} />
          <span className="reason-text">
            <span className="reason-label">
              <Kbd>{i + 1}</Kbd> {r.label}
            </span>
            <span className="reason-hint">{r.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** Number keys pick a reason, except while typing the note. */
function numberPicksReason(set: (code: string) => void) {
  return (e: ReactKeyboardEvent) => {
    if ((e.target as HTMLElement).tagName === 'TEXTAREA') return;
    const n = Number(e.key);
    const r = Number.isInteger(n) ? NO_VIOLATION_REASONS[n - 1] : undefined;
    if (r !== undefined) {
      e.preventDefault();
      set(r.code);
      // the focus follows the choice, as arrow keys would move it
      e.currentTarget.querySelector<HTMLInputElement>(`input[value="${r.code}"]`)?.focus();
    }
  };
}

function NoViolationDialog(props: { vendor: boolean; busy: boolean; error: unknown; onClose: () => void; onSubmit: (p: DecisionPayload) => void }) {
  const [reason, setReason] = useState(NO_VIOLATION_REASONS[0]!.code);
  const [note, setNote] = useState<string | null>(null);
  const autoNote = `No violation: ${reasonLabel(reason).toLowerCase()}.`;
  const submit = () => {
    if (props.busy) return;
    props.onSubmit({ decision: 'no_violation', reason, note: (note ?? autoNote).trim() || autoNote });
  };
  const pick = numberPicksReason(setReason);
  const enter = enterSubmits(submit);
  return (
    <Dialog open onClose={props.onClose} title={props.vendor ? 'Recommend: no violation' : 'No violation'} wide>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => {
          pick(e);
          enter(e);
        }}
      >
        <DialogError error={props.error} />
        <ReasonPicker value={reason} onChange={setReason} autoFocus />
        <NoteField value={note ?? autoNote} onChange={setNote} />
        <div className="dialog-footer">
          <span className="hint">
            <Kbd>1</Kbd>–<Kbd>5</Kbd> reason · <Kbd>Enter</Kbd> {props.vendor ? 'recommend' : 'confirm'}
          </span>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={props.busy}>
            {props.vendor ? 'Recommend no violation' : 'Record no violation'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function EscalateDialog(props: { vendor: boolean; busy: boolean; error: unknown; onClose: () => void; onSubmit: (p: DecisionPayload) => void }) {
  const [note, setNote] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  const fallback = 'Unsure whether this breaches the policy: needs a senior’s view.';
  const submit = () => {
    if (props.busy) return;
    props.onSubmit({ decision: 'escalate', note: note.trim() || fallback });
  };
  const id = useId();
  return (
    <Dialog open onClose={props.onClose} title={props.vendor ? 'Recommend escalation' : 'Escalate to a senior'}>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={enterSubmits(submit)}
      >
        <DialogError error={props.error} />
        <div className="field">
          <label htmlFor={id}>What should the senior look at?</label>
          <textarea id={id} ref={ref} className="input textarea" rows={4} value={note} placeholder={fallback} onChange={(e) => setNote(e.target.value)} autoFocus maxLength={20_000} />
          <p className="field-hint">Leave empty to send the default note. Shift + Enter for a new line.</p>
        </div>
        <div className="dialog-footer">
          <span className="hint">
            <Kbd>Enter</Kbd> {props.vendor ? 'recommend' : 'escalate'} · <Kbd>Esc</Kbd> cancel
          </span>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={props.busy}>
            {props.vendor ? 'Recommend escalation' : 'Escalate'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** A senior confirms the vendor's recommendation, or reverses it with their own decision. */
function ConfirmDialog({ caseId, rec, mode, suggestions, onClose, onDone }: { caseId: string; rec: ReviewDecisionDto; mode: 'confirm' | 'reverse'; suggestions: readonly string[]; onClose: () => void; onDone: (text: string) => void }) {
  const options = (['violation', 'no_violation'] as const).filter((d) => mode === 'confirm' || d !== rec.decision);
  const [decision, setDecision] = useState<'violation' | 'no_violation'>(mode === 'confirm' && rec.decision !== 'escalate' ? rec.decision : options[0]!);
  const [clause, setClause] = useState<ClauseDto | undefined>();
  const [reason, setReason] = useState(rec.reason ?? NO_VIOLATION_REASONS[0]!.code);
  const [note, setNote] = useState(mode === 'confirm' ? 'Confirmed: I agree with the recommendation.' : '');
  const send = useMutation({
    mutationFn: () =>
      api.post(`/v1/review/cases/${encodeURIComponent(caseId)}/confirmations`, {
        recommendation_id: rec.id,
        outcome: mode,
        ...(mode === 'reverse' || rec.decision === 'escalate' ? { decision } : {}),
        ...(decision === 'violation' && clause !== undefined ? { clause_id: clause.clause_id } : {}),
        ...(decision === 'no_violation' ? { reason } : {}),
        note: note.trim() || (mode === 'confirm' ? 'Confirmed.' : 'Reversed.'),
      }),
    onSuccess: () => onDone(mode === 'confirm' ? 'Recommendation confirmed.' : `Recommendation reversed: ${DECISION_LABEL[decision]!.toLowerCase()}.`),
  });
  const submit = () => {
    if (!send.isPending) send.mutate();
  };
  const needsClause = decision === 'violation' && !(mode === 'confirm' && rec.decision === 'violation');
  return (
    <Dialog open onClose={onClose} title={mode === 'confirm' ? 'Confirm the recommendation' : 'Reverse the recommendation'} wide={needsClause}>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={enterSubmits(submit)}
      >
        {send.isError && <ErrorBanner error={send.error} title="Not saved" />}
        <p className="muted" style={{ marginBottom: 10 }}>
          The vendor recommended <strong>{DECISION_LABEL[rec.decision]}</strong>
          {rec.clause_id !== null && <> under {rec.clause_id}</>}
          {rec.reason !== null && <> ({reasonLabel(rec.reason).toLowerCase()})</>}.
        </p>
        {(mode === 'reverse' || rec.decision === 'escalate') && (
          <div className="pill-tabs" role="radiogroup" aria-label="Your decision" style={{ marginBottom: 12 }}>
            {options.map((d) => (
              <button key={d} type="button" role="radio" aria-checked={decision === d} aria-pressed={decision === d} onClick={() => setDecision(d)}>
                {DECISION_LABEL[d]}
              </button>
            ))}
          </div>
        )}
        {needsClause && <ClausePicker suggestions={suggestions} selected={clause} onSelect={setClause} onEnter={submit} />}
        {decision === 'no_violation' && mode === 'reverse' && <ReasonPicker value={reason} onChange={setReason} />}
        <NoteField value={note} onChange={setNote} />
        <div className="dialog-footer">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={send.isPending}>
            {mode === 'confirm' ? 'Confirm' : 'Reverse'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

