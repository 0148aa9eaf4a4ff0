/**
 * Wire shapes of the demo data: snake_case, exactly what the marketplace POSTs to Assay's batch
 * endpoints (`/v1/sellers:batch`, `/v1/buyers:batch`, `/v1/listings:batch`, `/v1/messages:batch`,
 * `/v1/events:batch`).
 */

export type DemoLang = 'en' | 'fr' | 'it' | 'de' | 'es' | 'nl';
export type DemoCategory = 'furniture' | 'lighting' | 'art' | 'jewelry' | 'watches';
export type DemoListingStatus = 'active' | 'on_hold' | 'sold' | 'removed';

export interface DemoSeller {
  id: string;
  name: string;
  email: string;
  country: string;
  time_zone: string;
  languages: string[];
  tier: string;
  commission_rate_bps: number;
  status: 'active';
  updated_at: string;
}

export interface DemoBuyer {
  id: string;
  name: string;
  email: string;
  country: string;
  updated_at: string;
}

export interface DemoListing {
  id: string;
  seller_id: string;
  title: string;
  category: DemoCategory;
  price_minor: number;
  currency: string;
  status: 'active';
  period?: string;
  materials?: string;
  dimensions?: string;
  created_at: string;
  updated_at: string;
}

export interface DemoMessage {
  id: string;
  conversation_id: string;
  buyer_id: string;
  seller_id: string;
  listing_id: string;
  sender_role: 'buyer' | 'seller';
  body: string;
  sent_at: string;
  lang: DemoLang;
}

export type DemoEvent =
  | { id: string; type: 'listing.status_changed'; occurred_at: string; listing_id: string; status: DemoListingStatus }
  | { id: string; type: 'listing.price_changed'; occurred_at: string; listing_id: string; price_minor: number; currency: string }
  | {
      id: string;
      type: 'order.created';
      occurred_at: string;
      order_id: string;
      listing_id: string;
      buyer_id: string;
      seller_id: string;
      amount_minor: number;
      currency: string;
    }
  | { id: string; type: 'order.cancelled' | 'order.refunded'; occurred_at: string; order_id: string };

/** Kinds used in `truth.offPlatformAttempts[].kinds`. */
export type DemoAttemptKind =
  | 'phone'
  | 'phone_obfuscated'
  | 'phone_split'
  | 'email'
  | 'email_obfuscated'
  | 'website'
  | 'search_hint'
  | 'whatsapp'
  | 'instagram'
  | 'telegram'
  | 'iban'
  | 'bank_transfer'
  | 'payment_app'
  | 'direct_deal'
  | 'contact_request'
  | 'future_direct';

export interface DemoTruth {
  /** Conversations where a party tries to move the sale off the platform; `message_ids` are the messages doing it. */
  offPlatformAttempts: { conversation_id: string; message_ids: string[]; kinds: string[] }[];
  /** Planted off-platform sales: contact exchanged, then the listing went sold / on_hold / removed with no order between the two. */
  offPlatformSales: { conversation_id: string; seller_id: string; buyer_id: string; listing_id: string }[];
  /** Innocent conversations that share some signals with off-platform sales (see README.md beside this file). */
  decoys: { conversation_id: string; shares: string[] }[];
}

export interface DemoData {
  /** Current state of every seller, one record each. */
  sellers: DemoSeller[];
  /**
   * Earlier versions of sellers whose tier (and so commission rate) changed inside the window, oldest
   * first. Posting these before `sellers` gives the commission-rate history by `updated_at`.
   */
  sellerRevisions: DemoSeller[];
  buyers: DemoBuyer[];
  listings: DemoListing[];
  /** Sorted by `sent_at` (ties by id); ids are sequential in that order. */
  messages: DemoMessage[];
  /** Sorted by `occurred_at` (ties by id). */
  events: DemoEvent[];
  truth: DemoTruth;
}
