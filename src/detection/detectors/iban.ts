import { toOriginal, type TextView } from '../normalize';
import type { CompiledRuleSet } from '../rules';
import type { RawHit } from '../types';
import { WORD_FLAG } from '../rules';
import { LIMITS, type Detector } from './detector';
import { hasFlagBefore, isAlnumLower } from './text-utils';

/** IBAN length per country (SWIFT IBAN registry). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27,
  GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24,
  PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25,
  SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function ibanChecksumOk(iban: string): boolean {
  const s = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rem = (rem * 100 + (c - 55)) % 97;
    else return false;
  }
  return rem === 1;
}

/**
 * IBANs, written compact or in groups: checksum-valid ones, and near-valid ones (right country and
 * length but a wrong checksum, or one character short or long) when the text talks about a bank.
 */
export const ibanDetector: Detector = {
  name: 'iban',
  kinds: ['iban'],
  applies: (s) => s.digits >= 8 && s.ibanStarts > 0,
  detect(state) {
    const view = state.digitView();
    const from = state.hits.length;
    findIbans(state.rs, view, state.hits);
    // the digit view reads o/l/i next to digits as 0/1 ("O6l2"), which also turns the country code of
    // "IL62 0108…" or "LI21 0881…" into digits: those are looked for in the folded view as well
    if (view !== state.folded) {
      const found = state.hits.slice(from);
      const more: RawHit[] = [];
      findIbans(state.rs, state.folded, more);
      for (const h of more) if (!found.some((f) => h.start < f.end && h.end > f.start)) state.hits.push(h);
    }
  },
};

function findIbans(rs: CompiledRuleSet, view: TextView, out: RawHit[]): void {
  const text = view.text;
  let budget = LIMITS.candidates;
  for (let i = 0; i + 4 <= text.length && budget > 0; i++) {
    const c0 = text.charCodeAt(i);
    if (c0 < 97 || c0 > 122) continue;
    if (i > 0 && isAlnumLower(text.charCodeAt(i - 1))) continue;
    const c1 = text.charCodeAt(i + 1);
    if (c1 < 97 || c1 > 122 || !isD(text.charCodeAt(i + 2)) || !isD(text.charCodeAt(i + 3))) continue;
    const cc = text.slice(i, i + 2).toUpperCase();
    const len = IBAN_LENGTHS[cc];
    if (len === undefined) continue;
    budget--;
    // collect alphanumerics, allowing single spaces or dashes between groups
    let compact = '';
    let j = i;
    const ends: number[] = [];
    while (j < text.length && compact.length < len + 1) {
      const c = text.charCodeAt(j);
      if (isAlnumLower(c)) {
        compact += text[j];
        ends.push(j + 1);
        j++;
      } else if ((c === 32 || c === 45) && j + 1 < text.length && isAlnumLower(text.charCodeAt(j + 1)) && compact.length >= 4) j++;
      else break;
    }
    const upper = compact.toUpperCase();
    let end = -1;
    let near = false;
    if (upper.length >= len && /^[A-Z0-9]+$/.test(upper.slice(0, len)) && ibanChecksumOk(upper.slice(0, len))) end = ends[len - 1]!;
    else if (upper.length >= len - 1 && upper.length >= 12) {
      const bank = hasFlagBefore(rs.words, text, i, WORD_FLAG.bank, 4, 48);
      const grouped = /^[a-z]{2}\d{2} [a-z0-9]{4} /.test(text.slice(i, i + 10));
      if (bank || grouped) {
        near = true;
        end = ends[Math.min(len, upper.length) - 1]!;
      }
    }
    if (end < 0) continue;
    const span = toOriginal(view, i, end);
    const normalized = text.slice(i, end).replace(/[\s-]/g, '').toUpperCase();
    out.push({
      kind: 'iban',
      start: span.start,
      end: span.end,
      normalized,
      rule: near ? 'iban.near_valid' : 'iban.valid',
      clause: rs.iban.clause,
      weight: near ? rs.iban.weights.near : rs.iban.weights.valid,
    });
    i = end;
  }
}

function isD(c: number): boolean {
  return c >= 48 && c <= 57;
}
