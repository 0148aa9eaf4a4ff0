/** Small scanners over folded text shared by the detectors. All bounded, none allocate much. */

export const isLower = (c: number): boolean => c >= 97 && c <= 122;
export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
export const isAlnumLower = (c: number): boolean => isLower(c) || isDigitCode(c);

/** Up to `max` word tokens ([a-z0-9]+) ending before `pos`, nearest first, within `span` chars. */
export function wordsBefore(text: string, pos: number, max: number, span = 40): string[] {
  const out: string[] = [];
  const limit = Math.max(0, pos - span);
  let i = pos;
  while (out.length < max && i > limit) {
    while (i > limit && !isAlnumLower(text.charCodeAt(i - 1))) i--;
    const end = i;
    while (i > limit && isAlnumLower(text.charCodeAt(i - 1))) i--;
    if (end > i) out.push(text.slice(i, end));
  }
  return out;
}

/** Up to `max` word tokens starting at or after `pos`, within `span` chars. */
export function wordsAfter(text: string, pos: number, max: number, span = 40): string[] {
  const out: string[] = [];
  const limit = Math.min(text.length, pos + span);
  let i = pos;
  while (out.length < max && i < limit) {
    while (i < limit && !isAlnumLower(text.charCodeAt(i))) i++;
    const start = i;
    // a word that starts inside the span is taken whole ("¡gracias" is not "gr")
    while (i < text.length && i - start < 40 && isAlnumLower(text.charCodeAt(i))) i++;
    if (i > start) out.push(text.slice(start, i));
  }
  return out;
}

/** The first non-space character before `pos` (skipping at most `skip` spaces), or ''. */
export function charBefore(text: string, pos: number, skip = 2): string {
  let i = pos - 1;
  let n = 0;
  while (i >= 0 && text[i] === ' ' && n < skip) {
    i--;
    n++;
  }
  return i >= 0 ? text[i]! : '';
}

export function charAfter(text: string, pos: number, skip = 2): string {
  let i = pos;
  let n = 0;
  while (i < text.length && text[i] === ' ' && n < skip) {
    i++;
    n++;
  }
  return i < text.length ? text[i]! : '';
}

/** Whether any word within `span` chars before `pos` carries one of the `flags`. */
export function hasFlagBefore(words: ReadonlyMap<string, number>, text: string, pos: number, flags: number, maxWords: number, span = 40): boolean {
  for (const w of wordsBefore(text, pos, maxWords, span)) if (((words.get(w) ?? 0) & flags) !== 0) return true;
  return false;
}

export function hasFlagAround(words: ReadonlyMap<string, number>, text: string, start: number, end: number, flags: number, maxWords: number, span = 40): boolean {
  if (hasFlagBefore(words, text, start, flags, maxWords, span)) return true;
  for (const w of wordsAfter(text, end, maxWords, span)) if (((words.get(w) ?? 0) & flags) !== 0) return true;
  return false;
}
