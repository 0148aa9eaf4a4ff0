/**
 * The shape every language's phrase bank fills. Templates use `{slot}` placeholders that
 * `render.ts` fills from the conversation context; `{Slot}` capitalises the value.
 *
 * The off-platform phrasings (`op`) and the innocent look-alikes (`dc`) are written for the demo
 * only: they are independent of the detection rules on purpose, so measuring detection on the demo
 * data is not circular.
 */
import type { DemoCategory, DemoLang } from '../types';

export type Topic =
  | 'condition'
  | 'provenance'
  | 'dimensions'
  | 'shipping'
  | 'photos'
  | 'trade'
  | 'authenticity'
  | 'attribution'
  | 'sizing'
  | 'papers'
  | 'viewing';

export type Lines = readonly string[];

export interface LangFormat {
  /** A price as people type it in chat; `style` 0–3 picks a habit. */
  price(major: number, currency: string, style: number): string;
  /** "circa 1925" in this language. */
  circa(year: number): string;
  /** A calendar date (weekday, day, month) from a local wall-clock instant (ms). */
  date(localMs: number, usStyle: boolean): string;
  /** Phone digits written out as words, the way people dictate them. */
  digitWords(digits: string, variant: number): string;
  /** Words used to hide "@" and "." in e-mail addresses. */
  at: Lines;
  dot: Lines;
}

export interface OffPlatformLines {
  phoneSeller: Lines;
  phoneBuyer: Lines;
  phoneWords: Lines;
  phoneSpaced: Lines;
  phoneSplitA: Lines;
  phoneSplitB: Lines;
  email: Lines;
  emailObf: Lines;
  /** `{emailLocal}` at `{provider}` without the address written out. */
  emailProvider: Lines;
  website: Lines;
  searchHint: Lines;
  whatsapp: Lines;
  instagram: Lines;
  telegram: Lines;
  iban: Lines;
  bankTransfer: Lines;
  paymentApp: Lines;
  directDeal: Lines;
  contactRequest: Lines;
  buyerDirect: Lines;
  buyerAck: Lines;
  sellerAck: Lines;
  sellerRefuses: Lines;
  buyerRefuses: Lines;
  futureDirect: Lines;
  /** Seller, after a buyer sent a number: "I'll call you". */
  sellerWillCall: Lines;
  /** Buyer gives an e-mail address. */
  emailBuyer: Lines;
  /** Seller, after a buyer sent an e-mail address. */
  sellerWillWrite: Lines;
  /** Buyer who exchanged contact details comes back to buy through checkout after all. */
  backToPlatform: Lines;
}

export interface DecoyLines {
  phoneAsk: Lines;
  phoneGive: Lines;
  driver: Lines;
  address: Lines;
  invoiceEmail: Lines;
  invoiceUploaded: Lines;
  location: Lines;
  refNumbers: Lines;
  lotNumbers: Lines;
  platformOffer: Lines;
  /** Buyer asks to reserve while a client decides; the seller uses the platform hold. */
  holdAsk: Lines;
  holdAck: Lines;
  /** Buyer comes back after the hold and buys. */
  holdBuy: Lines;
}

export interface Bank {
  lang: DemoLang;
  fmt: LangFormat;
  projectTypes: Lines;
  rooms: Lines;
  greetBuyer: Lines;
  greetSeller: Lines;
  signBuyer: Lines;
  signSeller: Lines;
  open: Lines;
  openDesigner: Lines;
  openCollector: Lines;
  available: Lines;
  ask: Record<Topic, Lines>;
  askCat: Partial<Record<DemoCategory, Partial<Record<Topic, Lines>>>>;
  answer: Record<Topic, Lines>;
  answerCat: Partial<Record<DemoCategory, Partial<Record<Topic, Lines>>>>;
  smallTalkSeller: Lines;
  thanks: Lines;
  think: Lines;
  noRush: Lines;
  offer: Lines;
  counter: Lines;
  raise: Lines;
  acceptOffer: Lines;
  acceptCounter: Lines;
  firm: Lines;
  walkAway: Lines;
  sellerOfferSent: Lines;
  checkoutSoon: Lines;
  buyNow: Lines;
  orderThanks: Lines;
  deliveryPlan: Lines;
  dateOk: Lines;
  shipped: Lines;
  arrived: Lines;
  glad: Lines;
  cancelAsk: Lines;
  cancelAck: Lines;
  returnAsk: Lines;
  returnAck: Lines;
  lateAsk: Lines;
  soldSorry: Lines;
  nudge: Lines;
  op: OffPlatformLines;
  dc: DecoyLines;
}

// ------------------------------------------------------------ shared formatting helpers

export function groupThousands(n: number, sep: string): string {
  const s = String(Math.round(n));
  if (s.length <= 3) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += sep;
    out += s[i];
  }
  return out;
}

export const CURRENCY_SYMBOL: Record<string, string> = { USD: '$', GBP: '£', EUR: '€' };

export function digitsToWords(digits: string, words: readonly string[], sep = ' '): string {
  const out: string[] = [];
  for (const ch of digits) {
    const d = ch.charCodeAt(0) - 48;
    if (d >= 0 && d <= 9) out.push(words[d] as string);
  }
  return out.join(sep);
}

export const WEEKDAY_INDEX = (localMs: number): number => new Date(localMs).getUTCDay();
export const MONTH_INDEX = (localMs: number): number => new Date(localMs).getUTCMonth();
export const DAY_OF_MONTH = (localMs: number): number => new Date(localMs).getUTCDate();
