import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, ConversationsTable, Empty, LoadFailedPage, LoadMore, Loading, PageHeader, PriorityBadge, QueryBody, SelectField, SlaBadge, StatusBadge, TextField } from '../components';
import { api } from '../lib/api';
import { formatDateTime, humanize } from '../lib/format';
import { useCursorPages } from '../lib/queries';
import { Link, navigate, useSearchParams } from '../lib/router';
import { useTitle } from '../lib/title';
import type { CaseDto, ConversationDto, PageDto, SellerDetailDto, SellerDto } from '../types';

const STATUS_TONE: Record<string, 'success' | 'warning' | 'neutral'> = { active: 'success', suspended: 'warning', closed: 'neutral' };

function rate(bps: number | null): string {
  return bps === null ? '—' : `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 2)}%`;
}

/** Local time at the seller, so a reviewer knows whether the dealer is awake. */
function localTime(tz: string | null): string | null {
  if (tz === null) return null;
  try {
    return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: tz, timeZoneName: 'short' }).format(new Date());
  } catch {
    return null;
  }
}

export function SellersScreen() {
  useTitle('Sellers');
  const [params, setParams] = useSearchParams();
  const country = params.get('country') ?? '';
  const status = params.get('status') ?? '';
  const tier = params.get('tier') ?? '';
  const [goto, setGoto] = useState('');
  const list = useCursorPages<SellerDto>(['sellers', country, status, tier], '/v1/sellers', (cursor) => ({ country, status, tier, cursor, limit: 50 }));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="page">
      <PageHeader
        title="Sellers"
        subtitle="Dealers on the marketplace, as last synced."
        actions={
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              if (goto.trim() !== '') navigate(`/sellers/${encodeURIComponent(goto.trim())}`);
            }}
          >
            <label htmlFor="seller-goto" className="visually-hidden">
              Open a seller by id
            </label>
            <input id="seller-goto" className="input" placeholder="Seller id" value={goto} onChange={(e) => setGoto(e.target.value)} style={{ width: 200 }} />
            <Button type="submit">Open</Button>
          </form>
        }
      />
      <div className="card card-flush">
        <div className="filters" role="search" aria-label="Filter sellers">
          <TextField label="Country" placeholder="e.g. FR" maxLength={2} value={country} onChange={(e) => setParams({ country: e.target.value.toUpperCase() }, { replace: true })} style={{ width: 90 }} />
          <SelectField label="Status" value={status} onChange={(e) => setParams({ status: e.target.value }, { replace: true })}>
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="suspended">Suspended</option>
            <option value="closed">Closed</option>
          </SelectField>
          <TextField label="Tier" placeholder="Any tier" value={tier} onChange={(e) => setParams({ tier: e.target.value }, { replace: true })} style={{ width: 140 }} />
        </div>
        <QueryBody query={list} isEmpty={() => rows.length === 0} empty={<Empty title="No sellers match" />}>
          {() => (
            <div className="table-wrap">
              <table className="table table-clickable">
                <thead>
                  <tr>
                    <th scope="col">Seller</th>
                    <th scope="col">Country</th>
                    <th scope="col">Tier</th>
                    <th scope="col" className="num">
                      Commission
                    </th>
                    <th scope="col">Languages</th>
                    <th scope="col">Status</th>
                    <th scope="col">Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s) => (
                    <tr key={s.id} onClick={() => navigate(`/sellers/${encodeURIComponent(s.id)}`)}>
                      <td className="title-cell">
                        <Link to={`/sellers/${encodeURIComponent(s.id)}`} onClick={(e) => e.stopPropagation()}>
                          {s.name ?? s.id}
                        </Link>{' '}
                        <span className="mono faint">{s.id}</span>
                      </td>
                      <td>{s.country ?? '—'}</td>
                      <td>{humanize(s.tier)}</td>
                      <td className="num">{rate(s.commission_rate_bps)}</td>
                      <td className="muted">{s.languages.join(', ') || '—'}</td>
                      <td>
                        <Badge tone={STATUS_TONE[s.status] ?? 'neutral'}>{humanize(s.status)}</Badge>
                      </td>
                      <td className="muted nowrap">{formatDateTime(s.source_updated_at ?? s.updated_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryBody>
        <LoadMore pages={list}>{rows.length} shown</LoadMore>
      </div>
    </div>
  );
}

export function SellerScreen({ params }: { params: Record<string, string> }) {
  const id = params['id']!;
  const seller = useQuery({ queryKey: ['seller-detail', id], queryFn: ({ signal }) => api.get<SellerDetailDto>(`/v1/sellers/${encodeURIComponent(id)}`, { signal }) });
  const cases = useQuery({
    queryKey: ['cases', { seller_id: id }],
    queryFn: ({ signal }) => api.get<PageDto<CaseDto>>('/v1/cases', { query: { seller_id: id, limit: 20, sort: 'opened_at', dir: 'desc' }, signal }),
  });
  const convs = useCursorPages<ConversationDto>(['conversations', { seller_id: id }], '/v1/conversations', (cursor) => ({ seller_id: id, cursor, limit: 20 }));
  const s = seller.data;
  useTitle(s?.name ?? 'Seller');

  if (seller.isPending) return <div className="page"><Loading label="Loading seller…" /></div>;
  if (seller.isError || s === undefined) return <LoadFailedPage noun="Seller" error={seller.error} breadcrumb={<Link to="/sellers">Sellers</Link>} />;
  const local = localTime(s.time_zone);
  const openCases = (cases.data?.items ?? []).filter((c) => !c.closed).length;
  const conversations = convs.data?.pages.flatMap((p) => p.items) ?? [];

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
          <section className="card card-flush" aria-labelledby="seller-cases-h">
            <div className="card-header">
              <h2 id="seller-cases-h">Cases {cases.data !== undefined && <span className="muted">({openCases} open)</span>}</h2>
            </div>
            <QueryBody query={cases} isEmpty={(d) => d.items.length === 0} empty={<p className="card-body muted">No cases about this seller.</p>}>
              {(d) => (
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
                      {d.items.map((c) => (
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
              )}
            </QueryBody>
          </section>
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
                <dt>Commission</dt>
                <dd>{rate(s.commission_rate_bps)}</dd>
                <dt>Last synced</dt>
                <dd>{formatDateTime(s.source_updated_at)}</dd>
                <dt>First seen</dt>
                <dd>{formatDateTime(s.created_at)}</dd>
              </dl>
            </div>
          </section>
          <section className="card card-flush" aria-labelledby="seller-rates-h">
            <div className="card-header">
              <h2 id="seller-rates-h">Commission history</h2>
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
                      <td className="nowrap">{formatDateTime(r.effective_from)}</td>
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
    </div>
  );
}
