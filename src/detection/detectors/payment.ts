import { toOriginal, viewIndexOf } from '../normalize';
import { WORD_FLAG } from '../rules';
import { LIMITS, type Detector } from './detector';
import { IBAN_LENGTHS } from './iban';
import { hasFlagBefore } from './text-utils';

/** Countries that appear in BIC codes beyond the IBAN ones. */
const EXTRA_BIC_COUNTRIES = 'US CA MX AU NZ JP CN HK SG KR IN TH MY ID PH VN TW ZA NG KE MA AR CL CO PE UY'.split(' ');
const BIC_COUNTRIES = new Set([...Object.keys(IBAN_LENGTHS), ...EXTRA_BIC_COUNTRIES]);

// Bounded, no nesting: constant work per start position.
const BIC = /(?<![A-Za-z0-9])[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![A-Za-z0-9])/g;
const ACCOUNT =
  /(?<![a-z])(sort[ -]?code|routing(?: number| no| nr| #)?|aba|account(?: number| no| nr| #)?|acct|a\/c|kontonummer|konto(?:nr)?|conto(?: corrente)?|n(?:umero|r)? (?:de |di )?(?:cuenta|compte|conto)|cuenta|rekening(?:nummer)?|compte|blz|bsb)[\s:#.\-]{0,4}(?:(?:is|no|nr|n|number|nummer|numero)[\s:#.]{0,3})?(\d[\d \-]{4,28}\d)/g;

/** ABA routing numbers carry a weighted checksum (3, 7, 1). */
export function abaOk(d: string): boolean {
  if (!/^\d{9}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i]) * [3, 7, 1][i % 3]!;
  return sum % 10 === 0;
}

/**
 * Bank details outside the IBAN format: SWIFT/BIC codes named as such, and account numbers next to
 * "sort code", "routing number", "account", "Konto", "conto", "cuenta", "rekening"….
 */
export const paymentDetector: Detector = {
  name: 'payment',
  kinds: ['payment'],
  applies: (s) => (s.flags & WORD_FLAG.bank) !== 0,
  detect(state) {
    const { rs, text } = state;
    const folded = state.folded.text;
    BIC.lastIndex = 0;
    let budget = LIMITS.candidates;
    for (let m = BIC.exec(text); m !== null && budget-- > 0; m = BIC.exec(text)) {
      if (!BIC_COUNTRIES.has(m[0].slice(4, 6))) continue;
      // map the original offset into the folded view's neighbourhood: for ASCII they coincide
      const foldedPos = viewIndexOf(state.folded, m.index);
      if (!hasFlagBefore(rs.words, folded, foldedPos, WORD_FLAG.bank, 4, 48)) continue;
      state.hits.push({ kind: 'payment', start: m.index, end: m.index + m[0].length, normalized: m[0], rule: 'payment.swift_bic', clause: rs.payment.clause, weight: rs.payment.weights.swift });
    }
    const view = state.digitView();
    ACCOUNT.lastIndex = 0;
    budget = LIMITS.candidates;
    for (let m = ACCOUNT.exec(view.text); m !== null && budget-- > 0; m = ACCOUNT.exec(view.text)) {
      const number = m[2]!;
      const digits = number.replace(/\D/g, '');
      if (digits.length < 6 || digits.length > 20) continue;
      const keyword = m[1]!;
      const routing = /routing|aba/.test(keyword);
      const s = m.index + m[0].length - number.length;
      const span = toOriginal(view, m.index, s + number.length);
      state.hits.push({
        kind: 'payment',
        start: span.start,
        end: span.end,
        normalized: `${keyword.replace(/\s+/g, ' ')}:${digits}`,
        rule: routing ? 'payment.routing_number' : 'payment.account_number',
        clause: rs.payment.clause,
        weight: routing && abaOk(digits) ? rs.payment.weights.routing : rs.payment.weights.account,
      });
    }
  },
};

