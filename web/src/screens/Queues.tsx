import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Empty, ErrorBanner, Loading, PageHeader } from '../components';
import { IconArrow } from '../icons';
import { api } from '../lib/api';
import { formatDateTime, formatDuration, formatNumber, humanize } from '../lib/format';
import { useQueues } from '../lib/queries';
import { Link, navigate } from '../lib/router';
import { can, useMe } from '../lib/session';
import { useTitle } from '../lib/title';
import type { VendorOrgDto } from '../types';

function casesHref(queue: string, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams({ queue, open: '1', sort: 'sla_due_at.asc', ...extra });
  return `/cases?${p.toString()}`;
}

export function QueuesScreen() {
  const me = useMe();
  const vendor = me.role === 'vendor';
  useTitle(vendor ? 'Review' : 'Queues');
  const queues = useQueues();
  const orgs = useQuery({ queryKey: ['vendor-orgs'], queryFn: () => api.get<{ items: VendorOrgDto[] }>('/v1/vendor-orgs'), enabled: can.readUsers(me.role), staleTime: 5 * 60_000 });
  const orgName = (id: string) => orgs.data?.items.find((o) => o.id === id)?.name ?? id;

  const items = [...(queues.data ?? [])].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.queue.localeCompare(b.queue));
  const totals = items.reduce((t, q) => ({ open: t.open + q.open, overdue: t.overdue + q.overdue, unassigned: t.unassigned + q.unassigned }), { open: 0, overdue: 0, unassigned: 0 });
  const oldest = items.reduce<number | null>((m, q) => (q.oldest_open_age_seconds !== null && (m === null || q.oldest_open_age_seconds > m) ? q.oldest_open_age_seconds : m), null);

  return (
    <div className="page">
      <PageHeader
        title={vendor ? 'Review' : 'Queues'}
        subtitle={vendor ? 'The queues granted to your organisation.' : 'Open work by queue, worst first. Counts refresh every minute.'}
        actions={
          <Button variant="primary" onClick={() => navigate(`/cases?${new URLSearchParams({ open: '1', assignee: 'me', sort: 'sla_due_at.asc' }).toString()}`)}>
            My open cases <IconArrow className="nav-icon" />
          </Button>
        }
      />
      {queues.isError ? (
        <ErrorBanner error={queues.error} />
      ) : (
        <div className="stats">
          <Stat label="Open cases" value={queues.isPending ? '—' : formatNumber(totals.open)} />
          <Stat label="Overdue" value={queues.isPending ? '—' : formatNumber(totals.overdue)} danger={totals.overdue > 0} note={totals.open > 0 ? `${Math.round((totals.overdue / totals.open) * 100)}% of open` : undefined} />
          <Stat label="Unassigned" value={queues.isPending ? '—' : formatNumber(totals.unassigned)} />
          <Stat label="Oldest open case" value={oldest === null ? '—' : formatDuration(oldest)} />
        </div>
      )}
      <section className="card card-flush" aria-labelledby="queues-h">
        <div className="card-header">
          <h2 id="queues-h">By queue</h2>
          {queues.isFetching && !queues.isPending && <span className="muted small">Refreshing…</span>}
        </div>
        {queues.isPending ? (
          <Loading />
        ) : queues.isError ? null : items.length === 0 ? (
          <Empty title={vendor ? 'No queues granted yet' : 'No open work'}>{vendor ? 'Ask your Assay contact to grant a queue to your organisation.' : 'Cases appear here as detection and the marketplace open them.'}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table table-clickable">
              <thead>
                <tr>
                  <th scope="col">Queue</th>
                  <th scope="col" className="num">
                    Open
                  </th>
                  <th scope="col" className="num">
                    Overdue
                  </th>
                  <th scope="col" className="num">
                    Unassigned
                  </th>
                  <th scope="col">Oldest open</th>
                  {!vendor && <th scope="col">Vendor access</th>}
                  <th scope="col">
                    <span className="visually-hidden">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((q) => (
                  <tr key={q.queue} onClick={() => navigate(casesHref(q.queue))}>
                    <td>
                      <Link to={casesHref(q.queue)} onClick={(e) => e.stopPropagation()}>
                        <strong>{humanize(q.queue)}</strong>
                      </Link>
                    </td>
                    <td className="num">{formatNumber(q.open)}</td>
                    <td className="num">
                      {q.overdue > 0 ? (
                        <Link to={casesHref(q.queue, { overdue: '1' })} onClick={(e) => e.stopPropagation()} className="sla sla-overdue">
                          {formatNumber(q.overdue)}
                        </Link>
                      ) : (
                        <span className="faint">0</span>
                      )}
                    </td>
                    <td className="num">{q.unassigned > 0 ? formatNumber(q.unassigned) : <span className="faint">0</span>}</td>
                    <td className="nowrap">
                      {q.oldest_open_age_seconds === null ? (
                        <span className="faint">—</span>
                      ) : (
                        <span title={formatDateTime(q.oldest_open_at, true)}>
                          {formatDuration(q.oldest_open_age_seconds)} <span className="muted">· since {formatDateTime(q.oldest_open_at)}</span>
                        </span>
                      )}
                    </td>
                    {!vendor && (
                      <td>
                        {q.vendor_org_ids.length === 0 ? (
                          <span className="faint">In-house only</span>
                        ) : (
                          orgs.data !== undefined ? (
                            <div className="row row-wrap">
                              {q.vendor_org_ids.map((id) => (
                                <Badge key={id}>{orgName(id)}</Badge>
                              ))}
                            </div>
                          ) : (
                            <Badge>
                              {q.vendor_org_ids.length} vendor organisation{q.vendor_org_ids.length === 1 ? '' : 's'}
                            </Badge>
                          )
                        )}
                      </td>
                    )}
                    <td className="num">
                      <IconArrow className="nav-icon" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
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
