import { toOriginal, type TextView } from '../normalize';
import type { CompiledRuleSet } from '../rules';
import type { RawHit } from '../types';
import { LIMITS, type Detector } from './detector';
import { ALL_TLDS, ALL_TLDS_SHAPE, hostMatches, hostPrefix, isIdnCode, isIPv4At, isPublicHost, mayBeName, TLDS, TLDS_SHAPE } from './tld';

/** a–z, 0–9 and '-': the characters of a host label. */
const isHostCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
/** What a bare host may hold besides: '_' (checked per label) and the letters of an internationalized name. */
const isBareHostCode = (c: number): boolean => isHostCode(c) || c === 95 || isIdnCode(c);
const URL_CHAR = /[^\s<>"'`{}|\\^]/;
/** ASCII answers of URL_CHAR, by code (1 = may be part of a URL). */
const URL_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) URL_ASCII[c] = URL_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
const isUrlCode = (c: number): boolean => (c < 128 ? URL_ASCII[c] === 1 : URL_CHAR.test(String.fromCharCode(c)));
/** Every label but the TLD is a number ("1.2.3.com" is a version or a list, not a host). */
const NUMERIC_LABELS = /^(?:\d+\.)+[^.]+$/;
/** Punctuation that ends a sentence around a link, and '_' of chat italics ("_https://shop.example_"). */
const TRAILING = /[.,;:!?)\]'"*_]/;
const SCHEMES = ['https://', 'http://', 'ftp://', 'www.'];
const WWW_ONLY = ['www.'];
const MAX_URL = 2048;

interface Span {
  start: number;
  end: number;
}

/** The last label of the host at view [hs, he) as the original text writes it, lower-cased, when the view changed it. */
function originalTld(view: TextView, original: string, hs: number, he: number): string | undefined {
  const dot = view.text.lastIndexOf('.', he - 1);
  if (dot < hs) return undefined;
  const o = toOriginal(view, dot + 1, he);
  return original.slice(o.start, o.end).normalize('NFC').toLowerCase().replace(/\ufe0f/g, '');
}

/** Whether view [from, to) is a–z only. */
function onlyLetters(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/**
 * Whether the original text of view [from, to) may be a TLD once lower-cased (see `originalTld`):
 * false when it is ASCII that no TLD can be, as the "5" of "1.5"; true when it must be looked up.
 */
function originalMayBeTld(view: TextView, original: string, from: number, to: number): boolean {
  let s = from;
  let e = to;
  if (view.map !== null) {
    const o = toOriginal(view, from, to);
    s = o.start;
    e = o.end;
  }
  for (let k = s; k < e; k++) if (original.charCodeAt(k) >= 128) return true;
  return mayBeName(ALL_TLDS_SHAPE, original, s, e, true);
}

/** A character that makes "//" part of a word or a path rather than a link start: a letter, a digit, '_', ':' or '/'. */
const gluesToWord = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 58 || c === 47 || isIdnCode(c);

/** "65535" and below; "500000" is no port. */
const portOk = (digits: string): boolean => digits.length >= 1 && digits.length <= 5 && Number(digits) <= 65535;

/**
 * URLs with a scheme or "www.", then bare domains ("villa-antiques.fr", "mysite dot com" via the
 * address view) whose last label is a real TLD, internationalized ones ("президент.рф"),
 * protocol-relative ones ("//shop.example.com") and IPv4 addresses followed by a port or a path.
 * A scheme glued to the word before it ("voirhttps://…") still starts a link. The marketplace's own
 * domain and reference sites (museums, encyclopedias) are allowed by configuration.
 */
export function findUrls(rs: CompiledRuleSet, view: TextView, original: string, out: RawHit[]): void {
  const text = view.text;
  const covered: Span[] = [];
  // every scheme but "www." holds "://": one search tells whether the others need looking for
  const schemes = text.includes('://') ? SCHEMES : text.includes('www.') ? WWW_ONLY : [];
  if (schemes.length > 0) findSchemeUrls(rs, view, original, out, schemes, covered);
  findBareUrls(rs, view, original, out, covered);
}

/** Links that start with a scheme or "www." (`schemes`: those the text holds); each one's span goes to `covered`. */
function findSchemeUrls(rs: CompiledRuleSet, view: TextView, original: string, out: RawHit[], schemes: readonly string[], covered: Span[]): void {
  const text = view.text;
  let budget = LIMITS.candidates;
  // link starts in text order, so a link inside another one's path is seen after it
  const starts: Array<[number, string]> = [];
  for (const scheme of schemes) {
    for (let p = text.indexOf(scheme); p >= 0 && budget > 0; p = text.indexOf(scheme, p + 1), budget--) starts.push([p, scheme]);
  }
  starts.sort((x, y) => x[0] - y[0]);
  for (const [p, scheme] of starts) {
    if (scheme === 'www.' && p >= 3 && text.slice(p - 3, p) === '://') continue;
    // "awww.": not a link start; a glued "…https://" is, once its host proves real below
    if (scheme === 'www.' && p > 0 && /[a-z0-9.@_-]/.test(text[p - 1]!)) continue;
    // a link inside another one's path ("…archive.org/web/*/http://x.com") belongs to it
    if (covered.some((c) => p > c.start && p < c.end)) continue;
    let e = p + scheme.length;
    while (e < text.length && e - p < MAX_URL && isUrlCode(text.charCodeAt(e))) e++;
    while (e > p + scheme.length && TRAILING.test(text[e - 1]!)) e--;
    const base = scheme === 'www.' ? p + 4 : p + scheme.length;
    const authority = text.slice(base, e).split(/[/?#]/)[0] ?? '';
    // user info ("user:pass@") may hold a ':'; a host may be followed by a port
    const at = authority.lastIndexOf('@');
    const hostStart = base + at + 1;
    const parts = authority.slice(at + 1).split(':');
    const host = hostPrefix(parts[0] ?? '');
    const port = parts[1];
    // "http://.example.com", "www.microsoft", "http://localhost:8000" lead to no public host; "http://user@pass:example.com"
    // (user info written the wrong way round) still names example.com
    const named = isPublicHost(host, originalTld(view, original, hostStart, hostStart + host.length)) ? host : port !== undefined && isPublicHost(port) ? port : undefined;
    // the rest of the link is not searched again for bare domains ("http://.example.com")
    covered.push({ start: p, end: e });
    if (named === undefined) continue;
    emit(rs, view, original, out, p, e, named, 'scheme');
  }
}

/** Bare hosts: a dot between host characters, expanded both ways; links already found are skipped. */
function findBareUrls(rs: CompiledRuleSet, view: TextView, original: string, out: RawHit[], covered: Span[]): void {
  const text = view.text;
  let budget = 2 * LIMITS.candidates;
  for (let i = text.indexOf('.'); i >= 0 && i < text.length; i = text.indexOf('.', i + 1)) {
    if (i === 0 || i + 1 >= text.length || !isBareHostCode(text.charCodeAt(i - 1))) continue;
    const nc = text.charCodeAt(i + 1);
    if (!isHostCode(nc) && !isIdnCode(nc)) continue;
    if (--budget < 0) break;
    let hs = i;
    while (hs > 0 && i - hs < 253 && (isBareHostCode(text.charCodeAt(hs - 1)) || text.charCodeAt(hs - 1) === 46)) hs--;
    let he = i + 1;
    while (he < text.length && he - hs < 253 && (isBareHostCode(text.charCodeAt(he)) || text.charCodeAt(he) === 46)) he++;
    while (he > i && (text.charCodeAt(he - 1) === 46 || text.charCodeAt(he - 1) === 95)) he--;
    while (hs < i && (text.charCodeAt(hs) === 46 || text.charCodeAt(hs) === 45)) hs++;
    const next = he;
    const before = hs > 0 ? text[hs - 1]! : '';
    const after = he < text.length ? text[he]! : '';
    // "//shop.example.com": a protocol-relative link, not glued to a word ("abc//…", "x://…", "_//…", "///…")
    const protoRel = before === '/' && hs >= 2 && text[hs - 2] === '/' && (hs === 2 || !gluesToWord(text.charCodeAt(hs - 3)));
    const portDigits = after === ':' ? /^\d+/.exec(text.slice(he + 1, he + 7))?.[0] : undefined;
    if (portDigits !== undefined && !portOk(portDigits)) {
      // "google.com:500000" is no address
      i = next;
      continue;
    }
    const hasPath = after === '/' || after === '?' || after === '#' || portDigits !== undefined;
    // cheapest refusal first: the last label must be a real TLD ("3.200", "etc.)" are not hosts).
    // Most candidates are decimals and abbreviations: they are refused in place, without slicing.
    // The last label starts after the last dot of the host, the one at i at the latest.
    let ts = he;
    while (ts > i + 1 && text.charCodeAt(ts - 1) !== 46) ts--;
    const inTlds = mayBeName(TLDS_SHAPE, text, ts, he) && TLDS.has(text.slice(ts, he));
    // the TLD as the original text writes it counts only when the view's is no TLD ("pф" for "рф")
    let tldOrig: string | undefined;
    const ip = !inTlds && isIPv4At(text, hs, he);
    if (!inTlds && !ip) {
      const inAll = mayBeName(ALL_TLDS_SHAPE, text, ts, he) && ALL_TLDS.has(text.slice(ts, he));
      if (!inAll) {
        tldOrig = !onlyLetters(text, ts, he) && originalMayBeTld(view, original, ts, he) ? originalTld(view, original, hs, he) : undefined;
        if (tldOrig === undefined || !ALL_TLDS.has(tldOrig)) {
          i = next;
          continue;
        }
      }
    }
    if (covered.some((c) => hs < c.end && he > c.start)) {
      i = next;
      continue;
    }
    // parts of an email address, a path, or a word glued to odd characters
    if (before === '@' || after === '@' || (before === '/' && !protoRel) || before === '_' || after === '_' || before === '%') {
      i = next;
      continue;
    }
    const host = text.slice(hs, he);
    // an IPv4 address is a link only with a port or a path ("192.168.1.1/admin"); alone it is a number
    if (ip ? !hasPath || /[a-z0-9.]/.test(before) : !isPublicHost(host, tldOrig)) {
      i = next;
      continue;
    }
    const tld = host.slice(host.lastIndexOf('.') + 1);
    if (!ip && NUMERIC_LABELS.test(host) && !hasPath && !protoRel) {
      i = next;
      continue;
    }
    let e = he;
    if (hasPath) {
      while (e < text.length && e - hs < MAX_URL && isUrlCode(text.charCodeAt(e))) e++;
      while (e > he && TRAILING.test(text[e - 1]!)) e--;
    }
    if (!hasPath && rs.url.fileExtensions.has(tld)) {
      i = next;
      continue;
    }
    const common = rs.url.commonTlds.has(tld);
    if (!hasPath && !common && !ip) {
      // "lovely piece.Gold plated": a missing space after a full stop, not a domain
      const lastDot = hs + host.lastIndexOf('.');
      const o = toOriginal(view, lastDot + 1, lastDot + 2);
      const ch = original.slice(o.start, o.end);
      if (ch !== ch.toLowerCase()) {
        i = next;
        continue;
      }
    }
    const s = protoRel ? hs - 2 : hs;
    covered.push({ start: s, end: e });
    emit(rs, view, original, out, s, e, host, common || hasPath || protoRel ? 'bare' : 'bare_rare_tld');
    i = e;
  }
}

function emit(rs: CompiledRuleSet, view: TextView, original: string, out: RawHit[], s: number, e: number, hostRaw: string, how: 'scheme' | 'bare' | 'bare_rare_tld'): void {
  const host = hostRaw.replace(/^www\./, '');
  if (hostMatches(host, rs.allowDomains) || hostMatches(host, rs.referenceDomains)) return;
  const span = toOriginal(view, s, e);
  const value = view.text.slice(s, e);
  let rule: string = `url.${how}`;
  let weight = rs.url.weights[how];
  if (hostMatches(host, rs.url.messengerLinks)) {
    rule = 'url.messenger';
    weight = rs.url.weights.messenger;
  } else if (rs.url.shorteners.has(host)) {
    rule = 'url.shortener';
    weight = rs.url.weights.shortener;
  }
  if (span.end <= span.start) return;
  void original;
  out.push({ kind: 'url', start: span.start, end: span.end, normalized: value, rule, clause: rs.url.clause, weight });
}

export const urlDetector: Detector = {
  name: 'url',
  kinds: ['url'],
  applies: (s) => s.innerDots > 0 || s.addrWords > 0,
  detect(state) {
    const view = state.signals.addrWords > 0 || state.signals.at > 0 ? state.addrView() : state.folded;
    findUrls(state.rs, view, state.text, state.hits);
  },
};
