/**
 * Conversation scripts: each scenario is a sequence of steps (messages and the listing / order events
 * they cause) with relative timing. `layout()` turns the steps into instants that respect each
 * party's waking hours in their own time zone.
 */
import { nounFor } from './catalog';
import type { Bank, Lines, Topic } from './phrases/bank';
import type { Rng } from './prng';
import { compose, emailObfuscated, emailProvider, fill, phoneForms, trackingNumber, type Slots } from './render';
import { DAY, HOUR, MINUTE, intoLocalWindow, utcOffsetMinutes } from './time';
import type { DemoAttemptKind, DemoLang, DemoListingStatus } from './types';
import type { BuyerX, EventSpec, ListingX, OrderX, SellerX } from './model';
import { COUNTRY_NAMES, EU_LIKE, cityName, ibanBic, streetAddress } from './world';

export type Scenario =
  | 'unanswered'
  | 'short'
  | 'qa'
  | 'negotiation'
  | 'late_inquiry'
  | 'purchase'
  | 'purchase_cancelled'
  | 'purchase_refunded'
  | 'op_sale'
  | 'op_refused_order'
  | 'op_refused'
  | 'op_ignored'
  | 'op_then_order'
  | 'op_future_direct'
  | 'dc_post_order_contact'
  | 'dc_sold_to_other'
  | 'dc_silent_delisted'
  | 'dc_negotiated_order'
  | 'dc_hold_then_order'
  | 'dc_location_numbers';

export const TERMINAL_SCENARIOS: ReadonlySet<Scenario> = new Set<Scenario>([
  'purchase', 'purchase_cancelled', 'purchase_refunded', 'op_sale', 'op_refused_order', 'op_then_order', 'op_future_direct',
  'dc_post_order_contact', 'dc_silent_delisted', 'dc_negotiated_order', 'dc_hold_then_order',
]);

export type Gap =
  | { t: 'reply' }
  | { t: 'follow'; min: number; max: number }
  | { t: 'later'; minH: number; maxH: number; who?: 'buyer' | 'seller' }
  | { t: 'soon'; minMin: number; maxMin: number };

export interface Step {
  gap: Gap;
  role?: 'buyer' | 'seller';
  text?: (at: number) => string;
  attempt?: DemoAttemptKind[];
  events?: (at: number) => EventSpec[];
  terminal?: boolean;
}

export interface ConvCtx {
  rng: Rng;
  bank: Bank;
  lang: DemoLang;
  seller: SellerX;
  buyer: BuyerX;
  listing: ListingX;
  /** Listing price (major units) when the conversation starts. */
  price: number;
  slots: Slots;
  bStyle: number;
  sStyle: number;
  us: boolean;
  carrier: string;
  whiteGlove: boolean;
}

export interface Built {
  steps: Step[];
  shares: string[];
  /** The buyer stops writing after this step index (for "buyer went silent"), if relevant. */
  negotiated: boolean;
}

// ------------------------------------------------------------------ context

const AUCTIONS = ["Christie's", "Sotheby's", 'Drouot', 'Dorotheum', 'Bonhams', 'Phillips', 'Lempertz', 'Wright', 'Bukowskis', 'Piasa', 'Cambi', 'Van Ham', 'Ansorena', 'Finarte'];
const FINE_ART_SHIPPERS: Record<string, readonly string[]> = {
  US: ['Hudson Fine Art Transport', 'Atlas White Glove', 'Meridian Art Services'],
  GB: ['Thames Fine Art Shipping', 'Kingsway Art Logistics', 'Marlow White Glove'],
  FR: ['Transports Delorme', 'Lemaire Transport d’Art', 'Atelier Convoyage'],
  IT: ['Trasporti d’Arte Ferraro', 'Arteviaggi Milano', 'Bellini Logistica'],
  DE: ['Kunstspedition Hartwig', 'Brandt Kunsttransporte', 'Elbe Fine Art'],
  ES: ['Transportes de Arte Lozano', 'Artecarga Madrid'],
  NL: ['Van Dam Kunsttransport', 'Amstel Art Logistics'],
  BE: ['Arteos Transport', 'Sablon Fine Art Moving'],
  CH: ['Helvetia Art Transport', 'Limmat Kunstlogistik'],
  AT: ['Wiener Kunstspedition'],
  DK: ['Nordic Art Freight'],
};
const PARCEL: Record<string, readonly string[]> = {
  US: ['UPS', 'FedEx'], GB: ['Royal Mail Special Delivery', 'UPS', 'DHL Express'], FR: ['Chronopost', 'Colissimo', 'UPS'],
  IT: ['BRT', 'DHL Express', 'UPS'], DE: ['DHL Express', 'UPS', 'DPD'], ES: ['SEUR', 'DHL Express'], NL: ['PostNL', 'DHL Express'],
  BE: ['bpost', 'DHL Express'], CH: ['DHL Express', 'UPS'], AT: ['DHL Express', 'DPD'], DK: ['DHL Express', 'UPS'],
};

function shippingQuote(rng: Rng, l: ListingX, seller: SellerX, buyer: BuyerX): { major: number; weeks: string } {
  const same = seller.country.code === buyer.country.code;
  const region = same ? 0 : EU_LIKE.has(seller.country.code) && EU_LIKE.has(buyer.country.code) ? 1 : 2;
  const base: Record<string, readonly [number, number]> = {
    furniture: [[250, 900], [600, 1800], [1500, 4200]][region] as [number, number],
    lighting: [[150, 500], [350, 1100], [800, 2600]][region] as [number, number],
    art: [[120, 450], [300, 950], [700, 2400]][region] as [number, number],
    jewelry: [[35, 90], [60, 150], [90, 260]][region] as [number, number],
    watches: [[35, 90], [60, 150], [90, 260]][region] as [number, number],
  };
  const [lo, hi] = base[l.piece.category] ?? [200, 800];
  const rate = l.currency === 'GBP' ? 0.79 : l.currency === 'EUR' ? 0.92 : l.currency === 'CHF' ? 0.88 : l.currency === 'DKK' ? 6.9 : l.currency === 'SEK' ? 10.5 : 1;
  const major = Math.round((rng.real(lo, hi) * rate) / 10) * 10;
  const weeks = ['1–2', '2–3', '3–5'][region] as string;
  return { major, weeks };
}

function ringFor(lang: DemoLang, buyer: BuyerX): string {
  if (lang === 'en') return buyer.country.code === 'GB' ? `UK ${buyer.ring.uk}` : `US ${buyer.ring.us}`;
  if (lang === 'it') return String(buyer.ring.eu - 40);
  return String(buyer.ring.eu);
}

export function makeCtx(rng: Rng, bank: Bank, seller: SellerX, buyer: BuyerX, listing: ListingX, price: number): ConvCtx {
  const lang = bank.lang;
  const p = listing.piece;
  const noun = nounFor(p.kind, lang);
  const us = lang === 'en' && seller.country.code === 'US';
  const whiteGlove = p.category !== 'jewelry' && p.category !== 'watches';
  const carrierPool = whiteGlove && rng.chance(0.75) ? FINE_ART_SHIPPERS[seller.country.code] ?? ['DHL Express'] : PARCEL[seller.country.code] ?? ['DHL Express', 'UPS'];
  const carrier = rng.pick(carrierPool);
  const ship = shippingQuote(rng, listing, seller, buyer);
  const sStyle = rng.chance(0.75) ? 0 : rng.int(1, 2);
  const bStyle = rng.chance(0.6) ? 0 : rng.int(1, 3);
  const provCity = rng.pick(seller.country.cities);
  const weeksText = ship.weeks;
  const slots: Slots = {
    item: noun.nom,
    item_acc: noun.acc,
    title: p.title,
    maker: p.makerShort ?? p.maker,
    producer: p.producer && !p.producer.startsWith('made') ? p.producer : p.maker ?? '',
    mark: p.mark ?? 'the original label',
    circa: bank.fmt.circa(p.year),
    dims: p.dimensions,
    price: bank.fmt.price(price, listing.currency, sStyle),
    buyerFirst: buyer.first,
    sellerFirst: seller.first,
    gallery: seller.gallery,
    buyerCity: cityName(buyer.city, lang),
    buyerCountry: COUNTRY_NAMES[buyer.country.code]?.[lang] ?? buyer.country.code,
    sellerCity: cityName(seller.city, lang),
    provCity: cityName(provCity, lang),
    auction: rng.pick(AUCTIONS),
    lot: rng.int(12, 480),
    auctionYear: rng.int(1998, 2024),
    purchaseYear: Math.min(2020, p.year + rng.int(0, 3)),
    serviceYear: rng.int(2019, 2025),
    paperYear: p.year,
    ref: p.ref ?? (p.edition ? `edition ${p.edition}` : `inventory no. ${seller.slug.slice(0, 3).toUpperCase()}-${rng.int(1000, 9999)}`),
    hallmark: p.hallmark ?? 'marked 750',
    edition: p.edition ?? '',
    ringUs: p.ringSize?.us ?? '6.5',
    ringEu: p.ringSize?.eu ?? 53,
    buyerRing: ringFor(lang, buyer),
    caseMm: p.caseMm ?? 36,
    wrist: buyer.country.code === 'US' && lang === 'en' ? `${Math.round((buyer.wristCm / 2.54) * 4) / 4} inches` : `${buyer.wristCm} cm`,
    shipPrice: bank.fmt.price(ship.major, listing.currency, sStyle),
    weeks: weeksText,
    days: ['2–3', '3–5', '5–7'][seller.country.code === buyer.country.code ? 0 : EU_LIKE.has(seller.country.code) && EU_LIKE.has(buyer.country.code) ? 1 : 2],
    pct: rng.pick([10, 10, 12, 15]),
    photosN: rng.int(3, 8),
    carrier,
    projectType: rng.pick(bank.projectTypes),
    room: rng.pick(bank.rooms),
  };
  return { rng, bank, lang, seller, buyer, listing, price, slots, bStyle, sStyle, us, carrier, whiteGlove };
}

// ------------------------------------------------------------------ builder

const roundTo = (major: number): number => {
  const step = major < 2000 ? 50 : major < 10000 ? 100 : major < 50000 ? 500 : 1000;
  return Math.max(step, Math.round(major / step) * step);
};

class Chat {
  readonly steps: Step[] = [];
  readonly shares = new Set<string>();
  negotiated = false;
  order?: OrderX;
  /** The last contact move made, so replies fit it ("I'll call you" after a number). */
  lastMove?: Move;
  constructor(readonly c: ConvCtx) {}

  get rng(): Rng {
    return this.c.rng;
  }
  get b(): Bank {
    return this.c.bank;
  }

  private readonly used = new Set<string>();

  /**
   * Picks a template, avoiding one already used in this conversation (people rarely repeat a
   * sentence word for word) and ones that name the maker when the piece has none.
   */
  pick(lines: Lines): string {
    const noMaker = this.c.slots.maker === undefined;
    let usable = noMaker ? lines.filter((l) => !l.includes('{maker}')) : lines;
    if (usable.length === 0) usable = lines;
    const fresh = usable.filter((l) => !this.used.has(l));
    const chosen = this.rng.pick(fresh.length > 0 ? fresh : usable);
    this.used.add(chosen);
    return chosen;
  }

  fill(t: string, extra?: Slots): string {
    return fill(t, this.c.slots, extra);
  }

  line(lines: Lines, extra?: Slots): string {
    return this.fill(this.pick(lines), extra);
  }

  money(major: number, role: 'buyer' | 'seller'): string {
    return this.b.fmt.price(major, this.c.listing.currency, role === 'buyer' ? this.c.bStyle : this.c.sStyle);
  }

  lastRole(): 'buyer' | 'seller' | undefined {
    for (let i = this.steps.length - 1; i >= 0; i--) {
      const r = this.steps[i]?.role;
      if (r) return r;
    }
    return undefined;
  }

  say(role: 'buyer' | 'seller', text: string | ((at: number) => string), gap?: Gap, attempt?: DemoAttemptKind[]): void {
    const g: Gap = gap ?? (this.lastRole() === role ? { t: 'follow', min: 25, max: 240 } : { t: 'reply' });
    const fn = typeof text === 'string' ? () => text : text;
    const step: Step = { gap: g, role, text: fn };
    if (attempt && attempt.length > 0) step.attempt = attempt;
    this.steps.push(step);
  }

  event(events: (at: number) => EventSpec[], gap: Gap, terminal = false): void {
    this.steps.push({ gap, events, terminal });
  }

  /** A date N days after the message, written in the conversation language in the seller's zone. */
  dateText(minDays: number, maxDays: number): (at: number) => string {
    const days = this.rng.int(minDays, maxDays);
    const zone = this.c.seller.rec.time_zone;
    return (at: number) => {
      let t = at + days * DAY;
      const local = t + utcOffsetMinutes(zone, t) * MINUTE;
      const wd = new Date(local).getUTCDay();
      if (wd === 0) t += DAY;
      if (wd === 6) t += 2 * DAY;
      return this.b.fmt.date(t + utcOffsetMinutes(zone, t) * MINUTE, this.c.us);
    };
  }
}

// ------------------------------------------------------------------ topics

function topicsFor(c: ConvCtx): readonly (readonly [Topic, number])[] {
  const p = c.listing.piece;
  const hasMaker = !!p.producer && p.category !== 'art';
  switch (p.category) {
    case 'furniture':
      return [['condition', 5], ['dimensions', 3], ['shipping', 5], ['provenance', 2], ['photos', 2], ['trade', c.buyer.designer ? 3 : 0], ['attribution', hasMaker ? 2 : 0], ['viewing', 0.5]];
    case 'lighting':
      return [['condition', 5], ['dimensions', 2], ['shipping', 4], ['photos', 2], ['trade', c.buyer.designer ? 3 : 0], ['attribution', hasMaker ? 2 : 0], ['provenance', 1]];
    case 'art':
      return [['condition', 4], ['provenance', 4], ['dimensions', 2], ['shipping', 4], ['photos', 2], ['authenticity', 2], ['viewing', 0.5]];
    case 'jewelry':
      return [['condition', 4], ['authenticity', 3], ['sizing', p.kind === 'ring' ? 4 : 0], ['shipping', 3], ['photos', 2], ['provenance', 2]];
    case 'watches':
      return [['condition', 5], ['papers', 4], ['authenticity', 2], ['shipping', 3], ['sizing', p.kind === 'pocket_watch' ? 0 : 2], ['photos', 2], ['provenance', 1]];
  }
}

function chooseTopics(ch: Chat, n: number, used: Set<Topic>): Topic[] {
  const pool = topicsFor(ch.c).filter(([t, w]) => w > 0 && !used.has(t));
  const out: Topic[] = [];
  for (let i = 0; i < n && pool.length > 0; i++) {
    const t = ch.rng.weighted(pool);
    out.push(t);
    used.add(t);
    const idx = pool.findIndex(([x]) => x === t);
    pool.splice(idx, 1);
  }
  return out;
}

const SEATING = new Set(['armchair', 'armchairs_pair', 'lounge_chair', 'side_chair', 'chairs_set', 'sofa', 'daybed', 'bench', 'stools_pair']);
const UPHOLSTERED = new Set(['armchair', 'armchairs_pair', 'lounge_chair', 'sofa', 'daybed']);
const CASE_PIECES = new Set(['sideboard', 'commode', 'console', 'dining_table', 'coffee_table', 'desk', 'bookcase', 'cabinet', 'secretaire']);
const HANGING = new Set(['chandelier', 'pendant', 'ceiling_light', 'lantern']);
const PAPER = new Set(['drawing', 'print', 'photograph']);

/**
 * Which category-specific answers fit which category-specific question (indices into the banks'
 * `askCat` / `answerCat` lists, which every language keeps in the same order).
 */
const PAIRS: Partial<Record<string, readonly (readonly number[])[]>> = {
  'furniture.condition': [[0, 1, 4], [0, 2], [2, 4], [3]],
  'lighting.condition': [[0], [1], [2], [3]],
  'art.condition': [[0], [1], [2]],
  'jewelry.condition': [[0], [0, 1], [1, 2]],
  'jewelry.authenticity': [[0], [1]],
  'jewelry.shipping': [[0, 1], [0, 1]],
  'watches.condition': [[0, 2], [1], [0, 2]],
  'watches.sizing': [[0], [0]],
  'watches.shipping': [[0, 1], [0, 1]],
};

function askFits(key: string, i: number, kind: string): boolean {
  switch (key) {
    case 'furniture.condition': return i !== 3 || UPHOLSTERED.has(kind);
    case 'furniture.dimensions': return i !== 0 || SEATING.has(kind);
    case 'lighting.dimensions': return HANGING.has(kind);
    case 'lighting.condition': return i !== 2 || HANGING.has(kind);
    case 'art.condition': return i === 0 ? kind === 'painting' : i === 1 ? PAPER.has(kind) : kind !== 'sculpture' && kind !== 'tapestry';
    case 'art.dimensions': return kind === 'painting' || PAPER.has(kind);
    default: return true;
  }
}

function answerFits(key: string, i: number, kind: string): boolean {
  switch (key) {
    case 'furniture.condition': return i === 3 ? UPHOLSTERED.has(kind) : i === 2 ? CASE_PIECES.has(kind) : true;
    case 'furniture.dimensions': return i !== 1 || SEATING.has(kind);
    case 'lighting.condition': return i !== 2 || HANGING.has(kind);
    case 'art.condition': return i === 0 ? kind === 'painting' : i === 1 ? PAPER.has(kind) : kind !== 'sculpture' && kind !== 'tapestry';
    default: return true;
  }
}

const indices = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** A question on a topic and an answer that fits it. */
function qa(ch: Chat, t: Topic): { ask: string; answer: string } {
  const cat = ch.c.listing.piece.category;
  const kind = ch.c.listing.piece.kind;
  const key = `${cat}.${t}`;
  const askSpecific = ch.b.askCat[cat]?.[t];
  const ansSpecific = ch.b.answerCat[cat]?.[t];
  const forced = key === 'watches.sizing' || key === 'jewelry.shipping' || key === 'watches.shipping';
  const askOk = askSpecific ? indices(askSpecific.length).filter((i) => askFits(key, i, kind)) : [];
  const ansOk = ansSpecific ? indices(ansSpecific.length).filter((i) => answerFits(key, i, kind)) : [];
  let ask: string;
  let answerIdx: number[] = ansOk;
  if (askSpecific && askOk.length > 0 && (forced || ch.rng.chance(0.65))) {
    const i = ch.rng.pick(askOk);
    ask = ch.fill(askSpecific[i] as string);
    const paired = PAIRS[key]?.[i];
    if (paired) answerIdx = paired.filter((j) => ansOk.includes(j));
  } else {
    ask = ch.line(ch.b.ask[t]);
  }
  let answer: string;
  if (ansSpecific && answerIdx.length > 0 && (forced || PAIRS[key] !== undefined || ch.rng.chance(0.7))) {
    answer = ch.fill(ansSpecific[ch.rng.pick(answerIdx)] as string);
  } else {
    answer = ch.line(ch.b.answer[t]);
  }
  return { ask, answer };
}

// ------------------------------------------------------------------ building blocks

function greetB(ch: Chat, p = 0.7): string | undefined {
  return ch.rng.chance(p) ? ch.line(ch.b.greetBuyer) : undefined;
}
function greetS(ch: Chat, p = 0.6): string | undefined {
  return ch.rng.chance(p) ? ch.line(ch.b.greetSeller) : undefined;
}
function signB(ch: Chat, p = 0.45): string | undefined {
  return ch.rng.chance(p) ? ch.line(ch.b.signBuyer) : undefined;
}
function signS(ch: Chat, p = 0.5): string | undefined {
  return ch.rng.chance(p) ? ch.line(ch.b.signSeller) : undefined;
}

type QA = { ask: string; answer: string };

/** Buyer's first message; returns the questions asked (with the answers that fit them). */
function opening(ch: Chat, used: Set<Topic>, nTopics = ch.rng.weighted([[0, 2], [1, 5], [2, 3]] as const)): QA[] {
  const qas = chooseTopics(ch, nTopics, used).map((t) => qa(ch, t));
  const context = ch.rng.chance(0.4) ? ch.line(ch.c.buyer.designer ? ch.b.openDesigner : ch.b.openCollector) : undefined;
  const openLine = qas.length === 0 || ch.rng.chance(0.6) ? ch.line(ch.b.open) : undefined;
  ch.say('buyer', compose(ch.rng, [greetB(ch), context, openLine, ...qas.map((q) => q.ask), signB(ch)]));
  return qas;
}

function sellerAnswers(ch: Chat, qas: QA[], first: boolean, extra: (string | undefined)[] = []): void {
  const parts: (string | undefined)[] = [];
  const greeting = first ? greetS(ch) : undefined;
  parts.push(greeting);
  if (first && (qas.length === 0 || ch.rng.chance(0.45))) {
    // after a "thank you for your message!" greeting, skip the "thank you for your interest" line (index 1 in every bank)
    const thanked = greeting !== undefined && greeting.endsWith('!');
    parts.push(ch.line(thanked ? ch.b.available.filter((_, i) => i !== 1) : ch.b.available));
  }
  for (const q of qas) parts.push(q.answer);
  if (first && ch.rng.chance(0.25)) parts.push(ch.line(ch.b.smallTalkSeller));
  parts.push(...extra);
  if (first) parts.push(signS(ch));
  ch.say('seller', compose(ch.rng, parts));
}

function qaRound(ch: Chat, used: Set<Topic>): boolean {
  const qas = chooseTopics(ch, ch.rng.chance(0.7) ? 1 : 2, used).map((t) => qa(ch, t));
  if (qas.length === 0) return false;
  const lead = ch.rng.chance(0.35) ? ch.line(ch.b.thanks) : undefined;
  ch.say('buyer', compose(ch.rng, [lead, ...qas.map((q) => q.ask)]));
  sellerAnswers(ch, qas, false);
  return true;
}

/**
 * Price negotiation. `mode` 'agree' always ends with an agreed amount, 'no_deal' never does,
 * 'either' decides on the way. Returns the agreed amount (major units) or undefined.
 */
function negotiate(ch: Chat, mode: 'agree' | 'no_deal' | 'either', rounds = 1): number | undefined {
  const price = ch.c.price;
  const rng = ch.rng;
  ch.negotiated = true;
  ch.shares.add('price_negotiation');
  let offer = roundTo(price * rng.real(0.66, 0.88));
  ch.say('buyer', ch.line(ch.b.offer, { offer: ch.money(offer, 'buyer') }));
  if (mode !== 'agree' && rng.chance(0.2)) {
    ch.say('seller', ch.line(ch.b.firm));
    if (mode === 'no_deal' || rng.chance(0.6)) {
      if (rng.chance(0.7)) ch.say('buyer', ch.line(ch.b.walkAway));
      return undefined;
    }
    return price;
  }
  let counter = roundTo(offer + (price - offer) * rng.real(0.4, 0.7));
  if (counter <= offer) counter = roundTo(offer * 1.05);
  for (let r = 0; r < rounds; r++) {
    ch.say('seller', ch.line(ch.b.counter, { counter: ch.money(counter, 'seller') }));
    const last = r === rounds - 1;
    if (!last) {
      offer = roundTo((offer + counter) / 2 - (counter - offer) * 0.15);
      if (offer >= counter) offer = roundTo(counter * 0.96);
      ch.say('buyer', ch.line(ch.b.raise, { offer: ch.money(offer, 'buyer') }));
      counter = roundTo((offer + counter) / 2 + (counter - offer) * 0.1);
      if (counter <= offer) counter = offer;
      continue;
    }
  }
  const roll = rng.next();
  if (mode === 'no_deal' || (mode === 'either' && roll < 0.3)) {
    if (rng.chance(0.5)) {
      const mid = roundTo((offer + counter) / 2);
      ch.say('buyer', ch.line(ch.b.raise, { offer: ch.money(mid, 'buyer') }));
      ch.say('seller', ch.line(ch.b.firm));
    }
    ch.say('buyer', ch.line(rng.chance(0.5) ? ch.b.walkAway : ch.b.think));
    return undefined;
  }
  if (rng.chance(0.55)) {
    ch.say('buyer', ch.line(ch.b.acceptCounter, { final: ch.money(counter, 'buyer') }));
    return counter;
  }
  const mid = roundTo((offer + counter) / 2);
  ch.say('buyer', ch.line(ch.b.raise, { offer: ch.money(mid, 'buyer') }));
  ch.say('seller', ch.line(ch.b.acceptOffer, { final: ch.money(mid, 'seller') }));
  return mid;
}

interface PurchaseOpts {
  final?: number;
  postContact?: boolean;
  cancel?: boolean;
  refund?: boolean;
  futureDirect?: boolean;
  /** The listing is on hold for this buyer before checkout. */
  short?: boolean;
}

/** Checkout (order.created + sold) and the after-sale conversation. */
function purchase(ch: Chat, o: PurchaseOpts): void {
  const rng = ch.rng;
  const c = ch.c;
  const amount = o.final ?? c.price;
  if (o.final !== undefined) {
    ch.say('seller', compose(rng, [ch.line(ch.b.sellerOfferSent, { final: ch.money(amount, 'seller') })]));
    ch.say('buyer', ch.line(ch.b.checkoutSoon));
    ch.event((at) => {
      const order: OrderX = { id: '', at, listing: c.listing, buyer: c.buyer, amountMajor: amount };
      ch.order = order;
      return [{ type: 'order.created', order }];
    }, { t: 'soon', minMin: 3, maxMin: 90 }, true);
  } else {
    if (rng.chance(0.5)) ch.say('buyer', ch.line(ch.b.checkoutSoon));
    ch.event((at) => {
      const order: OrderX = { id: '', at, listing: c.listing, buyer: c.buyer, amountMajor: amount };
      ch.order = order;
      return [{ type: 'order.created', order }];
    }, ch.lastRole() === 'buyer' ? { t: 'soon', minMin: 2, maxMin: 60 } : { t: 'later', minH: 2, maxH: 30, who: 'buyer' }, true);
    if (rng.chance(0.6)) ch.say('buyer', ch.line(ch.b.buyNow), { t: 'soon', minMin: 1, maxMin: 15 });
  }
  ch.event(() => [{ type: 'listing.status_changed', listing: c.listing, status: 'sold' }], { t: 'soon', minMin: 1, maxMin: 25 });
  const byName = ch.b.greetSeller.filter((g) => g.includes('{buyerFirst}'));
  ch.say('seller', compose(rng, [rng.chance(0.3) ? ch.line(byName) : undefined, ch.line(ch.b.orderThanks)]), { t: 'reply' });

  if (o.cancel) {
    ch.say('buyer', ch.line(ch.b.cancelAsk), { t: 'later', minH: 3, maxH: 40, who: 'buyer' });
    ch.say('seller', ch.line(ch.b.cancelAck));
    ch.event(() => (ch.order ? [{ type: 'order.cancelled', order: ch.order }] : []), { t: 'soon', minMin: 2, maxMin: 40 });
    ch.event(() => [{ type: 'listing.status_changed', listing: c.listing, status: 'active' }], { t: 'soon', minMin: 1, maxMin: 30 });
    return;
  }
  if (o.postContact) {
    ch.shares.add('contact_details');
    const kind = rng.int(0, 3);
    const phone = phoneForms(rng, c.buyer.phone, ch.b).plain;
    if (kind === 0 || kind === 1) {
      ch.say('seller', ch.line(ch.b.dc.phoneAsk), { t: 'later', minH: 2, maxH: 30, who: 'seller' });
      ch.say('buyer', ch.line(ch.b.dc.phoneGive, { phone }));
    }
    if (kind === 1 || kind === 2) {
      ch.say('buyer', ch.line(ch.b.dc.address, { address: buyerAddress(ch) }), kind === 2 ? { t: 'later', minH: 1, maxH: 20, who: 'buyer' } : undefined);
    }
    if (kind === 3) {
      ch.say('buyer', ch.line(ch.b.dc.invoiceEmail, { email: c.buyer.email }), { t: 'later', minH: 1, maxH: 20, who: 'buyer' });
      ch.say('seller', ch.line(ch.b.dc.invoiceUploaded));
    }
  }
  let deliveryPlanned = false;
  if (c.whiteGlove && rng.chance(0.75)) {
    deliveryPlanned = true;
    const plan = ch.pick(ch.b.deliveryPlan);
    const day = ch.dateText(5, 12);
    let proposed = '';
    ch.say('seller', (at) => {
      proposed = day(at);
      return ch.fill(plan, { date: proposed });
    }, { t: 'later', minH: 20, maxH: 96, who: 'seller' });
    if (rng.chance(0.7)) {
      const ok = ch.pick(ch.b.dateOk);
      ch.say('buyer', () => ch.fill(ok, { date: proposed }));
    }
    if (o.postContact && rng.chance(0.5)) {
      ch.say('seller', ch.line(ch.b.dc.driver, { phone: phoneForms(rng, c.seller.phone, ch.b).plain, tracking: trackingNumber(rng, c.carrier) }), { t: 'later', minH: 24, maxH: 120, who: 'seller' });
    }
    if (rng.chance(0.6)) ch.say('seller', ch.line(ch.b.shipped, { tracking: trackingNumber(rng, c.carrier), carrier: c.carrier }), { t: 'later', minH: 16, maxH: 60, who: 'seller' });
  } else {
    ch.say('seller', ch.line(ch.b.shipped, { tracking: trackingNumber(rng, c.carrier), carrier: c.carrier }), { t: 'later', minH: 18, maxH: 96, who: 'seller' });
  }
  if (o.futureDirect) {
    const { text, kinds } = futureDirectLine(ch);
    ch.say('seller', text, ch.lastRole() === 'seller' ? { t: 'follow', min: 30, max: 600 } : { t: 'reply' }, kinds);
  }
  if (o.refund) {
    // the complaint comes after the delivery date proposed above
    ch.say('buyer', ch.line(ch.b.returnAsk), { t: 'later', minH: 300, maxH: 420, who: 'buyer' });
    ch.say('seller', ch.line(ch.b.returnAck));
    ch.event(() => (ch.order ? [{ type: 'order.refunded', order: ch.order }] : []), { t: 'later', minH: 96, maxH: 300, who: 'seller' });
    ch.event(() => [{ type: 'listing.status_changed', listing: c.listing, status: 'active' }], { t: 'later', minH: 2, maxH: 48, who: 'seller' });
    return;
  }
  if (!o.short && rng.chance(0.55)) {
    // after the delivery date agreed above (5–12 days after the plan), or a few days after shipping
    const gap: Gap = deliveryPlanned ? { t: 'later', minH: 300, maxH: 380, who: 'buyer' } : { t: 'later', minH: 48, maxH: 160, who: 'buyer' };
    ch.say('buyer', ch.line(ch.b.arrived), gap);
    if (rng.chance(0.7)) ch.say('seller', ch.line(ch.b.glad));
  }
}

function buyerAddress(ch: Chat): string {
  return streetAddress(ch.rng, ch.c.buyer.country, ch.c.buyer.city, ch.c.lang);
}

// ------------------------------------------------------------------ off-platform moves

type Move =
  | 'phone' | 'phone_words' | 'phone_spaced' | 'phone_split' | 'email' | 'email_obf' | 'email_provider' | 'website'
  | 'search_hint' | 'whatsapp' | 'instagram' | 'telegram' | 'iban' | 'bank_transfer' | 'payment_app';

const MOVE_KIND: Record<Move, DemoAttemptKind> = {
  phone: 'phone', phone_words: 'phone_obfuscated', phone_spaced: 'phone_obfuscated', phone_split: 'phone_split', email: 'email',
  email_obf: 'email_obfuscated', email_provider: 'email_obfuscated', website: 'website', search_hint: 'search_hint', whatsapp: 'whatsapp',
  instagram: 'instagram', telegram: 'telegram', iban: 'iban', bank_transfer: 'bank_transfer', payment_app: 'payment_app',
};

function sellerMove(ch: Chat): Move {
  const s = ch.c.seller;
  const usLike = s.country.code === 'US';
  const moves: (readonly [Move, number])[] = [
    ['phone', 14], ['phone_words', 6], ['phone_spaced', 7], ['phone_split', 6], ['email', 10], ['email_obf', 8], ['email_provider', 3],
    ['website', 8], ['search_hint', 4], ['whatsapp', usLike ? 5 : 13], ['instagram', 6], ['telegram', 1.5],
    ['iban', s.iban ? 6 : 0], ['bank_transfer', 5], ['payment_app', usLike ? 6 : 1.5],
  ];
  return ch.rng.weighted(moves);
}

function buyerMove(ch: Chat): Move {
  return ch.rng.weighted([['phone', 10], ['phone_words', 3], ['phone_spaced', 4], ['email', 6], ['email_obf', 4], ['whatsapp', 5]] as const);
}

/**
 * Emits the message(s) for one contact move. Seller moves use the dealer's details, buyer moves the
 * buyer's. `prefix` (e.g. a "no commission" pitch) joins the first message.
 */
function emitMove(ch: Chat, role: 'buyer' | 'seller', move: Move, prefix?: { text: string; kind: DemoAttemptKind }): void {
  const rng = ch.rng;
  const op = ch.b.op;
  const who = role === 'seller' ? ch.c.seller : ch.c.buyer;
  const phone = phoneForms(rng, who.phone, ch.b);
  const email = role === 'seller' ? ch.c.seller.privateEmail : ch.c.buyer.email;
  const kinds: DemoAttemptKind[] = prefix ? [prefix.kind, MOVE_KIND[move]] : [MOVE_KIND[move]];
  const pre = prefix?.text;
  ch.lastMove = move;
  const sendWithPrefix = (text: string): void => ch.say(role, compose(rng, [pre, text]), undefined, kinds);
  switch (move) {
    case 'phone':
      sendWithPrefix(ch.line(role === 'seller' ? op.phoneSeller : op.phoneBuyer, { phone: phone.plain }));
      return;
    case 'email':
      sendWithPrefix(ch.line(role === 'seller' ? op.email : op.emailBuyer, { email }));
      return;
    case 'phone_words':
      sendWithPrefix(ch.line(op.phoneWords, { phoneWords: phone.words }));
      return;
    case 'phone_spaced':
      sendWithPrefix(ch.line(op.phoneSpaced, { phoneSpaced: phone.spaced }));
      return;
    case 'phone_split':
      sendWithPrefix(ch.line(op.phoneSplitA, { phoneA: phone.splitA }));
      ch.say(role, ch.line(op.phoneSplitB, { phoneB: phone.splitB }), { t: 'follow', min: 8, max: 90 }, ['phone_split']);
      return;
    case 'email_obf':
      sendWithPrefix(ch.line(op.emailObf, { emailObf: emailObfuscated(rng, email, ch.b) }));
      return;
    case 'email_provider': {
      const ep = emailProvider(email);
      sendWithPrefix(ch.line(op.emailProvider, { emailLocal: ep.local, provider: ep.provider }));
      return;
    }
    case 'website':
      sendWithPrefix(ch.line(op.website, { website: ch.c.seller.website }));
      return;
    case 'search_hint':
      sendWithPrefix(ch.line(op.searchHint));
      return;
    case 'whatsapp':
      sendWithPrefix(ch.fill(role === 'seller' ? ch.pick(op.whatsapp) : (op.whatsapp[1] ?? ''), { phone: phone.plain }));
      return;
    case 'instagram':
      sendWithPrefix(ch.line(op.instagram, { handle: role === 'seller' ? ch.c.seller.handle : ch.c.buyer.handle }));
      return;
    case 'telegram':
      sendWithPrefix(ch.line(op.telegram, { handle: role === 'seller' ? ch.c.seller.handle : ch.c.buyer.handle }));
      return;
    case 'iban': {
      const iban = ch.c.seller.iban ?? '';
      sendWithPrefix(ch.line(op.iban, { iban, bic: ibanBic(ch.c.seller.country, iban) }));
      return;
    }
    case 'bank_transfer':
      sendWithPrefix(ch.line(op.bankTransfer));
      return;
    case 'payment_app':
      sendWithPrefix(ch.line(op.paymentApp));
      return;
  }
}

function directPrice(ch: Chat): number {
  return roundTo(ch.c.price * ch.rng.real(0.82, 0.93));
}

function dealPrefix(ch: Chat): { text: string; kind: DemoAttemptKind } {
  return { text: ch.line(ch.b.op.directDeal, { directPrice: ch.money(directPrice(ch), 'seller'), pct: ch.c.seller.rec.commission_rate_bps / 100 }), kind: 'direct_deal' };
}

function futureDirectLine(ch: Chat): { text: string; kinds: DemoAttemptKind[] } {
  const i = ch.rng.int(0, ch.b.op.futureDirect.length - 1);
  const tpl = ch.b.op.futureDirect[i] as string;
  const phone = phoneForms(ch.rng, ch.c.seller.phone, ch.b).plain;
  const text = ch.fill(tpl, { email: ch.c.seller.privateEmail, phone, website: ch.c.seller.website });
  const kinds: DemoAttemptKind[] = ['future_direct'];
  if (tpl.includes('{email}')) kinds.push('email');
  if (tpl.includes('{phone}')) kinds.push('phone');
  if (tpl.includes('{website}')) kinds.push('website');
  return { text, kinds };
}

const CARRIES_CONTACT: ReadonlySet<Move> = new Set<Move>([
  'phone', 'phone_words', 'phone_spaced', 'phone_split', 'email', 'email_obf', 'email_provider', 'website', 'search_hint', 'whatsapp', 'instagram', 'telegram', 'iban',
]);

/** Buyer's acknowledgement that fits how they are going to get in touch (bank lists share one order). */
const ACK_FOR: Record<Move, readonly number[]> = {
  phone: [0, 3], phone_words: [0, 3], phone_spaced: [0, 3], phone_split: [0, 3], search_hint: [0, 3],
  email: [1, 3], email_obf: [1, 3], email_provider: [1, 3],
  whatsapp: [4, 2, 3], instagram: [2, 3], telegram: [2, 3], website: [3], iban: [3], bank_transfer: [3], payment_app: [3],
};

function buyerAcks(ch: Chat): void {
  const options = ACK_FOR[ch.lastMove ?? 'website'];
  const i = ch.rng.pick(options);
  ch.say('buyer', ch.fill(ch.b.op.buyerAck[i] ?? ch.pick(ch.b.op.buyerAck)));
}

/** The seller's reply once the buyer has left a number or an address. */
function sellerTakesItFromHere(ch: Chat, buyerMoveUsed: Move): void {
  const byMail = buyerMoveUsed === 'email' || buyerMoveUsed === 'email_obf';
  ch.say('seller', ch.line(byMail ? ch.b.op.sellerWillWrite : ch.b.op.sellerWillCall));
}

/**
 * The off-platform exchange itself. With `accepted`, real contact details change hands (a payment
 * pitch alone is followed by an address or number); otherwise only the first move is made.
 */
function contactExchange(ch: Chat, initiator: 'buyer' | 'seller', accepted: boolean, pendingOffer = false): void {
  const rng = ch.rng;
  const op = ch.b.op;
  if (initiator === 'seller') {
    const move = sellerMove(ch);
    const payment = move === 'iban' || move === 'bank_transfer' || move === 'payment_app';
    const withDeal = pendingOffer ? rng.chance(0.7) : payment ? rng.chance(0.45) : rng.chance(0.3);
    emitMove(ch, 'seller', move, withDeal ? dealPrefix(ch) : undefined);
    if (!accepted) return;
    if (!CARRIES_CONTACT.has(move)) emitMove(ch, 'seller', rng.weighted([['phone', 3], ['email', 2], ['whatsapp', 3], ['email_obf', 1]] as const));
    else if (rng.chance(0.2) && move !== 'website') emitMove(ch, 'seller', rng.chance(0.5) ? 'website' : 'instagram');
    if (rng.chance(0.22)) {
      const bm = buyerMove(ch);
      emitMove(ch, 'buyer', bm);
      sellerTakesItFromHere(ch, bm);
    } else {
      buyerAcks(ch);
    }
    return;
  }
  // the buyer starts
  if (rng.chance(0.25)) {
    // proactively gives their own details
    const bm = buyerMove(ch);
    emitMove(ch, 'buyer', bm);
    if (!accepted) return;
    sellerTakesItFromHere(ch, bm);
    return;
  }
  if (rng.chance(0.55)) ch.say('buyer', ch.line(op.contactRequest), undefined, ['contact_request']);
  else ch.say('buyer', ch.line(op.buyerDirect, { directPrice: ch.money(directPrice(ch), 'buyer') }), undefined, ['direct_deal']);
  if (!accepted) return;
  let move = sellerMove(ch);
  if (!CARRIES_CONTACT.has(move)) move = rng.weighted([['phone', 3], ['email', 2], ['whatsapp', 3], ['iban', ch.c.seller.iban ? 1 : 0]] as const);
  emitMove(ch, 'seller', move, rng.chance(0.25) ? dealPrefix(ch) : undefined);
  if (rng.chance(0.75)) buyerAcks(ch);
}

// ------------------------------------------------------------------ scenarios

function intro(ch: Chat, used: Set<Topic>, minRounds: number, maxRounds: number): void {
  const topics = opening(ch, used);
  sellerAnswers(ch, topics, true);
  const rounds = ch.rng.int(minRounds, maxRounds);
  for (let i = 0; i < rounds; i++) if (!qaRound(ch, used)) break;
}

/** Where the off-platform sale leaves the listing. */
export function saleStatuses(rng: Rng): DemoListingStatus[] {
  const r = rng.next();
  if (r < 0.45) return ['sold'];
  if (r < 0.72) return ['removed'];
  if (r < 0.9) return ['on_hold'];
  return ['on_hold', 'removed'];
}

export function buildScenario(c: ConvCtx, scenario: Scenario): Built {
  const ch = new Chat(c);
  const rng = c.rng;
  const used = new Set<Topic>();
  switch (scenario) {
    case 'unanswered': {
      opening(ch, used);
      if (rng.chance(0.35)) ch.say('buyer', ch.line(ch.b.nudge), { t: 'later', minH: 30, maxH: 120, who: 'buyer' });
      break;
    }
    case 'short': {
      const topics = opening(ch, used, rng.chance(0.5) ? 0 : 1);
      sellerAnswers(ch, topics, true);
      if (rng.chance(0.55)) ch.say('buyer', ch.line(rng.chance(0.5) ? ch.b.thanks : ch.b.think));
      break;
    }
    case 'qa': {
      intro(ch, used, 1, 3);
      if (rng.chance(0.6)) ch.say('buyer', ch.line(ch.b.think));
      if (rng.chance(0.3)) ch.say('seller', ch.line(ch.b.noRush));
      break;
    }
    case 'negotiation': {
      intro(ch, used, 0, 2);
      negotiate(ch, 'no_deal', rng.int(1, 2));
      break;
    }
    case 'late_inquiry': {
      ch.say('buyer', compose(rng, [greetB(ch, 0.5), ch.line(ch.b.lateAsk)]));
      ch.say('seller', compose(rng, [greetS(ch, 0.4), ch.line(ch.b.soldSorry)]));
      if (rng.chance(0.4)) ch.say('buyer', ch.line(ch.b.thanks));
      break;
    }
    case 'purchase':
    case 'purchase_cancelled':
    case 'purchase_refunded': {
      intro(ch, used, 0, 2);
      const final = rng.chance(0.5) ? negotiate(ch, 'agree', rng.int(1, 2)) : undefined;
      purchase(ch, { final, cancel: scenario === 'purchase_cancelled', refund: scenario === 'purchase_refunded' });
      break;
    }
    case 'op_sale': {
      intro(ch, used, 0, 2);
      const pendingOffer = rng.chance(0.35);
      if (pendingOffer) {
        // a negotiation that stalls on-platform, then the off-platform pitch
        const offer = roundTo(c.price * rng.real(0.7, 0.85));
        ch.say('buyer', ch.line(ch.b.offer, { offer: ch.money(offer, 'buyer') }));
        ch.shares.add('price_negotiation');
      }
      const initiator = pendingOffer ? 'seller' : c.buyer.bad && !c.seller.bad ? 'buyer' : c.seller.bad ? (rng.chance(0.75) ? 'seller' : 'buyer') : rng.chance(0.55) ? 'seller' : 'buyer';
      contactExchange(ch, initiator, true, pendingOffer);
      ch.shares.add('contact_details');
      const statuses = saleStatuses(rng);
      const first = statuses[0] as DemoListingStatus;
      ch.event(() => [{ type: 'listing.status_changed', listing: c.listing, status: first }], { t: 'later', minH: 10, maxH: 140, who: 'seller' }, true);
      if (statuses[1]) {
        const second = statuses[1];
        ch.event(() => [{ type: 'listing.status_changed', listing: c.listing, status: second }], { t: 'later', minH: 48, maxH: 400, who: 'seller' });
      }
      break;
    }
    case 'op_refused':
    case 'op_refused_order': {
      intro(ch, used, 0, 2);
      const initiator = c.buyer.bad || rng.chance(0.6) ? 'buyer' : 'seller';
      contactExchange(ch, initiator, false);
      ch.say(initiator === 'buyer' ? 'seller' : 'buyer', ch.line(initiator === 'buyer' ? ch.b.op.sellerRefuses : ch.b.op.buyerRefuses));
      if (scenario === 'op_refused_order') {
        const final = rng.chance(0.6) ? negotiate(ch, 'agree') : undefined;
        purchase(ch, { final });
      } else if (rng.chance(0.5)) {
        negotiate(ch, 'no_deal');
      } else if (rng.chance(0.5)) {
        ch.say('buyer', ch.line(ch.b.think));
      }
      break;
    }
    case 'op_ignored': {
      const topics = opening(ch, used);
      if (rng.chance(0.6)) {
        // dealer slips contact details into an ordinary answer; the buyer never comes back
        const move = sellerMove(ch);
        sellerAnswers(ch, topics, true);
        emitMove(ch, 'seller', move, rng.chance(0.3) ? dealPrefix(ch) : undefined);
      } else {
        sellerAnswers(ch, topics, true);
        ch.say('buyer', ch.line(ch.b.op.contactRequest), undefined, ['contact_request']);
        const more = chooseTopics(ch, 1, used).map((t) => qa(ch, t));
        sellerAnswers(ch, more, false, [ch.line(ch.b.noRush)]);
      }
      break;
    }
    case 'op_then_order': {
      intro(ch, used, 0, 1);
      contactExchange(ch, rng.chance(0.5) ? 'seller' : 'buyer', true);
      ch.shares.add('contact_details');
      ch.say('buyer', ch.line(ch.b.op.backToPlatform), { t: 'later', minH: 20, maxH: 100, who: 'buyer' });
      const final = roundTo(c.price * rng.real(0.88, 0.97));
      purchase(ch, { final, short: true });
      break;
    }
    case 'op_future_direct': {
      intro(ch, used, 0, 2);
      const final = rng.chance(0.5) ? negotiate(ch, 'agree') : undefined;
      purchase(ch, { final, futureDirect: true });
      break;
    }
    case 'dc_post_order_contact': {
      intro(ch, used, 0, 2);
      const final = rng.chance(0.55) ? negotiate(ch, 'agree') : undefined;
      purchase(ch, { final, postContact: true });
      ch.shares.add('listing_sold');
      break;
    }
    case 'dc_negotiated_order': {
      intro(ch, used, 0, 1);
      const final = negotiate(ch, 'agree', rng.int(2, 3));
      purchase(ch, { final });
      ch.shares.add('listing_sold');
      break;
    }
    case 'dc_hold_then_order': {
      intro(ch, used, 0, 1);
      ch.say('buyer', ch.line(ch.b.dc.holdAsk));
      ch.event(() => [{ type: 'listing.status_changed', listing: c.listing, status: 'on_hold' }], { t: 'later', minH: 0.3, maxH: 8, who: 'seller' });
      const tpl = ch.pick(ch.b.dc.holdAck);
      const until = ch.dateText(2, 5);
      ch.say('seller', (at) => ch.fill(tpl, { date: until(at) }), { t: 'soon', minMin: 1, maxMin: 8 });
      const final = roundTo(c.price * rng.real(0.9, 1));
      ch.say('buyer', ch.line(ch.b.dc.holdBuy, { final: ch.money(final, 'buyer') }), { t: 'later', minH: 24, maxH: 96, who: 'buyer' });
      ch.negotiated = true;
      purchase(ch, { final });
      ch.shares.add('listing_on_hold');
      ch.shares.add('listing_sold');
      break;
    }
    case 'dc_sold_to_other': {
      intro(ch, used, 0, 2);
      if (rng.chance(0.5)) negotiate(ch, 'no_deal');
      else if (rng.chance(0.5)) ch.say('buyer', ch.line(ch.b.think));
      ch.shares.add('buyer_silent');
      ch.shares.add('listing_sold_soon_after');
      break;
    }
    case 'dc_silent_delisted': {
      intro(ch, used, 0, 2);
      if (rng.chance(0.35)) negotiate(ch, 'no_deal');
      ch.shares.add('buyer_silent');
      const status: DemoListingStatus = rng.weighted([['removed', 5], ['on_hold', 2.5], ['sold', 2.5]] as const);
      ch.shares.add(status === 'sold' ? 'listing_sold_without_order' : status === 'removed' ? 'listing_removed_soon_after' : 'listing_on_hold_soon_after');
      ch.event(() => [{ type: 'listing.status_changed', listing: c.listing, status }], { t: 'later', minH: 20, maxH: 150, who: 'seller' }, true);
      break;
    }
    case 'dc_location_numbers': {
      const topics = opening(ch, used);
      const cat = c.listing.piece.category;
      const extra: string[] = [ch.line(ch.b.dc.location)];
      const refs = ch.b.dc.refNumbers;
      if (cat === 'watches') extra.push(ch.fill(refs[1] ?? refs[0] ?? ''));
      else if (cat === 'jewelry') extra.push(ch.fill(refs[2] ?? refs[0] ?? ''));
      else extra.push(ch.line(ch.b.dc.lotNumbers));
      if (cat !== 'watches' && cat !== 'jewelry' && rng.chance(0.5)) extra.push(ch.fill(ch.b.answer.dimensions[0] ?? '{dims}'));
      sellerAnswers(ch, topics, true, extra);
      if (rng.chance(0.5)) qaRound(ch, used);
      if (rng.chance(0.5)) {
        const offer = roundTo(c.price * rng.real(0.85, 0.95));
        ch.say('seller', ch.line(ch.b.dc.platformOffer, { final: ch.money(offer, 'seller') }));
        ch.shares.add('price_negotiation');
      }
      ch.say('buyer', ch.line(ch.b.think));
      ch.shares.add('contact_like_text');
      break;
    }
  }
  return { steps: ch.steps, shares: [...ch.shares].sort(), negotiated: ch.negotiated };
}

// ------------------------------------------------------------------ layout

export interface Party {
  zone: string;
}

/**
 * Turns step gaps into instants (whole seconds), strictly increasing, starting at `start`, and squeezes
 * them proportionally when the natural timeline would pass `limit`.
 */
export function layout(rng: Rng, steps: readonly Step[], start: number, limit: number, seller: SellerX, buyer: BuyerX): number[] {
  const times: number[] = [];
  let t = start;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as Step;
    if (i > 0) {
      const g = step.gap;
      const actor = step.role ?? (g.t === 'later' ? g.who : undefined);
      const zone = actor === 'seller' ? seller.rec.time_zone : actor === 'buyer' ? buyer.zone : undefined;
      switch (g.t) {
        case 'reply': {
          const median = actor === 'buyer' ? 5 : actor === 'seller' ? seller.replyMedianH : 0.2;
          const h = Math.min(96, Math.max(0.04, rng.logNormal(median, 1.0)));
          t += h * HOUR;
          // replies that would land at night wait for the morning, spread over the first hours of the day
          if (zone) t = intoLocalWindow(zone, t, actor === 'seller' ? 8.5 : 7.5, actor === 'seller' ? 20.5 : 23.5, rng.real(0, 5) * HOUR);
          break;
        }
        case 'follow':
          t += rng.int(g.min, g.max) * 1000;
          break;
        case 'later':
          t += rng.real(g.minH, g.maxH) * HOUR;
          if (zone) t = intoLocalWindow(zone, t, actor === 'seller' ? 8.5 : 7.5, actor === 'seller' ? 20 : 23, rng.real(0, 2) * HOUR);
          break;
        case 'soon':
          t += rng.int(g.minMin * 60, g.maxMin * 60) * 1000;
          break;
      }
    }
    times.push(t);
  }
  const end = times[times.length - 1] ?? start;
  if (end > limit) {
    const room = Math.max(limit - start, steps.length * 60_000);
    const f = room / Math.max(1, end - start);
    for (let i = 0; i < times.length; i++) times[i] = start + ((times[i] as number) - start) * f;
  }
  for (let i = 0; i < times.length; i++) {
    let v = Math.floor((times[i] as number) / 1000) * 1000;
    if (i > 0 && v <= (times[i - 1] as number)) v = (times[i - 1] as number) + 1000;
    times[i] = v;
  }
  return times;
}

export function terminalIndex(steps: readonly Step[]): number {
  return steps.findIndex((s) => s.terminal === true);
}
