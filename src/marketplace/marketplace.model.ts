import type { FieldError } from '../kernel';
import type { StoredScan } from './message-scan.model';

export const INGEST_KINDS = ['messages', 'events', 'sellers', 'buyers', 'listings'] as const;
export type IngestKind = (typeof INGEST_KINDS)[number];

export const SELLER_STATUSES = ['active', 'suspended', 'closed'] as const;
export type SellerStatus = (typeof SELLER_STATUSES)[number];

export const LISTING_CATEGORIES = ['furniture', 'lighting', 'art', 'jewelry', 'watches', 'other'] as const;
export type ListingCategory = (typeof LISTING_CATEGORIES)[number];

export const LISTING_STATUSES = ['active', 'on_hold', 'sold', 'removed'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const ORDER_STATUSES = ['created', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const SENDER_ROLES = ['buyer', 'seller'] as const;
export type SenderRole = (typeof SENDER_ROLES)[number];

export const EVENT_TYPES = ['listing.status_changed', 'listing.price_changed', 'order.created', 'order.cancelled', 'order.refunded'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Longest message body accepted, in UTF-16 code units (JavaScript string length). */
export const MAX_BODY_LENGTH = 20_000;

/**
 * What happened to one item of a batch:
 * - `stored`: new (a new message, event or record);
 * - `updated`: a newer version of a record replaced the one held;
 * - `duplicate`: the same item was already held (or appeared earlier in the batch): nothing changed;
 * - `stale`: an older version of a record than the one held: ignored;
 * - `conflict`: the id is taken by different content (`message.id_reused`, `event.id_reused`) or the
 *   item contradicts what is held (e.g. a conversation's buyer): not stored;
 * - `rejected`: the item is not valid; `errors` name the fields.
 */
export type ItemStatus = 'stored' | 'updated' | 'duplicate' | 'stale' | 'conflict' | 'rejected';

export interface ItemResult {
  /** Position of the item in the batch (0-based). */
  readonly index: number;
  /** The item's id, when it had a readable one. */
  readonly id?: string;
  readonly status: ItemStatus;
  /** For `conflict`: a stable code, e.g. `message.id_reused`, `event.id_reused`, `conversation.party_mismatch`. */
  readonly reason?: string;
  /** For `conflict` and `rejected`: field paths like `/items/3/body` and the reason. */
  readonly errors?: readonly FieldError[];
}

/** The outcome of one batch; the counts add up to `received`. */
export interface BatchReport {
  readonly batch_id: string;
  readonly kind: IngestKind;
  readonly received: number;
  readonly stored: number;
  readonly updated: number;
  readonly duplicates: number;
  readonly stale: number;
  readonly conflicts: number;
  readonly rejected: number;
  /** One result per item, in input order. */
  readonly items: readonly ItemResult[];
}

// ---- validated wire items (the marketplace's snake_case shapes, parsed) ----

export interface MessageInput {
  readonly id: string;
  readonly conversationId: string;
  readonly buyerId: string;
  readonly sellerId: string;
  readonly listingId: string | undefined;
  readonly senderRole: SenderRole;
  readonly body: string;
  readonly sentAt: Date;
  readonly lang: string | undefined;
}

export type EventInput =
  | { readonly id: string; readonly type: 'listing.status_changed'; readonly occurredAt: Date; readonly listingId: string; readonly status: ListingStatus }
  | { readonly id: string; readonly type: 'listing.price_changed'; readonly occurredAt: Date; readonly listingId: string; readonly priceMinor: number; readonly currency: string }
  | {
      readonly id: string;
      readonly type: 'order.created';
      readonly occurredAt: Date;
      readonly orderId: string;
      readonly listingId: string;
      readonly buyerId: string;
      readonly sellerId: string;
      readonly amountMinor: number;
      readonly currency: string;
    }
  | { readonly id: string; readonly type: 'order.cancelled' | 'order.refunded'; readonly occurredAt: Date; readonly orderId: string };

export interface SellerInput {
  readonly id: string;
  readonly name: string;
  readonly email: string | undefined;
  readonly country: string;
  readonly timeZone: string;
  readonly languages: readonly string[];
  readonly tier: string;
  readonly commissionRateBps: number;
  readonly status: SellerStatus;
  readonly updatedAt: Date;
}

export interface BuyerInput {
  readonly id: string;
  readonly name: string;
  readonly email: string | undefined;
  readonly country: string | undefined;
  readonly updatedAt: Date;
}

export interface ListingInput {
  readonly id: string;
  readonly sellerId: string;
  readonly title: string;
  readonly category: ListingCategory;
  readonly priceMinor: number;
  readonly currency: string;
  readonly status: ListingStatus;
  readonly period: string | undefined;
  readonly materials: string | undefined;
  readonly dimensions: string | undefined;
  readonly createdAt: Date | undefined;
  readonly updatedAt: Date;
}

// ---- domain records returned by the read API ----

export interface Seller {
  readonly id: string;
  /** False for a placeholder created from a reference before the marketplace synced the seller. */
  readonly known: boolean;
  readonly name: string | undefined;
  readonly email: string | undefined;
  readonly country: string | undefined;
  readonly timeZone: string | undefined;
  readonly languages: readonly string[];
  readonly tier: string | undefined;
  readonly commissionRateBps: number | undefined;
  readonly status: SellerStatus;
  readonly sourceUpdatedAt: Date | undefined;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface CommissionRate {
  readonly tier: string;
  readonly rateBps: number;
  readonly effectiveFrom: Date;
}

export interface Buyer {
  readonly id: string;
  readonly known: boolean;
  readonly name: string | undefined;
  readonly email: string | undefined;
  readonly country: string | undefined;
  readonly sourceUpdatedAt: Date | undefined;
}

export interface Listing {
  readonly id: string;
  readonly known: boolean;
  readonly sellerId: string | undefined;
  readonly title: string | undefined;
  readonly category: ListingCategory | undefined;
  readonly priceMinor: number | undefined;
  readonly currency: string | undefined;
  readonly status: ListingStatus;
  readonly period: string | undefined;
  readonly materials: string | undefined;
  readonly dimensions: string | undefined;
  readonly listedAt: Date | undefined;
  readonly sourceUpdatedAt: Date | undefined;
  readonly statusChangedAt: Date | undefined;
  readonly priceChangedAt: Date | undefined;
}

export interface ListingHistoryEntry {
  readonly id: string;
  readonly type: 'status_changed' | 'price_changed';
  readonly status: ListingStatus | undefined;
  readonly priceMinor: number | undefined;
  readonly currency: string | undefined;
  readonly occurredAt: Date;
  readonly source: 'event' | 'sync';
}

export interface Order {
  readonly id: string;
  readonly listingId: string;
  readonly buyerId: string;
  readonly sellerId: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly status: OrderStatus;
  readonly createdAt: Date;
  readonly statusAt: Date;
}

export interface Conversation {
  readonly id: string;
  readonly buyerId: string;
  readonly sellerId: string;
  readonly listingId: string | undefined;
  readonly firstMessageAt: Date | undefined;
  readonly lastMessageAt: Date | undefined;
  readonly messageCount: number;
  readonly createdAt: Date;
}

export interface Message {
  readonly id: string;
  readonly conversationId: string;
  readonly senderRole: SenderRole;
  readonly body: string;
  readonly bodyHash: string;
  readonly sentAt: Date;
  readonly lang: string | undefined;
  readonly receivedAt: Date;
  /** The detection result stored with the message; undefined for a message stored before scanning existed. */
  readonly scan: StoredScan | undefined;
  readonly ruleSetVersion: string | undefined;
}

export interface ConversationFilter {
  readonly sellerId?: string | undefined;
  readonly buyerId?: string | undefined;
  readonly listingId?: string | undefined;
  readonly cursor?: string | undefined;
  readonly limit?: number | undefined;
}

export interface SellerFilter {
  readonly country?: string | undefined;
  readonly status?: SellerStatus | undefined;
  readonly tier?: string | undefined;
  readonly cursor?: string | undefined;
  readonly limit?: number | undefined;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | undefined;
}

/** A conversation as review needs it: messages in order, both parties and the listing. */
/** A party's name and e-mail, for masking what outsourced reviewers see. */
export interface PartyContact {
  readonly id: string;
  readonly name: string | undefined;
  readonly email: string | undefined;
}

/** Display names behind seller and listing ids (ids Assay does not know, or that have no name yet, are absent). */
export interface DisplayNames {
  readonly sellers: ReadonlyMap<string, string>;
  readonly listings: ReadonlyMap<string, string>;
}

/** The parties behind some ids: conversations name their seller and buyer. */
export interface PartyDirectory {
  readonly conversations: readonly { readonly id: string; readonly sellerId: string; readonly buyerId: string }[];
  readonly sellers: readonly PartyContact[];
  readonly buyers: readonly PartyContact[];
}

export interface ConversationForReview {
  readonly conversation: Conversation;
  readonly messages: readonly Message[];
  readonly seller: Seller | undefined;
  readonly buyer: Buyer | undefined;
  readonly listing: Listing | undefined;
}

/** A conversation as an off-platform investigation reads it (see `offPlatformFacts`). */
export interface OffPlatformFacts {
  readonly conversation: Conversation;
  readonly messages: readonly Message[];
  readonly listing: Listing | undefined;
  readonly listingHistory: readonly ListingHistoryEntry[];
  /** Orders on the listing (any buyer) and between the two parties (any listing), oldest first. */
  readonly orders: readonly Order[];
}

/** An event ingest just stored, as the `afterEventsStored` hook receives it. */
export type StoredEventNotice =
  | { readonly id: string; readonly type: 'order.created'; readonly orderId: string; readonly listingId: string; readonly buyerId: string; readonly sellerId: string; readonly occurredAt: Date }
  | { readonly id: string; readonly type: 'listing.status_changed' | 'listing.price_changed'; readonly listingId: string; readonly occurredAt: Date };
