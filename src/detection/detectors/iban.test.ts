import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hitsOf } from './test-helpers';
import { ibanChecksumOk } from './iban';

function withCheck(country: string, bban: string): string {
  let r = 0;
  for (const c of bban + country + '00') r = (r * (/\d/.test(c) ? 10 : 100) + (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55)) % 97;
  return country + String(98 - r).padStart(2, '0') + bban;
}

describe('iban detector', () => {
  it('a checksum-valid IBAN in groups of four is found and compacted', () => {
    expect(hitsOf('iban', 'IBAN FR76 3000 6000 0112 3456 7890 189')[0]?.normalized).toBe('FR7630006000011234567890189');
  });
  it('a near-valid IBAN next to bank words is reported as near-valid with a lower score', () => {
    const [h] = hitsOf('iban', 'IBAN: NL91 ABNA 0417 1643 01');
    expect(h?.rule).toBe('iban.near_valid');
    expect(h!.score).toBeLessThan(0.9);
  });
  it('any generated German IBAN passes the checksum and is found', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{18}$/), (bban) => {
        const iban = withCheck('DE', bban);
        expect(ibanChecksumOk(iban)).toBe(true);
        expect(hitsOf('iban', `pay to ${iban} thanks`)[0]?.normalized).toBe(iban);
      }),
      { numRuns: 50 },
    );
  });
  it('a country code of o/l/i letters ("IL", "LI") is not read as digits', () => {
    expect(hitsOf('iban', 'IBAN IL05 0108 0000 0012 3456 789')[0]?.normalized).toBe('IL050108000000123456789');
    expect(hitsOf('iban', withCheck('LI', '0880000001234567K'))[0]?.rule).toBe('iban.valid');
  });
});
