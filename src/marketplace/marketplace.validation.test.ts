import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonicalLanguageTag,
  canonicalTimeZone,
  COUNTRY_CODE_LIST,
  isCountryCode,
  parseBuyer,
  parseEvent,
  parseIsoTime,
  parseListing,
  parseMessage,
  parseSeller,
  PARSERS,
} from './marketplace.validation';

const goodMessage = {
  id: 'm-1',
  conversation_id: 'c-1',
  buyer_id: 'b-1',
  seller_id: 's-1',
  listing_id: 'l-1',
  sender_role: 'buyer',
  body: 'Would you accept 4,000 for the pair?',
  sent_at: '2026-03-01T09:30:00+01:00',
  lang: 'en',
};

describe('message items', () => {
  it('accept the documented shape and normalise the time to UTC', () => {
    const p = parseMessage(goodMessage, 0);
    expect(p.ok).toBe(true);
    if (p.ok) expect(p.value.sentAt.toISOString()).toBe('2026-03-01T08:30:00.000Z');
  });

  it('name each bad field with the item index', () => {
    const p = parseMessage({ ...goodMessage, sender_role: 'admin', sent_at: 12, body: 'x'.repeat(20_001), conversation_id: '' }, 7);
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.id).toBe('m-1');
      expect(p.errors.map((e) => e.field).sort()).toEqual(['/items/7/body', '/items/7/conversation_id', '/items/7/sender_role', '/items/7/sent_at']);
    }
  });

  it('accept an empty body and no language, and refuse NUL characters and lone surrogates', () => {
    expect(parseMessage({ ...goodMessage, body: '', lang: undefined }, 0).ok).toBe(true);
    expect(parseMessage({ ...goodMessage, lang: null }, 0).ok).toBe(true);
    const nul = parseMessage({ ...goodMessage, body: 'a\u0000b' }, 0);
    expect(!nul.ok && nul.errors[0]!.reason).toMatch(/NUL/);
    const lone = parseMessage({ ...goodMessage, body: 'a\uD800b' }, 0);
    expect(!lone.ok && lone.errors[0]!.reason).toMatch(/surrogate/);
  });

  it('refuse ids with spaces or over 128 characters', () => {
    expect(parseMessage({ ...goodMessage, id: 'has space' }, 0).ok).toBe(false);
    expect(parseMessage({ ...goodMessage, id: 'x'.repeat(129) }, 0).ok).toBe(false);
  });
});

describe('timestamps', () => {
  it('need a zone and a real calendar date', () => {
    expect(parseIsoTime('2026-03-01T09:30:00Z')?.toISOString()).toBe('2026-03-01T09:30:00.000Z');
    expect(parseIsoTime('2026-03-01T09:30:00.123456Z')?.toISOString()).toBe('2026-03-01T09:30:00.123Z');
    expect(parseIsoTime('2024-02-29T00:00:00Z')).toBeDefined();
    expect(parseIsoTime('2026-03-01T09:30:00')).toBeUndefined();
    expect(parseIsoTime('2026-02-30T09:30:00Z')).toBeUndefined();
    expect(parseIsoTime('2025-02-29T00:00:00Z')).toBeUndefined();
    expect(parseIsoTime('2026-03-01T24:00:00Z')).toBeUndefined();
    expect(parseIsoTime('yesterday')).toBeUndefined();
  });

  it('round-trip every instant in range', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        expect(parseIsoTime(d.toISOString())?.getTime()).toBe(d.getTime());
      }),
    );
  });
});

describe('seller items', () => {
  const good = {
    id: 's-1',
    name: 'Studio Vetro',
    country: 'it',
    time_zone: 'Europe/Rome',
    languages: ['it', 'EN-gb'],
    tier: 'gold',
    commission_rate_bps: 1200,
    status: 'active',
    updated_at: '2026-01-01T00:00:00Z',
  };

  it('normalise country and language tags', () => {
    const p = parseSeller(good, 0);
    expect(p.ok && p.value.country).toBe('IT');
    expect(p.ok && p.value.languages).toEqual(['it', 'en-GB']);
  });

  it('refuse codes that are not ISO 3166-1 alpha-2, unknown time zones and offsets', () => {
    for (const country of ['UK', 'EU', 'XX', 'FRA', 'F']) expect(parseSeller({ ...good, country }, 0).ok, country).toBe(false);
    for (const tz of ['Mars/Olympus', '+01:00', 'Europe/', '']) expect(parseSeller({ ...good, time_zone: tz }, 0).ok, tz).toBe(false);
  });

  it('know every assigned country code the runtime can name', () => {
    expect(COUNTRY_CODE_LIST).toHaveLength(249);
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const c of COUNTRY_CODE_LIST) expect(names.of(c), c).not.toBe(c);
    expect(isCountryCode('FR')).toBe(true);
  });

  it('accept IANA zones and BCP 47 tags', () => {
    expect(canonicalTimeZone('America/New_York')).toBe('America/New_York');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalLanguageTag('pt-br')).toBe('pt-BR');
    expect(canonicalLanguageTag('not a tag')).toBeUndefined();
  });
});

describe('event items', () => {
  it('require the fields of their type', () => {
    expect(parseEvent({ id: 'e1', type: 'listing.price_changed', occurred_at: '2026-01-01T00:00:00Z', listing_id: 'l1', price_minor: 100, currency: 'EUR' }, 0).ok).toBe(true);
    const p = parseEvent({ id: 'e1', type: 'listing.price_changed', occurred_at: '2026-01-01T00:00:00Z', listing_id: 'l1', price_minor: -1, currency: 'eur' }, 2);
    expect(!p.ok && p.errors.map((e) => e.field)).toEqual(['/items/2/price_minor', '/items/2/currency']);
    expect(parseEvent({ id: 'e2', type: 'order.refunded', occurred_at: '2026-01-01T00:00:00Z' }, 0).ok).toBe(false);
  });
});

describe('buyer and listing items', () => {
  it('accept the documented shapes', () => {
    expect(parseBuyer({ id: 'b1', name: 'R. Okafor', updated_at: '2026-01-01T00:00:00Z' }, 0).ok).toBe(true);
    const listing = {
      id: 'l1',
      seller_id: 's1',
      title: 'Louis XVI bergère',
      category: 'furniture',
      price_minor: 1250000,
      currency: 'EUR',
      status: 'active',
      materials: 'beech, silk',
      updated_at: '2026-01-01T00:00:00Z',
    };
    expect(parseListing(listing, 0).ok).toBe(true);
    expect(parseListing({ ...listing, category: 'cars', price_minor: 1.5 }, 0).ok).toBe(false);
  });
});

describe('any input at all', () => {
  const garbled = fc.oneof(
    fc.anything(),
    fc.dictionary(
      fc.constantFrom('id', 'conversation_id', 'buyer_id', 'seller_id', 'listing_id', 'sender_role', 'body', 'sent_at', 'lang', 'type', 'occurred_at', 'status', 'price_minor', 'currency', 'order_id', 'amount_minor', 'name', 'country', 'time_zone', 'languages', 'tier', 'commission_rate_bps', 'updated_at', 'title', 'category', 'created_at', 'email'),
      fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object(), fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString()))),
    ),
    fc.record({ ...Object.fromEntries(Object.entries(goodMessage).map(([k, v]) => [k, fc.oneof(fc.constant(v), fc.anything())])) }),
  );

  it('never throws and always yields a value or named errors, for every kind', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(PARSERS) as (keyof typeof PARSERS)[])), garbled, fc.nat(5000), (kind, item, index) => {
        const p = PARSERS[kind](item, index);
        if (!p.ok) {
          expect(p.errors.length).toBeGreaterThan(0);
          for (const e of p.errors) {
            expect(e.field.startsWith(`/items/${index}`)).toBe(true);
            expect(e.reason.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
