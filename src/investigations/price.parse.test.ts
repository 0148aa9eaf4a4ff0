import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findAmounts } from './price.parse';

describe('amounts written in messages', () => {
  it.each([
    ['I can let it go for € 3.200', 320000, 'EUR'],
    ['$12,500 and it is yours', 1250000, 'USD'],
    ['12 500 EUR, final', 1250000, 'EUR'],
    ['would you take 2.5k?', 250000, undefined],
    ['CHF 4’500.– inkl. Versand', 450000, 'CHF'],
    ['prix 4.500 €', 450000, 'EUR'],
    ['US$ 9,999.50', 999950, 'USD'],
    ['1.250,50 € TTC', 125050, 'EUR'],
    ['£800', 80000, 'GBP'],
  ])('reads %s', (text, minor, currency) => {
    const found = findAmounts(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ amountMinor: minor, currency });
  });

  it('ignores dimensions, years, lot numbers and references', () => {
    expect(findAmounts('120 x 80 cm, circa 1965, lot 12345, ref. 5711/1A, 18k gold')).toEqual([]);
  });

  it('finds every amount of an exchange of offers, in order', () => {
    expect(findAmounts('Listed at €5,000; I offer €4,200, you said 4.600 €').map((a) => a.amountMinor)).toEqual([500000, 420000, 460000]);
  });

  it('recovers any whole amount however it is grouped and whichever side the currency is on', () => {
    const styles = [
      (n: number) => n.toLocaleString('en-US'),
      (n: number) => n.toLocaleString('de-DE'),
      (n: number) => n.toLocaleString('fr-FR'),
      (n: number) => String(n),
    ];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.nat(styles.length - 1), fc.constantFrom('€', '$', '£', 'EUR', 'USD', 'CHF'), fc.boolean(), (n, s, cur, before) => {
        const written = styles[s]!(n);
        const text = before ? `offer: ${cur} ${written} ok` : `offer: ${written} ${cur} ok`;
        const found = findAmounts(text);
        expect(found.map((a) => a.amountMinor), text).toEqual([n * 100]);
        expect(text.slice(found[0]!.start, found[0]!.end)).toContain(written);
      }),
    );
  });
});
