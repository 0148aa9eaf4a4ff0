import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Badge, Button, Empty, ErrorBanner, Loading, PageHeader } from '../components';
import { ApiError, api } from '../lib/api';
import { formatDateTime, formatMoney, humanize } from '../lib/format';
import { Link } from '../lib/router';
import { useTitle } from '../lib/title';
import type { ConversationDto, ListingDetailDto, PageDto } from '../types';

const STATUS_TONE: Record<string, 'success' | 'warning' | 'neutral' | 'accent'> = { active: 'success', on_hold: 'warning', sold: 'accent', removed: 'neutral' };

export function ListingScreen({ params }: { params: Record<string, string> }) {
  const id = params['id']!;
  const listing = useQuery({ queryKey: ['listing-detail', id], queryFn: ({ signal }) => api.get<ListingDetailDto>(`/v1/listings/${encodeURIComponent(id)}`, { signal }) });
  const convs = useInfiniteQuery({
    queryKey: ['conversations', { listing_id: id }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api.get<PageDto<ConversationDto>>('/v1/conversations', { query: { listing_id: id, cursor: pageParam, limit: 20 }, signal }),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const l = listing.data;
  useTitle(l?.title ?? 'Listing');
  if (listing.isPending) return <div className="page"><Loading label="Loading listing…" /></div>;
  if (listing.isError || l === undefined) {
    const nf = listing.error instanceof ApiError && listing.error.status === 404;
    return (
      <div className="page">
        <PageHeader title={nf ? 'Listing not found' : 'Listing'} />
        {nf ? <Empty title="There is no listing with this id." /> : <ErrorBanner error={listing.error} />}
      </div>
    );
  }
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
            {convs.isPending ? (
              <Loading />
            ) : convs.isError ? (
              <div className="card-body">
                <ErrorBanner error={convs.error} />
              </div>
            ) : conversations.length === 0 ? (
              <p className="card-body muted">No conversations.</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Conversation</th>
                    <th scope="col">Buyer</th>
                    <th scope="col" className="num">
                      Messages
                    </th>
                    <th scope="col">Last message</th>
                  </tr>
                </thead>
                <tbody>
                  {conversations.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/conversations/${encodeURIComponent(c.id)}`} className="mono">
                          {c.id}
                        </Link>
                      </td>
                      <td className="mono muted">{c.buyer_id}</td>
                      <td className="num">{c.message_count}</td>
                      <td className="muted nowrap">{formatDateTime(c.last_message_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {convs.hasNextPage && (
              <div className="table-foot">
                <span>{conversations.length} shown</span>
                <Button onClick={() => void convs.fetchNextPage()} busy={convs.isFetchingNextPage}>
                  Load more
                </Button>
              </div>
            )}
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
