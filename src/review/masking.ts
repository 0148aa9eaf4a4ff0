/**
 * Masking for outsourced (vendor) reviewers: personal data becomes typed placeholders such as
 * `[phone]` or `[email]`, and party names become "Seller G." / "Buyer M.". It does not trust the
 * detector alone: the spans of the stored hits, an independent conservative pattern pass and the
 * parties' known names and e-mail addresses are all masked; where they overlap the widest wins.
 */

/** A known person or business and what to show instead. */
export interface KnownParty {
  readonly label: string;
  readonly names: readonly string[];
  readonly emails: readonly string[];
}

export interface MaskSpan {
  readonly start: number;
  readonly end: number;
  readonly placeholder: string;
}

export interface MaskOptions {
  /** Detector hits with their kinds (offsets into the text). */
  readonly hits?: readonly { readonly kind: string; readonly start: number; readonly end: number }[];
  readonly parties?: readonly KnownParty[];
}

export interface Masked {
  readonly text: string;
  /** Maps an offset of the original text to one in the masked text (inside a span: its placeholder's bounds). */
  mapStart(offset: number): number;
  mapEnd(offset: number): number;
}

const PATTERNS: readonly { readonly placeholder: string; readonly re: RegExp }[] = [
  // anything@anything, also spaced or bracketed "at"
  { placeholder: '[email]', re: /[^\s@<>()[\]"',;:]+\s*(?:@|\(at\)|\[at\])\s*[^\s@<>()[\]"',;:]+/giu },
  { placeholder: '[url]', re: /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu },
  // bare domains: word.word (2+ letter last label), e.g. galerie-dupont.fr, wa.me/...
  { placeholder: '[url]', re: /\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,}(?:\/[^\s<>"]*)?/giu },
  { placeholder: '[handle]', re: /(?<![\p{L}\p{N}])@[\p{L}\p{N}_.]{2,}/giu },
  // IBAN-like: two letters, two digits, then 10+ letters/digits with optional spaces
  { placeholder: '[iban]', re: /\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){10,32}\b/gu },
  // runs of digits with separators (6+ digits): phone, account or card number unless `numberPlaceholder` sees a price, size or date
  { placeholder: '[number]', re: /\+?\(?\d(?:[\d\s().\/-]{0,3}\d){5,}/gu },
];

const CURRENCY = String.raw`[$€£¥₹₣]|US\$|(?:EUR|USD|GBP|CHF|JPY|SEK|NOK|DKK|PLN|CZK|HUF|CAD|AUD|euros?|dollars?|francs?|pounds?|livres?|Fr\.|fr\.)`;
const CURRENCY_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${CURRENCY})\\s?$`, 'iu');
const CURRENCY_AFTER = new RegExp(`^\\s?(?:${CURRENCY})(?![\\p{L}])`, 'iu');
/** A size: a unit right after the number ("85 cm", "30in", "12 inches", `40"`). Plain " in " is English, not a unit. */
const UNIT_AFTER = /^(?:\s?(?:cm|mm|kg|inch|inches)(?![\p{L}])|in(?![\p{L}])|\s?["″”])/iu;
/** 1.234.567 / 12 500 000 / 1,250,000 (one separator throughout), optionally with decimals after. */
const GROUPED_AMOUNT = /^[1-9]\d{0,2}(?:([. \u00a0])\d{3})(?:\1\d{3})*$/u;
const DECIMALS_AFTER = /^[.,]\d{1,2}(?!\d)/u;
const DIMENSIONS = /^[1-9]\d{0,3}(?:\s?[/]\s?[1-9]\d{0,3}){1,3}$|^[1-9]\d{0,3}(?: [1-9]\d{0,3}){1,3}$/u;
const YEAR = String.raw`(?:1[5-9]|20)\d{2}`;
const YEARS = new RegExp(`^${YEAR}(?:\\s?[-/]\\s?${YEAR}|\\s${YEAR})+$`, 'u');
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const MONTH = String.raw`(?:0?[1-9]|1[0-2])`;
const DATE = new RegExp(`^(?:${YEAR}([-/.])${MONTH}\\1${DAY}|${DAY}([-/.])${MONTH}\\2${YEAR})$`, 'u');

/**
 * What a run of digits found by the pattern pass is: `[phone]` (8+ digits, or 6+ after an
 * international prefix), `[account]` (13+ digits), or nothing when it reads as a price (currency next
 * to it, or decimals after it), a size (a unit after it), a date or a span of years. A number
 * starting with + or 0 is never a price or a size: international and national phone numbers do.
 * Conservative by design: a bare 8-digit run with nothing around it stays masked.
 */
export function numberPlaceholder(value: string, before: string, after: string): '[phone]' | '[account]' | undefined {
  const digits = digitCount(value);
  const international = /^(?:\+|\(\+|00)/u.test(value);
  if (digits < (international ? 6 : 8)) return undefined;
  const placeholder = digits >= 13 ? '[account]' : '[phone]';
  if (international) return placeholder;
  if (DATE.test(value) || YEARS.test(value)) return undefined;
  if (/^\(?0/u.test(value)) return placeholder;
  const amount = GROUPED_AMOUNT.test(value) || /^\d{1,9}$/u.test(value);
  if (amount && (CURRENCY_BEFORE.test(before) || CURRENCY_AFTER.test(after) || DECIMALS_AFTER.test(after))) return undefined;
  if (DIMENSIONS.test(value) && UNIT_AFTER.test(after)) return undefined;
  return placeholder;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function digitCount(s: string): number {
  let n = 0;
  for (const ch of s) if (ch >= '0' && ch <= '9') n++;
  return n;
}

const KIND_PLACEHOLDER: Readonly<Record<string, string>> = {
  phone: '[phone]',
  email: '[email]',
  url: '[url]',
  handle: '[handle]',
  iban: '[iban]',
  card: '[card]',
  crypto: '[crypto]',
  payment: '[account]',
};

/** The spans to mask, sorted and merged (an overlap keeps the first span's placeholder, extended). */
export function maskSpans(text: string, opts: MaskOptions = {}): MaskSpan[] {
  const spans: MaskSpan[] = [];
  for (const h of opts.hits ?? []) {
    const placeholder = KIND_PLACEHOLDER[h.kind];
    if (placeholder === undefined) continue; // intent phrases are not personal data
    const start = Math.max(0, Math.min(h.start, text.length));
    const end = Math.max(start, Math.min(h.end, text.length));
    if (end > start) spans.push({ start, end, placeholder });
  }
  for (const { placeholder, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const value = m[0].replace(/[\s.,;:)\]-]+$/u, '');
      if (value.length === 0) continue;
      let ph: string | undefined = placeholder;
      if (placeholder === '[number]') ph = numberPlaceholder(value, text.slice(Math.max(0, m.index - 12), m.index), text.slice(m.index + value.length, m.index + value.length + 12));
      if (ph === undefined) continue;
      spans.push({ start: m.index, end: m.index + value.length, placeholder: ph });
    }
  }
  for (const party of opts.parties ?? []) {
    for (const email of party.emails) {
      if (email.trim() === '') continue;
      for (const m of text.matchAll(new RegExp(escapeRegExp(email.trim()), 'giu'))) spans.push({ start: m.index, end: m.index + m[0].length, placeholder: '[email]' });
    }
    const words = new Set<string>();
    for (const name of party.names) {
      const full = name.trim();
      if (full.length < 2) continue;
      words.add(full);
      for (const w of full.split(/[\s,.'’-]+/u)) if (w.length >= 3) words.add(w);
    }
    // longest first, so the full name wins over its parts
    for (const w of [...words].sort((a, b) => b.length - a.length)) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'giu');
      for (const m of text.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length, placeholder: party.label });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: MaskSpan[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last !== undefined && s.start < last.end) {
      if (s.end > last.end) merged[merged.length - 1] = { ...last, end: s.end };
      continue;
    }
    merged.push(s);
  }
  return merged;
}

/** Masks a text and returns the offset mapping for hits found in the original. */
export function maskText(text: string, opts: MaskOptions = {}): Masked {
  const spans = maskSpans(text, opts);
  let out = '';
  let pos = 0;
  // for each span: original start/end and masked start/end
  const map: { os: number; oe: number; ms: number; me: number }[] = [];
  for (const s of spans) {
    out += text.slice(pos, s.start);
    const ms = out.length;
    out += s.placeholder;
    map.push({ os: s.start, oe: s.end, ms, me: out.length });
    pos = s.end;
  }
  out += text.slice(pos);
  const shift = (offset: number, edge: 'start' | 'end'): number => {
    let delta = 0;
    for (const m of map) {
      if (offset < m.os || (edge === 'end' && offset === m.os)) break;
      if (offset < m.oe || (edge === 'end' && offset === m.oe)) return edge === 'start' ? m.ms : m.me;
      delta = m.me - m.oe;
    }
    return offset + delta;
  };
  return { text: out, mapStart: (o) => shift(o, 'start'), mapEnd: (o) => shift(o, 'end') };
}

/** Shortens a party name to its role and initial: "Galerie Dupont" → "Seller G.". */
export function reducedName(role: 'Seller' | 'Buyer', name: string | undefined): string {
  const initial = name?.trim().charAt(0).toUpperCase();
  return initial === undefined || initial === '' ? role : `${role} ${initial}.`;
}

/** A masker bound to the parties of one conversation; the identity function for staff. */
export type TextMasker = (text: string, hits?: MaskOptions['hits']) => string;

export function partyMasker(parties: readonly KnownParty[]): TextMasker {
  return (text, hits) => maskText(text, { parties, ...(hits === undefined ? {} : { hits }) }).text;
}

/** Keys whose values are identifiers, times or enumerations: the last-resort pass leaves them alone. */
const STRUCTURAL_KEY = /(^|_)(id|ids|at|status|kind|kinds|type|decision|priority|queue|lang|code|reason|outcome|version|token|cursor|role|sha256|content_type|jurisdiction|from|to|next_states|closed|open|rule|rules|clause)$/;
/** What an id, a timestamp, an enumeration or a reason code looks like: one token, no `@`. */
const TOKEN_LIKE = /^[\p{L}\p{N}_.:+/-]*$/u;

/**
 * Masks every string in a JSON value except token-like values (ids, timestamps, enums, codes) under
 * structural keys; free text under such a key (an error's `reason` echoing input) is masked too.
 * The safety net for vendor responses: whatever a service forgot to mask is caught by the patterns,
 * and the names and e-mails of the known parties are reduced.
 */
export function maskJson(value: unknown, opts: { readonly parties?: readonly KnownParty[] } = {}): unknown {
  const parties = opts.parties ?? [];
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return STRUCTURAL_KEY.test(key) && TOKEN_LIKE.test(v) ? v : maskText(v, { parties }).text;
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = walk(x, k);
      return out;
    }
    return v;
  };
  return walk(value, '');
}

/** The keys whose values name a party: the safety net looks their names up. */
const PARTY_KEYS: Readonly<Record<string, 'sellerIds' | 'buyerIds' | 'conversationIds' | 'caseIds'>> = {
  seller_id: 'sellerIds',
  buyer_id: 'buyerIds',
  conversation_id: 'conversationIds',
  case_id: 'caseIds',
};

/** Every seller, buyer, conversation and case id in a JSON value (at most `limit` of each). */
export function partyIdsIn(value: unknown, limit = 1000): { sellerIds: string[]; buyerIds: string[]; conversationIds: string[]; caseIds: string[] } {
  const found = { sellerIds: new Set<string>(), buyerIds: new Set<string>(), conversationIds: new Set<string>(), caseIds: new Set<string>() };
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'string') {
      const bucket = PARTY_KEYS[key];
      if (bucket !== undefined && v !== '' && found[bucket].size < limit) found[bucket].add(v);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, key);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, k);
    }
  };
  walk(value, '');
  return { sellerIds: [...found.sellerIds], buyerIds: [...found.buyerIds], conversationIds: [...found.conversationIds], caseIds: [...found.caseIds] };
}
