import fc from 'fast-check';
import { getCountries, getCountryCallingCode, getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import { describe, expect, it } from 'vitest';
import { mayBeValidIn } from './phone-lengths';

/**
 * The refusal before libphonenumber-js must be exact: a digit string it refuses for a region is
 * one the library itself finds invalid there.
 */
describe('refusing a digit string before parsing it', () => {
  const regions = getCountries();
  // valid numbers of every country, in the shapes people type them: national, significant, international…
  const samples: string[] = [];
  for (const c of regions) {
    const ex = getExampleNumber(c, examples);
    if (ex === undefined) continue;
    const national = ex.formatNational().replace(/\D/g, '');
    const nsn = String(ex.nationalNumber);
    const intl = ex.number.replace(/\D/g, '');
    for (const s of [national, nsn, intl, `00${intl}`, `011${intl}`, `0${nsn}`, `1${nsn}`, `8${nsn}`, nsn.slice(0, -1), `${national}5`]) {
      if (s.length >= 7 && s.length <= 17) samples.push(s);
    }
  }
  // the hint regions of the default rule set, and a spread of the others
  const hint = ['FR', 'IT', 'DE', 'ES', 'NL', 'GB', 'US', 'BE', 'CH', 'AT'];
  const tried = [...hint, ...regions.filter((_, i) => i % 12 === 0)] as CountryCode[];

  it('never refuses what the library accepts', () => {
    let refused = 0;
    let validSeen = 0;
    for (const region of tried) {
      for (const d of samples) {
        const may = mayBeValidIn(region, d);
        if (may && !hint.includes(region)) continue;
        const valid = parsePhoneNumberFromString(d, region)?.isValid() === true;
        if (valid) validSeen++;
        if (!may) {
          refused++;
          expect({ region, d, valid }).toEqual({ region, d, valid: false });
        }
      }
    }
    expect(refused).toBeGreaterThan(samples.length);
    expect(validSeen).toBeGreaterThan(100);
  });
  it('refuses references and dates that fit no number of the region', () => {
    expect(mayBeValidIn('FR', '12345')).toBe(false);
    expect(mayBeValidIn('FR', '0612345678')).toBe(true);
    expect(mayBeValidIn('ES', '20240512')).toBe(false);
    // an international prefix is left to the parser
    expect(mayBeValidIn('FR', '0044207946000')).toBe(true);
    // the calling code without '+' is read both ways
    expect(mayBeValidIn('FR', '33612345678')).toBe(true);
    expect(mayBeValidIn('FR', '330612345678')).toBe(true);
    expect(mayBeValidIn('FR', '3312345')).toBe(false);
    // an unknown region is left to the parser
    expect(mayBeValidIn('XX', '12345')).toBe(true);
  });
  it('never refuses what the library accepts, for digits that start with a calling code or a prefix', () => {
    const hint = ['FR', 'IT', 'DE', 'ES', 'NL', 'GB', 'US', 'BE', 'CH', 'AT', 'CA', 'JE', 'RU', 'KZ', 'PT', 'IN'] as CountryCode[];
    const prefix = fc.oneof(
      fc.constantFrom(...hint).map((r) => getCountryCallingCode(r)),
      fc.constantFrom(...hint).map((r) => `${getCountryCallingCode(r)}0`),
      fc.constantFrom('', '0', '1', '00', '011', '06', '07', '8'),
    );
    const digits = fc.tuple(prefix, fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 13 })).map(([p, ds]) => (p + ds.join('')).slice(0, 17));
    fc.assert(
      fc.property(digits, fc.constantFrom(...hint), (d, region) => {
        if (!mayBeValidIn(region, d)) expect({ region, d, valid: parsePhoneNumberFromString(d, region)?.isValid() === true }).toEqual({ region, d, valid: false });
      }),
      { numRuns: 20_000 },
    );
  });
});
