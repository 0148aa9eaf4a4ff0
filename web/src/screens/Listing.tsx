import { useQuery } from '@tanstack/react-query';
import { Badge, ConversationsTable, LoadFailedPage, LoadMore, Loading, PageHeader, QueryBody } from '../components';
import { api } from '../lib/api';
import { formatDateTime, formatMoney, humanize } from '../lib/format';
import { useCursorPages } from '../lib/queries';
import { Link } from '../lib/router';
import { useTitle } from '../lib/title';
import type { ConversationDto, ListingDetailDto } from '../types';

const STATUS_TONE: Record<string, 'success' | 'warning' | 'neutral' | 'accent'> = { active: 'success', on_hold: 'warning', sold: 'accent', removed: 'neutral' };

export function ListingScreen({ params }: { params: Record<string, string> }) {
  const id = params['id']!;
  const listing = useQuery({ queryKey: ['listing-detail', id], queryFn: ({ signal }) => api.get<ListingDetailDto>(`/v1/listings/${encodeURIComponent(id)}`, { signal }) });
  const convs = useCursorPages<ConversationDto>(['conversations', { listing_id: id }], '/v1/conversations', (cursor) => ({ listing_id: id, cursor, limit: 20 }));
  const l = listing.data;
  useTitle(l?.title ?? 'Listing');
  if (listing.isPending) return <div className="page"><Loading label="Loading listing…" /></div>;
  if (listing.isError || l === undefined) return <LoadFailedPage noun="Listing" error={listing.error} />;
  const conversations = convs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="page">
      <PageHeader
        breadcrumb={
          <>
            <Link to="/sellers">Sellers</Link>
            {l.seller_id !== null && (
              <>
                <span aria-hidden="true">/</span>
                <Link to={`/sellers/${encodeURIComponent(l.seller_id)}`}>{l.seller_id}</Link>
              </>
            )}
            <span aria-hidden="true">/</span>
            <span className="mono">{l.id}</span>
          </>
        }
        title={
          <span className="case-title-row">
            {l.title ?? l.id}
            <Badge tone={STATUS_TONE[l.status] ?? 'neutral'}>{humanize(l.status)}</Badge>
          </span>
        }
        subtitle={
          <span className="case-meta">
            <span>{formatMoney(l.price_minor, l.currency)}</span>
            <span>{humanize(l.category)}</span>
            {l.period !== null && <span>{l.period}</span>}
          </span>
        }
      />
      <div className="grid-2">
        <div className="stack">
          <section className="card card-flush" aria-labelledby="listing-history-h">
            <div className="card-header">
              <h2 id="listing-history-h">Status and price history</h2>
            </div>
            {l.history.length === 0 ? (
              <p className="card-body muted">No changes recorded.</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Change</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="num">
                      Price
                    </th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {[...l.history].reverse().map((h) => (
                    <tr key={h.id}>
                      <td className="nowrap">{formatDateTime(h.occurred_at)}</td>
                      <td>
                        <code>{h.type}</code>
                      </td>
                      <td>{h.status !== null ? humanize(h.status) : '—'}</td>
                      <td className="num">{formatMoney(h.price_minor, h.currency)}</td>
                      <td className="muted">{humanize(h.source)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card card-flush" aria-labelledby="listing-convs-h">
            <div className="card-header">
              <h2 id="listing-convs-h">Conversations about this listing</h2>
            </div>
            <QueryBody query={convs} isEmpty={() => conversations.length === 0} empty={<p className="card-body muted">No conversations.</p>}>
              {() => <ConversationsTable conversations={conversations} />}
            </QueryBody>
            <LoadMore pages={convs}>{conversations.length} shown</LoadMore>
          </section>
        </div>
        <section className="card" aria-labelledby="listing-facts-h">
          <div className="card-header">
            <h2 id="listing-facts-h">Facts</h2>
          </div>
          <div className="card-body">
            <dl className="facts">
              <dt>Listing id</dt>
              <dd className="mono">{l.id}</dd>
              <dt>Seller</dt>
              <dd>{l.seller_id !== null ? <Link to={`/sellers/${encodeURIComponent(l.seller_id)}`}>{l.seller_id}</Link> : '—'}</dd>
              <dt>Price</dt>
              <dd>{formatMoney(l.price_minor, l.currency)}</dd>
              <dt>Category</dt>
              <dd>{humanize(l.category)}</dd>
              <dt>Period</dt>
              <dd>{l.period ?? '—'}</dd>
              <dt>Materials</dt>
              <dd>{l.materials ?? '—'}</dd>
              <dt>Dimensions</dt>
              <dd>{l.dimensions ?? '—'}</dd>
              <dt>Listed</dt>
              <dd>{formatDateTime(l.listed_at)}</dd>
              <dt>Status since</dt>
              <dd>{formatDateTime(l.status_changed_at)}</dd>
            </dl>
          </div>
        </section>
      </div>
    </div>
  );
}
