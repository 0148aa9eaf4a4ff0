import type { QueryClient } from '@tanstack/react-query';
import { ApiError, api } from './api';
import { can, type Role } from './session';
import type { CaseDto, ListingDetailDto, PageDto, SellerDetailDto, SellerDto } from '../types';

/*
 * The header search, on the list and read endpoints that exist: an id is tried as a case, a seller
 * and a listing, and as a conversation through the cases about it; other text matches seller names.
 * Conversations are read (and the read logged) only when the person opens one.
 */

export type HitKind = 'case' | 'seller' | 'listing' | 'conversation';

export interface SearchHit {
  readonly kind: HitKind;
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  readonly to: string;
  /** The query is this record's id. */
  readonly exact: boolean;
}

/** What the API accepts as an id; anything else is only matched against names. */
const ID = /^[A-Za-z0-9_.:-]{1,128}$/;

const NAME_LIMIT = 6;

export const hitPath = (kind: HitKind, id: string): string => `/${kind === 'case' ? 'cases' : kind === 'seller' ? 'sellers' : kind === 'listing' ? 'listings' : 'conversations'}/${encodeURIComponent(id)}`;

/** A read that answers undefined for "no such record" (and for what the caller may not see). */
async function maybe<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 403 || e.status === 400)) return undefined;
    throw e;
  }
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Every seller, for name matching; the list is short-lived in the cache so a search is one request at
 * most. The fetch is shared by the searches of every keystroke, so it takes none of their abort
 * signals: the search that started it being superseded must not fail the ones waiting on it.
 */
function allSellers(qc: QueryClient): Promise<SellerDto[]> {
  return qc.fetchQuery({
    queryKey: ['search-sellers'],
    staleTime: 5 * 60_000,
    queryFn: async () => (await api.get<PageDto<SellerDto>>('/v1/sellers', { query: { limit: 500 } })).items,
  });
}

export async function search(qc: QueryClient, role: Role, raw: string, signal?: AbortSignal): Promise<SearchHit[]> {
  const q = raw.trim();
  if (q.length < 2) return [];
  const market = can.seeMarketplace(role);
  const isId = ID.test(q);
  const enc = encodeURIComponent(q);

  const [caseHit, seller, listing, convCases, sellers] = await Promise.all([
    isId && can.seeCases(role) ? maybe(api.get<CaseDto>(`/v1/cases/${enc}`, { signal })) : undefined,
    isId && market ? maybe(api.get<SellerDetailDto>(`/v1/sellers/${enc}`, { signal })) : undefined,
    isId && market ? maybe(api.get<ListingDetailDto>(`/v1/listings/${enc}`, { signal })) : undefined,
    isId && can.seeCases(role) ? maybe(api.get<PageDto<CaseDto>>('/v1/cases', { query: { conversation_id: q, limit: 5 }, signal })) : undefined,
    market ? allSellers(qc) : [],
  ]);

  const hits: SearchHit[] = [];
  if (caseHit !== undefined) hits.push({ kind: 'case', id: caseHit.id, title: caseHit.title, detail: `Case · ${caseHit.status.replace(/_/g, ' ')}`, to: hitPath('case', caseHit.id), exact: true });
  if (seller !== undefined) hits.push({ kind: 'seller', id: seller.id, title: seller.name ?? seller.id, detail: `Seller · ${seller.country ?? 'country unknown'}`, to: hitPath('seller', seller.id), exact: true });
  if (listing !== undefined) hits.push({ kind: 'listing', id: listing.id, title: listing.title ?? listing.id, detail: `Listing${listing.seller_id !== null ? ` · ${listing.seller_id}` : ''}`, to: hitPath('listing', listing.id), exact: true });
  if (convCases !== undefined && convCases.items.length > 0) {
    const subj = convCases.items[0]!.subjects;
    hits.push({ kind: 'conversation', id: q, title: `Between ${subj.seller_id ?? 'a seller'} and ${subj.buyer_id ?? 'a buyer'}`, detail: `Conversation · ${convCases.items.length}${convCases.next_cursor !== null ? '+' : ''} case${convCases.items.length === 1 ? '' : 's'}`, to: hitPath('conversation', q), exact: true });
    for (const c of convCases.items) if (c.id !== caseHit?.id) hits.push({ kind: 'case', id: c.id, title: c.title, detail: `Case about ${q} · ${c.status.replace(/_/g, ' ')}`, to: hitPath('case', c.id), exact: false });
  }
  const needle = fold(q);
  const byName = sellers.filter((s) => s.id !== seller?.id && (fold(s.name ?? '').includes(needle) || fold(s.id).includes(needle))).slice(0, NAME_LIMIT);
  for (const s of byName) hits.push({ kind: 'seller', id: s.id, title: s.name ?? s.id, detail: `Seller · ${s.country ?? 'country unknown'}`, to: hitPath('seller', s.id), exact: false });
  return hits;
}

/**
 * For Enter with nothing found: is the text a conversation without cases? Reading it is logged,
 * which is right here because the person is opening it.
 */
export async function conversationExists(role: Role, q: string): Promise<boolean> {
  if (!can.seeMarketplace(role) || !ID.test(q.trim())) return false;
  return (await maybe(api.get<unknown>(`/v1/conversations/${encodeURIComponent(q.trim())}`))) !== undefined;
}
