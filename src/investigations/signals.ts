import { findAmounts, type FoundAmount } from './price.parse';

/*
 * The signals of an off-platform sale (DOMAIN §5.2–5.3), one small pure function each. A signal
 * has a weight (its share of the score), a strength in 0..1 and an explanation a reviewer can
 * check against the timeline; its contribution is weight × strength, and the score is their sum.
 * Signals only open a case: confirming needs a hard artefact.
 */

export const SIGNAL_NAMES = [
  'contact_exchanged',
  'listing_changed_after_contact',
  'buyer_silent',
  'price_negotiated',
  'seller_history',
  'buyer_pattern',
  'prior_purchases',
] as const;
export type SignalName = (typeof SIGNAL_NAMES)[number];

/** Shares of the score; they add up to 1. */
export const SIGNAL_WEIGHTS: Readonly<Record<SignalName, number>> = {
  contact_exchanged: 0.3,
  listing_changed_after_contact: 0.3,
  buyer_silent: 0.1,
  price_negotiated: 0.1,
  seller_history: 0.1,
  buyer_pattern: 0.05,
  prior_purchases: 0.05,
};

export interface Signal {
  readonly name: SignalName;
  readonly weight: number;
  /** 0..1: how strongly the facts show it. */
  readonly strength: number;
  /** weight × strength. */
  readonly contribution: number;
  readonly explanation: string;
  /** Messages and events the signal rests on. */
  readonly messageIds: readonly string[];
  readonly eventIds: readonly string[];
}

/** Contact channels proper; payment and intent hits are a pitch, not yet a way to reach someone. */
export const CONTACT_KINDS = ['phone', 'email', 'url', 'handle', 'iban'] as const;
const PITCH_KINDS = ['payment', 'intent', 'card', 'crypto'];

export interface FactMessage {
  readonly id: string;
  readonly senderRole: 'buyer' | 'seller';
  readonly sentAt: Date;
  readonly body: string;
  /** Hits of the stored scan, whatever a reviewer later decided about them. */
  readonly hits: readonly { readonly kind: string; readonly value: string; readonly rule: string }[];
}

export interface FactListingEvent {
  readonly id: string;
  readonly type: 'status_changed' | 'price_changed';
  readonly status: string | undefined;
  readonly priceMinor: number | undefined;
  readonly occurredAt: Date;
}

export interface FactOrder {
  readonly id: string;
  readonly listingId: string;
  readonly buyerId: string;
  readonly sellerId: string;
  readonly status: string;
  readonly createdAt: Date;
}

/** Everything the signals of one conversation read; gathered from stored data by the service. */
export interface ConversationFacts {
  readonly conversationId: string;
  readonly sellerId: string;
  readonly buyerId: string;
  readonly listingId: string | undefined;
  readonly listingPriceMinor: number | undefined;
  readonly listingCurrency: string | undefined;
  /** In time order. */
  readonly messages: readonly FactMessage[];
  /** The listing's status and price history, in time order. */
  readonly listingEvents: readonly FactListingEvent[];
  /** Orders on the listing (any buyer) and orders between the two parties (any listing). */
  readonly orders: readonly FactOrder[];
  /** Other sellers with whom this buyer shows the pattern (contact exchanged, then the listing went). */
  readonly buyerPatternSellers: number;
  /** The seller's violations that still count (not overturned). */
  readonly sellerViolations: number;
  /** The seller's earlier confirmed off-platform sales. */
  readonly sellerConfirmedSales: number;
}

export interface SignalOptions {
  /** A listing change counts within this many days after the contact exchange. */
  readonly windowDays: number;
}

const DAY_MS = 86_400_000;
const round = (n: number) => Math.round(n * 1000) / 1000;

function signal(name: SignalName, strength: number, explanation: string, messageIds: readonly string[] = [], eventIds: readonly string[] = []): Signal {
  const s = Math.max(0, Math.min(1, strength));
  const weight = SIGNAL_WEIGHTS[name];
  return { name, weight, strength: round(s), contribution: round(weight * s), explanation, messageIds, eventIds };
}

const live = (o: FactOrder) => o.status !== 'cancelled';

/**
 * The first on-platform order between the two parties (not cancelled) that this conversation can
 * lead to: one of its listing, or any placed after the conversation began. After it, contact details
 * for delivery are allowed. Purchases from before the conversation are `priorPurchases`.
 */
export function firstPartyOrder(f: ConversationFacts): FactOrder | undefined {
  const start = f.messages[0]?.sentAt.getTime() ?? -Infinity;
  return f.orders
    .filter((o) => live(o) && o.buyerId === f.buyerId && o.sellerId === f.sellerId && (o.listingId === f.listingId || o.createdAt.getTime() >= start))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
}

/** Messages carrying contact details before any order between the parties (after one, sharing them is allowed). */
export function contactMessages(f: ConversationFacts): FactMessage[] {
  const order = firstPartyOrder(f);
  return f.messages.filter((m) => (order === undefined || m.sentAt.getTime() < order.createdAt.getTime()) && m.hits.some((h) => (CONTACT_KINDS as readonly string[]).includes(h.kind)));
}

/** When contact details first changed hands (before any order); undefined when they never did. */
export function firstContactAt(f: ConversationFacts): Date | undefined {
  return contactMessages(f)[0]?.sentAt;
}

/**
 * Contact details exchanged before an order, from the stored detection hits, including hits a
 * reviewer cleared (a cleared number is still a number the buyer now has). A pitch alone (payment
 * or intent wording) counts for less.
 */
export function contactExchanged(f: ConversationFacts): Signal {
  const contact = contactMessages(f);
  if (contact.length > 0) {
    const kinds = [...new Set(contact.flatMap((m) => m.hits.filter((h) => (CONTACT_KINDS as readonly string[]).includes(h.kind)).map((h) => h.kind)))].sort();
    const bothSides = new Set(contact.map((m) => m.senderRole)).size === 2;
    return signal(
      'contact_exchanged',
      1,
      `${contact.length} message${contact.length === 1 ? '' : 's'} before any order carried contact details (${kinds.join(', ')})${bothSides ? ', from both parties' : ''}`,
      contact.map((m) => m.id),
    );
  }
  const order = firstPartyOrder(f);
  const pitch = f.messages.filter((m) => (order === undefined || m.sentAt.getTime() < order.createdAt.getTime()) && m.hits.some((h) => PITCH_KINDS.includes(h.kind)));
  if (pitch.length > 0) return signal('contact_exchanged', 0.4, `${pitch.length} message(s) proposed paying or dealing outside checkout, without contact details`, pitch.map((m) => m.id));
  return signal('contact_exchanged', 0, 'no contact details or off-platform pitch before an order');
}

const CHANGE_STRENGTH: Readonly<Record<string, number>> = { sold: 1, removed: 0.9, on_hold: 0.75 };

/**
 * The listing marked sold, removed or put on hold (or repriced) within the window after the contact
 * exchange, with no on-platform order between the two parties, and not explained by a checkout of
 * the listing by someone else before the change.
 */
export function listingChangedAfterContact(f: ConversationFacts, opts: SignalOptions): Signal {
  const since = firstContactAt(f);
  if (since === undefined || f.listingId === undefined) return signal('listing_changed_after_contact', 0, 'no contact exchange to measure from');
  const partyOrder = f.orders.find((o) => live(o) && o.buyerId === f.buyerId && o.listingId === f.listingId && o.createdAt.getTime() >= since.getTime());
  if (partyOrder !== undefined) return signal('listing_changed_after_contact', 0, `the buyer ordered the listing through checkout (${partyOrder.id})`, [], [partyOrder.id]);
  const until = since.getTime() + opts.windowDays * DAY_MS;
  let best: { e: FactListingEvent; strength: number } | undefined;
  for (const e of f.listingEvents) {
    const at = e.occurredAt.getTime();
    if (at <= since.getTime() || at > until) continue;
    const strength = e.type === 'price_changed' ? 0.5 : (CHANGE_STRENGTH[e.status ?? ''] ?? 0);
    if (strength === 0) continue;
    const explained = f.orders.some((o) => live(o) && o.listingId === f.listingId && o.createdAt.getTime() >= since.getTime() && o.createdAt.getTime() <= at);
    if (explained) continue;
    if (best === undefined || strength > best.strength) best = { e, strength };
  }
  if (best === undefined) return signal('listing_changed_after_contact', 0, `the listing did not change within ${opts.windowDays} days of the contact exchange, or a checkout explains it`);
  const days = (best.e.occurredAt.getTime() - since.getTime()) / DAY_MS;
  const what = best.e.type === 'price_changed' ? 'was repriced' : `went ${best.e.status}`;
  return signal('listing_changed_after_contact', best.strength, `the listing ${what} ${days.toFixed(1)} days after the contact exchange, with no order between the two parties`, [], [best.e.id]);
}

/** The buyer stops writing after the exchange (at most an acknowledgement): the talk moved elsewhere. */
export function buyerSilent(f: ConversationFacts): Signal {
  const since = firstContactAt(f);
  if (since === undefined) return signal('buyer_silent', 0, 'no contact exchange to measure from');
  const after = f.messages.filter((m) => m.senderRole === 'buyer' && m.sentAt.getTime() > since.getTime());
  const strength = after.length === 0 ? 1 : after.length === 1 ? 0.8 : after.length === 2 ? 0.3 : 0;
  const text = after.length === 0 ? 'the buyer wrote nothing after the contact exchange' : `the buyer wrote ${after.length} message${after.length === 1 ? '' : 's'} after the contact exchange`;
  return signal('buyer_silent', strength, text, after.map((m) => m.id));
}

/** Amounts in the messages, with the message each came from. */
export function amountsIn(f: ConversationFacts): (FoundAmount & { messageId: string; senderRole: 'buyer' | 'seller' })[] {
  return f.messages.flatMap((m) => findAmounts(m.body).map((a) => ({ ...a, messageId: m.id, senderRole: m.senderRole })));
}

/** Offers and counter-offers: several amounts, or an amount below the listed price. */
export function priceNegotiated(f: ConversationFacts): Signal {
  const amounts = amountsIn(f).filter((a) => a.currency === undefined || f.listingCurrency === undefined || a.currency === f.listingCurrency);
  const distinct = [...new Set(amounts.map((a) => a.amountMinor))];
  const below = f.listingPriceMinor !== undefined && amounts.some((a) => a.amountMinor < f.listingPriceMinor! && a.amountMinor >= f.listingPriceMinor! * 0.3);
  const ids = [...new Set(amounts.map((a) => a.messageId))];
  if (distinct.length >= 2 || below) {
    const last = amounts.at(-1)!;
    return signal('price_negotiated', 1, `${distinct.length} amount${distinct.length === 1 ? '' : 's'} discussed, the last ${(last.amountMinor / 100).toFixed(2)}${last.currency === undefined ? '' : ` ${last.currency}`}`, ids);
  }
  if (distinct.length === 1) return signal('price_negotiated', 0.4, `one amount named (${(distinct[0]! / 100).toFixed(2)})`, ids);
  return signal('price_negotiated', 0, 'no amounts in the messages');
}

/** A regular customer is likelier to be taken direct. */
export function priorPurchases(f: ConversationFacts): Signal {
  const start = f.messages[0]?.sentAt.getTime() ?? Infinity;
  const earlier = f.orders.filter((o) => live(o) && o.buyerId === f.buyerId && o.sellerId === f.sellerId && o.createdAt.getTime() < start);
  if (earlier.length === 0) return signal('prior_purchases', 0, 'no earlier checkout purchases from this seller');
  return signal('prior_purchases', earlier.length / 2, `the buyer bought from this seller through checkout ${earlier.length} time${earlier.length === 1 ? '' : 's'} before`, [], earlier.map((o) => o.id));
}

/** The same buyer shows the pattern with other sellers. */
export function buyerPattern(f: ConversationFacts): Signal {
  const n = f.buyerPatternSellers;
  if (n === 0) return signal('buyer_pattern', 0, 'the buyer shows the pattern with no other seller');
  return signal('buyer_pattern', n / 2, `the buyer shows the same pattern with ${n} other seller${n === 1 ? '' : 's'}`);
}

/** The seller's record: violations that count, and earlier confirmed off-platform sales. */
export function sellerHistory(f: ConversationFacts): Signal {
  const v = f.sellerViolations;
  const c = f.sellerConfirmedSales;
  if (v === 0 && c === 0) return signal('seller_history', 0, 'no violations or confirmed off-platform sales on record');
  return signal('seller_history', 0.25 * v + 0.5 * c, `the seller has ${v} violation${v === 1 ? '' : 's'} and ${c} confirmed off-platform sale${c === 1 ? '' : 's'} on record`);
}

export interface Scored {
  /** 0..1, the sum of the contributions. */
  readonly score: number;
  readonly signals: readonly Signal[];
  readonly firstContactAt: Date | undefined;
}

/** Every signal of a conversation and the combined score. */
export function scoreConversation(f: ConversationFacts, opts: SignalOptions): Scored {
  const signals = [contactExchanged(f), listingChangedAfterContact(f, opts), buyerSilent(f), priceNegotiated(f), sellerHistory(f), buyerPattern(f), priorPurchases(f)];
  const score = round(Math.min(1, signals.reduce((s, x) => s + x.contribution, 0)));
  return { score, signals, firstContactAt: firstContactAt(f) };
}

/** The pattern a buyer can show with several sellers: contact exchanged and the listing went soon after. */
export function showsPattern(scored: Scored): boolean {
  const get = (n: SignalName) => scored.signals.find((s) => s.name === n)?.strength ?? 0;
  return get('contact_exchanged') === 1 && get('listing_changed_after_contact') > 0;
}
