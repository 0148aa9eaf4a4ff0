/**
 * A search for a list of words behind a word boundary, the same as a global scan with the regex
 * `(?<![a-z0-9])(?:word|…)…` but tried only at the word starts whose first two characters begin
 * one of the words. A regex alternation of dozens of words is tried at every position of a text;
 * here most positions cost one comparison.
 */
export interface WordFinder {
  /** The next match at or after `from`: what `regex.exec(text)` gives with `regex.lastIndex = from`. */
  next(text: string, from: number): RegExpExecArray | null;
}

/** The code a unit is looked up by: ASCII codes, and 128 for any other unit. */
const codeOf = (c: number): number => (c < 128 ? c : 128);
const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * `regex` must be a global regex whose every alternative is one of `words` behind
 * `(?<![a-z0-9])`, each word written literally except that a space may stand for other
 * separators (it must not begin a word).
 */
export function wordFinder(words: readonly string[], regex: RegExp): WordFinder {
  const single = new Uint8Array(129);
  const pairs = new Uint8Array(129 * 129);
  let exact = true;
  for (const w of words) {
    if (w.length === 0 || w[0] === ' ') exact = false;
    else if (w.length === 1 || w[1] === ' ') single[codeOf(w.charCodeAt(0))] = 1;
    else pairs[codeOf(w.charCodeAt(0)) * 129 + codeOf(w.charCodeAt(1))] = 1;
  }
  if (!exact || !regex.global) {
    return {
      next(text, from) {
        regex.lastIndex = from;
        return regex.exec(text);
      },
    };
  }
  const sticky = new RegExp(regex.source, 'y');
  return {
    next(text, from) {
      const n = text.length;
      for (let p = from; p < n; p++) {
        if (p > 0 && isWordCode(text.charCodeAt(p - 1))) continue;
        const c0 = codeOf(text.charCodeAt(p));
        if (single[c0] !== 1 && (p + 1 >= n || pairs[c0 * 129 + codeOf(text.charCodeAt(p + 1))] !== 1)) continue;
        sticky.lastIndex = p;
        const m = sticky.exec(text);
        if (m !== null) return m;
      }
      return null;
    },
  };
}
