import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCompiledRuleSet, redact, scanMessage } from './index';
import { memoRegionHints, regionHints, stableSort } from './scan';

const rs = defaultCompiledRuleSet();
const scan = (text: string, extra = {}) => scanMessage(rs, { id: 'm', text, ...extra });

const positives = [
  'Call me on +44 7911 123456',
  'zéro six douze trente-quatre cinquante-six soixante-dix-huit',
  'mail john.doe at gmail dot com',
  'IBAN FR76 3000 6000 0112 3456 7890 189',
  'WhatsApp: @villa_antiques',
  'card 4111 1111 1111 1111',
  'see villa-antiques.fr',
];
const benign = ['Lovely piece.', ' The patina is original. ', '\n', 'Prix 3.200 €. ', ' 82 x 45 x 30 cm ', ' circa 1920 ', 'Très belle commode ! '];

describe('scanMessage', () => {
  it('returns the contract shape: verdict from the score, hits with offsets into the original', () => {
    const r = scan('Call me on +44 7911 123456 to discuss the price');
    expect(r.verdict).toBe('violation');
    for (const h of r.hits) expect(Object.keys(h).sort()).toEqual(['clause', 'end', 'kind', 'normalized', 'rule', 'score', 'start', 'value']);
  });
  it('a compliant dealer message is clear with no hits', () => {
    expect(scan('Price $12,500 — H 32 in. x W 18 in. — circa 1920 — lot 245.')).toEqual({ id: 'm', verdict: 'clear', score: 0, hits: [] });
  });
  it('contact details after an order exists score lower than before', () => {
    const before = scan('my number 06 12 34 56 78', { country: 'FR' });
    const after = scan('my number 06 12 34 56 78', { country: 'FR', order_exists: true });
    expect(after.score).toBeLessThan(before.score);
    expect(after.verdict).toBe('clear');
  });
  it('payment outside the platform stays a violation even after an order', () => {
    expect(scan('IBAN FR76 3000 6000 0112 3456 7890 189', { order_exists: true }).verdict).toBe('violation');
  });

  it('never throws on arbitrary Unicode, and every hit lies within the text with value = slice', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (text) => {
        const r = scan(text);
        for (const h of r.hits) {
          expect(h.start).toBeGreaterThanOrEqual(0);
          expect(h.end).toBeLessThanOrEqual(text.length);
          expect(h.start).toBeLessThan(h.end);
          expect(h.value).toBe(text.slice(h.start, h.end));
        }
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
  it('never throws on digit-and-symbol soup', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9 +().,@\-:/a-z]{0,200}$/), (text) => {
        expect(() => scan(text)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
  it('inserting benign text around a message does not remove its hit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...positives), fc.constantFrom(...benign), fc.constantFrom(...benign), (p, a, b) => {
        const kinds = new Set(scan(p, { country: 'FR' }).hits.map((h) => h.kind));
        const wrapped = new Set(scan(a + ' ' + p + ' ' + b, { country: 'FR' }).hits.map((h) => h.kind));
        for (const k of kinds) expect(wrapped.has(k)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
  it('masking removes every hit value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...positives), fc.constantFrom(...benign), (p, b) => {
        const text = `${b} ${p} ${b}`;
        const r = scan(text, { country: 'FR' });
        const masked = redact(text, r.hits);
        for (const h of r.hits) if (h.value.length > 3) expect(masked.includes(h.value)).toBe(false);
        expect(scan(masked, { country: 'FR' }).hits.filter((h) => h.kind !== 'intent')).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
  it('a 1 MB adversarial message (digit runs, separators, brackets, @ and dots) scans in bounded time', () => {
    const chunk = '0-1-2-3 (((( @@@@ .... a@b.c.d.e 1.2.3.4 ' + '9'.repeat(40) + ' [at] (dot) zero un deux ';
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const t0 = performance.now();
    scan(text);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe('region hints', () => {
  const code = fc.constantFrom(undefined, 'FR', 'fr', 'DE', 'us', 'XX', 'F', 'FRA', '', 'ß', 'Gb ');
  const input = fc.record({
    country: code,
    seller_country: code,
    buyer_country: code,
    lang: fc.constantFrom(undefined, 'fr', 'FR-be', 'de', 'en-GB', 'it', 'pt', ''),
    sender: fc.constantFrom(undefined, 'buyer:b1', 'Buyer', 'seller:s1', 'b', 's', 'admin'),
  });
  it('kept per combination of the fields they read are the ones computed afresh', () => {
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 20 }), (inputs) => {
        for (const i of inputs) {
          const m = { id: 'm', text: '', ...i };
          expect(memoRegionHints(rs, m)).toEqual(regionHints(rs, m));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('stableSort', () => {
  it('orders like the built-in stable sort, ties kept in place', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer()), { maxLength: 60 }), (xs) => {
        const cmp = (a: [number, number], b: [number, number]): number => a[0] - b[0];
        expect(stableSort([...xs], cmp)).toEqual([...xs].sort(cmp));
      }),
    );
  });
});
