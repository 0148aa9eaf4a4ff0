import tldList from 'tlds/index.json' with { type: 'json' };

/** IANA root-zone TLDs (the `tlds` package tracks the IANA list), ASCII ones only. */
export const TLDS: ReadonlySet<string> = new Set((tldList as string[]).filter((t) => /^[a-z]+$/.test(t)));

const isLabelEdge = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** A host name of at least two labels (a–z, 0–9, inner '-', 1–63 long) whose last label is a real TLD. */
export function isValidHost(host: string): boolean {
  const n = host.length;
  if (n > 253) return false;
  const lastDot = host.lastIndexOf('.');
  if (lastDot < 0 || !TLDS.has(host.slice(lastDot + 1))) return false;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    if (i < n && host.charCodeAt(i) !== 46) continue;
    const len = i - start;
    if (len < 1 || len > 63 || !isLabelEdge(host.charCodeAt(start)) || !isLabelEdge(host.charCodeAt(i - 1))) return false;
    for (let k = start + 1; k < i - 1; k++) {
      const c = host.charCodeAt(k);
      if (!isLabelEdge(c) && c !== 45) return false;
    }
    start = i + 1;
  }
  return true;
}

const domainSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The host is one of the domains or a subdomain of one ("fr.wikipedia.org" of "wikipedia.org"). */
export function hostMatches(host: string, domains: readonly string[] | ReadonlySet<string>): boolean {
  let set: ReadonlySet<string> | undefined;
  if (Array.isArray(domains)) {
    set = domainSets.get(domains);
    if (set === undefined) domainSets.set(domains, (set = new Set(domains)));
  } else set = domains as ReadonlySet<string>;
  if (set.has(host)) return true;
  for (let i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) if (set.has(host.slice(i + 1))) return true;
  return false;
}

/** Every IANA TLD as written (ASCII and Unicode, "рф") and the punycode of the Unicode ones ("xn--p1ai"). */
export const ALL_TLDS: ReadonlySet<string> = (() => {
  const set = new Set<string>(tldList as string[]);
  for (const t of tldList as string[]) {
    if (/^[a-z]+$/.test(t)) continue;
    // the WHATWG URL parser does the IDNA mapping; no import needed
    const host = new URL(`http://x.${t}/`).hostname;
    set.add(host.slice(host.lastIndexOf('.') + 1));
  }
  return set;
})();

/** The shapes of {@link TLDS} and {@link ALL_TLDS}: most strings that are neither are told so without a look-up. */
export const TLDS_SHAPE: NameShape = nameShape(TLDS);
export const ALL_TLDS_SHAPE: NameShape = nameShape(ALL_TLDS);

/**
 * Letters, digits and symbols of a non-ASCII host label ("президент", "i❤", "➡", "↑↓"); not CJK, which
 * is written without spaces, nor the signs of dimensions and prices (× ÷ ±).
 */
const IDN_LABEL_CHAR = /[\p{L}\p{M}\p{N}\p{So}\p{Sm}]/u;
const NOT_IN_LABEL = new Set(['×', '÷', '±', '∓']);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Answers of {@link isIdnCode} per BMP unit, filled on first use: 0 = not known yet, 1 = yes, 2 = no. */
const IDN_CODES = new Uint8Array(0x10000);

/** A non-ASCII UTF-16 code unit that may be part of an internationalized host name (surrogates: astral symbols, emoji). */
export function isIdnCode(c: number): boolean {
  if (c < 128) return false;
  if (c >= 0xd800 && c <= 0xdfff) return true;
  // a UTF-16 unit (what charCodeAt gives) is remembered; anything else is computed as it comes
  const unit = c < 0x10000 && Number.isInteger(c);
  const known = unit ? IDN_CODES[c]! : 0;
  if (known !== 0) return known === 1;
  const ch = String.fromCharCode(c);
  const yes = IDN_LABEL_CHAR.test(ch) && !CJK.test(ch) && !NOT_IN_LABEL.has(ch);
  if (unit) IDN_CODES[c] = yes ? 1 : 2;
  return yes;
}

/** "192.168.0.1": four numbers of at most 255, no leading zeros. */
export function isIPv4(host: string): boolean {
  return isIPv4At(host, 0, host.length);
}

/**
 * {@link isIPv4} of `text.slice(from, to)`, read in place: four dot-separated parts of one to
 * three ASCII digits, no leading zero, none above 255. Most strings it sees are decimals and
 * abbreviations ("1.5", "e.g"), refused at their first odd unit without allocating.
 */
export function isIPv4At(text: string, from: number, to: number): boolean {
  let parts = 0;
  let len = 0;
  let value = 0;
  let lead = 0;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 46;
    if (c === 46) {
      if (len === 0 || (len > 1 && lead === 48) || value > 255 || ++parts > 4) return false;
      len = 0;
      value = 0;
      continue;
    }
    if (c < 48 || c > 57 || len === 3) return false;
    if (len === 0) lead = c;
    value = value * 10 + (c - 48);
    len++;
  }
  return parts === 4;
}

/** What a name of a set looks like: its shortest and longest length and its first two units. */
export interface NameShape {
  readonly min: number;
  readonly max: number;
  readonly heads: ReadonlySet<number>;
}

/** The first unit and the second (or none) of a name, as one number. */
function headKey(c0: number, c1: number | undefined): number {
  return c0 * 0x10001 + (c1 === undefined ? 0 : c1 + 1);
}

export function nameShape(names: Iterable<string>): NameShape {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  const heads = new Set<number>();
  for (const n of names) {
    min = Math.min(min, n.length);
    max = Math.max(max, n.length);
    heads.add(headKey(n.charCodeAt(0), n.length > 1 ? n.charCodeAt(1) : undefined));
  }
  return { min, max, heads };
}

/**
 * Whether `text.slice(from, to)` may be one of the names whose shape this is: false means it is
 * none of them (or empty: no caller looks for an empty name), true that the set must be asked.
 * `lower`: ASCII letters count as lower-case.
 */
export function mayBeName(shape: NameShape, text: string, from: number, to: number, lower = false): boolean {
  const n = to - from;
  if (n < shape.min || n > shape.max || n === 0) return false;
  let c0 = text.charCodeAt(from);
  let c1 = n > 1 ? text.charCodeAt(from + 1) : undefined;
  if (lower) {
    if (c0 >= 65 && c0 <= 90) c0 += 32;
    if (c1 !== undefined && c1 >= 65 && c1 <= 90) c1 += 32;
  }
  return shape.heads.has(headKey(c0, c1));
}

/**
 * A host a browser can reach on the public internet: an ASCII host with a real TLD (underscores
 * allowed left of the registrable domain, as in "bucket_name.storage.example.com"), an
 * internationalized one ("президент.рф", "i❤.ws", "xn--d1acufc.xn--p1ai"), or an IPv4 address.
 * `tld` is the last label as written in the original text, when the view folded it ("рф" → "pф").
 */
export function isPublicHost(host: string, tld?: string): boolean {
  if (isIPv4(host)) return true;
  const labels = host.split('.');
  if (labels.length < 2 || host.length > 253) return false;
  const last = labels[labels.length - 1]!;
  if (!TLDS.has(last) && !ALL_TLDS.has(last) && !(tld !== undefined && ALL_TLDS.has(tld))) return false;
  for (let k = 0; k < labels.length - 1; k++) {
    const l = labels[k]!;
    if (l.length < 1 || l.length > 63 || l.startsWith('-') || l.endsWith('-')) return false;
    for (let i = 0; i < l.length; i++) {
      const c = l.charCodeAt(i);
      if (isLabelEdge(c) || c === 45 || isIdnCode(c)) continue;
      // underscores are found in DNS names below the registrable domain, never in it
      if (c === 95 && k < labels.length - 2) continue;
      return false;
    }
  }
  return true;
}

/** The host characters a string starts with ("example.com" of "example.comテスト"): a–z, 0–9, '-', '_', '.' and non-CJK letters. */
export function hostPrefix(s: string): string {
  let k = 0;
  for (; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (!(isLabelEdge(c) || c === 45 || c === 95 || c === 46 || isIdnCode(c))) break;
  }
  return s.slice(0, k);
}
