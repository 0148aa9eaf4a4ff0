import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Banner, Button, Empty, ErrorBanner, Kbd, Loading, PageHeader, PriorityBadge, SlaBadge } from '../components';
import { IconArrow, IconReview } from '../icons';
import { ApiError, api } from '../lib/api';
import { formatDateTime, formatDuration, formatNumber, humanize } from '../lib/format';
import { useHotkeys } from '../lib/hotkeys';
import { claimNext, languageName, reviewFilter, takeFlash, useReviewQueues, type ReviewFilter } from '../lib/review';
import { Link, navigate } from '../lib/router';
import { STAFF, useMe } from '../lib/session';
import { useTitle } from '../lib/title';
import type { CaseDto, PageDto, ReviewQueueLineDto } from '../types';

const SENIORS = ['senior', 'manager', 'admin', 'legal'];
const PRIORITY_ORDER = ['p1', 'p2', 'p3', 'p4'];

function lineKey(l: ReviewQueueLineDto): string {
  return `${l.queue}|${l.lang}|${l.priority}`;
}

/** Open review work per queue × language × priority, and a way into it. */
export function ReviewQueuesScreen() {
  const me = useMe();
  const vendor = me.role === 'vendor';
  const senior = SENIORS.includes(me.role);
  useTitle('Review');
  const lines = useReviewQueues();
  const [claiming, setClaiming] = useState<string | null>(null);
  const [claimError, setClaimError] = useState<unknown>(null);
  const [flash] = useState(() => takeFlash());

  const start = async (key: string, filter: ReviewFilter) => {
    setClaiming(key);
    setClaimError(null);
    try {
      reviewFilter.set(filter);
      const lease = await claimNext(filter);
      navigate(`/review/${encodeURIComponent(lease.case_id)}`);
    } catch (e) {
      setClaimError(e);
      setClaiming(null);
      void lines.refetch();
    }
  };

  useHotkeys({ s: () => void start('any', {}) });

  const items = [...(lines.data ?? [])].sort(
    (a, b) => a.queue.localeCompare(b.queue) || PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority) || b.open - a.open || a.lang.localeCompare(b.lang),
  );
  const totals = items.reduce((t, l) => ({ open: t.open + l.open, unclaimed: t.unclaimed + l.unclaimed, overdue: t.overdue + l.overdue }), { open: 0, unclaimed: 0, overdue: 0 });
  const oldest = items.reduce<number | null>((m, l) => (l.oldest_age_seconds !== null && (m === null || l.oldest_age_seconds > m) ? l.oldest_age_seconds : m), null);
  const nothing = claimError instanceof ApiError && claimError.reason === 'review.nothing_to_claim';

  return (
    <div className="page">
      <PageHeader
        title="Review"
        subtitle={vendor ? 'Conversations in the queues granted to your organisation. Personal data is masked; your decisions are recommendations a senior confirms.' : 'Flagged conversations waiting for a decision, by queue, language and priority.'}
        actions={
          <Button variant="primary" onClick={() => void start('any', {})} busy={claiming === 'any'} aria-keyshortcuts="s" disabled={lines.isSuccess && totals.unclaimed === 0}>
            <IconReview className="nav-icon" /> Review next case <Kbd>s</Kbd>
          </Button>
        }
      />
      {flash !== null && <Banner tone="success">{flash}</Banner>}
      {claimError !== null &&
        (nothing ? (
          <Banner tone="info">
            <strong>Nothing left to claim there.</strong> Another reviewer may have taken the last case; the counts below are fresh.
          </Banner>
        ) : (
          <ErrorBanner error={claimError} title="The case could not be claimed" />
        ))}
      {lines.isError ? (
        <ErrorBanner error={lines.error} />
      ) : (
        <div className="stats">
          <Stat label="Open conversations" value={lines.isPending ? '—' : formatNumber(totals.open)} />
          <Stat label="Unclaimed" value={lines.isPending ? '—' : formatNumber(totals.unclaimed)} note={totals.open > totals.unclaimed ? `${formatNumber(totals.open - totals.unclaimed)} being reviewed now` : undefined} />
          <Stat label="Overdue" value={lines.isPending ? '—' : formatNumber(totals.overdue)} danger={totals.overdue > 0} />
          <Stat label="Oldest waiting" value={oldest === null ? '—' : formatDuration(oldest)} />
        </div>
      )}
      <section className="card card-flush" aria-labelledby="review-lines-h">
        <div className="card-header">
          <h2 id="review-lines-h">Queues by language and priority</h2>
          {lines.isFetching && !lines.isPending ? <span className="muted small">Refreshing…</span> : <span className="muted small">Refreshes every 30 seconds</span>}
        </div>
        {lines.isPending ? (
          <Loading />
        ) : lines.isError ? null : items.length === 0 ? (
          <Empty title={vendor ? 'Nothing to review in your queues' : 'No conversation is waiting for review'}>
            {vendor ? 'New conversations appear here as detection flags them in the queues granted to you.' : 'Detection opens a review case when a conversation is flagged; they appear here.'}
          </Empty>
        ) : (
          <div className="table-wrap">
            <table className="table review-lines">
              <thead>
                <tr>
                  <th scope="col">Queue</th>
                  <th scope="col">Language</th>
                  <th scope="col">Priority</th>
                  <th scope="col" className="num">
                    Open
                  </th>
                  <th scope="col" className="num">
                    Unclaimed
                  </th>
                  <th scope="col" className="num">
                    Overdue
                  </th>
                  <th scope="col">Oldest waiting</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((l) => {
                  const key = lineKey(l);
                  return (
                    <tr key={key} data-line={key}>
                      <td>
                        <strong>{humanize(l.queue)}</strong>
                      </td>
                      <td>
                        <span className="lang-tag" aria-hidden="true">
                          {l.lang === 'und' ? '??' : l.lang.toUpperCase()}
                        </span>{' '}
                        {languageName(l.lang)}
                      </td>
                      <td>
                        <PriorityBadge priority={l.priority} />
                      </td>
                      <td className="num">{formatNumber(l.open)}</td>
                      <td className="num">{l.unclaimed > 0 ? <strong>{formatNumber(l.unclaimed)}</strong> : <span className="faint">0</span>}</td>
                      <td className="num">{l.overdue > 0 ? <span className="sla sla-overdue">{formatNumber(l.overdue)}</span> : <span className="faint">0</span>}</td>
                      <td className="nowrap">
                        {l.oldest_age_seconds === null ? (
                          <span className="faint">—</span>
                        ) : (
                          <span title={formatDateTime(l.oldest_open_at, true)}>{formatDuration(l.oldest_age_seconds)}</span>
                        )}
                      </td>
                      <td className="num">
                        <Button
                          size="sm"
                          variant={l.unclaimed > 0 ? 'secondary' : 'ghost'}
                          disabled={l.unclaimed === 0}
                          busy={claiming === key}
                          onClick={() => void start(key, { queue: l.queue, lang: l.lang })}
                          aria-label={`Start reviewing ${humanize(l.queue)}, ${languageName(l.lang)}`}
                        >
                          Start reviewing <IconArrow className="nav-icon" />
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {senior && <AwaitingSenior />}
      {STAFF.includes(me.role) && (
        <p className="muted small" style={{ marginTop: 12 }}>
          A claim holds the case for you alone for a few minutes (renew it from the review screen). Cases you release or leave go back to the queue.
        </p>
      )}
    </div>
  );
}

/** Escalated conversations (by agents, or vendor recommendations) that a senior decides or confirms. */
function AwaitingSenior() {
  const cases = useQuery({
    queryKey: ['cases', { type: 'conversation_review', status: 'escalated' }],
    queryFn: ({ signal }) => api.get<PageDto<CaseDto>>('/v1/cases', { query: { type: 'conversation_review', status: ['escalated'], sort: 'sla_due_at', dir: 'asc', limit: 20 }, signal }),
    refetchInterval: 30_000,
  });
  const items = cases.data?.items ?? [];
  return (
    <section className="card card-flush" aria-labelledby="awaiting-h" style={{ marginTop: 16 }}>
      <div className="card-header">
        <h2 id="awaiting-h">Waiting for a senior {items.length > 0 && <span className="muted">({items.length})</span>}</h2>
        <span className="muted small">Escalations and vendor recommendations to confirm or reverse</span>
      </div>
      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <div className="card-body">
          <ErrorBanner error={cases.error} />
        </div>
      ) : items.length === 0 ? (
        <p className="card-body muted">Nothing is waiting for a senior.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Priority</th>
              <th scope="col">Seller</th>
              <th scope="col">SLA</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td className="title-cell">
                  <Link to={`/review/${encodeURIComponent(c.id)}`}>{c.title}</Link>
                </td>
                <td>
                  <PriorityBadge priority={c.priority} short />
                </td>
                <td className="mono muted">{c.subjects.seller_id ?? '—'}</td>
                <td className="nowrap">
                  <SlaBadge due={c.sla_due_at} closedAt={c.closed_at} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Stat({ label, value, note, danger }: { label: string; value: string; note?: string | undefined; danger?: boolean }) {
  return (
    <div className="stat">
      <div className="stat-label">{label}</div>
      <div className={`stat-value${danger === true ? ' danger' : ''}`}>{value}</div>
      {note !== undefined && <div className="stat-note">{note}</div>}
    </div>
  );
}
