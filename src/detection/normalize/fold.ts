import { identityView, type TextView } from './view';

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

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * Folds a message for matching: lower-case, accents removed, full-width and other Unicode digits
 * to ASCII, keycap emoji to digits, look-alike letters to Latin, invisible characters dropped.
 * Plain ASCII takes a fast path with an identity offset map.
 */
export function fold(text: string): TextView {
  if (isAscii(text)) return identityView(text.toLowerCase(), text.length);
  const n = text.length;
  const parts: string[] = [];
  let starts = new Int32Array(n + 16);
  let ends = new Int32Array(n + 16);
  let len = 0;
  const ensure = (extra: number): void => {
    if (len + extra <= starts.length) return;
    const cap = Math.max(starts.length * 2, len + extra);
    const s2 = new Int32Array(cap);
    const e2 = new Int32Array(cap);
    s2.set(starts);
    e2.set(ends);
    starts = s2;
    ends = e2;
  };
  for (let i = 0; i < n; ) {
    // ASCII runs are copied whole: one slice, one typed-array fill
    let j = i;
    while (j < n && text.charCodeAt(j) < 128) j++;
    if (j > i) {
      parts.push(text.slice(i, j).toLowerCase());
      ensure(j - i);
      for (let k = i; k < j; k++) {
        starts[len] = k;
        ends[len++] = k + 1;
      }
      i = j;
      if (i >= n) break;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f = foldCodePoint(cp);
    ensure(f.length);
    for (let k = 0; k < f.length; k++) {
      starts[len] = i;
      ends[len++] = i + width;
    }
    if (f.length > 0) parts.push(f);
    i += width;
  }
  return { text: parts.join(''), starts: starts.subarray(0, len), ends: ends.subarray(0, len), originalLength: n };
}
