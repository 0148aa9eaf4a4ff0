import { toOriginal, type TextView } from '../normalize';
import type { CompiledRuleSet } from '../rules';
import type { RawHit } from '../types';
import { LIMITS, type Detector } from './detector';
import { hostMatches, isIdnCode, isPublicHost, isValidHost } from './tld';

const LOCAL = /[a-z0-9._%+~\-]/;
const DOMAIN = /[a-z0-9.\-]/;
/** Local part and domain characters, with the letters of internationalized addresses ("Кириллица@Кириллица.com"). */
const isLocalAt = (text: string, i: number): boolean => LOCAL.test(text[i]!) || isIdnCode(text.charCodeAt(i));
const isDomainAt = (text: string, i: number): boolean => DOMAIN.test(text[i]!) || isIdnCode(text.charCodeAt(i));

/** Whether the non-blank run of text that holds position `at` has a "://" before `at` (bounded look-back). */
function insideLink(text: string, at: number): boolean {
  for (let i = at - 1, n = 0; i >= 2 && n < 2048; i--, n++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) return false;
    if (c === 47 && text.charCodeAt(i - 1) === 47 && text.charCodeAt(i - 2) === 58) return true;
  }
  return false;
}

/**
 * Email addresses in the address view, so "name at gmail dot com" and "name [at] gmail (dot) com"
 * are found like plain ones. Expands left and right from each '@' with bounded steps that stop at
 * the next '@', so many '@' cost linear time.
 */
export function findEmails(rs: CompiledRuleSet, view: TextView, original: string, out: RawHit[]): void {
  const text = view.text;
  let budget = 4 * LIMITS.candidates;
  for (let p = text.indexOf('@'); p >= 0 && budget > 0; p = text.indexOf('@', p + 1), budget--) {
    let ls = p;
    while (ls > 0 && p - ls < 64 && isLocalAt(text, ls - 1)) ls--;
    let re = p + 1;
    while (re < text.length && re - p <= 253 && isDomainAt(text, re)) re++;
    while (ls < p && (text[ls] === '.' || text[ls] === '-')) ls++;
    while (re > p + 1 && (text[re - 1] === '.' || text[re - 1] === '-')) re--;
    const local = text.slice(ls, p);
    const domain = text.slice(p + 1, re);
    // "anna..b@gmail.com", "anna.@gmail.com" break RFC 5322 but reach a mailbox all the same (Gmail ignores dots)
    if (local.length === 0) continue;
    // "http://user:pass@host…" or "…?id=a@b.com" in a link: the URL detector reports the whole link
    if (insideLink(text, ls)) continue;
    const mailto = ls >= 7 && text.startsWith('mailto:', ls - 7);
    // an explicit mailto: makes a host without a TLD ("mailto:foo@bar") an address
    if (!isValidHost(domain) && !isPublicHost(domain, lastLabel(view, original, re)) && !(mailto && /^[a-z0-9-]{1,63}$/.test(domain))) continue;
    const address = `${local}@${domain}`;
    if (hostMatches(domain, rs.allowDomains) || rs.allowEmails.has(address)) continue;
    const span = toOriginal(view, mailto ? ls - 7 : ls, re);
    const raw = original.slice(span.start, span.end);
    const obfuscated = !raw.includes('@') || /\s|[[\](){}<>]/.test(raw) || raw.length !== address.length + (mailto ? 7 : 0);
    out.push({
      kind: 'email',
      start: span.start,
      end: span.end,
      normalized: address,
      rule: obfuscated ? 'email.obfuscated' : 'email.plain',
      clause: rs.email.clause,
      weight: obfuscated ? rs.email.weights.obfuscated : rs.email.weights.plain,
    });
  }
}

/** The TLD ending at view position `end` as the original text writes it ("рф" where the view folded it to "pф"). */
function lastLabel(view: TextView, original: string, end: number): string | undefined {
  const dot = view.text.lastIndexOf('.', end - 1);
  if (dot < 0 || dot + 1 >= end) return undefined;
  const o = toOriginal(view, dot + 1, end);
  return original.slice(o.start, o.end).normalize('NFC').toLowerCase();
}

export const emailDetector: Detector = {
  name: 'email',
  kinds: ['email'],
  applies: (s) => s.at > 0 || s.addrWords > 0,
  detect(state) {
    findEmails(state.rs, state.addrView(), state.text, state.hits);
  },
};
