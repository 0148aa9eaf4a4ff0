import { query, queryOne, sql, type Db } from '../db';
import type { SQL } from 'drizzle-orm';
import { toDate, toNum, toOptDate } from './ingest.store';
import type {
  DisplayNames,
  PartyContact,
  PartyDirectory,
  Buyer,
  CommissionRate,
  Conversation,
  ConversationFilter,
  Listing,
  ListingCategory,
  ListingHistoryEntry,
  ListingStatus,
  Message,
  Order,
  OrderStatus,
  SenderRole,
  Seller,
  SellerFilter,
  SellerStatus,
} from './marketplace.model';
import type { StoredScan } from './message-scan.model';

/* Reads of marketplace data, with the row → domain adapters. */

type Row = Record<string, unknown>;

const optStr = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const optNum = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : toNum(v));

function parseJson(v: unknown): unknown {
  return typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
}

export function toSeller(r: Row): Seller {
  const languages = parseJson(r['languages']);
  return {
    id: String(r['id']),
    known: r['source_updated_at'] !== null && r['source_updated_at'] !== undefined,
    name: optStr(r['name']),
    email: optStr(r['email']),
    country: optStr(r['country']),
    timeZone: optStr(r['time_zone']),
    languages: Array.isArray(languages) ? languages.map(String) : [],
    tier: optStr(r['tier']),
    commissionRateBps: optNum(r['commission_rate_bps']),
    status: String(r['status']) as SellerStatus,
    sourceUpdatedAt: toOptDate(r['source_updated_at']),
    createdAt: toDate(r['created_at']),
    updatedAt: toDate(r['updated_at']),
  };
}

function toBuyer(r: Row): Buyer {
  return {
    id: String(r['id']),
    known: r['source_updated_at'] !== null && r['source_updated_at'] !== undefined,
    name: optStr(r['name']),
    email: optStr(r['email']),
    country: optStr(r['country']),
    sourceUpdatedAt: toOptDate(r['source_updated_at']),
  };
}

export function toListing(r: Row): Listing {
  return {
    id: String(r['id']),
    known: r['source_updated_at'] !== null && r['source_updated_at'] !== undefined,
    sellerId: optStr(r['seller_id']),
    title: optStr(r['title']),
    category: optStr(r['category']) as ListingCategory | undefined,
    priceMinor: optNum(r['price_minor']),
    currency: optStr(r['currency']),
    status: String(r['status']) as ListingStatus,
    period: optStr(r['period']),
    materials: optStr(r['materials']),
    dimensions: optStr(r['dimensions']),
    listedAt: toOptDate(r['listed_at']),
    sourceUpdatedAt: toOptDate(r['source_updated_at']),
    statusChangedAt: toOptDate(r['status_changed_at']),
    priceChangedAt: toOptDate(r['price_changed_at']),
  };
}

export function toConversation(r: Row): Conversation {
  return {
    id: String(r['id']),
    buyerId: String(r['buyer_id']),
    sellerId: String(r['seller_id']),
    listingId: optStr(r['listing_id']),
    firstMessageAt: toOptDate(r['first_message_at']),
    lastMessageAt: toOptDate(r['last_message_at']),
    messageCount: toNum(r['message_count']),
    createdAt: toDate(r['created_at']),
  };
}

export function toMessage(r: Row): Message {
  return {
    id: String(r['id']),
    conversationId: String(r['conversation_id']),
    senderRole: String(r['sender_role']) as SenderRole,
    body: String(r['body']),
    bodyHash: String(r['body_hash']),
    sentAt: toDate(r['sent_at']),
    lang: optStr(r['lang']),
    receivedAt: toDate(r['received_at']),
    scan: (parseJson(r['scan']) ?? undefined) as StoredScan | undefined,
    ruleSetVersion: optStr(r['rule_set_version']),
  };
}

function toOrder(r: Row): Order {
  return {
    id: String(r['id']),
    listingId: String(r['listing_id']),
    buyerId: String(r['buyer_id']),
    sellerId: String(r['seller_id']),
    amountMinor: toNum(r['amount_minor']),
    currency: String(r['currency']),
    status: String(r['status']) as OrderStatus,
    createdAt: toDate(r['created_at']),
    statusAt: toDate(r['status_at']),
  };
}

/** Opaque cursor: base64url of a JSON array of the last row's sort key. */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): unknown[] | undefined {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    return Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function and(parts: readonly SQL[]): SQL {
  if (parts.length === 0) return sql`TRUE`;
  return sql.join(parts.map((p) => sql`(${p})`), sql` AND `);
}

export const marketplaceStore = {
  async findSeller(db: Db, id: string): Promise<Seller | undefined> {
    const r = await queryOne(db, sql`SELECT * FROM sellers WHERE id = ${id}`);
    return r === undefined ? undefined : toSeller(r);
  },

  /** Names and e-mails of the given sellers and buyers, and of the parties of the given conversations. */
  /** Sellers' names and listings' titles for some ids, in one query. */
  async displayNames(db: Db, ids: { sellerIds: readonly string[]; listingIds: readonly string[] }): Promise<DisplayNames> {
    const sellers = new Map<string, string>();
    const listings = new Map<string, string>();
    if (ids.sellerIds.length === 0 && ids.listingIds.length === 0) return { sellers, listings };
    const list = (xs: readonly string[]) => (xs.length === 0 ? sql`NULL` : sql.join(xs.map((x) => sql`${x}`), sql`, `));
    const rows = await query(
      db,
      sql`SELECT 's' AS kind, id, name FROM sellers WHERE id IN (${list(ids.sellerIds)}) AND name IS NOT NULL
          UNION ALL
          SELECT 'l' AS kind, id, title AS name FROM listings WHERE id IN (${list(ids.listingIds)}) AND title IS NOT NULL`,
    );
    for (const r of rows) (r['kind'] === 's' ? sellers : listings).set(String(r['id']), String(r['name']));
    return { sellers, listings };
  },

  async partyDirectory(db: Db, ids: { sellerIds: readonly string[]; buyerIds: readonly string[]; conversationIds: readonly string[] }): Promise<PartyDirectory> {
    const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);
    const conversations =
      ids.conversationIds.length === 0
        ? []
        : (await query(db, sql`SELECT id, seller_id, buyer_id FROM conversations WHERE id IN (${list(ids.conversationIds)})`)).map((r) => ({
            id: String(r['id']),
            sellerId: String(r['seller_id']),
            buyerId: String(r['buyer_id']),
          }));
    const sellerIds = [...new Set([...ids.sellerIds, ...conversations.map((c) => c.sellerId)])];
    const buyerIds = [...new Set([...ids.buyerIds, ...conversations.map((c) => c.buyerId)])];
    const contact = (r: Record<string, unknown>): PartyContact => ({
      id: String(r['id']),
      name: r['name'] === null || r['name'] === undefined ? undefined : String(r['name']),
      email: r['email'] === null || r['email'] === undefined ? undefined : String(r['email']),
    });
    const sellers = sellerIds.length === 0 ? [] : (await query(db, sql`SELECT id, name, email FROM sellers WHERE id IN (${list(sellerIds)})`)).map(contact);
    const buyers = buyerIds.length === 0 ? [] : (await query(db, sql`SELECT id, name, email FROM buyers WHERE id IN (${list(buyerIds)})`)).map(contact);
    return { conversations, sellers, buyers };
  },

  async findBuyer(db: Db, id: string): Promise<Buyer | undefined> {
    const r = await queryOne(db, sql`SELECT * FROM buyers WHERE id = ${id}`);
    return r === undefined ? undefined : toBuyer(r);
  },

  async listSellers(db: Db, f: SellerFilter & { limit: number; after: string | undefined }): Promise<Seller[]> {
    const where: SQL[] = [];
    if (f.country !== undefined) where.push(sql`country = ${f.country}`);
    if (f.status !== undefined) where.push(sql`status = ${f.status}`);
    if (f.tier !== undefined) where.push(sql`tier = ${f.tier}`);
    if (f.after !== undefined) where.push(sql`id > ${f.after}`);
    const rows = await query(db, sql`SELECT * FROM sellers WHERE ${and(where)} ORDER BY id LIMIT ${f.limit}`);
    return rows.map(toSeller);
  },

  async rateHistory(db: Db, sellerId: string): Promise<CommissionRate[]> {
    const rows = await query(db, sql`SELECT tier, rate_bps, effective_from FROM seller_commission_rates WHERE seller_id = ${sellerId} ORDER BY effective_from`);
    return rows.map((r) => ({ tier: String(r['tier']), rateBps: toNum(r['rate_bps']), effectiveFrom: toDate(r['effective_from']) }));
  },

  async rateAt(db: Db, sellerId: string, at: Date): Promise<CommissionRate | undefined> {
    const r = await queryOne(
      db,
      sql`SELECT tier, rate_bps, effective_from FROM seller_commission_rates
          WHERE seller_id = ${sellerId} AND effective_from <= ${at.toISOString()}::timestamptz ORDER BY effective_from DESC LIMIT 1`,
    );
    return r === undefined ? undefined : { tier: String(r['tier']), rateBps: toNum(r['rate_bps']), effectiveFrom: toDate(r['effective_from']) };
  },

  async findListing(db: Db, id: string): Promise<Listing | undefined> {
    const r = await queryOne(db, sql`SELECT * FROM listings WHERE id = ${id}`);
    return r === undefined ? undefined : toListing(r);
  },

  async listingHistory(db: Db, id: string): Promise<ListingHistoryEntry[]> {
    const rows = await query(db, sql`SELECT * FROM listing_events WHERE listing_id = ${id} ORDER BY occurred_at, id`);
    return rows.map((r) => ({
      id: String(r['id']),
      type: String(r['type']) as ListingHistoryEntry['type'],
      status: optStr(r['status']) as ListingStatus | undefined,
      priceMinor: optNum(r['price_minor']),
      currency: optStr(r['currency']),
      occurredAt: toDate(r['occurred_at']),
      source: String(r['source']) as ListingHistoryEntry['source'],
    }));
  },

  async findOrder(db: Db, id: string): Promise<Order | undefined> {
    const r = await queryOne(db, sql`SELECT * FROM orders WHERE id = ${id}`);
    return r === undefined ? undefined : toOrder(r);
  },

  /** Orders on a listing (any buyer) or between a buyer and a seller (any listing), oldest first. */
  async ordersAround(db: Db, p: { listingId: string | undefined; buyerId: string; sellerId: string }): Promise<Order[]> {
    const rows = await query(
      db,
      sql`SELECT * FROM orders WHERE (buyer_id = ${p.buyerId} AND seller_id = ${p.sellerId})
          ${p.listingId === undefined ? sql`` : sql`OR listing_id = ${p.listingId}`} ORDER BY created_at, id`,
    );
    return rows.map(toOrder);
  },

  /** Conversations with at least one message whose stored scan has hits, active since a time; oldest activity first. */
  async conversationsWithHits(db: Db, since: Date | undefined, limit: number): Promise<string[]> {
    const rows = await query(
      db,
      sql`SELECT c.id FROM conversations c
          WHERE ${since === undefined ? sql`TRUE` : sql`c.last_message_at >= ${since.toISOString()}::timestamptz`}
            AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND jsonb_typeof(m.scan -> 'hits') = 'array' AND jsonb_array_length(m.scan -> 'hits') > 0)
          ORDER BY c.last_message_at, c.id LIMIT ${limit}`,
    );
    return rows.map((r) => String(r['id']));
  },

  /** Conversations about any of these listings with at least one detection hit, in one query. */
  async flaggedConversationIdsOfListings(db: Db, listingIds: readonly string[]): Promise<string[]> {
    if (listingIds.length === 0) return [];
    const rows = await query(
      db,
      sql`SELECT c.id FROM conversations c
          WHERE c.listing_id IN (${sql.join(listingIds.map((id) => sql`${id}`), sql`, `)})
            AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND jsonb_typeof(m.scan -> 'hits') = 'array' AND jsonb_array_length(m.scan -> 'hits') > 0)
          ORDER BY c.id`,
    );
    return rows.map((r) => String(r['id']));
  },

  async findConversation(db: Db, id: string): Promise<Conversation | undefined> {
    const r = await queryOne(db, sql`SELECT * FROM conversations WHERE id = ${id}`);
    return r === undefined ? undefined : toConversation(r);
  },

  async conversationMessages(db: Db, id: string, limit: number): Promise<Message[]> {
    const rows = await query(db, sql`SELECT * FROM messages WHERE conversation_id = ${id} ORDER BY sent_at, id LIMIT ${limit}`);
    return rows.map(toMessage);
  },

  /** Most recently active first; the key is (last activity, id). */
  async listConversations(db: Db, f: ConversationFilter & { limit: number; after: { at: string; id: string } | undefined }): Promise<Conversation[]> {
    const where: SQL[] = [];
    if (f.sellerId !== undefined) where.push(sql`seller_id = ${f.sellerId}`);
    if (f.buyerId !== undefined) where.push(sql`buyer_id = ${f.buyerId}`);
    if (f.listingId !== undefined) where.push(sql`listing_id = ${f.listingId}`);
    if (f.after !== undefined) {
      where.push(sql`(COALESCE(last_message_at, created_at), id) < (${f.after.at}::timestamptz, ${f.after.id})`);
    }
    const rows = await query(
      db,
      sql`SELECT * FROM conversations WHERE ${and(where)} ORDER BY COALESCE(last_message_at, created_at) DESC, id DESC LIMIT ${f.limit}`,
    );
    return rows.map(toConversation);
  },
};
