import { toOriginal } from '../normalize';
import { findLiterals, literalIndex, mayContainMatch, needsMet } from '../rules';
import type { Detector } from './detector';

const MAX_MATCHES_PER_RULE = 4;
const UNLESS_WINDOW = 80;
/** A phrase lies within this distance of one of its trigger words (patterns are length-checked). */
const REACH = 100;
/** Longest message whose whole text is checked for what a rule needs before its windows are. */
const WHOLE_TEXT_CHECK = 2048;

/** The sentence holding [s, e), at most UNLESS_WINDOW characters to each side. */
function sentenceAround(text: string, s: number, e: number): string {
  let a = s;
  const minA = Math.max(0, s - UNLESS_WINDOW);
  while (a > minA && !'.!?\n'.includes(text[a - 1]!)) a--;
  let b = e;
  const maxB = Math.min(text.length, e + UNLESS_WINDOW);
  while (b < maxB && !'.!?\n'.includes(text[b]!)) b++;
  return text.slice(a, b);
}

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** Whether the positions (from the prefilter, usually already in order) ascend. */
function ascending(positions: readonly number[]): boolean {
  for (let i = 1; i < positions.length; i++) if (positions[i]! < positions[i - 1]!) return false;
  return true;
}

/** Windows around the trigger words, widened to word boundaries and merged (flat [a, b, a, b…]). */
function windows(text: string, positions: readonly number[], out: number[]): void {
  out.length = 0;
  const n = text.length;
  for (const p of ascending(positions) ? positions : [...positions].sort((x, y) => x - y)) {
    let a = Math.max(0, p - REACH);
    let b = Math.min(n, p + REACH);
    while (a > 0 && isWordCode(text.charCodeAt(a - 1))) a--;
    while (b < n && isWordCode(text.charCodeAt(b))) b++;
    const k = out.length;
    if (k > 0 && a <= out[k - 1]!) out[k - 1] = Math.max(out[k - 1]!, b);
    else out.push(a, b);
  }
}

/**
 * The declarative phrase rules of the rule set (intent to circumvent, off-platform payment
 * methods), in every language. A rule runs only when one of its trigger words occurs, and only on
 * windows around those words, so the work per message is bounded by the triggers, not the length.
 * An `unless` pattern in the same sentence (e.g. "through the platform") cancels a match.
 */
export const phraseDetector: Detector = {
  name: 'phrases',
  kinds: ['intent', 'payment'],
  applies: (s) => s.phraseRules.size > 0,
  detect(state) {
    const { rs } = state;
    const view = state.folded;
    const text = view.text;
    const spans: number[] = [];
    const literals = literalIndex(rs.phrases);
    let read = false;
    // forEach: no [key, value] pair allocated per rule
    state.signals.phraseRules.forEach((positions, index) => {
      const rule = rs.phrases[index]!;
      // what no window can hold, the whole message does not hold: most rules stop here, answered
      // from one pass of the literal automaton over the message (a long message is checked window
      // by window only, so the work stays bounded by the trigger words)
      const needs = literals.needs[index];
      if (needs !== undefined && text.length <= WHOLE_TEXT_CHECK) {
        if (!read) {
          findLiterals(literals, text);
          read = true;
        }
        if (!needsMet(literals, needs)) return;
      }
      let found = 0;
      let seen: Set<number> | undefined;
      windows(text, positions, spans);
      for (let w = 0; w < spans.length && found < MAX_MATCHES_PER_RULE; w += 2) {
        const wa = spans[w]!;
        const slice = text.slice(wa, spans[w + 1]!);
        // nor, often, a window around a common trigger word in a long message (in a shorter one,
        // the windows cover most of the text the whole-text check passed: asking again costs more
        // than the regex scans it would spare)
        if (rule.needs !== undefined && text.length > WHOLE_TEXT_CHECK && !mayContainMatch(rule.needs, slice)) continue;
        for (const re of rule.regexes) {
          re.lastIndex = 0;
          for (let m = re.exec(slice); m !== null && found < MAX_MATCHES_PER_RULE; m = re.exec(slice)) {
            if (m[0].length === 0) {
              re.lastIndex++;
              continue;
            }
            const s = wa + m.index;
            const e = s + m[0].length;
            if (seen?.has(s) === true) continue;
            (seen ??= new Set()).add(s);
            if (rule.unless.length > 0 && rule.unless.some((u) => u.test(sentenceAround(text, s, e)))) continue;
            found++;
            const span = toOriginal(view, s, e);
            state.hits.push({ kind: rule.kind, start: span.start, end: span.end, normalized: m[0], rule: rule.id, clause: rule.clause, weight: rule.weight });
          }
        }
      }
    });
  },
};
