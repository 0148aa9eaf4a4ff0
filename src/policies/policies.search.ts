/**
 * Matching for clause search, shared by the SQL filter and the ranking here so both agree on what
 * "matches": case and accents are ignored (é = e, Ö = o) by decomposing to NFD and dropping the
 * combining diacritical marks (U+0300–U+036F), which PostgreSQL does the same way with normalize().
 */

/** The combining diacritical marks removed when folding. */
export const COMBINING_MARKS = '[\u0300-\u036f]';
const MARKS = new RegExp(COMBINING_MARKS, 'g');

/** Case- and accent-folded form of a text, as the search compares it. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** The folded text and, for each of its UTF-16 units, where the character it came from starts and ends. */
function foldWithMap(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    folded += f;
    i += ch.length;
  }
  return { folded, from, to };
}

/** Moves a cut off the middle of a surrogate pair. */
function cutAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return i > 0 && i < text.length && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/** Splits a query into folded terms (at most `max`), dropping duplicates. */
export function queryTerms(q: string, max: number): string[] {
  const terms = fold(q)
    .split(/[\s,;:!?()"«»“”]+/u)
    .map((t) => t.replace(/^[.'’-]+|[.'’-]+$/gu, ''))
    .filter((t) => t.length > 0);
  return [...new Set(terms)].slice(0, max);
}

/** Escapes a term for `LIKE … ESCAPE '\'`. */
export function likeEscape(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface Searchable {
  readonly clauseId: string;
  readonly title: string;
  readonly text: string;
}

/**
 * A score for ranking: the clause id asked for outranks everything, then matches in the title
 * (the whole query above single terms), then matches in the text. Zero when not every term matches.
 */
export function score(c: Searchable, q: string, terms: readonly string[]): { score: number; matchedIn: 'id' | 'title' | 'text' } {
  const phrase = fold(q).trim();
  const id = fold(c.clauseId);
  const title = fold(c.title);
  const text = fold(c.text);
  const all = `${id} ${title} ${text}`;
  if (terms.length === 0 || !terms.every((t) => all.includes(t))) return { score: 0, matchedIn: 'text' };
  if (id === phrase) return { score: 10_000, matchedIn: 'id' };
  let s = 0;
  if (title.includes(phrase)) s += 1000;
  const inTitle = terms.filter((t) => title.includes(t) || id.includes(t)).length;
  s += inTitle * 100;
  if (text.includes(phrase)) s += 50;
  for (const t of terms) s += Math.min(occurrences(text, t), 5);
  return { score: s, matchedIn: inTitle > 0 ? 'title' : 'text' };
}

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * A short extract of `text` around the first place the query (or else its first matching term)
 * occurs, cut at word boundaries, with `…` marking the cuts. The start of the text when nothing in it
 * matches (the hit was in the title).
 */
export function snippet(text: string, q: string, terms: readonly string[], width = 160): string {
  if (text.length <= width) return text;
  const { folded, from, to } = foldWithMap(text);
  const needles = [fold(q).trim(), ...terms].filter((n) => n.length > 0);
  let at = -1;
  let len = 0;
  for (const n of needles) {
    at = folded.indexOf(n);
    if (at !== -1) {
      len = n.length;
      break;
    }
  }
  const matchStart = at === -1 ? 0 : from[at]!;
  const matchEnd = at === -1 ? 0 : to[at + len - 1]!;
  const room = Math.max(0, width - (matchEnd - matchStart));
  let start = Math.max(0, matchStart - Math.floor(room / 3));
  let end = Math.min(text.length, start + Math.max(width, matchEnd - start));
  if (end === text.length) start = Math.max(0, Math.min(start, end - width));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < matchStart) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > Math.max(start, matchEnd)) end = space;
  }
  start = cutAt(text, start);
  end = cutAt(text, end);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
