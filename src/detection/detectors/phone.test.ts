import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hitsOf } from './test-helpers';
import { validatePhone, xJustBefore } from './phone';
import { validDigits } from './phone-parse';
import { findDigitRuns } from './digit-runs';

/** {@link validatePhone} as specified, straight from the parser: no length filter, nothing kept between calls. */
function validateSlowly(digits: string, plus: boolean, regions: readonly string[], lenient: number): string | undefined {
  if (digits.length < 7 || digits.length > 17) return undefined;
  if (plus || (digits.startsWith('00') && digits.length >= 10)) return validDigits(plus ? digits : digits.slice(2), undefined)?.number;
  for (let k = 0; k < regions.length; k++) {
    const p = validDigits(digits, regions[k]!);
    if (p === undefined) continue;
    const written = p.formatNational().replace(/\D/g, '');
    if (k >= lenient && written.length > digits.length && written.endsWith(digits)) continue;
    return p.number;
  }
  return undefined;
}

const MARKET = ['FR', 'GB', 'US', 'DE', 'IT', 'ES', 'NL', 'BE', 'CH', 'AT', 'CA', 'JE', 'PT', 'BR', 'IN', 'RU', 'KZ', 'XX'];
const phoneDigits = fc
  .tuple(
    fc.constantFrom('', '0', '00', '06', '07', '01', '1', '3', '44', '33', '39', '49', '0044', '0033', '011', '7'),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 14 }),
  )
  .map(([p, ds]) => p + ds.join(''));

describe('phone detector', () => {
  it('spelled-out French phone number is caught and normalized to E.164', () => {
    const [h] = hitsOf('phone', 'zéro six douze trente-quatre cinquante-six soixante-dix-huit', { country: 'FR' });
    expect(h?.normalized).toBe('+33612345678');
    expect(h?.rule).toBe('phone.obfuscated');
  });
  it('offsets cover the original words, not the normalized digits', () => {
    const text = 'Appelez le zéro six douze trente-quatre cinquante-six soixante-dix-huit merci';
    const [h] = hitsOf('phone', text, { country: 'FR' });
    expect(h?.value).toBe('zéro six douze trente-quatre cinquante-six soixante-dix-huit');
  });
  it('uses the seller country before the fallback list', () => {
    const [h] = hitsOf('phone', 'my cell 0612345678', { seller_country: 'NL' });
    expect(h?.normalized).toBe('+31612345678');
  });
  it('a contact word lifts the score of a national number', () => {
    const bare = hitsOf('phone', '2125559876')[0];
    const ctx = hitsOf('phone', 'call 2125559876')[0];
    expect(ctx!.score).toBeGreaterThan(bare!.score);
  });
  it('two numbers in one run are both found', () => {
    expect(hitsOf('phone', 'tel 06 12 34 56 78 / 07 11 22 33 44', { country: 'FR' })).toHaveLength(2);
  });
  it('a price, a dimension, a date range and a lot number are not phones', () => {
    expect(hitsOf('phone', '$12,500 — 82 x 45 x 30 cm — 1799–1800 — lot 4412983301')).toEqual([]);
  });
  it('validation tries the hint regions in order', () => {
    expect(validatePhone('0612345678', false, ['FR'])).toBe('+33612345678');
    expect(validatePhone('116610', false, ['DE', 'FR'])).toBeUndefined();
  });
  it('validation gives what the parser gives, asked once or again (the answers kept are the same)', () => {
    fc.assert(
      fc.property(phoneDigits, fc.boolean(), fc.uniqueArray(fc.constantFrom(...MARKET), { minLength: 1, maxLength: 8 }), fc.nat(8), (digits, plus, regions, lenient) => {
        const expected = validateSlowly(digits, plus, regions, lenient);
        expect(validatePhone(digits, plus, regions, lenient)).toBe(expected);
        // the second time from what was kept, also with the regions in another order
        expect(validatePhone(digits, plus, regions, lenient)).toBe(expected);
        const reversed = [...regions].reverse();
        expect(validatePhone(digits, plus, reversed, lenient)).toBe(validateSlowly(digits, plus, reversed, lenient));
      }),
      { numRuns: 3_000 },
    );
  });
  it("finds an 'x' just before a position as lastIndexOf does", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('x', '1', ' ', 'a'), { maxLength: 12 }), fc.nat(12), (chars, p) => {
        const text = chars.join('');
        const pos = Math.min(p, text.length);
        expect(xJustBefore(text, pos)).toBe(pos - text.lastIndexOf('x', pos) <= 2);
      }),
      { numRuns: 5_000 },
    );
  });
  it('validation stays right after more numbers than are kept', () => {
    const first = ['0612345678', '612345678', '2125559876', '07700900123'];
    for (const d of first) expect(validatePhone(d, false, ['GB', 'FR'], 1)).toBe(validateSlowly(d, false, ['GB', 'FR'], 1));
    for (let k = 0; k < 5_000; k++) {
      const d = String(1_000_000 + k * 7919);
      expect(validatePhone(d, false, ['FR', 'US'], 1)).toBe(validateSlowly(d, false, ['FR', 'US'], 1));
    }
    for (const d of first) expect(validatePhone(d, false, ['GB', 'FR'], 1)).toBe(validateSlowly(d, false, ['GB', 'FR'], 1));
  });
  it('a number without its trunk prefix counts only in the countries the message is known to come from', () => {
    expect(validatePhone('612345678', false, ['FR', 'DE'], 1)).toBe('+33612345678');
    expect(validatePhone('612345678', false, ['DE', 'FR'], 0)).toBeUndefined();
    expect(validatePhone('0612345678', false, ['FR', 'DE'], 0)).toBe('+33612345678');
    expect(hitsOf('phone', '612345678', { country: 'FR' })[0]?.normalized).toBe('+33612345678');
    // valid in Germany only when written 038194402
    expect(hitsOf('phone', 'batch 38194402 arrived')).toEqual([]);
    expect(hitsOf('phone', 'batch 38194402 arrived', { country: 'DE' })[0]?.normalized).toBe('+4938194402');
    expect(hitsOf('phone', 'call me on 612345678')[0]?.normalized).toBe('+33612345678');
  });
  it('a clock time after a number is not part of it, and a date with a time is no number', () => {
    expect(hitsOf('phone', 'appelle le 0612345678 14:30', { country: 'FR' })[0]?.value).toBe('0612345678');
    expect(hitsOf('phone', 'viewing on 2025-03-14 10:30')).toEqual([]);
  });
  it('an IPv4 address is not a phone number', () => {
    expect(hitsOf('phone', 'the camera answers at 192.168.20.14')).toEqual([]);
  });
  it('reads English "oh" for zero and "double" digits', () => {
    expect(hitsOf('phone', 'oh seven nine one one, double two three, four five six', { country: 'GB' })[0]?.normalized).toBe('+447911223456');
  });
  it('reads O for 0 in every group of a written number', () => {
    const [h] = hitsOf('phone', 'Tel O2O 7946 O9OO', { country: 'GB' });
    expect(h).toMatchObject({ normalized: '+442079460900', rule: 'phone.obfuscated', value: 'O2O 7946 O9OO' });
  });
  it('reads a spelled number that follows a sentence ending in a price', () => {
    const [h] = hitsOf('phone', 'Prezzo finale 4.200. tre quattro sette uno due tre quattro cinque sei sette', { country: 'IT' });
    expect(h?.normalized).toBe('+393471234567');
  });
  it('a full stop and a space end a digit run, unless both sides are short groups', () => {
    expect(findDigitRuns('4.500. 3 3 3 0 9').map((r) => r.groups.length)).toEqual([2, 5]);
    expect(findDigitRuns('06. 12. 34. 56. 78')).toHaveLength(1);
  });
  it("reads a buyer's national number in the buyer's country first", () => {
    const ctx = { seller_country: 'DE', buyer_country: 'AT' };
    expect(hitsOf('phone', 'Hier meine Nummer: 0676 9350878', { ...ctx, sender: 'buyer:b1' })[0]?.normalized).toBe('+436769350878');
    expect(hitsOf('phone', 'Hier meine Nummer: 0676 9350878', { ...ctx, sender: 'seller:s1' })[0]?.normalized).toBe('+496769350878');
  });
});
