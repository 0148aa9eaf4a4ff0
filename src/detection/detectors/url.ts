import { toOriginal, type TextView } from '../normalize';
import type { CompiledRuleSet } from '../rules';
import type { RawHit } from '../types';
import { LIMITS, type Detector } from './detector';
import { hostMatches, isValidHost, TLDS } from './tld';

/** a–z, 0–9 and '-': the characters of a host label. */
const isHostCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
const URL_CHAR = /[^\s<>"'`{}|\\^]/;
/** ASCII answers of URL_CHAR, by code (1 = may be part of a URL). */
const URL_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) URL_ASCII[c] = URL_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
const isUrlCode = (c: number): boolean => (c < 128 ? URL_ASCII[c] === 1 : URL_CHAR.test(String.fromCharCode(c)));
/** Every label but the TLD is a number ("1.2.3.com" is a version or a list, not a host). */
const NUMERIC_LABELS = /^(?:\d+\.)+[^.]+$/;
const TRAILING = /[.,;:!?)\]'"*]/;
const SCHEMES = ['https://', 'http://', 'ftp://', 'www.'];
const WWW_ONLY = ['www.'];
const MAX_URL = 2048;

interface Span {
  start: number;
  end: number;
}

/**
 * URLs with a scheme or "www.", then bare domains ("villa-antiques.fr", "mysite dot com" via the
 * address view) whose last label is a real TLD. The marketplace's own domain and reference sites
 * (museums, encyclopedias) are allowed by configuration.
 */
export function findUrls(rs: CompiledRuleSet, view: TextView, original: string, out: RawHit[]): void {
  const text = view.text;
  const covered: Span[] = [];
  // every scheme but "www." holds "://": one search tells whether the others need looking for
  const schemes = text.includes('://') ? SCHEMES : text.includes('www.') ? WWW_ONLY : [];
  let budget = LIMITS.candidates;
  for (const scheme of schemes) {
    for (let p = text.indexOf(scheme); p >= 0 && budget > 0; p = text.indexOf(scheme, p + 1), budget--) {
      if (scheme === 'www.' && p >= 3 && text.slice(p - 3, p) === '://') continue;
      if (p > 0 && /[a-z0-9]/.test(text[p - 1]!) && scheme !== 'www.') {
        // "xhttp://" is not a link start; let the bare-domain pass look at it
        continue;
      }
      if (p > 0 && /[a-z0-9.@]/.test(text[p - 1]!)) continue;
      let e = p + scheme.length;
      while (e < text.length && e - p < MAX_URL && isUrlCode(text.charCodeAt(e))) e++;
      while (e > p + scheme.length && TRAILING.test(text[e - 1]!)) e--;
      const rest = text.slice(scheme === 'www.' ? p : p + scheme.length, e);
      // user info ("user:pass@") may hold a ':'
      const host = (/^[^/?#@]*@/.test(rest) ? rest.slice(rest.indexOf('@') + 1) : rest).split(/[/?#:]/)[0] ?? '';
      if (host.length === 0 || !host.includes('.')) continue;
      covered.push({ start: p, end: e });
      emit(rs, view, original, out, p, e, host, 'scheme');
    }
  }

  budget = 2 * LIMITS.candidates;
  for (let i = text.indexOf('.'); i >= 0 && i < text.length; i = text.indexOf('.', i + 1)) {
    if (i === 0 || i + 1 >= text.length || !isHostCode(text.charCodeAt(i - 1)) || !isHostCode(text.charCodeAt(i + 1))) continue;
    if (--budget < 0) break;
    let hs = i;
    while (hs > 0 && i - hs < 253 && (isHostCode(text.charCodeAt(hs - 1)) || text.charCodeAt(hs - 1) === 46)) hs--;
    let he = i + 1;
    while (he < text.length && he - hs < 253 && (isHostCode(text.charCodeAt(he)) || text.charCodeAt(he) === 46)) he++;
    while (he > i && text.charCodeAt(he - 1) === 46) he--;
    while (hs < i && (text.charCodeAt(hs) === 46 || text.charCodeAt(hs) === 45)) hs++;
    const next = he;
    // cheapest refusal first: the last label must be a real TLD ("3.200", "etc.)" are not hosts)
    if (!TLDS.has(text.slice(text.lastIndexOf('.', he - 1) + 1, he))) {
      i = next;
      continue;
    }
    if (covered.some((c) => hs < c.end && he > c.start)) {
      i = next;
      continue;
    }
    const before = hs > 0 ? text[hs - 1]! : '';
    const after = he < text.length ? text[he]! : '';
    // parts of an email address, a path, or a word glued to odd characters
    if (before === '@' || after === '@' || before === '/' || before === '_' || after === '_' || before === '%') {
      i = next;
      continue;
    }
    const host = text.slice(hs, he);
    if (!isValidHost(host)) {
      i = next;
      continue;
    }
    const tld = host.slice(host.lastIndexOf('.') + 1);
    if (NUMERIC_LABELS.test(host)) {
      i = next;
      continue;
    }
    let e = he;
    const hasPath = after === '/' || after === '?' || after === '#' || (after === ':' && /\d/.test(text[he + 1] ?? ''));
    if (hasPath) {
      while (e < text.length && e - hs < MAX_URL && isUrlCode(text.charCodeAt(e))) e++;
      while (e > he && TRAILING.test(text[e - 1]!)) e--;
    }
    if (!hasPath && rs.url.fileExtensions.has(tld)) {
      i = next;
      continue;
    }
    const common = rs.url.commonTlds.has(tld);
    if (!hasPath && !common) {
      // "lovely piece.Gold plated": a missing space after a full stop, not a domain
      const lastDot = hs + host.lastIndexOf('.');
      const o = toOriginal(view, lastDot + 1, lastDot + 2);
      const ch = original.slice(o.start, o.end);
      if (ch !== ch.toLowerCase()) {
        i = next;
        continue;
      }
    }
    covered.push({ start: hs, end: e });
    emit(rs, view, original, out, hs, e, host, common || hasPath ? 'bare' : 'bare_rare_tld');
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
