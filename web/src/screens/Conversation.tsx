import { Fragment, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge, Empty, ErrorBanner, LoadFailedPage, Loading, PageHeader, PriorityBadge, QueryBody, SlaBadge, StatusBadge } from '../components';
import { api } from '../lib/api';
import { dayKey, formatDateTime, formatDay, formatMoney, formatTime, humanize, viewerTimeZone } from '../lib/format';
import { Link, useLocation } from '../lib/router';
import { useTitle } from '../lib/title';
import type { CaseDto, ConversationDto, ListingDto, MessageDto, PageDto, ScanHit, SellerDto } from '../types';

type ConversationDetail = ConversationDto & { messages: MessageDto[] };

const KIND_LABEL: Record<string, string> = {
  phone: 'Phone number',
  email: 'Email address',
  url: 'Link',
  handle: 'Social handle',
  iban: 'Bank account',
  card: 'Card number',
  crypto: 'Crypto wallet',
  payment: 'Payment off-platform',
  intent: 'Off-platform intent',
};

/** The body with detection hits marked; offsets are UTF-16 indices, as JavaScript strings use. */
function highlight(body: string, hits: readonly ScanHit[] | undefined): ReactNode {
  if (hits === undefined || hits.length === 0) return body;
  const sorted = [...hits].filter((h) => h.start >= 0 && h.end <= body.length && h.end > h.start).sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const h of sorted) {
    if (h.start < at) continue; // overlapping hit: the first one wins
    if (h.start > at) out.push(body.slice(at, h.start));
    out.push(
      <mark key={`${h.start}-${h.end}`} className="hit" title={`${KIND_LABEL[h.kind] ?? h.kind}${h.rule !== undefined ? ` · rule ${h.rule}` : ''}${h.clause !== undefined ? ` · clause ${h.clause}` : ''}`}>
        {body.slice(h.start, h.end)}
        <span className="visually-hidden"> ({KIND_LABEL[h.kind] ?? h.kind})</span>
      </mark>,
    );
    at = h.end;
  }
  if (at < body.length) out.push(body.slice(at));
  return out;
}

export function ConversationScreen({ params }: { params: Record<string, string> }) {
  const id = params['id']!;
  const { search } = useLocation();
  const focusMessage = search.get('message');
  const conv = useQuery({ queryKey: ['conversation', id], queryFn: ({ signal }) => api.get<ConversationDetail>(`/v1/conversations/${encodeURIComponent(id)}`, { signal }) });
  const c = conv.data;
  const seller = useQuery({
    queryKey: ['seller', c?.seller_id],
    enabled: c !== undefined,
    queryFn: ({ signal }) => api.get<SellerDto>(`/v1/sellers/${encodeURIComponent(c!.seller_id)}`, { signal }),
  });
  const listing = useQuery({
    queryKey: ['listing', c?.listing_id],
    enabled: c?.listing_id !== undefined && c.listing_id !== null,
    queryFn: ({ signal }) => api.get<ListingDto>(`/v1/listings/${encodeURIComponent(c!.listing_id!)}`, { signal }),
  });
  const cases = useQuery({
    queryKey: ['cases', { conversation_id: id }],
    queryFn: ({ signal }) => api.get<PageDto<CaseDto>>('/v1/cases', { query: { conversation_id: id, limit: 10, sort: 'opened_at', dir: 'desc' }, signal }),
  });
  const sellerName = seller.data?.name ?? 'Seller';
  useTitle(c === undefined ? 'Conversation' : `Conversation with ${sellerName}`);

  useEffect(() => {
    if (focusMessage === null || c === undefined) return;
    document.getElementById(`msg-${focusMessage}`)?.scrollIntoView({ block: 'nearest' });
  }, [focusMessage, c]);

  const flagged = useMemo(() => (c?.messages ?? []).filter((m) => m.scan?.verdict === 'review' || m.scan?.verdict === 'violation').length, [c]);

  if (conv.isPending) return <div className="page"><Loading label="Loading conversation…" /></div>;
  if (conv.isError || c === undefined) return <LoadFailedPage noun="Conversation" error={conv.error} />;

  let lastDay = '';
  return (
    <div className="page">
      <PageHeader
        breadcrumb={
          <>
            <Link to="/sellers">Sellers</Link>
            <span aria-hidden="true">/</span>
            <Link to={`/sellers/${encodeURIComponent(c.seller_id)}`}>{sellerName}</Link>
            <span aria-hidden="true">/</span>
            <span className="mono">{c.id}</span>
          </>
        }
        title={listing.data?.title ?? `Conversation ${c.id}`}
        subtitle={
          <span className="case-meta">
            <span>{c.message_count} messages</span>
            <span>
              {formatDateTime(c.first_message_at)} – {formatDateTime(c.last_message_at)}
            </span>
            {flagged > 0 && <Badge tone="danger">{flagged} flagged by detection</Badge>}
          </span>
        }
      />
      <div className="grid-2">
        <section className="card card-flush" aria-labelledby="thread-h">
          <div className="card-header">
            <h2 id="thread-h">Messages</h2>
            <div className="thread-legend">
              <span>
                <span className="legend-swatch" style={{ background: '#fff', border: '1px solid #e1e4e8' }} />
                Buyer
              </span>
              <span>
                <span className="legend-swatch" style={{ background: '#e8ecfd', border: '1px solid #d3daf9' }} />
                Seller
              </span>
              <span>
                <span className="legend-swatch" style={{ background: '#ffe8a3' }} />
                Detected
              </span>
              <span>Times in {viewerTimeZone}</span>
            </div>
          </div>
          {c.messages.length === 0 ? (
            <Empty title="No messages in this conversation" />
          ) : (
            <div className="thread" role="log" aria-label="Conversation messages">
              {c.messages.map((m) => {
                const day = dayKey(m.sent_at);
                const showDay = day !== lastDay;
                lastDay = day;
                const side = m.sender_role === 'buyer' ? 'buyer' : m.sender_role === 'seller' ? 'seller' : 'other';
                const isFlagged = m.scan?.verdict === 'review' || m.scan?.verdict === 'violation';
                const focused = focusMessage === m.id;
                return (
                  <Fragment key={m.id}>
                    {showDay && <div className="thread-day">{formatDay(m.sent_at)}</div>}
                    <div id={`msg-${m.id}`} className={`msg msg-${side}${isFlagged ? ' flagged' : ''}`} style={focused ? { outline: '2px solid #4c63f0', outlineOffset: 4, borderRadius: 12 } : undefined}>
                      <div className="msg-meta">
                        <span className="msg-who">{side === 'seller' ? sellerName : side === 'buyer' ? 'Buyer' : humanize(m.sender_role)}</span>
                        <time dateTime={m.sent_at} title={formatDateTime(m.sent_at, true)}>
                          {formatTime(m.sent_at)}
                        </time>
                        {m.lang !== null && <span className="faint">{m.lang.toUpperCase()}</span>}
                        {isFlagged && <span className="msg-flag">{m.scan?.verdict === 'violation' ? 'Violation' : 'Needs review'}</span>}
                      </div>
                      <div className="bubble">{highlight(m.body, m.scan?.hits)}</div>
                    </div>
                  </Fragment>
                );
              })}
            </div>
          )}
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="parties-h">
            <div className="card-header">
              <h2 id="parties-h">Parties</h2>
            </div>
            <div className="card-body">
              <dl className="facts">
                <dt>Seller</dt>
                <dd>
                  <Link to={`/sellers/${encodeURIComponent(c.seller_id)}`}>{sellerName}</Link>
                  {seller.data?.country != null && <span className="muted"> · {seller.data.country}</span>}
                  {seller.data?.time_zone != null && <div className="muted small">Local time zone {seller.data.time_zone}</div>}
                </dd>
                <dt>Buyer</dt>
                <dd className="mono">{c.buyer_id}</dd>
                <dt>Conversation</dt>
                <dd className="mono">{c.id}</dd>
              </dl>
            </div>
          </section>
          {c.listing_id !== null && (
            <section className="card" aria-labelledby="listing-h">
              <div className="card-header">
                <h2 id="listing-h">Listing</h2>
                <Link to={`/listings/${encodeURIComponent(c.listing_id)}`}>Open</Link>
              </div>
              <div className="card-body">
                {listing.isPending ? (
                  <Loading />
                ) : listing.isError ? (
                  <ErrorBanner error={listing.error} />
                ) : (
                  <dl className="facts">
                    <dt>Title</dt>
                    <dd>{listing.data.title ?? '—'}</dd>
                    <dt>Price</dt>
                    <dd>{formatMoney(listing.data.price_minor, listing.data.currency)}</dd>
                    <dt>Status</dt>
                    <dd>
                      <StatusBadge status={listing.data.status} closed={listing.data.status !== 'active'} />
                    </dd>
                    <dt>Category</dt>
                    <dd>{humanize(listing.data.category)}</dd>
                  </dl>
                )}
              </div>
            </section>
          )}
          <section className="card card-flush" aria-labelledby="conv-cases-h">
            <div className="card-header">
              <h2 id="conv-cases-h">Cases on this conversation</h2>
            </div>
            <QueryBody query={cases} isEmpty={(d) => d.items.length === 0} empty={<p className="card-body muted">No cases.</p>}>
              {(d) => (
                <ul className="evidence-list">
                  {d.items.map((k) => (
                    <li key={k.id}>
                      <PriorityBadge priority={k.priority} short />
                      <div style={{ minWidth: 0, flex: 1 }}>
                        <div className="evidence-name">
                          <Link to={`/cases/${encodeURIComponent(k.id)}`}>{k.title}</Link>
                        </div>
                        <div className="row small">
                          <StatusBadge status={k.status} closed={k.closed} />
                          <SlaBadge due={k.sla_due_at} closedAt={k.closed_at} />
                        </div>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </QueryBody>
          </section>
        </div>
      </div>
    </div>
  );
}
