import { toOriginal, type TextView } from '../normalize';
import type { CompiledRuleSet } from '../rules';
import type { RawHit } from '../types';
import type { Detector } from './detector';
import { hostMatches, isValidHost } from './tld';

const HOST_CHAR = /[a-z0-9\-]/;
const URL_CHAR = /[^\s<>"'`{}|\\^]/;
const TRAILING = /[.,;:!?)\]'"*]/;
const SCHEMES = ['https://', 'http://', 'ftp://', 'www.'];
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
  for (const scheme of SCHEMES) {
    for (let p = text.indexOf(scheme); p >= 0; p = text.indexOf(scheme, p + 1)) {
      if (scheme === 'www.' && p >= 3 && text.slice(p - 3, p) === '://') continue;
      if (p > 0 && /[a-z0-9]/.test(text[p - 1]!) && scheme !== 'www.') {
        // "xhttp://" is not a link start; let the bare-domain pass look at it
        continue;
      }
      if (p > 0 && /[a-z0-9.@]/.test(text[p - 1]!)) continue;
      let e = p + scheme.length;
      while (e < text.length && e - p < MAX_URL && URL_CHAR.test(text[e]!)) e++;
      while (e > p + scheme.length && TRAILING.test(text[e - 1]!)) e--;
      const rest = text.slice(scheme === 'www.' ? p : p + scheme.length, e);
      const host = (/^[^/?#:@]*@/.test(rest) ? rest.slice(rest.indexOf('@') + 1) : rest).split(/[/?#:]/)[0] ?? '';
      if (host.length === 0 || !host.includes('.')) continue;
      covered.push({ start: p, end: e });
      emit(rs, view, original, out, p, e, host, 'scheme');
    }
  }

  for (let i = text.indexOf('.'); i >= 0 && i < text.length; i = text.indexOf('.', i + 1)) {
    if (i === 0 || i + 1 >= text.length || !HOST_CHAR.test(text[i - 1]!) || !HOST_CHAR.test(text[i + 1]!)) continue;
    let hs = i;
    while (hs > 0 && i - hs < 253 && (HOST_CHAR.test(text[hs - 1]!) || text[hs - 1] === '.')) hs--;
    let he = i + 1;
    while (he < text.length && he - hs < 253 && (HOST_CHAR.test(text[he]!) || text[he] === '.')) he++;
    while (he > i && text[he - 1] === '.') he--;
    while (hs < i && (text[hs] === '.' || text[hs] === '-')) hs++;
    const next = he;
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
    const labels = host.split('.');
    const tld = labels[labels.length - 1]!;
    if (labels.slice(0, -1).every((l) => /^\d+$/.test(l))) {
      i = next;
      continue;
    }
    let e = he;
    const hasPath = after === '/' || after === '?' || after === '#' || (after === ':' && /\d/.test(text[he + 1] ?? ''));
    if (hasPath) {
      while (e < text.length && e - hs < MAX_URL && URL_CHAR.test(text[e]!)) e++;
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
  if (hostMatches(host, [...rs.url.messengerLinks])) {
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
