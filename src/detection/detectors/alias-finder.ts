/**
 * A hand-written equivalent of the rule set's handle finder regex (`rs.handle.finder`): the same
 * alternatives tried in the same order at the same positions, with the same greedy gaps, so it
 * finds exactly the matches the regex finds. The regex, one alternation of some fifty words behind
 * a look-behind, costs far more per character than a table look-up at word starts; this finder
 * touches most characters once and tries only the alternatives that begin with the two
 * characters found there.
 */

/** A literal UTF-16 unit, or GAP: up to two blanks or dashes (`[\s-]{0,2}`, greedy). */
const GAP = -1;

/** `[\s-]` of the finder, for one UTF-16 unit (\s as JavaScript reads it, Unicode spaces included). */
const GAP_RE = /[\s-]/;
const GAP_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) GAP_ASCII[c] = GAP_RE.test(String.fromCharCode(c)) ? 1 : 0;
export const isGapCode = (c: number): boolean => (c < 128 ? GAP_ASCII[c] === 1 : c >= 128 && GAP_RE.test(String.fromCharCode(c)));

/** `[a-z0-9]`: what the finder's look-behind and look-ahead refuse next to a match. */
const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

type Pattern = readonly number[];

export interface AliasFinder {
  /** [start, end) of the first match starting at or after `from`, or undefined. */
  next(text: string, from: number): [number, number] | undefined;
}

/** Units of an alternative as the finder reads it: each ' ' is a gap, anything else itself. */
function patternOf(alt: string): Pattern {
  const out: number[] = [];
  for (let i = 0; i < alt.length; i++) out.push(alt[i] === ' ' ? GAP : alt.charCodeAt(i));
  return out;
}

/**
 * The end of a match of `p` from token `t` at `pos`, or -1: literals compared unit by unit, a gap
 * taking as many blanks as it can (up to two) and giving them back one by one, as the regex
 * backtracks; the match must not be followed by a–z or 0–9.
 */
function matchFrom(p: Pattern, t: number, text: string, pos: number): number {
  for (; t < p.length; t++) {
    const u = p[t]!;
    if (u !== GAP) {
      if (text.charCodeAt(pos) !== u) return -1;
      pos++;
      continue;
    }
    let k = 0;
    while (k < 2 && isGapCode(text.charCodeAt(pos + k))) k++;
    for (; k >= 0; k--) {
      const e = matchFrom(p, t + 1, text, pos + k);
      if (e >= 0) return e;
    }
    return -1;
  }
  return isWordCode(text.charCodeAt(pos)) ? -1 : pos;
}

/**
 * Builds the finder for `alternatives` in the order the regex tries them. Returns undefined when
 * one of them starts with a gap (the by-first-unit tables need a literal first unit); the caller
 * keeps the regex then.
 */
export function buildAliasFinder(alternatives: readonly string[]): AliasFinder | undefined {
  const patterns = alternatives.map(patternOf);
  if (patterns.some((p) => p.length === 0 || p[0] === GAP)) return undefined;
  // first unit → second unit → the patterns that can match there, in their order. A pattern whose
  // second token is a gap or nothing can match whatever the second unit is: it goes in every list
  // of its first unit, and in the list for any other second unit (`other`).
  const byFirst = new Map<number, { bySecond: Map<number, Pattern[]>; other: Pattern[] }>();
  for (const p of patterns) {
    let e = byFirst.get(p[0]!);
    if (e === undefined) byFirst.set(p[0]!, (e = { bySecond: new Map(), other: [] }));
    const second = p.length > 1 ? p[1]! : GAP;
    if (second !== GAP && !e.bySecond.has(second)) e.bySecond.set(second, []);
  }
  for (const p of patterns) {
    const e = byFirst.get(p[0]!)!;
    const second = p.length > 1 ? p[1]! : GAP;
    if (second === GAP) {
      e.other.push(p);
      for (const list of e.bySecond.values()) list.push(p);
    } else e.bySecond.get(second)!.push(p);
  }
  // per UTF-16 unit: 1 = an alternative starts with it, 2 = a–z or 0–9 (no match starts right after one)
  const table = new Uint8Array(0x10000);
  for (let c = 48; c <= 57; c++) table[c] = 2;
  for (let c = 97; c <= 122; c++) table[c] = 2;
  for (const f of byFirst.keys()) table[f]! |= 1;
  // ASCII first and second units (first * 128 + second) where some alternative may match: most word
  // starts ("in", "me", "a") end here
  const pairs = new Uint8Array(128 * 128);
  for (const [f, e] of byFirst) {
    if (f >= 128) continue;
    for (let c = 0; c < 128; c++) if (e.other.length > 0 || e.bySecond.has(c)) pairs[f * 128 + c] = 1;
  }
  return {
    next(text, from) {
      const n = text.length;
      // one table read and one rarely taken branch per unit: a start unit not right after a word unit
      let prev = from > 0 ? table[text.charCodeAt(from - 1)]! : 0;
      for (let i = from; i < n; i++) {
        const t = table[text.charCodeAt(i)]!;
        const start = t & ~(prev >> 1) & 1;
        prev = t;
        if (start === 0) continue;
        const c0 = text.charCodeAt(i);
        // the last unit has no second one (-1): only the alternatives in `other` can match there.
        // Not read past the end: the optimized loop would be thrown away on a long message's last unit.
        const c1 = i + 1 < n ? text.charCodeAt(i + 1) : -1;
        if (c1 >= 0 && c0 < 128 && c1 < 128 && pairs[c0 * 128 + c1] === 0) continue;
        const e = byFirst.get(c0)!;
        const list = (c1 >= 0 ? e.bySecond.get(c1) : undefined) ?? e.other;
        for (let k = 0; k < list.length; k++) {
          const end = matchFrom(list[k]!, 1, text, i + 1);
          if (end >= 0) return [i, end];
        }
      }
      return undefined;
    },
  };
}
