import { toOriginal } from '../normalize';
import { WORD_FLAG } from '../rules';
import { digitsOf } from './digit-runs';
import { LIMITS, type Detector } from './detector';
import { hasFlagBefore, wordsBefore } from './text-utils';

export function luhnOk(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

/** Issuer prefixes and lengths of the card networks people type into chats. */
export function cardNetwork(d: string): string | undefined {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p4 = Number(d.slice(0, 4));
  const p6 = Number(d.slice(0, 6));
  if (d[0] === '4' && (n === 13 || n === 16 || n === 19)) return 'visa';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n === 16) return 'mastercard';
  if ((p2 === 34 || p2 === 37) && n === 15) return 'amex';
  if ((d.startsWith('6011') || d.startsWith('65') || (p6 >= 644000 && p6 <= 649999)) && n >= 16 && n <= 19) return 'discover';
  if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) return 'jcb';
  if ((p2 === 36 || p2 === 38 || (p4 >= 3000 && p4 <= 3059)) && n >= 14 && n <= 19) return 'diners';
  if (p2 === 62 && n >= 16 && n <= 19) return 'unionpay';
  if ((d.startsWith('50') || (p2 >= 56 && p2 <= 69)) && n >= 12 && n <= 19) return 'maestro';
  return undefined;
}

/** A card word ("card", "carte", "Karte"…) among the three words before `pos`, with no reference or tracking word ("lot", "order", "tracking") nearer. */
function cardWordBefore(words: ReadonlyMap<string, number>, text: string, pos: number): boolean {
  for (const w of wordsBefore(text, pos, 3, 30)) {
    const f = words.get(w) ?? 0;
    if ((f & (WORD_FLAG.reference | WORD_FLAG.tracking)) !== 0) return false;
    if ((f & WORD_FLAG.card) !== 0) return true;
  }
  return false;
}

/**
 * How card numbers are written: one block of 13–19 digits, fours (4-4-4-4, 4-4-4-4-3), or the
 * 4-6-5 / 4-6-4 grouping of American Express and Diners cards.
 */
function cardShaped(lengths: readonly number[]): boolean {
  const n = lengths.length;
  if (n === 1) return lengths[0]! >= 13 && lengths[0]! <= 19;
  if (n === 3 && lengths[0] === 4 && lengths[1] === 6) return lengths[2] === 5 || lengths[2] === 4;
  return (n === 4 || n === 5) && lengths.slice(0, 4).every((l) => l === 4) && (n === 4 || lengths[4]! <= 3);
}

/**
 * Card numbers: 13–19 digits in one block or in groups, Luhn-valid, with a known issuer prefix;
 * and, right after a word like "card", "carte", "Karte", a card-shaped number that fails those
 * checks (`card.unverified`: a mistyped card number is still an attempt to be paid off the platform).
 */
export const cardDetector: Detector = {
  name: 'card',
  kinds: ['card'],
  applies: (s) => s.digits >= 13,
  detect(state) {
    const { rs } = state;
    const view = state.digitView();
    const text = view.text;
    let checks = 0;
    for (const run of state.digitRuns()) {
      const n = run.groups.length;
      let total = 0;
      for (const g of run.groups) total += g.end - g.start;
      if (total < 13) continue;
      for (let a = 0; a < n; a++) {
        // windows [a, b) of 13–19 digits; lengths are summed first, a string is built only for those
        let len = 0;
        for (let b = a + 1; b <= n && len < 19; b++) {
          len += run.groups[b - 1]!.end - run.groups[b - 1]!.start;
          if (len < 13 || len > 19) continue;
          if (++checks > LIMITS.candidates) return;
          const digits = digitsOf(text, run, a, b);
          const network = luhnOk(digits) ? cardNetwork(digits) : undefined;
          const s = run.groups[a]!.start;
          // unchecked, only a whole run written like a card number right after a card word
          const unverified =
            network === undefined &&
            a === 0 &&
            b === n &&
            cardShaped(run.groups.map((g) => g.end - g.start)) &&
            cardWordBefore(rs.words, text, s);
          if (network === undefined && !unverified) continue;
          if (hasFlagBefore(rs.words, text, s, WORD_FLAG.tracking, 3, 30)) continue;
          const span = toOriginal(view, s, run.groups[b - 1]!.end);
          state.hits.push({
            kind: 'card',
            start: span.start,
            end: span.end,
            normalized: digits,
            rule: `card.${network ?? 'unverified'}`,
            clause: rs.card.clause,
            weight: network === undefined ? rs.card.weightUnverified : rs.card.weight,
          });
          a = b - 1;
          break;
        }
      }
    }
  },
};
