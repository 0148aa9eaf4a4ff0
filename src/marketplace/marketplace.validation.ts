import { isCurrency, type FieldError } from '../kernel';
import {
  EVENT_TYPES,
  LISTING_CATEGORIES,
  LISTING_STATUSES,
  MAX_BODY_LENGTH,
  SELLER_STATUSES,
  SENDER_ROLES,
  type BuyerInput,
  type EventInput,
  type IngestKind,
  type ListingInput,
  type MessageInput,
  type SellerInput,
} from './marketplace.model';

/*
 * Per-item validation of ingest batches. Hand-written rather than schema-compiled so that every
 * refusal names its field (`/items/3/sent_at`) with a reason a marketplace engineer can act on, and
 * so that no input, however garbled, can throw: each item yields a value or a list of errors.
 */

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly id: string | undefined; readonly errors: readonly FieldError[] };

/** ISO 3166-1 alpha-2, officially assigned codes. */
const COUNTRY_CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

export function isCountryCode(value: string): boolean {
  return COUNTRY_CODES.has(value);
}

export const COUNTRY_CODE_LIST: readonly string[] = [...COUNTRY_CODES];

const timeZoneCache = new Map<string, string | undefined>();

/** The canonical IANA name of a time zone the runtime knows, or undefined. Offsets like `+01:00` are refused. */
export function canonicalTimeZone(value: string): string | undefined {
  if (timeZoneCache.has(value)) return timeZoneCache.get(value);
  let result: string | undefined;
  if (/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(value) && value.length <= 64) {
    try {
      result = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      result = undefined;
    }
  }
  if (timeZoneCache.size < 10_000) timeZoneCache.set(value, result);
  return result;
}

/** The canonical form of a BCP 47 language tag, or undefined. */
export function canonicalLanguageTag(value: string): string | undefined {
  if (value.length === 0 || value.length > 35) return undefined;
  if (languageCache.has(value)) return languageCache.get(value);
  let tag: string | undefined;
  try {
    [tag] = Intl.getCanonicalLocales(value);
  } catch {
    tag = undefined;
  }
  if (languageCache.size < 10_000) languageCache.set(value, tag);
  return tag;
}

const languageCache = new Map<string, string | undefined>();

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|z|[+-]\d{2}:?\d{2})$/;

/** Parses an ISO 8601 timestamp with a zone (`2026-03-01T09:30:00Z`, `…+01:00`); undefined when it is not one. */
export function parseIsoTime(value: string): Date | undefined {
  if (value.length > 40) return undefined;
  const m = ISO_TIME.exec(value);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return undefined;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = m[7]!;
  if (zone !== 'Z' && zone !== 'z') {
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(-2));
    if (zh > 18 || zm > 59) return undefined;
  }
  const ms = Date.parse(value.replace(' ', 'T'));
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ID = /^[\x21-\x7E]{1,128}$/;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

interface TextOpts {
  readonly max: number;
  readonly min?: number;
}

/** Reads the fields of one item, collecting errors instead of throwing. */
class ItemReader {
  readonly errors: FieldError[] = [];
  constructor(
    private readonly obj: Record<string, unknown>,
    private readonly base: string,
  ) {}

  private fail(name: string, reason: string): undefined {
    this.errors.push({ field: `${this.base}/${name}`, reason });
    return undefined;
  }

  private present(name: string): boolean {
    const v = this.obj[name];
    return v !== undefined && v !== null;
  }

  private raw(name: string, required: boolean): unknown {
    if (!this.present(name)) {
      if (required) this.fail(name, 'is required');
      return undefined;
    }
    return this.obj[name];
  }

  private string(name: string, required: boolean, opts: TextOpts): string | undefined {
    const v = this.raw(name, required);
    if (v === undefined) return undefined;
    if (typeof v !== 'string') return this.fail(name, `must be a string, not ${describe(v)}`);
    if (v.length > opts.max) return this.fail(name, `must be at most ${opts.max} characters (got ${v.length})`);
    if (v.length < (opts.min ?? 0)) return this.fail(name, opts.min === 1 ? 'must not be empty' : `must be at least ${opts.min} characters`);
    if (v.includes('\u0000')) return this.fail(name, 'must not contain NUL characters');
    if (LONE_SURROGATE.test(v)) return this.fail(name, 'must be well-formed Unicode (it has a lone surrogate)');
    return v;
  }

  id(name: string, required = true): string | undefined {
    const v = this.string(name, required, { max: 128, min: 1 });
    if (v === undefined) return undefined;
    if (!ID.test(v)) return this.fail(name, 'must be 1–128 printable ASCII characters without spaces');
    return v;
  }

  text(name: string, required: boolean, max: number, min = required ? 1 : 0): string | undefined {
    const v = this.string(name, required, { max, min });
    if (v === undefined) return undefined;
    if (min > 0 && v.trim().length === 0) return this.fail(name, 'must not be blank');
    return v;
  }

  oneOf<T extends string>(name: string, values: readonly T[], required = true): T | undefined {
    const v = this.raw(name, required);
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) return this.fail(name, `must be one of ${values.join(', ')}`);
    return v as T;
  }

  time(name: string, required = true): Date | undefined {
    const v = this.string(name, required, { max: 40 });
    if (v === undefined) return undefined;
    const d = parseIsoTime(v);
    if (d === undefined) return this.fail(name, 'must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T09:30:00Z');
    return d;
  }

  int(name: string, min: number, max: number, required = true): number | undefined {
    const v = this.raw(name, required);
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.fail(name, `must be a whole number, not ${typeof v === 'number' ? v : describe(v)}`);
    if (v < min || v > max) return this.fail(name, `must be between ${min} and ${max}`);
    return v;
  }

  currency(name: string): string | undefined {
    const v = this.string(name, true, { max: 3 });
    if (v === undefined) return undefined;
    if (!isCurrency(v)) return this.fail(name, 'must be an ISO 4217 currency code in capitals, e.g. EUR');
    return v;
  }

  country(name: string, required: boolean): string | undefined {
    const v = this.string(name, required, { max: 2 });
    if (v === undefined) return undefined;
    const upper = v.toUpperCase();
    if (!isCountryCode(upper)) return this.fail(name, 'must be an ISO 3166-1 alpha-2 country code, e.g. FR');
    return upper;
  }

  timeZone(name: string): string | undefined {
    const v = this.string(name, true, { max: 64 });
    if (v === undefined) return undefined;
    const tz = canonicalTimeZone(v);
    if (tz === undefined) return this.fail(name, 'must be an IANA time zone, e.g. Europe/Paris');
    return tz;
  }

  language(name: string, required: boolean): string | undefined {
    const v = this.string(name, required, { max: 35 });
    if (v === undefined) return undefined;
    const tag = canonicalLanguageTag(v);
    if (tag === undefined) return this.fail(name, 'must be a BCP 47 language tag, e.g. fr or pt-BR');
    return tag;
  }

  languages(name: string): string[] | undefined {
    const v = this.raw(name, true);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return this.fail(name, `must be an array of language tags, not ${describe(v)}`);
    if (v.length > 20) return this.fail(name, 'must list at most 20 languages');
    const out: string[] = [];
    v.forEach((x, i) => {
      const tag = typeof x === 'string' ? canonicalLanguageTag(x) : undefined;
      if (tag === undefined) this.fail(`${name}/${i}`, 'must be a BCP 47 language tag, e.g. fr or pt-BR');
      else if (!out.includes(tag)) out.push(tag);
    });
    return out;
  }

  email(name: string): string | undefined {
    const v = this.string(name, false, { max: 320 });
    if (v === undefined) return undefined;
    const trimmed = v.trim();
    if (!EMAIL.test(trimmed)) return this.fail(name, 'must be an email address');
    return trimmed;
  }
}

function readerFor(item: unknown, index: number): { reader: ItemReader; id: string | undefined } | { reader: undefined; errors: FieldError[] } {
  const base = `/items/${index}`;
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    return { reader: undefined, errors: [{ field: base, reason: `must be an object, not ${describe(item)}` }] };
  }
  const obj = item as Record<string, unknown>;
  const rawId = obj['id'];
  const id = typeof rawId === 'string' && rawId.length > 0 && rawId.length <= 128 && ID.test(rawId) ? rawId : undefined;
  return { reader: new ItemReader(obj, base), id };
}

function finish<T>(reader: ItemReader, id: string | undefined, build: () => T): Parsed<T> {
  if (reader.errors.length > 0) return { ok: false, id, errors: reader.errors };
  return { ok: true, value: build() };
}

function guarded<T>(item: unknown, index: number, parse: (r: ItemReader, id: string | undefined) => Parsed<T>): Parsed<T> {
  let id: string | undefined;
  try {
    const start = readerFor(item, index);
    if (start.reader === undefined) return { ok: false, id: undefined, errors: start.errors };
    id = start.id;
    return parse(start.reader, start.id);
  } catch {
    // getters or proxies in a programmatic caller's objects; JSON input never gets here
    return { ok: false, id, errors: [{ field: `/items/${index}`, reason: 'could not be read' }] };
  }
}

/** Validates one message item of `POST /v1/messages:batch`. */
export function parseMessage(item: unknown, index: number): Parsed<MessageInput> {
  return guarded(item, index, (r, id) => {
    const v = {
      id: r.id('id'),
      conversationId: r.id('conversation_id'),
      buyerId: r.id('buyer_id'),
      sellerId: r.id('seller_id'),
      listingId: r.id('listing_id', false),
      senderRole: r.oneOf('sender_role', SENDER_ROLES),
      body: r.text('body', true, MAX_BODY_LENGTH, 0),
      sentAt: r.time('sent_at'),
      lang: r.language('lang', false),
    };
    return finish(r, id, () => v as MessageInput);
  });
}

/** Validates one event item of `POST /v1/events:batch`. */
export function parseEvent(item: unknown, index: number): Parsed<EventInput> {
  return guarded(item, index, (r, id) => {
    const eventId = r.id('id');
    const type = r.oneOf('type', EVENT_TYPES);
    const occurredAt = r.time('occurred_at');
    let v: Record<string, unknown> = { id: eventId, type, occurredAt };
    switch (type) {
      case 'listing.status_changed':
        v = { ...v, listingId: r.id('listing_id'), status: r.oneOf('status', LISTING_STATUSES) };
        break;
      case 'listing.price_changed':
        v = { ...v, listingId: r.id('listing_id'), priceMinor: r.int('price_minor', 0, Number.MAX_SAFE_INTEGER), currency: r.currency('currency') };
        break;
      case 'order.created':
        v = {
          ...v,
          orderId: r.id('order_id'),
          listingId: r.id('listing_id'),
          buyerId: r.id('buyer_id'),
          sellerId: r.id('seller_id'),
          amountMinor: r.int('amount_minor', 0, Number.MAX_SAFE_INTEGER),
          currency: r.currency('currency'),
        };
        break;
      case 'order.cancelled':
      case 'order.refunded':
        v = { ...v, orderId: r.id('order_id') };
        break;
      case undefined:
        break;
    }
    return finish(r, id, () => v as unknown as EventInput);
  });
}

/** Validates one seller item of `POST /v1/sellers:batch`. */
export function parseSeller(item: unknown, index: number): Parsed<SellerInput> {
  return guarded(item, index, (r, id) => {
    const v = {
      id: r.id('id'),
      name: r.text('name', true, 200),
      email: r.email('email'),
      country: r.country('country', true),
      timeZone: r.timeZone('time_zone'),
      languages: r.languages('languages'),
      tier: r.text('tier', true, 40),
      commissionRateBps: r.int('commission_rate_bps', 0, 10_000),
      status: r.oneOf('status', SELLER_STATUSES),
      updatedAt: r.time('updated_at'),
    };
    return finish(r, id, () => v as SellerInput);
  });
}

/** Validates one buyer item of `POST /v1/buyers:batch`. */
export function parseBuyer(item: unknown, index: number): Parsed<BuyerInput> {
  return guarded(item, index, (r, id) => {
    const v = {
      id: r.id('id'),
      name: r.text('name', true, 200),
      email: r.email('email'),
      country: r.country('country', false),
      updatedAt: r.time('updated_at'),
    };
    return finish(r, id, () => v as BuyerInput);
  });
}

/** Validates one listing item of `POST /v1/listings:batch`. */
export function parseListing(item: unknown, index: number): Parsed<ListingInput> {
  return guarded(item, index, (r, id) => {
    const v = {
      id: r.id('id'),
      sellerId: r.id('seller_id'),
      title: r.text('title', true, 500),
      category: r.oneOf('category', LISTING_CATEGORIES),
      priceMinor: r.int('price_minor', 0, Number.MAX_SAFE_INTEGER),
      currency: r.currency('currency'),
      status: r.oneOf('status', LISTING_STATUSES),
      period: r.text('period', false, 200),
      materials: r.text('materials', false, 500),
      dimensions: r.text('dimensions', false, 200),
      createdAt: r.time('created_at', false),
      updatedAt: r.time('updated_at'),
    };
    return finish(r, id, () => v as ListingInput);
  });
}

export const PARSERS: { readonly [K in IngestKind]: (item: unknown, index: number) => Parsed<unknown> } = {
  messages: parseMessage,
  events: parseEvent,
  sellers: parseSeller,
  buyers: parseBuyer,
  listings: parseListing,
};
