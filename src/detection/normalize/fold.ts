import { identityView, OffsetMap, type TextView } from './view';

/**
 * Look-alike letters from other scripts that are used to slip contact details past filters
 * ("gmаil" with a Cyrillic а). Applied after lower-casing.
 */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  // Latin extras that NFD does not split
  ß: 'ss', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ı: 'i', ɡ: 'g', ɑ: 'a', ɩ: 'i', ʟ: 'l',
  // dots, at signs and dashes that NFKC keeps
  '。': '.', '｡': '.', '・': '.', '·': '.', '•': '.', '∙': '.', '⋅': '.',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-',
  'ⓐ': 'a', '’': "'", '‘': "'", 'ʼ': "'", '＇': "'",
  '🔟': '10',
};

const MARK = /\p{M}/u;
const DIGIT = /\p{Nd}/u;
const cache = new Map<number, string>();

/** Value 0..9 of any Unicode decimal digit; Nd characters come in contiguous 0..9 blocks. */
function unicodeDigitValue(cp: number): number {
  let zero = cp;
  while (zero > 0 && DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return (cp - zero) % 10;
}

/** Folds one non-ASCII code point to lower-case, unaccented, ASCII-leaning text ('' = drop). */
export function foldCodePoint(cp: number): string {
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  const out = computeFold(cp);
  if (cache.size < 4096) cache.set(cp, out);
  return out;
}

function computeFold(cp: number): string {
  // zero-width characters, soft hyphen, BOM, variation selectors, and the keycap combiner
  if (cp === 0xad || (cp >= 0x200b && cp <= 0x200f) || cp === 0x2060 || cp === 0xfeff) return '';
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x20e3) return '';
  const ch = String.fromCodePoint(cp);
  const direct = CONFUSABLES[ch];
  if (direct !== undefined) return direct;
  if (DIGIT.test(ch)) return String(unicodeDigitValue(cp));
  if (MARK.test(ch)) return '';
  let s = ch.normalize('NFKC').toLowerCase().normalize('NFD');
  let out = '';
  for (const c of s) {
    if (MARK.test(c)) continue;
    const m = CONFUSABLES[c];
    if (m !== undefined) out += m;
    else if (c.length === 1 && c.charCodeAt(0) < 128) out += c;
    else if (DIGIT.test(c)) out += String(unicodeDigitValue(c.codePointAt(0)!));
    else out += c;
  }
  s = out;
  // NBSP and other spaces fold to ' ' through NFKC; other invisible separators become spaces
  if (/^\s+$/u.test(s)) return ' ';
  return s;
}

const HAS_NON_ASCII = /[\x80-\uffff]/;
/** A surrogate pair or any other non-ASCII code unit. */
const NON_ASCII = /[\ud800-\udbff][\udc00-\udfff]|[\x80-\uffff]/g;

/**
 * Folds a message for matching: lower-case, accents removed, full-width and other Unicode digits
 * to ASCII, keycap emoji to digits, look-alike letters to Latin, invisible characters dropped.
 *
 * Fast paths: plain ASCII is lower-cased natively; otherwise the native `toLowerCase` does the
 * ASCII letters (no code point shrinks when lower-cased, so equal lengths mean equal positions)
 * and only non-ASCII characters are folded one by one. When every one of them folds to as many
 * units as it had — most accented letters do — the view keeps an identity offset map; otherwise
 * the map is built from the recorded edits.
 */
export function fold(text: string): TextView {
  const n = text.length;
  const lowered = text.toLowerCase();
  const first = text.search(HAS_NON_ASCII);
  if (first < 0) return identityView(lowered, n);
  if (lowered.length !== n) return foldByCodePoint(text);
  // text in another script (Cyrillic, Greek, CJK…): a loop beats a callback per character. Both
  // paths give the same view; the first non-ASCII characters only choose the faster one.
  if (text.charCodeAt(first + 1) > 127 && text.charCodeAt(first + 2) > 127 && text.charCodeAt(first + 3) > 127) return foldDense(text, lowered);
  // edits: original offset, original width, folded length — only where a character is not one unit to one
  let edits: number[] | undefined;
  const out = lowered.replace(NON_ASCII, (unit: string, off: number) => {
    const width = unit.length;
    const f = foldCodePoint(width === 2 ? text.codePointAt(off)! : text.charCodeAt(off));
    // a pair maps as a whole, so no offset can fall between its two units
    if (width === 2 || f.length !== 1) (edits ??= []).push(off, width, f.length);
    return f;
  });
  if (edits === undefined) return identityView(out, n);
  return mappedView(out, n, edits);
}


/** Per BMP unit, the single unit it folds to: 0 = not computed yet, -1 = it folds to zero or several units. */
const SINGLE = new Int32Array(0x10000);

/**
 * The one unit a non-ASCII, non-surrogate BMP unit folds to, or -1 when it folds to none or to
 * several: what every path of {@link fold} gives for that unit when it stands alone.
 */
export function foldUnit(c: number): number {
  const f = SINGLE[c]!;
  if (f !== 0) return f;
  const s = foldCodePoint(c);
  return (SINGLE[c] = s.length === 1 ? s.charCodeAt(0) : -1);
}
let buffer = new Uint16Array(4096);
const CHUNK = 4096;

/** The fold of text with many non-ASCII characters: one loop, a per-unit table, one string at the end. */
function foldDense(text: string, lowered: string): TextView {
  const n = text.length;
  if (buffer.length < n + 8) buffer = new Uint16Array(Math.max(n + 8, buffer.length * 2));
  let out = buffer;
  let o = 0;
  let edits: number[] | undefined;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      out[o++] = lowered.charCodeAt(i++);
      continue;
    }
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (!pair) {
      const f = foldUnit(c);
      if (f > 0) {
        out[o++] = f;
        i++;
        continue;
      }
    }
    const width = pair ? 2 : 1;
    const s = foldCodePoint(pair ? text.codePointAt(i)! : c);
    if (o + s.length + (n - i) > out.length) {
      const grown = new Uint16Array(Math.max(out.length * 2, o + s.length + (n - i) + 8));
      grown.set(out.subarray(0, o));
      out = grown;
    }
    for (let k = 0; k < s.length; k++) out[o++] = s.charCodeAt(k);
    (edits ??= []).push(i, width, s.length);
    i += width;
  }
  if (out !== buffer && out.length <= 1 << 22) buffer = out;
  const folded = stringOf(out, o);
  return edits === undefined ? identityView(folded, n) : mappedView(folded, n, edits);
}

/** The string of the first `n` units of `buf`, built in chunks (spread arguments are limited). */
function stringOf(buf: Uint16Array, n: number): string {
  if (n <= CHUNK) return String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < n; i += CHUNK) parts.push(String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]));
  return parts.join('');
}

/** The offset map of a fold whose edits changed lengths at the recorded places. */
function mappedView(out: string, n: number, edits: readonly number[]): TextView {
  const map = new OffsetMap();
  let src = 0; // position in the original
  for (let k = 0; k < edits.length; k += 3) {
    const off = edits[k]!;
    const width = edits[k + 1]!;
    map.pushUnits(src, off - src);
    map.pushSpan(off, off + width, edits[k + 2]!);
    src = off + width;
  }
  map.pushUnits(src, n - src);
  return { text: out, map, originalLength: n };
}

/** The general fold, code point by code point: the reference the fast paths agree with, and the path for text whose lower-casing changes length. */
export function foldByCodePoint(text: string): TextView {
  const n = text.length;
  const parts: string[] = [];
  const map = new OffsetMap();
  for (let i = 0; i < n; ) {
    // ASCII runs are copied whole: one slice, one segment
    let j = i;
    while (j < n && text.charCodeAt(j) < 128) j++;
    if (j > i) {
      parts.push(text.slice(i, j).toLowerCase());
      map.pushUnits(i, j - i);
      i = j;
      if (i >= n) break;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f = foldCodePoint(cp);
    // one unit for one unit maps as a copied unit does; anything else to the whole character
    if (width === 1 && f.length === 1) map.pushUnits(i, 1);
    else map.pushSpan(i, i + width, f.length);
    if (f.length > 0) parts.push(f);
    i += width;
  }
  return { text: parts.join(''), map, originalLength: n };
}
