/** Internal, richer shapes the generator works with before it emits the wire records. */
import type { Piece } from './catalog';
import type { City, Country, Phone } from './world';
import type { DemoAttemptKind, DemoBuyer, DemoCategory, DemoLang, DemoListingStatus, DemoSeller } from './types';

export interface SellerX {
  rec: DemoSeller;
  index: number;
  country: Country;
  city: City;
  first: string;
  last: string;
  gallery: string;
  slug: string;
  langs: DemoLang[];
  cats: readonly (readonly [DemoCategory, number])[];
  imperial: boolean;
  dimStyle: number;
  /** Tries to take sales off the platform (planted bad actor). */
  bad: boolean;
  replyMedianH: number;
  replyRate: number;
  regulars: BuyerX[];
  phone: Phone;
  website: string;
  handle: string;
  privateEmail: string;
  iban?: string;
  size: number;
}

export interface BuyerX {
  rec: DemoBuyer;
  index: number;
  country: Country;
  city: City;
  zone: string;
  first: string;
  last: string;
  lang: DemoLang;
  designer: boolean;
  activity: number;
  /** Asks dealers to deal directly (planted bad actor). */
  bad: boolean;
  phone: Phone;
  email: string;
  handle: string;
  ring: { us: string; eu: number; uk: string };
  wristCm: number;
}

export interface ListingX {
  id: string;
  seller: SellerX;
  piece: Piece;
  createdMs: number;
  priceMajor: number;
  currency: string;
  /** Planned repricing, in time order. */
  priceChanges: { at: number; major: number }[];
  popularity: number;
}

export interface OrderX {
  id: string;
  at: number;
  listing: ListingX;
  buyer: BuyerX;
  amountMajor: number;
}

export type EventSpec =
  | { type: 'listing.status_changed'; listing: ListingX; status: DemoListingStatus }
  | { type: 'listing.price_changed'; listing: ListingX; major: number }
  | { type: 'order.created'; order: OrderX }
  | { type: 'order.cancelled' | 'order.refunded'; order: OrderX };

export interface EventX {
  at: number;
  seq: number;
  spec: EventSpec;
}

export interface MessageX {
  at: number;
  seq: number;
  role: 'buyer' | 'seller';
  body: string;
  attempt?: DemoAttemptKind[];
  id: string;
  conv: ConvX;
}

export interface ConvX {
  index: number;
  id: string;
  listing: ListingX;
  buyer: BuyerX;
  lang: DemoLang;
  messages: MessageX[];
  events: EventX[];
  startMs: number;
}
