import fc from 'fast-check';
import { getCountries, getCountryCallingCode, getExampleNumber, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { parseDigits, validDigits } from './phone-parse';

/**
 * The detector's parse of a digit string must be the parser's, field for field, whatever the
 * digits and the region: the same number, country, national number, validity, type and national
 * format.
 */
const described = (p: PhoneNumber | undefined): unknown =>
  p === undefined ? undefined : [p.number, p.country, p.nationalNumber, p.countryCallingCode, p.carrierCode, p.isValid(), p.getType(), p.formatNational()];

const REGIONS = getCountries();
const MARKET = ['FR', 'GB', 'US', 'DE', 'IT', 'ES', 'NL', 'BE', 'CH', 'AT'] as const;

/** Every country's example mobile number, as people write it: national significant number, national format, with the calling code. */
const written: { region: CountryCode; digits: string }[] = REGIONS.flatMap((region) => {
  const ex = getExampleNumber(region, examples);
  if (ex === undefined) return [];
  const national = ex.formatNational().replace(/\D/g, '');
  return [ex.nationalNumber, national, `${getCountryCallingCode(region)}${ex.nationalNumber}`, `00${getCountryCallingCode(region)}${ex.nationalNumber}`].map((digits) => ({ region, digits }));
});

const digitString = fc
  .tuple(
    fc.constantFrom('', '0', '00', '011', '06', '07', '01', '1', '3', '44', '33', '39', '49', '8', '9', '0044', '0033', '810'),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 15 }),
  )
  .map(([p, ds]) => (p + ds.join('')).slice(0, 17));

describe('parsing a digit string as libphonenumber-js does', () => {
  it('knows a number of a shared calling code valid when a number type of the country it picked took it', () => {
    // +44: GB, GG, IM, JE; +1: US, CA and the Caribbean; +39: IT, VA
    for (const [d, r] of [['07700900123', 'GB'], ['02079460000', 'GB'], ['2025550143', 'US'], ['4165550123', 'CA'], ['0612345678', 'IT'], ['3123456789', 'IT']] as const) {
      const expected = parsePhoneNumberFromString(d, r);
      expect(described(validDigits(d, r))).toEqual(described(expected?.isValid() === true ? expected : undefined));
    }
  });

  it('gives the parser\'s result for random digits in every region and with "+"', () => {
    fc.assert(
      fc.property(digitString, fc.oneof(fc.constantFrom(...REGIONS), fc.constantFrom(...MARKET)), fc.boolean(), (digits, region, plus) => {
        const expected = plus ? parsePhoneNumberFromString('+' + digits) : parsePhoneNumberFromString(digits, region);
        expect(described(parseDigits(digits, plus ? undefined : region))).toEqual(described(expected));
        expect(described(validDigits(digits, plus ? undefined : region))).toEqual(described(expected?.isValid() === true ? expected : undefined));
      }),
      { numRuns: 20_000 },
    );
  });

  it("gives the parser's result for every country's example number, written every way, and for its neighbours", () => {
    let valid = 0;
    for (const { region, digits } of written) {
      for (const d of [digits, digits.slice(0, -1), `${digits}1`, `${digits.slice(0, -2)}00`, `0${digits}`]) {
        for (const r of [region, ...MARKET]) {
          const expected = parsePhoneNumberFromString(d, r);
          if (expected?.isValid() === true) valid++;
          expect(described(parseDigits(d, r))).toEqual(described(expected));
          expect(described(validDigits(d, r))).toEqual(described(expected?.isValid() === true ? expected : undefined));
        }
        const international = parsePhoneNumberFromString('+' + d);
        expect(described(parseDigits(d, undefined))).toEqual(described(international));
        expect(described(validDigits(d, undefined))).toEqual(described(international?.isValid() === true ? international : undefined));
      }
    }
    // the comparison covered many valid numbers, not only refusals
    expect(valid).toBeGreaterThan(1000);
  });

  it('hands unknown regions and non-ASCII digits to the parser', () => {
    expect(described(parseDigits('0612345678', 'XX'))).toEqual(described(parsePhoneNumberFromString('0612345678', 'XX' as CountryCode)));
    expect(described(parseDigits('０６12345678', 'FR'))).toEqual(described(parsePhoneNumberFromString('０６12345678', 'FR')));
    expect(parseDigits('0612345678', 'FR')?.number).toBe('+33612345678');
    expect(parseDigits('33612345678', undefined)?.number).toBe('+33612345678');
  });
});
