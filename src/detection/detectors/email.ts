import { toOriginal, type TextView } from '../normalize';
import type { CompiledRuleSet } from '../rules';
import type { RawHit } from '../types';
import { LIMITS, type Detector } from './detector';
import { isAlnumLower, wordsBefore } from './text-utils';
import { hostMatches, isIdnCode, isPublicHost, isValidHost, mayBeName, nameShape } from './tld';

/** ASCII local-part characters (a–z, 0–9, . _ % + ~ -): 1; those of a domain too (a–z, 0–9, . -): 3. */
const ADDRESS_ASCII = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789.-') ADDRESS_ASCII[c.charCodeAt(0)] = 3;
for (const c of '_%+~') ADDRESS_ASCII[c.charCodeAt(0)] = 1;
/** Local part and domain characters, with the letters of internationalized addresses ("Кириллица@Кириллица.com"). */
function isLocalAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? ADDRESS_ASCII[c] !== 0 : isIdnCode(c);
}
function isDomainAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? ADDRESS_ASCII[c] === 3 : isIdnCode(c);
}

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
    if (bareProvider(rs, view, original, out, ls, p, re)) continue;
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

/**
 * Web-mail providers whose name alone says "e-mail", with the domain their addresses usually have.
 * A user name beside one of them is an address written without its '@' ("I'm anna.b on Gmail",
 * "Gmail: anna.b"). Providers that are also everyday words (live, free, orange, web, mail) are left out.
 */
export const NAMED_PROVIDERS: ReadonlyMap<string, string> = new Map([
  ['gmail', 'gmail.com'], ['googlemail', 'googlemail.com'], ['hotmail', 'hotmail.com'], ['outlook', 'outlook.com'], ['yahoo', 'yahoo.com'],
  ['ymail', 'ymail.com'], ['icloud', 'icloud.com'], ['protonmail', 'protonmail.com'], ['gmx', 'gmx.net'], ['wanadoo', 'wanadoo.fr'],
  ['laposte', 'laposte.net'], ['libero', 'libero.it'], ['virgilio', 'virgilio.it'], ['tiscali', 'tiscali.it'], ['freenet', 'freenet.de'],
  ['ziggo', 'ziggo.nl'], ['kpnmail', 'kpnmail.nl'], ['yandex', 'yandex.com'], ['aol', 'aol.com'],
]);

const PROVIDER_SHAPE = nameShape(NAMED_PROVIDERS.keys());

/**
 * "anna.berg at gmail", "anna.berg (at) gmail": an address whose provider is named without its TLD.
 * The spelled "at" alone also joins "work at Gmail", so the name must look like one (a dot, a digit,
 * '_') unless a real or bracketed at sign was written. Returns whether it reported the address.
 */
function bareProvider(rs: CompiledRuleSet, view: TextView, original: string, out: RawHit[], ls: number, p: number, re: number): boolean {
  const domain = NAMED_PROVIDERS.get(view.text.slice(p + 1, re));
  if (domain === undefined) return false;
  // the provider's name must end there: "fake@gmail#.com" is a broken address, not a bare one
  const after = view.text[re];
  if (after !== undefined && !/[\s,;:!?)\]}>"'»]/.test(after) && !(after === '.' && !/[a-z0-9]/.test(view.text[re + 1] ?? ''))) return false;
  const local = view.text.slice(ls, p);
  const span = toOriginal(view, ls, re);
  const raw = original.slice(span.start, span.end);
  if (!/[._0-9]/.test(local) && !/[@＠]|[[({<]\s{0,2}at\s{0,2}[\])}>]/i.test(raw)) return false;
  const address = `${local}@${domain}`;
  if (rs.allowEmails.has(address)) return true;
  out.push({ kind: 'email', start: span.start, end: span.end, normalized: address, rule: 'email.obfuscated', clause: rs.email.clause, weight: rs.email.weights.obfuscated });
  return true;
}

/** "on Gmail", "sur Gmail", "su Gmail", "auf Gmail", "en Gmail", "op Gmail". */
const ON = new Set(['on', 'sur', 'su', 'auf', 'bei', 'en', 'op', 'via', 'in']);
/** Words right before a name that say "this is who I am there": "I'm x", "je suis x", "ich bin x", "as x". */
const IDENTITY = new Set(['for', 'search', 'find', 'cherchez', 'cercate', 'cerca', 'cercami', 'suchen', 'finden', 'busque', 'busca', 'buscame', 'zoek', 'im', 'm', 'am', 're', 'are', 'suis', 'sommes', 'sono', 'siamo', 'bin', 'sind', 'soy', 'somos', 'estoy', 'estamos', 'ben', 'zijn', 'as', 'comme', 'come', 'como', 'als', 'under', 'sous', 'unter', 'onder']);
/** Words before "Gmail: x" that make it a label: "sur Gmail : x", "my Gmail: x". */
const LABEL_LEAD = new Set([...ON, 'my', 'our', 'mon', 'notre', 'mio', 'mia', 'nostro', 'mein', 'meine', 'unser', 'unsere', 'mi', 'nuestro', 'mijn', 'ons', 'onze', 'par', 'per', 'por',
  'address', 'adresse', 'indirizzo', 'direccion', 'adres', 'correo', 'account', 'compte', 'conto', 'konto', 'cuenta']);
/** "my Gmail is x": the verb between a possessive, the provider and the name. */
const IS = new Set(['is', 'est', 'e', 'ist', 'es', 'lautet']);
/** "on Gmail as x", "su Gmail come x". */
const AS = new Set(['as', 'comme', 'come', 'como', 'als', 'under', 'sous', 'unter', 'onder']);
/** Everyday words that can stand where a name would ("I'm also on Gmail", "my Gmail is blocked"). */
const NOT_A_NAME = new Set([
  'also', 'always', 'usually', 'mostly', 'mainly', 'available', 'reachable', 'active', 'often', 'only', 'still', 'there', 'here', 'everywhere',
  'now', 'not', 'never', 'rarely', 'both', 'just', 'more', 'less', 'easy', 'easier', 'online', 'offline', 'present', 'sometimes', 'daily', 'busy',
  'better', 'faster', 'quicker', 'quick', 'fast', 'full', 'down', 'blocked', 'working', 'hacked', 'broken', 'closed', 'gone', 'deleted', 'suspended',
  'the', 'same', 'name', 'user', 'username', 'account', 'address', 'email', 'mail', 'contact', 'this', 'that', 'what', 'with', 'your', 'yours',
  'aussi', 'toujours', 'souvent', 'surtout', 'joignable', 'disponible', 'bloque', 'plein', 'pas', 'jamais', 'meme', 'nom', 'adresse', 'compte',
  'anche', 'sempre', 'spesso', 'reperibile', 'disponibile', 'raggiungibile', 'bloccato', 'pieno', 'non', 'mai', 'stesso', 'nome', 'indirizzo',
  'auch', 'immer', 'oft', 'meistens', 'erreichbar', 'gesperrt', 'voll', 'nicht', 'nie', 'gleich', 'konto',
  'tambien', 'siempre', 'localizable', 'bloqueado', 'lleno', 'nunca', 'mismo', 'nombre', 'direccion', 'cuenta', 'correo',
  'ook', 'altijd', 'vaak', 'meestal', 'bereikbaar', 'beschikbaar', 'geblokkeerd', 'niet', 'nooit', 'zelfde', 'naam', 'adres',
  'thanks', 'thank', 'merci', 'grazie', 'danke', 'gracias', 'bedankt', 'dank', 'yes', 'oui', 'ja', 'nee', 'yesterday', 'today', 'tomorrow',
  'hier', 'demain', 'ieri', 'oggi', 'domani', 'gestern', 'heute', 'morgen', 'ayer', 'hoy', 'manana', 'gisteren', 'vandaag', 'please',
  'different', 'similar', 'simpler', 'perfect', 'complicated', 'pareil', 'pareille', 'differente', 'pratique', 'complique', 'parfait',
  'semplice', 'perfetto', 'complicato', 'uguale', 'diverso', 'einfacher', 'perfekt', 'kompliziert', 'anders', 'diferente',
  'distinto', 'perfecto', 'complicado', 'hetzelfde', 'makkelijker', 'ingewikkeld',
]);

const isNameCode = (c: number): boolean => isAlnumLower(c) || c === 46 || c === 95 || c === 45;
const isBlankCode = (c: number): boolean => c === 32 || c === 9;

/** A user name as people write it: 4–64 name characters with a letter, not an everyday word (a dot, digit or '_' makes 3 enough). */
function plausibleName(name: string): boolean {
  if (name.length < 3 || name.length > 64 || !/[a-z]/.test(name) || NOT_A_NAME.has(name)) return false;
  return name.length >= 4 || /[._0-9]/.test(name);
}

/** The name that ends at `end` (trailing dots dropped), or undefined. */
function nameBefore(text: string, end: number): { start: number; name: string } | undefined {
  let s = end;
  while (s > 0 && end - s < 64 && isNameCode(text.charCodeAt(s - 1))) s--;
  let e = end;
  while (e > s && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
  while (s < e && (text[s] === '.' || text[s] === '-')) s++;
  return e > s ? { start: s, name: text.slice(s, e) } : undefined;
}

/** The name that starts at `start`, or undefined when it runs on into an address ('@', or a host). */
function nameAfter(text: string, start: number): { end: number; name: string } | undefined {
  let e = start;
  while (e < text.length && e - start < 64 && isNameCode(text.charCodeAt(e))) e++;
  if (text[e] === '@') return undefined;
  while (e > start && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
  const name = text.slice(start, e);
  // "gmail: anna.b@…" is an address the '@' scan reports; "gmail: gmail.com" is the provider itself
  if (e === start || NAMED_PROVIDERS.has(name.split('.')[0]!) || isValidHost(name)) return undefined;
  return { end: e, name };
}

/**
 * Addresses named by their provider instead of written out: "I'm anna.b on Gmail", "Sur Gmail :
 * annab", "my Gmail is anna.b". Read on the folded view; at most one per provider mention.
 */
export function findNamedMailboxes(rs: CompiledRuleSet, view: TextView, out: RawHit[]): void {
  const text = view.text;
  let mentions = 0;
  for (let i = 0; i < text.length && mentions < LIMITS.candidates; ) {
    if (!isAlnumLower(text.charCodeAt(i)) || (i > 0 && isNameCode(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let e = i;
    while (e < text.length && isAlnumLower(text.charCodeAt(e))) e++;
    // most words are no provider by their length and first two letters: no slice for them
    const provider = e - i <= 10 && mayBeName(PROVIDER_SHAPE, text, i, e) ? NAMED_PROVIDERS.get(text.slice(i, e)) : undefined;
    const ps = i;
    i = e;
    // "x@gmail" is an address the '@' scan reads
    if (provider === undefined || text[ps - 1] === '@') continue;
    mentions++;
    // "I'm anna.b on gmail.com": the host as written
    const host = text[e] === '.' && isAlnumLower(text.charCodeAt(e + 1)) ? hostAt(text, ps) : undefined;
    if (host !== undefined && !isValidHost(host)) continue;
    const domain = host ?? provider;
    const found = host !== undefined ? nameBeforeProvider(text, ps, ps + host.length) : (nameBeforeProvider(text, ps, e) ?? nameAfterProvider(text, ps, e));
    if (found === undefined) continue;
    const address = `${found.name}@${domain}`;
    if (rs.allowEmails.has(address)) continue;
    const span = toOriginal(view, found.start, found.end);
    out.push({ kind: 'email', start: span.start, end: span.end, normalized: address, rule: 'email.provider_name', clause: rs.email.clause, weight: rs.email.weights.obfuscated });
  }
}

/** The host name that starts at `from` ("gmail.com"). */
function hostAt(text: string, from: number): string {
  let e = from;
  while (e < text.length && e - from < 64 && (isAlnumLower(text.charCodeAt(e)) || text[e] === '.' || text[e] === '-')) e++;
  while (e > from && text[e - 1] === '.') e--;
  return text.slice(from, e);
}

/** "I'm anna.b on Gmail": identity word, name, "on", provider (ending at `pe`). */
function nameBeforeProvider(text: string, ps: number, pe: number): { start: number; end: number; name: string } | undefined {
  const [on] = wordsBefore(text, ps, 1, 8);
  if (on === undefined || !ON.has(on)) return undefined;
  let k = ps;
  while (k > 0 && !isAlnumLower(text.charCodeAt(k - 1))) k--;
  k -= on.length;
  let b = k;
  while (b > 0 && isBlankCode(text.charCodeAt(b - 1)) && k - b < 3) b--;
  if (b === k) return undefined;
  const n = nameBefore(text, b);
  if (n === undefined || !plausibleName(n.name)) return undefined;
  const [who] = wordsBefore(text, n.start, 1, 12);
  // "my address is anna.b on Gmail": after a bare "is" the name must look like one
  if (who === undefined || !(IDENTITY.has(who) || (IS.has(who) && /[._0-9]/.test(n.name)))) return undefined;
  return { start: n.start, end: pe, name: n.name };
}

/** "Sur Gmail : anna.b", "my Gmail is anna.b": provider, ':' or "is", name. */
function nameAfterProvider(text: string, ps: number, pe: number): { start: number; end: number; name: string } | undefined {
  const [lead] = wordsBefore(text, ps, 1, 8);
  const sentenceStart = lead === undefined || /[.!?\n:;]\s*$/.test(text.slice(Math.max(0, ps - 4), ps));
  if (!sentenceStart && !LABEL_LEAD.has(lead)) return undefined;
  let k = pe;
  while (k < text.length && isBlankCode(text.charCodeAt(k)) && k - pe < 3) k++;
  // "my Gmail address is x", "sur Gmail, c'est x"
  const noun = endOfWord(text, k);
  if (ADDRESS_NOUNS.has(text.slice(k, noun))) k = skipBlanks(text, noun);
  if (text[k] === ',') k = skipBlanks(text, k + 1);
  let marked = false;
  if (text[k] === ':') {
    marked = true;
    k++;
  } else {
    let w = endOfWord(text, k);
    // "c'est x": the elided form of "est"
    if (text.slice(k, w) === 'c' && text[w] === "'") w = endOfWord(text, w + 1);
    const written = text.slice(k, w);
    const verb = written.replace("c'", '');
    // "on Gmail as x"; "my Gmail is x" (but "on Gmail is" says nothing); "sur Gmail, c'est x"
    if (AS.has(verb)) {
      marked = true;
      // "as the name x", "sous le nom x"
      const m = /^[ \t]{1,3}(?:the |le |il |den |dem |el |de )?(?:name|nom|nome|namen|nombre|naam|username|pseudo)\b/.exec(text.slice(w, w + 24));
      if (m !== null) w += m[0].length;
    } else if (written === "c'est" || verb === 'its' || text.slice(k, w + 2) === "it's") {
      // "sur Gmail, c'est x" is not a label: the name is held to the unmarked rule below
      if (text.slice(k, w + 2) === "it's") w += 2;
    } else if (!IS.has(verb) || (lead !== undefined && ON.has(lead))) return undefined;
    k = w;
  }
  const from = k;
  while (k < text.length && isBlankCode(text.charCodeAt(k)) && k - from < 3) k++;
  if (k === from && !marked) return undefined;
  const n = nameAfter(text, k);
  if (n === undefined || !plausibleName(n.name)) return undefined;
  // a label's value ends there ("Gmail: annab, write…"); "Gmail: thanks for asking" is a sentence
  if (/[._0-9]/.test(n.name)) return { start: ps, end: n.end, name: n.name };
  if (n.end < text.length && !/[\s,;!?)\]]/.test(text[n.end]!) && !(text[n.end] === '.' && !isAlnumLower(text.charCodeAt(n.end + 1)))) return undefined;
  if (/^[ \t]{1,3}[a-z0-9]/.test(text.slice(n.end, n.end + 4)) && !/^[ \t]{1,3}(?:-|and|et|e|und|y|en)\b/.test(text.slice(n.end, n.end + 8))) return undefined;
  // without a colon the name must look like one: "my Gmail is blocked" names nothing
  if (!marked && n.name.length < 8 && !/[._0-9]/.test(n.name)) return undefined;
  return { start: ps, end: n.end, name: n.name };
}

/** "my Gmail address is x": words naming the address itself, skipped after the provider. */
const ADDRESS_NOUNS = new Set(['address', 'adresse', 'indirizzo', 'direccion', 'adres', 'account', 'compte', 'conto', 'konto', 'cuenta', 'mail', 'email']);

function skipBlanks(text: string, from: number): number {
  let k = from;
  while (k < text.length && isBlankCode(text.charCodeAt(k)) && k - from < 3) k++;
  return k;
}

function endOfWord(text: string, from: number): number {
  let e = from;
  while (e < text.length && isAlnumLower(text.charCodeAt(e))) e++;
  return e;
}

export const emailDetector: Detector = {
  name: 'email',
  kinds: ['email'],
  applies: (s) => s.at > 0 || s.addrWords > 0 || s.mailProviders > 0,
  detect(state) {
    if (state.signals.at > 0 || state.signals.addrWords > 0) findEmails(state.rs, state.addrView(), state.text, state.hits);
    if (state.signals.mailProviders > 0) findNamedMailboxes(state.rs, state.folded, state.hits);
  },
};
