import { canonicalJson, forbidden, invalidInput, newId, notFound, sha256Hex, type Clock, type FieldError } from '../kernel';
import { inTransaction, logAccess, recordChange, type Actor, type Db } from '../db';
import { principalActor, type Principal, type Role } from '../identity';
import * as store from './ingest.store';
import { decodeCursor, encodeCursor, marketplaceStore } from './marketplace.store';
import { PARSERS, type Parsed } from './marketplace.validation';
import {
  INGEST_KINDS,
  type BatchReport,
  type BuyerInput,
  type CommissionRate,
  type Conversation,
  type ConversationFilter,
  type ConversationForReview,
  type OffPlatformFacts,
  type StoredEventNotice,
  type EventInput,
  type IngestKind,
  type ItemResult,
  type Listing,
  type ListingHistoryEntry,
  type ListingInput,
  type Message,
  type MessageInput,
  type Order,
  type PartyDirectory,
  type DisplayNames,
  type Page,
  type Seller,
  type SellerFilter,
  type SellerInput,
} from './marketplace.model';
import { createMessageScans } from './message-scan.service';
import type { MessageScanner, StoredMessageNotice, StoredScan } from './message-scan.model';

export interface MarketplaceDeps {
  readonly db: Db;
  readonly clock: Clock;
  /** Detection: every stored message carries its scan result and the rule-set version. */
  readonly scanner: MessageScanner;
  /** Messages older than this many days when (re)scanned are stored `historical` (default 30). */
  readonly enforcementCutoffDays?: number;
  /**
   * Called inside the ingest transaction with the messages it newly stored (and by a re-scan that
   * stores results, with the messages whose verdict changed), so review can open or extend cases in
   * the same commit. Must use only `tx` (on PGlite the plain connection would deadlock).
   */
  readonly afterMessagesStored?: (tx: Db, messages: readonly StoredMessageNotice[]) => Promise<void>;
  /**
   * Called inside the ingest transaction with the listing and order-created events it newly stored,
   * so investigations can cancel a commission order when the buyer checks out. Must use only `tx`.
   */
  readonly afterEventsStored?: (tx: Db, events: readonly StoredEventNotice[]) => Promise<void>;
}

/** Roles that may read marketplace data (vendor reviewers see it only through their cases). */
export const STAFF_ROLES: readonly Role[] = ['admin', 'manager', 'senior', 'agent', 'legal'];

const MAX_CONVERSATION_MESSAGES = 5000;
const RETRYABLE = new Set(['40P01', '40001']); // deadlock, serialization failure

type Valid<T> = { readonly index: number; readonly value: T };

/** Thrown inside a batch's transaction to roll it back and run it again (like a serialization failure). */
class RetryBatch extends Error {
  readonly code = '40001';
}
type Results = Map<number, ItemResult>;

function pgCode(e: unknown): string | undefined {
  const any = e as { code?: unknown; cause?: { code?: unknown } };
  const code = any?.cause?.code ?? any?.code;
  return typeof code === 'string' ? code : undefined;
}

type ScannedBatch = { readonly version: string; readonly scans: ReadonlyMap<string, StoredScan> };
const NOT_SCANNED: ScannedBatch = { version: '', scans: new Map() };

/** The first message of each id in a batch (the one ingest stores). */
function firstOfEachId(valid: readonly Valid<MessageInput>[]): MessageInput[] {
  const seen = new Set<string>();
  const out: MessageInput[] = [];
  for (const v of valid) {
    if (seen.has(v.value.id)) continue;
    seen.add(v.value.id);
    out.push(v.value);
  }
  return out;
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function idReused(index: number, what: 'message' | 'event', id: string, field: string): ItemResult {
  return {
    index,
    id,
    status: 'conflict',
    reason: `${what}.id_reused`,
    errors: [{ field: `/items/${index}/${field}`, reason: `${what} ${id} is already stored with different content` }],
  };
}

/** The newest version of each record in a batch (latest `updatedAt`; the later item wins a tie). */
function newestById<T extends { id: string; updatedAt: Date }>(items: readonly Valid<T & { hash: string }>[]): Map<string, Valid<T & { hash: string }>> {
  const out = new Map<string, Valid<T & { hash: string }>>();
  for (const it of items) {
    const cur = out.get(it.value.id);
    if (cur === undefined || it.value.updatedAt.getTime() >= cur.value.updatedAt.getTime()) out.set(it.value.id, it);
  }
  return out;
}

/**
 * Statuses of record upserts (sellers, buyers, listings): the chosen version either replaced the
 * held one (`stored` for a first sync, `updated` otherwise) or lost to a newer or equal one.
 */
function recordResults<T extends { id: string; updatedAt: Date }>(
  valid: readonly Valid<T & { hash: string }>[],
  chosen: Map<string, Valid<T & { hash: string }>>,
  held: Map<string, store.SourceState>,
  applied: { has(id: string): boolean },
  current: Map<string, store.SourceState>,
): Results {
  const results: Results = new Map();
  for (const it of valid) {
    const { id, updatedAt, hash } = it.value;
    const pick = chosen.get(id)!;
    let status: ItemResult['status'];
    if (pick.index === it.index && applied.has(id)) {
      status = held.get(id)?.sourceUpdatedAt === undefined ? 'stored' : 'updated';
    } else if (pick.index !== it.index && pick.value.hash === hash && applied.has(id)) {
      status = 'duplicate';
    } else {
      const now = pick.index === it.index ? current.get(id) : { id, sourceUpdatedAt: pick.value.updatedAt, sourceHash: pick.value.hash };
      status = now?.sourceUpdatedAt?.getTime() === updatedAt.getTime() && now.sourceHash === hash ? 'duplicate' : 'stale';
    }
    results.set(it.index, { index: it.index, id, status });
  }
  return results;
}

export function createMarketplaceService(deps: MarketplaceDeps) {
  const { db, clock } = deps;
  const scans = createMessageScans({
    db,
    clock,
    scanner: deps.scanner,
    enforcementCutoffDays: deps.enforcementCutoffDays ?? 30,
    ...(deps.afterMessagesStored === undefined ? {} : { afterMessagesStored: deps.afterMessagesStored }),
  });

  async function withRetry<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(db, work);
      } catch (e) {
        const code = pgCode(e);
        if (attempt >= 5 || code === undefined || !RETRYABLE.has(code)) throw e;
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.floor(Math.random() * 20)));
      }
    }
  }

  // ---------------- messages ----------------

  async function storeMessages(tx: Db, valid: readonly Valid<MessageInput>[], now: Date, scanned: ScannedBatch): Promise<Results> {
    const results: Results = new Map();
    const hashes = valid.map((v) => sha256Hex(v.value.body));
    const first = new Map<string, { index: number; m: MessageInput; hash: string }>();
    valid.forEach((v, i) => {
      if (!first.has(v.value.id)) first.set(v.value.id, { index: v.index, m: v.value, hash: hashes[i]! });
    });
    const candidates = [...first.values()];

    const convs = new Map<string, store.ConversationRef>();
    const listings = new Map<string, string>();
    for (const { m } of candidates) {
      const c = convs.get(m.conversationId);
      if (c === undefined) convs.set(m.conversationId, { id: m.conversationId, buyer_id: m.buyerId, seller_id: m.sellerId, listing_id: m.listingId ?? null });
      else if (c.listing_id === null && m.listingId !== undefined) convs.set(m.conversationId, { ...c, listing_id: m.listingId });
      if (m.listingId !== undefined && !listings.has(m.listingId)) listings.set(m.listingId, m.sellerId);
    }
    const sellerIds = new Set<string>();
    const buyerIds = new Set<string>();
    for (const { m } of candidates) {
      sellerIds.add(m.sellerId);
      buyerIds.add(m.buyerId);
    }
    for (const c of convs.values()) {
      sellerIds.add(c.seller_id);
      buyerIds.add(c.buyer_id);
    }
    await store.ensureSellers(tx, sortedUnique(sellerIds), now);
    await store.ensureBuyers(tx, sortedUnique(buyerIds), now);
    await store.ensureListings(tx, [...listings].map(([id, seller]) => ({ id, seller_id: seller })).sort(byId), now);
    const parties = await store.conversationParties(tx, [...convs.keys()].sort());
    // a conversation new to the database takes the parties of its first message in the batch
    for (const c of convs.values()) if (!parties.has(c.id)) parties.set(c.id, { buyerId: c.buyer_id, sellerId: c.seller_id });

    // A message that contradicts its conversation's parties is refused, not silently re-homed.
    const mismatch = new Map<string, FieldError[]>();
    for (const { index, m } of candidates) {
      const p = parties.get(m.conversationId);
      const errors: FieldError[] = [];
      if (p !== undefined && p.buyerId !== m.buyerId) {
        errors.push({ field: `/items/${index}/buyer_id`, reason: `conversation ${m.conversationId} is between buyer ${p.buyerId} and seller ${p.sellerId}` });
      }
      if (p !== undefined && p.sellerId !== m.sellerId) {
        errors.push({ field: `/items/${index}/seller_id`, reason: `conversation ${m.conversationId} is between buyer ${p.buyerId} and seller ${p.sellerId}` });
      }
      if (errors.length > 0) mismatch.set(m.id, errors);
    }

    const rows: store.MessageRow[] = candidates
      .filter((c) => !mismatch.has(c.m.id))
      .map((c) => ({
        id: c.m.id,
        conversation_id: c.m.conversationId,
        sender_role: c.m.senderRole,
        body: c.m.body,
        body_hash: c.hash,
        sent_at: c.m.sentAt.toISOString(),
        lang: c.m.lang ?? null,
        scan: scanned.scans.get(c.m.id) ?? null,
        rule_set_version: scanned.scans.has(c.m.id) ? scanned.version : null,
      }))
      .sort(byId);
    const inserted = await store.insertMessages(tx, rows, now);
    const held = await store.messageHashes(
      tx,
      rows.filter((r) => !inserted.has(r.id)).map((r) => r.id),
    );

    const deltas = new Map<string, { n: number; first: number; last: number }>();
    for (const r of rows) {
      if (!inserted.has(r.id)) continue;
      const t = Date.parse(r.sent_at);
      const d = deltas.get(r.conversation_id);
      if (d === undefined) deltas.set(r.conversation_id, { n: 1, first: t, last: t });
      else {
        d.n++;
        d.first = Math.min(d.first, t);
        d.last = Math.max(d.last, t);
      }
    }
    const written = await store.upsertConversations(
      tx,
      [...deltas]
        .map(([id, d]) => ({ ...convs.get(id)!, n: d.n, first: new Date(d.first).toISOString(), last: new Date(d.last).toISOString() }))
        .sort(byId),
      now,
    );
    for (const [id, p] of written) {
      // Another batch created this conversation with other parties while this one ran: start over,
      // and the second attempt sees it and refuses the contradicting messages.
      const mine = convs.get(id)!;
      if (p.buyerId !== mine.buyer_id || p.sellerId !== mine.seller_id) throw new RetryBatch(`conversation ${id} was created concurrently with other parties`);
    }

    if (deps.afterMessagesStored !== undefined && inserted.size > 0) {
      const notices: StoredMessageNotice[] = [];
      for (const r of rows) {
        if (!inserted.has(r.id)) continue;
        const p = parties.get(r.conversation_id)!;
        notices.push({
          id: r.id,
          conversationId: r.conversation_id,
          sellerId: p.sellerId,
          buyerId: p.buyerId,
          listingId: convs.get(r.conversation_id)?.listing_id ?? undefined,
          senderRole: r.sender_role as StoredMessageNotice['senderRole'],
          sentAt: new Date(r.sent_at),
          lang: r.lang ?? undefined,
          scan: (r.scan ?? undefined) as StoredScan | undefined,
        });
      }
      await deps.afterMessagesStored(tx, notices);
    }

    valid.forEach((v, i) => {
      const { index, value: m } = v;
      const hash = hashes[i]!;
      const firstOcc = first.get(m.id)!;
      const errs = mismatch.get(m.id);
      if (errs !== undefined) {
        results.set(index, firstOcc.index === index || firstOcc.hash === hash
          ? { index, id: m.id, status: 'conflict', reason: 'conversation.party_mismatch', errors: errs.map((e) => ({ ...e, field: e.field.replace(`/items/${firstOcc.index}/`, `/items/${index}/`) })) }
          : idReused(index, 'message', m.id, 'body'));
        return;
      }
      if (firstOcc.index === index && inserted.has(m.id)) {
        results.set(index, { index, id: m.id, status: 'stored' });
        return;
      }
      const storedHash = inserted.has(m.id) ? firstOcc.hash : held.get(m.id);
      results.set(index, storedHash === hash ? { index, id: m.id, status: 'duplicate' } : idReused(index, 'message', m.id, 'body'));
    });
    return results;
  }

  // ---------------- events ----------------

  function eventHash(e: EventInput): string {
    return sha256Hex(canonicalJson({ ...e, occurredAt: e.occurredAt.toISOString() }));
  }

  async function storeEvents(tx: Db, valid: readonly Valid<EventInput>[], now: Date): Promise<Results> {
    const results: Results = new Map();
    const hashes = valid.map((v) => eventHash(v.value));
    const first = new Map<string, { index: number; e: EventInput; hash: string }>();
    valid.forEach((v, i) => {
      if (!first.has(v.value.id)) first.set(v.value.id, { index: v.index, e: v.value, hash: hashes[i]! });
    });
    const candidates = [...first.values()];

    const sellers = new Set<string>();
    const buyers = new Set<string>();
    const listings = new Map<string, string | null>();
    const listingRows: store.ListingEventRow[] = [];
    const orderRows: store.OrderEventRow[] = [];
    const created = new Map<string, store.OrderRow>();
    for (const { e, hash } of candidates) {
      const occurred = e.occurredAt.toISOString();
      switch (e.type) {
        case 'listing.status_changed':
        case 'listing.price_changed':
          if (!listings.has(e.listingId)) listings.set(e.listingId, null);
          listingRows.push({
            id: e.id,
            listing_id: e.listingId,
            type: e.type === 'listing.status_changed' ? 'status_changed' : 'price_changed',
            status: e.type === 'listing.status_changed' ? e.status : null,
            price_minor: e.type === 'listing.price_changed' ? e.priceMinor : null,
            currency: e.type === 'listing.price_changed' ? e.currency : null,
            occurred_at: occurred,
            source: 'event',
            payload_hash: hash,
          });
          break;
        case 'order.created':
          sellers.add(e.sellerId);
          buyers.add(e.buyerId);
          if ((listings.get(e.listingId) ?? null) === null) listings.set(e.listingId, e.sellerId);
          orderRows.push({ id: e.id, order_id: e.orderId, type: e.type, occurred_at: occurred, payload_hash: hash });
          break;
        case 'order.cancelled':
        case 'order.refunded':
          orderRows.push({ id: e.id, order_id: e.orderId, type: e.type, occurred_at: occurred, payload_hash: hash });
          break;
      }
    }
    await store.ensureSellers(tx, sortedUnique(sellers), now);
    await store.ensureBuyers(tx, sortedUnique(buyers), now);
    await store.ensureAndLockListings(tx, [...listings].map(([id, seller]) => ({ id, seller_id: seller })).sort(byId), now);
    const insertedL = await store.insertListingEvents(tx, listingRows.sort(byId), now);
    await store.lockOrders(tx, sortedUnique(orderRows.map((r) => r.order_id)));
    const insertedO = await store.insertOrderEvents(tx, orderRows.sort(byId), now);
    const heldL = await store.eventHashes(tx, 'listing_events', listingRows.filter((r) => !insertedL.has(r.id)).map((r) => r.id));
    const heldO = await store.eventHashes(tx, 'order_events', orderRows.filter((r) => !insertedO.has(r.id)).map((r) => r.id));

    await store.applyListingEvents(tx, listingRows.filter((r) => insertedL.has(r.id)).map((r) => r.id), now);
    for (const { e } of candidates) {
      if (e.type === 'order.created' && insertedO.has(e.id) && !created.has(e.orderId)) {
        created.set(e.orderId, {
          id: e.orderId,
          listing_id: e.listingId,
          buyer_id: e.buyerId,
          seller_id: e.sellerId,
          amount_minor: e.amountMinor,
          currency: e.currency,
          created_at: e.occurredAt.toISOString(),
        });
      }
    }
    await store.insertOrders(tx, [...created.values()].sort(byId), now);
    await store.recomputeOrderStatus(tx, sortedUnique(orderRows.filter((r) => insertedO.has(r.id)).map((r) => r.order_id)));
    if (deps.afterEventsStored !== undefined) {
      const notices: StoredEventNotice[] = [];
      for (const { e } of candidates) {
        if (e.type === 'order.created' && insertedO.has(e.id)) {
          notices.push({ id: e.id, type: e.type, orderId: e.orderId, listingId: e.listingId, buyerId: e.buyerId, sellerId: e.sellerId, occurredAt: e.occurredAt });
        } else if ((e.type === 'listing.status_changed' || e.type === 'listing.price_changed') && insertedL.has(e.id)) {
          notices.push({ id: e.id, type: e.type, listingId: e.listingId, occurredAt: e.occurredAt });
        }
      }
      if (notices.length > 0) await deps.afterEventsStored(tx, notices);
    }

    valid.forEach((v, i) => {
      const { index, value: e } = v;
      const hash = hashes[i]!;
      const firstOcc = first.get(e.id)!;
      const firstIsListing = firstOcc.e.type === 'listing.status_changed' || firstOcc.e.type === 'listing.price_changed';
      const firstInserted = (firstIsListing ? insertedL : insertedO).has(e.id);
      if (firstOcc.index === index && firstInserted) {
        results.set(index, { index, id: e.id, status: 'stored' });
        return;
      }
      const storedHash = firstInserted ? firstOcc.hash : (firstIsListing ? heldL : heldO).get(e.id);
      results.set(index, storedHash === hash ? { index, id: e.id, status: 'duplicate' } : idReused(index, 'event', e.id, 'id'));
    });
    return results;
  }

  // ---------------- sellers ----------------

  async function storeSellers(tx: Db, input: readonly Valid<SellerInput>[], now: Date): Promise<Results> {
    const valid = input.map((v) => ({ index: v.index, value: { ...v.value, hash: sha256Hex(canonicalJson({ ...v.value, updatedAt: v.value.updatedAt.toISOString() })) } }));
    const chosen = newestById(valid);
    const ids = sortedUnique(chosen.keys());
    const held = await store.lockRecords(tx, 'sellers', ids);
    const applied = await store.upsertSellers(
      tx,
      ids.map((id) => {
        const s = chosen.get(id)!.value;
        return {
          id,
          name: s.name,
          email: s.email ?? null,
          country: s.country,
          time_zone: s.timeZone,
          languages: s.languages,
          tier: s.tier,
          commission_rate_bps: s.commissionRateBps,
          status: s.status,
          source_updated_at: s.updatedAt.toISOString(),
          source_hash: s.hash,
        };
      }),
      now,
    );
    const current = await currentState(tx, 'sellers', ids, applied, held);

    // Commission history: every version in the batch is a point in time, also one older than the record held.
    const history = await store.readRateHistory(tx, ids);
    const points: store.RatePoint[] = [];
    const versions = [...valid].sort((a, b) => a.value.updatedAt.getTime() - b.value.updatedAt.getTime());
    for (const { value: s } of versions) {
      const timeline = history.get(s.id) ?? [];
      const at = s.updatedAt.getTime();
      if (timeline.some((p) => p.at === at)) continue;
      let before: { tier: string; rateBps: number; at: number } | undefined;
      for (const p of timeline) if (p.at < at) before = p;
      if (before !== undefined && before.tier === s.tier && before.rateBps === s.commissionRateBps) continue;
      timeline.push({ tier: s.tier, rateBps: s.commissionRateBps, at });
      timeline.sort((a, b) => a.at - b.at);
      history.set(s.id, timeline);
      points.push({ seller_id: s.id, tier: s.tier, rate_bps: s.commissionRateBps, effective_from: s.updatedAt.toISOString() });
    }
    await store.insertRatePoints(tx, points.sort((a, b) => (a.seller_id < b.seller_id ? -1 : a.seller_id > b.seller_id ? 1 : a.effective_from.localeCompare(b.effective_from))), now);
    return recordResults(valid, chosen, held, applied, current);
  }

  /** What each record holds now; re-read only for versions that did not apply and were not held before. */
  async function currentState(
    tx: Db,
    table: 'sellers' | 'buyers' | 'listings',
    ids: readonly string[],
    applied: { has(id: string): boolean },
    held: Map<string, store.SourceState>,
  ): Promise<Map<string, store.SourceState>> {
    const current = new Map<string, store.SourceState>(held);
    const unknown = ids.filter((id) => !applied.has(id) && !held.has(id));
    if (unknown.length > 0) for (const [id, s] of await store.lockRecords(tx, table, unknown)) current.set(id, s);
    return current;
  }

  // ---------------- buyers ----------------

  async function storeBuyers(tx: Db, input: readonly Valid<BuyerInput>[], now: Date): Promise<Results> {
    const valid = input.map((v) => ({ index: v.index, value: { ...v.value, hash: sha256Hex(canonicalJson({ ...v.value, updatedAt: v.value.updatedAt.toISOString() })) } }));
    const chosen = newestById(valid);
    const ids = sortedUnique(chosen.keys());
    const held = await store.lockRecords(tx, 'buyers', ids);
    const applied = await store.upsertBuyers(
      tx,
      ids.map((id) => {
        const b = chosen.get(id)!.value;
        return { id, name: b.name, email: b.email ?? null, country: b.country ?? null, source_updated_at: b.updatedAt.toISOString(), source_hash: b.hash };
      }),
      now,
    );
    const current = await currentState(tx, 'buyers', ids, applied, held);
    return recordResults(valid, chosen, held, applied, current);
  }

  // ---------------- listings ----------------

  async function storeListings(tx: Db, input: readonly Valid<ListingInput>[], now: Date): Promise<Results> {
    const valid = input.map((v) => ({
      index: v.index,
      value: { ...v.value, hash: sha256Hex(canonicalJson({ ...v.value, updatedAt: v.value.updatedAt.toISOString(), createdAt: v.value.createdAt?.toISOString() })) },
    }));
    const chosen = newestById(valid);
    const ids = sortedUnique(chosen.keys());
    await store.ensureSellers(tx, sortedUnique([...chosen.values()].map((c) => c.value.sellerId)), now);
    const held = await store.lockRecords(tx, 'listings', ids);
    const applied = await store.upsertListings(
      tx,
      ids.map((id) => {
        const l = chosen.get(id)!.value;
        return {
          id,
          seller_id: l.sellerId,
          title: l.title,
          category: l.category,
          price_minor: l.priceMinor,
          currency: l.currency,
          status: l.status,
          period: l.period ?? null,
          materials: l.materials ?? null,
          dimensions: l.dimensions ?? null,
          listed_at: l.createdAt?.toISOString() ?? null,
          source_updated_at: l.updatedAt.toISOString(),
          source_hash: l.hash,
        };
      }),
      now,
    );

    // Status and price changes seen in syncs join the listing's history beside the events.
    const history: store.ListingEventRow[] = [];
    for (const [id, after] of applied) {
      const l = chosen.get(id)!.value;
      const before = held.get(id);
      const firstSeen = before === undefined || before['status_changed_at'] === null;
      const at = (firstSeen ? (l.createdAt ?? l.updatedAt) : l.updatedAt).toISOString();
      if (firstSeen || before['status'] !== after.status) {
        history.push({ id: newId('lev'), listing_id: id, type: 'status_changed', status: after.status, price_minor: null, currency: null, occurred_at: at, source: 'sync', payload_hash: l.hash });
      }
      const priceBefore = before === undefined || before['price_minor'] === null ? undefined : store.toNum(before['price_minor']);
      if (after.priceMinor !== undefined && (priceBefore !== after.priceMinor || before?.['currency'] !== after.currency)) {
        const priceAt = before === undefined || before['price_changed_at'] === null ? (l.createdAt ?? l.updatedAt).toISOString() : l.updatedAt.toISOString();
        history.push({ id: newId('lev'), listing_id: id, type: 'price_changed', status: null, price_minor: after.priceMinor, currency: after.currency ?? null, occurred_at: priceAt, source: 'sync', payload_hash: l.hash });
      }
    }
    await store.insertListingEvents(tx, history, now);
    const current = await currentState(tx, 'listings', ids, applied, held);
    return recordResults(valid, chosen, held, applied, current);
  }

  const HANDLERS: { [K in IngestKind]: (tx: Db, valid: Valid<never>[], now: Date, scanned: ScannedBatch) => Promise<Results> } = {
    messages: storeMessages,
    events: storeEvents,
    sellers: storeSellers,
    buyers: storeBuyers,
    listings: storeListings,
  };

  /**
   * Ingests one batch of marketplace items. Each item is validated on its own: a bad one is rejected
   * with its index, field and reason while the good ones are stored. Idempotent on the marketplace's
   * ids through database constraints (never check-then-insert), so repeated and concurrent batches
   * store each item once. The batch runs in one transaction and is audited once (`ingest.batch`,
   * counts only, no content).
   *
   * @example
   * const report = await marketplace.ingestBatch({ type: 'token', id: 'tok_…' }, 'messages', body.items);
   * report.items.filter((r) => r.status === 'rejected'); // [{ index: 3, id: 'm-9', status: 'rejected', errors: [{ field: '/items/3/sent_at', reason: '…' }] }]
   */
  async function ingestBatch(actor: Actor, kind: IngestKind, items: readonly unknown[]): Promise<BatchReport> {
    if (!(INGEST_KINDS as readonly string[]).includes(kind)) {
      throw invalidInput(`unknown ingest kind ${String(kind)}`, [{ field: 'kind', reason: `must be one of ${INGEST_KINDS.join(', ')}` }]);
    }
    if (!Array.isArray(items)) throw invalidInput('items must be an array', [{ field: '/items', reason: 'must be an array' }]);
    const parse = PARSERS[kind];
    const rejected: ItemResult[] = [];
    const valid: Valid<unknown>[] = [];
    items.forEach((item, index) => {
      const p: Parsed<unknown> = parse(item, index);
      if (p.ok) valid.push({ index, value: p.value });
      else rejected.push({ index, ...(p.id === undefined ? {} : { id: p.id }), status: 'rejected', errors: p.errors });
    });

    const batchId = newId('ing');
    // Messages are scanned before the transaction: the CPU time of detection holds no locks, and a retry does not scan again.
    const scanned: ScannedBatch = kind === 'messages' && valid.length > 0 ? await scans.scanIncoming(firstOfEachId(valid as Valid<MessageInput>[])) : NOT_SCANNED;
    const report = await withRetry(async (tx) => {
      const now = clock.now();
      const stored = valid.length === 0 ? new Map<number, ItemResult>() : await HANDLERS[kind](tx, valid as Valid<never>[], now, scanned);
      const all: ItemResult[] = [...rejected, ...stored.values()].sort((a, b) => a.index - b.index);
      const count = (s: ItemResult['status']) => all.reduce((n, r) => n + (r.status === s ? 1 : 0), 0);
      const r: BatchReport = {
        batch_id: batchId,
        kind,
        received: items.length,
        stored: count('stored'),
        updated: count('updated'),
        duplicates: count('duplicate'),
        stale: count('stale'),
        conflicts: count('conflict'),
        rejected: count('rejected'),
        items: all,
      };
      if (items.length === 0) return r;
      const counts = { received: r.received, stored: r.stored, updated: r.updated, duplicates: r.duplicates, stale: r.stale, conflicts: r.conflicts, rejected: r.rejected };
      await store.insertBatch(tx, { id: batchId, kind, actorType: actor.type, actorId: actor.id, ...counts, at: now });
      await recordChange(tx, clock, {
        actor,
        action: 'ingest.batch',
        subject: { type: 'ingest_batch', id: batchId },
        fields: Object.keys(counts),
        data: { kind, ...counts },
        event: { type: 'ingest.batch', payload: { batch_id: batchId, kind, ...counts } },
      });
      return r;
    });
    if (report.items.length !== items.length) throw new Error(`ingest ${kind}: ${report.items.length} results for ${items.length} items`);
    return report;
  }

  // ---------------- reads ----------------

  function assertStaff(p: Principal): void {
    if (!STAFF_ROLES.includes(p.role)) throw forbidden(`the ${p.role} role may not read marketplace data`);
  }

  function pageLimit(limit: number | undefined): number {
    return Math.min(Math.max(limit ?? 50, 1), 500);
  }

  function badCursor(): never {
    throw invalidInput('the cursor is not valid', [{ field: 'querystring/cursor', reason: 'is not a cursor this API returned' }]);
  }

  /** A conversation with its messages in order; the read is logged (who, when). */
  async function getConversation(principal: Principal, id: string): Promise<{ conversation: Conversation; messages: Message[] }> {
    assertStaff(principal);
    const conversation = await marketplaceStore.findConversation(db, id);
    if (conversation === undefined) throw notFound('conversation', id);
    const messages = await marketplaceStore.conversationMessages(db, id, MAX_CONVERSATION_MESSAGES);
    await logAccess(db, clock, principalActor(principal), { type: 'conversation', id });
    return { conversation, messages };
  }

  async function listConversations(principal: Principal, filter: ConversationFilter = {}): Promise<Page<Conversation>> {
    assertStaff(principal);
    const limit = pageLimit(filter.limit);
    let after: { at: string; id: string } | undefined;
    if (filter.cursor !== undefined) {
      const c = decodeCursor(filter.cursor);
      if (c === undefined || typeof c[0] !== 'string' || typeof c[1] !== 'string' || !Number.isFinite(Date.parse(c[0]))) badCursor();
      after = { at: c[0], id: c[1] };
    }
    const items = await marketplaceStore.listConversations(db, { ...filter, limit: limit + 1, after });
    const pageItems = items.slice(0, limit);
    const last = pageItems.at(-1);
    const nextCursor = items.length > limit && last !== undefined ? encodeCursor([(last.lastMessageAt ?? last.createdAt).toISOString(), last.id]) : undefined;
    return { items: pageItems, nextCursor };
  }

  async function getSeller(principal: Principal, id: string): Promise<{ seller: Seller; commissionRates: CommissionRate[] }> {
    assertStaff(principal);
    const seller = await marketplaceStore.findSeller(db, id);
    if (seller === undefined) throw notFound('seller', id);
    return { seller, commissionRates: await marketplaceStore.rateHistory(db, id) };
  }

  async function listSellers(principal: Principal, filter: SellerFilter = {}): Promise<Page<Seller>> {
    assertStaff(principal);
    const limit = pageLimit(filter.limit);
    let after: string | undefined;
    if (filter.cursor !== undefined) {
      const c = decodeCursor(filter.cursor);
      if (c === undefined || typeof c[0] !== 'string') badCursor();
      after = c[0];
    }
    const items = await marketplaceStore.listSellers(db, { ...filter, limit: limit + 1, after });
    const pageItems = items.slice(0, limit);
    const last = pageItems.at(-1);
    return { items: pageItems, nextCursor: items.length > limit && last !== undefined ? encodeCursor([last.id]) : undefined };
  }

  async function getListing(principal: Principal, id: string): Promise<{ listing: Listing; history: ListingHistoryEntry[] }> {
    assertStaff(principal);
    const listing = await marketplaceStore.findListing(db, id);
    if (listing === undefined) throw notFound('listing', id);
    return { listing, history: await marketplaceStore.listingHistory(db, id) };
  }

  /**
   * The seller's commission tier and rate in force at a moment (the latest change at or before it),
   * or undefined before the first known rate. For internal callers (commission orders); no principal.
   */
  function commissionRateAt(sellerId: string, at: Date): Promise<CommissionRate | undefined> {
    return marketplaceStore.rateAt(db, sellerId, at);
  }

  /** An order with its current status; for internal callers (investigations). */
  function findOrder(id: string): Promise<Order | undefined> {
    return marketplaceStore.findOrder(db, id);
  }

  /**
   * A conversation with its messages, parties and listing, for other modules acting as the system
   * (review shows it to reviewers and masks it for vendors); no principal, no access log. Pass the
   * caller's transaction when inside one.
   */
  async function conversationForReview(id: string, opts: { tx?: Db } = {}): Promise<ConversationForReview | undefined> {
    const base = opts.tx ?? db;
    const conversation = await marketplaceStore.findConversation(base, id);
    if (conversation === undefined) return undefined;
    // one after another: `base` may be the caller's transaction, a single client
    const messages = await marketplaceStore.conversationMessages(base, id, MAX_CONVERSATION_MESSAGES);
    const seller = await marketplaceStore.findSeller(base, conversation.sellerId);
    const buyer = await marketplaceStore.findBuyer(base, conversation.buyerId);
    const listing = conversation.listingId === undefined ? undefined : await marketplaceStore.findListing(base, conversation.listingId);
    return { conversation, messages, seller, buyer, listing };
  }

  /**
   * What an off-platform investigation reads about a conversation: its messages with their stored
   * scans, the listing and its status/price history, and the orders on the listing or between the
   * two parties. For internal callers (investigations) acting as the system; pass `tx` when inside one.
   */
  async function offPlatformFacts(id: string, opts: { tx?: Db | undefined } = {}): Promise<OffPlatformFacts | undefined> {
    const base = opts.tx ?? db;
    const conversation = await marketplaceStore.findConversation(base, id);
    if (conversation === undefined) return undefined;
    const listingId = conversation.listingId;
    const messages = await marketplaceStore.conversationMessages(base, id, MAX_CONVERSATION_MESSAGES);
    const listing = listingId === undefined ? undefined : await marketplaceStore.findListing(base, listingId);
    const listingHistory = listingId === undefined ? [] : await marketplaceStore.listingHistory(base, listingId);
    const orders = await marketplaceStore.ordersAround(base, { listingId, buyerId: conversation.buyerId, sellerId: conversation.sellerId });
    return { conversation, messages, listing, listingHistory, orders };
  }

  /**
   * Ids of conversations an off-platform scan should score: those with detection hits in a stored
   * scan, active since `since` (all when absent). For internal callers; no principal.
   */
  function conversationsWithHits(opts: { since?: Date | undefined; limit?: number | undefined; tx?: Db | undefined } = {}): Promise<string[]> {
    return marketplaceStore.conversationsWithHits(opts.tx ?? db, opts.since, opts.limit ?? 100_000);
  }

  /** Ids of the conversations about these listings that carry a detection hit; for internal callers. */
  function flaggedConversationIdsOfListings(listingIds: readonly string[], opts: { tx?: Db | undefined } = {}): Promise<string[]> {
    return marketplaceStore.flaggedConversationIdsOfListings(opts.tx ?? db, listingIds);
  }

  /** The commission tier and rate in force at a moment, read inside the caller's transaction. */
  function commissionRateAtIn(tx: Db, sellerId: string, at: Date): Promise<CommissionRate | undefined> {
    return marketplaceStore.rateAt(tx, sellerId, at);
  }

  /**
   * How to reach a seller (for enforcement notices): name, email, languages, time zone, country.
   * For internal callers; no principal. Pass `tx` when inside a transaction.
   */
  async function sellerContact(id: string, opts: { tx?: Db | undefined } = {}): Promise<
    { id: string; name: string | undefined; email: string | undefined; languages: readonly string[]; timeZone: string | undefined; country: string | undefined } | undefined
  > {
    const s = await marketplaceStore.findSeller(opts.tx ?? db, id);
    return s === undefined ? undefined : { id: s.id, name: s.name, email: s.email, languages: s.languages, timeZone: s.timeZone, country: s.country };
  }

  /**
   * Names and e-mails behind seller, buyer and conversation ids, for other modules acting as the
   * system (review reduces them in what vendors see); no principal, no access log.
   */
  function partyDirectory(ids: { sellerIds: readonly string[]; buyerIds: readonly string[]; conversationIds: readonly string[] }): Promise<PartyDirectory> {
    return marketplaceStore.partyDirectory(db, ids);
  }

  /** Sellers' names and listings' titles for lists that show many rows (one query for a page). */
  function displayNames(ids: { sellerIds: readonly string[]; listingIds: readonly string[] }): Promise<DisplayNames> {
    return marketplaceStore.displayNames(db, { sellerIds: [...new Set(ids.sellerIds)], listingIds: [...new Set(ids.listingIds)] });
  }

  return { ingestBatch, rescan: scans.rescan, conversationForReview, partyDirectory, displayNames, getConversation, listConversations, getSeller, listSellers, getListing, commissionRateAt, commissionRateAtIn, findOrder, sellerContact, offPlatformFacts, conversationsWithHits, flaggedConversationIdsOfListings };
}

export type MarketplaceService = ReturnType<typeof createMarketplaceService>;
