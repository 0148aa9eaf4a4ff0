import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { ExpectedHit, LabelledCase } from './eval';
import { luhnOk } from './detectors/card';
import { hostMatches, hostPrefix, isIPv4, isPublicHost, TLDS } from './detectors/tld';
import { defaultCompiledRuleSet, type CompiledRuleSet } from './rules';

/** A case ready to scan: the labelled case plus the scan hints it carries. */
export interface MappedCase extends LabelledCase {
  readonly country?: string;
  readonly sender?: string;
  readonly conversation?: string;
  readonly order_exists?: boolean;
  /** Ids of the label mappings that changed this case (see `labelMappings()`). */
  readonly mapped?: readonly string[];
}

const ASSAY_KINDS = ['phone', 'email', 'url', 'handle', 'iban', 'card', 'crypto', 'payment', 'intent'];

/** Kind names of other projects that mean the same thing as an Assay kind. */
const KIND_ALIASES: Record<string, string> = { credit_card: 'card', cards: 'card', creditcard: 'card' };

const AUTOLINKER = 'gregjacobs/Autolinker.js';
const LINKIFYJS = 'Hypercontext/linkifyjs';
const LINKIFY_IT = 'markdown-it/linkify-it';
const LIBPHONENUMBER = 'catamphetamine/libphonenumber-js';
const PRESIDIO = 'microsoft/presidio';
const REDACT_PII = 'solvvy/redact-pii';
/** The public projects whose test suites ../shared/corpora holds; they label by their own library's contract. */
const EXTERNAL = [AUTOLINKER, LINKIFYJS, LINKIFY_IT, LIBPHONENUMBER, PRESIDIO, REDACT_PII];

/**
 * A label mapping: where a source's contract differs from Assay's ("something that lets a buyer and
 * a seller reach each other or pay off the platform"), for a class of labels or cases, and why.
 * `apply` returns the changed case, or undefined when the mapping does not concern it. Nothing here
 * looks at what the detector returns.
 */
interface LabelMapping {
  readonly id: string;
  readonly sources: readonly string[];
  readonly reason: string;
  readonly apply: (c: MappedCase, rs: CompiledRuleSet) => MappedCase | undefined;
}

const outOfScope = (c: MappedCase, kind: string): MappedCase => ({ ...c, scope: c.scope.filter((k) => k !== kind) });
const isNegative = (c: MappedCase, kind: string): boolean => c.scope.includes(kind) && !c.expect.some((e) => e.kind === kind);

/** Removes the labels `drop` picks; with `scope`, their kind leaves the case's scope (the source's extents no longer line up with ours). */
function dropLabels(c: MappedCase, drop: (e: ExpectedHit) => boolean, scope: boolean): MappedCase | undefined {
  const dropped = c.expect.filter(drop);
  if (dropped.length === 0) return undefined;
  let out: MappedCase = { ...c, expect: c.expect.filter((e) => !drop(e)) };
  if (scope) for (const kind of new Set(dropped.map((e) => e.kind))) out = outOfScope(out, kind);
  return out;
}

/**
 * A url label's value without the quotes or brackets some sources include ('"https://x.org/"'), and
 * without the zero-width joiners and variation selectors of emoji, which the scanner folds away.
 */
const bareUrl = (v: string): string => v.replace(/^["'<(\[]+|["'>)\]]+$/g, '').replace(/[\u200d\ufe0f]/g, '');

/** The scheme of a URI ("http", "bugtracker", "mailto"), not a host followed by a port ("localhost:3000"). */
function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(bareUrl(url))?.[1]?.toLowerCase();
}

const WEB_SCHEMES = new Set(['http', 'https', 'ftp']);

/** The host of a web URL label, lower-cased ("http://user:pw@Shop.example.com:8080/x" → "shop.example.com"), folded like the scanner folds it. */
function hostsOf(url: string): string[] {
  const rest = bareUrl(url).replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^\/\//, '');
  const authority = rest.split(/[/?#]/)[0] ?? '';
  // user info may be written the wrong way round ("user@pass:example.com"): every ':' part but a port is a candidate
  const [host = '', ...others] = authority.slice(authority.lastIndexOf('@') + 1).split(':');
  return [host, ...others.filter((h) => !/^\d+$/.test(h))].map((h) => hostPrefix(h.normalize('NFKC').toLowerCase())).filter((h) => h !== '');
}

const publicHost = (h: string): boolean => isPublicHost(h, h.slice(h.lastIndexOf('.') + 1));

/** Turns any decimal digits (Arabic-Indic, full-width…) into ASCII ones. */
function asciiDigits(s: string): string {
  return s.replace(/\p{Nd}/gu, (d) => {
    let zero = d.codePointAt(0)!;
    while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
    return String((d.codePointAt(0)! - zero) % 10);
  });
}

/** What a phone label says: its digits (any script), whether written with '+' or '00'; a dial string after ',', ';', '#' or "ext" is not part of the number. */
function phoneLabel(value: string): { digits: string; international: boolean } {
  const number = asciiDigits(value).split(/[,;#]|ext\.?|\bx(?=\s*\d)/i)[0] ?? '';
  const digits = number.replace(/\D/g, '');
  return { digits: digits.replace(/^00/, ''), international: /^[\s(]*\+/.test(number) || digits.startsWith('00') };
}

const COUNTRIES: ReadonlySet<string> = new Set<string>(getCountries());

/** Valid in `region` as written: with its trunk prefix unless `lenient` (the case's own country, read as the source reads it). */
function validIn(digits: string, region: string, lenient: boolean): boolean {
  if (!COUNTRIES.has(region)) return false;
  const p = parsePhoneNumberFromString(digits, region as CountryCode);
  if (p?.isValid() !== true) return false;
  if (lenient) return true;
  const written = p.formatNational().replace(/\D/g, '');
  return !(written.length > digits.length && written.endsWith(digits));
}

/** A number one can dial somewhere: with '+' or '00', valid in its country's plan; otherwise valid as written in some country. */
function diallable(value: string, country: string | undefined): boolean {
  const { digits, international } = phoneLabel(value);
  if (digits.length < 6) return false;
  if (international) return parsePhoneNumberFromString(`+${digits}`)?.isValid() === true;
  return (country !== undefined && validIn(digits, country, true)) || [...COUNTRIES].some((r) => validIn(digits, r, false));
}

/** A national number (no country code) valid only outside the marketplace's regions and the case's country. */
function foreignNational(value: string, country: string | undefined, regions: readonly string[]): boolean {
  const { digits, international } = phoneLabel(value);
  if (international || !diallable(value, country)) return false;
  return !(country !== undefined && validIn(digits, country, true)) && !regions.some((r) => validIn(digits, r, false));
}

const MAPPINGS: readonly LabelMapping[] = [
  // ── country hints first: whether a number is diallable depends on the country ──────────────
  {
    id: 'presidio.country_recognizers',
    sources: [PRESIDIO],
    reason:
      "Presidio's country-specific phone recognizers (test_tr_…, test_ph_…) read the numbers of one country: their cases get that country as the country hint, as the marketplace passes the country of a conversation. Their negatives mean \"not a number of that country\", while Assay accepts a number valid in any hint region, so those count for recall only.",
    apply: (c) => {
      const m = /test_([a-z]{2})_[a-z_]*(?:phone|mobile)[a-z_]*recognizer\.py/.exec(String(c.meta?.path ?? ''));
      if (m === null) return undefined;
      const hinted: MappedCase = c.country === undefined ? { ...c, country: m[1]!.toUpperCase() } : c;
      return isNegative(hinted, 'phone') ? outOfScope(hinted, 'phone') : hinted;
    },
  },
  {
    id: 'libphonenumber.default_country',
    sources: [LIBPHONENUMBER],
    reason: 'The test cases name the default country they were parsed with; it is passed as the country hint.',
    apply: (c) => {
      const dc = c.meta?.defaultCountry;
      return typeof dc === 'string' && c.country === undefined ? { ...c, country: dc } : undefined;
    },
  },
  // ── every external source ──────────────────────────────────────────────────────────────────
  {
    id: 'url.mailto_is_email',
    sources: EXTERNAL,
    reason: "A mailto: link with an address is labelled a url; Assay reports it as the email address it carries.",
    apply: (c) => {
      const isMailto = (e: ExpectedHit): boolean => e.kind === 'url' && /^mailto:[^@\s]+@/i.test(e.value ?? '');
      if (!c.expect.some(isMailto)) return undefined;
      return { ...c, expect: c.expect.map((e) => (isMailto(e) ? { ...e, kind: 'email' } : e)) };
    },
  },
  {
    id: 'url.other_scheme',
    sources: EXTERNAL,
    reason:
      'Assay reports what a browser opens as a web site (http, https, ftp, www., a bare domain); other URI schemes (an app\'s own scheme such as myshop://, file:, magnet:, a mailto: with no address) lead nowhere off the marketplace. Those url labels are dropped and url findings in their cases are not counted.',
    apply: (c) =>
      dropLabels(
        c,
        (e) => {
          if (e.kind !== 'url') return false;
          const scheme = schemeOf(e.value ?? '');
          return scheme !== undefined && !WEB_SCHEMES.has(scheme);
        },
        true,
      ),
  },
  {
    id: 'url.no_public_host',
    sources: EXTERNAL,
    reason:
      'A host with no public top-level domain (localhost, an intranet name such as http://stock-server, a .local or .invalid host, a made-up TLD) resolves on the reader\'s own machine or network only, so it cannot take a buyer anywhere. Those url labels are dropped and url findings in their cases are not counted.',
    apply: (c) =>
      dropLabels(
        c,
        (e) => {
          if (e.kind !== 'url') return false;
          const v = e.value ?? '';
          const scheme = schemeOf(v);
          if (scheme !== undefined && !WEB_SCHEMES.has(scheme)) return false;
          const hosts = hostsOf(v);
          return hosts.length > 0 && !hosts.some((h) => publicHost(h));
        },
        true,
      ),
  },
  {
    id: 'url.bare_ip',
    sources: EXTERNAL,
    reason:
      'Assay reports an IP address as a link only with a scheme, a port or a path (http://10.0.0.1, 192.168.1.1/admin); a bare dotted quad ("10.1.2.3") reads as a version or a number as often as a site, and is deliberately not reported.',
    apply: (c) => dropLabels(c, (e) => e.kind === 'url' && isIPv4(bareUrl(e.value ?? '').trim()), true),
  },
  {
    id: 'url.allowed_host',
    sources: EXTERNAL,
    reason:
      "The rule set allows links to the marketplace itself and to reference sites (encyclopedias, museums, auction houses: allow.domains and allow.reference_domains); they let nobody reach anyone, so those url labels are dropped.",
    apply: (c, rs) =>
      dropLabels(c, (e) => e.kind === 'url' && hostsOf(e.value ?? '').some((h) => hostMatches(h.replace(/^www\./, ''), rs.allowDomains) || hostMatches(h.replace(/^www\./, ''), rs.referenceDomains)), false),
  },
  {
    id: 'url.spelled_out',
    sources: EXTERNAL,
    reason:
      'None of these libraries reads a domain spelled out in words ("galerie dot com"); Assay does, as a common way to hide a site. In a case whose text spells one, url findings are not counted as false positives.',
    apply: (c) => {
      if (!c.scope.includes('url')) return undefined;
      const spelled = /[a-z0-9-]+ (?:dot|punto|point|punkt) ([a-z]{2,})\b/gi;
      for (const m of c.text.matchAll(spelled)) if (TLDS.has(m[1]!.toLowerCase())) return outOfScope(c, 'url');
      return undefined;
    },
  },
  {
    id: 'phone.not_diallable',
    sources: EXTERNAL,
    reason:
      "A phone label that nobody can dial is dropped: an international number its country's plan does not have (+1 123 456 7890: North American area codes never start with 0 or 1; the fictional 555 numbers of films and tests), or a national one valid as written in no country. Phone findings in those cases are not counted.",
    apply: (c) => dropLabels(c, (e) => e.kind === 'phone' && e.value !== undefined && !diallable(e.value, c.country), true),
  },
  {
    id: 'phone.foreign_national',
    sources: EXTERNAL,
    reason:
      "Assay reads a number written without its country code as a national number of the countries a conversation involves (the message's, the seller's, the buyer's, the language's) and of the marketplace's regions (the rule set's phone.regions); read in every country of the world, nearly any block of 10 digits is a phone somewhere. A national number valid only elsewhere (a Chinese mobile without +86, 123-456-7890 which only Brazil has) is deliberately not reported: those labels are dropped and phone findings in their cases are not counted.",
    apply: (c, rs) => dropLabels(c, (e) => e.kind === 'phone' && e.value !== undefined && foreignNational(e.value, c.country, rs.phone.regions), true),
  },
  {
    id: 'card.uatp',
    sources: EXTERNAL,
    reason: 'A UATP number (15 digits starting with 1, Luhn-valid) pays airline tickets only; it cannot pay a seller. Those card labels are dropped and card findings in their cases are not counted.',
    apply: (c) =>
      dropLabels(
        c,
        (e) => {
          const d = (e.value ?? '').replace(/\D/g, '');
          return e.kind === 'card' && /^1\d{14}$/.test(d) && luhnOk(d);
        },
        true,
      ),
  },
  // ── one source ───────────────────────────────────────────────────────────────────────────────
  {
    id: 'presidio.near_valid_bank_details',
    sources: [PRESIDIO],
    reason:
      'Presidio marks an IBAN with a bad checksum or an unlisted country, and a card number failing the Luhn check, as negatives; for Assay near-valid bank details, and a card-shaped number right after "card", are still an attempt to be paid off the platform (a typo does not change the intent), so IBAN and card negatives count for recall only.',
    apply: (c) => {
      let out: MappedCase | undefined;
      for (const kind of ['iban', 'card']) if (isNegative(out ?? c, kind)) out = outOfScope(out ?? c, kind);
      return out;
    },
  },
  {
    id: 'mentions_without_platform',
    sources: [AUTOLINKER, LINKIFYJS],
    reason: 'Autolinker and linkifyjs link @mentions (and hashtags) that name no platform; Assay reports a handle only with its platform ("insta: @anna"), so handle labels are out of scope.',
    apply: (c) => (c.expect.some((e) => e.kind === 'handle') || c.scope.includes('handle') ? outOfScope({ ...c, expect: c.expect.filter((e) => e.kind !== 'handle') }, 'handle') : undefined),
  },
  {
    id: 'autolinker.phone_shape',
    sources: [AUTOLINKER],
    reason:
      "Autolinker links a phone number by its written shape and leaves alone one written as a single block of ten or eleven digits, with tabs, line breaks or doubled spaces between its groups, or followed by a dial string ending in digits; Assay reads a diallable number however it is spaced, so the negatives of Autolinker's phone tests count for recall only.",
    apply: (c) => (isNegative(c, 'phone') && String(c.meta?.path ?? '').includes('autolinker-phone') ? outOfScope(c, 'phone') : undefined),
  },
  {
    id: 'autolinker.email_syntax',
    sources: [AUTOLINKER],
    reason:
      "Autolinker's email tests refuse an address whose local part breaks RFC 5322 (two dots in a row, a dot before '@'), whose domain has two hyphens in a row, or that follows a 'scheme:' other than mailto:; the domain is real and the mailbox reachable as typed (Gmail ignores dots), so for Assay it is an address: those negatives count for recall only.",
    apply: (c) => {
      if (!isNegative(c, 'email') || !String(c.meta?.path ?? '').includes('autolinker-email')) return undefined;
      const addr = /[^\s@:]+@([a-z0-9.-]+)/gi;
      for (const m of c.text.matchAll(addr)) if (isPublicHost(m[1]!.toLowerCase())) return outOfScope(c, 'email');
      return undefined;
    },
  },
  {
    id: 'linkify-it.underscore',
    sources: [LINKIFY_IT],
    reason:
      "linkify-it refuses a link glued to an underscore (\"_https://shop.example\", \"https://shop.example_\"); chat apps mark italics with _…_, so Assay reads the link inside. Those negatives count for recall only.",
    apply: (c) => (isNegative(c, 'url') && /(?:^|\s)_\S*\.\S|\S\.\S*_(?=\s|$)/.test(c.text) ? outOfScope(c, 'url') : undefined),
  },
  {
    id: 'libphonenumber.punctuation',
    sources: [LIBPHONENUMBER],
    reason:
      "libphonenumber-js's matcher (\"valid\" leniency) refuses a number whose brackets do not pair (\"212(5550199\"); Assay reads the digits through any punctuation, as people scatter symbols to hide a number, so those negatives count for recall only.",
    apply: (c) => (isNegative(c, 'phone') && (c.text.match(/\(/g)?.length ?? 0) !== (c.text.match(/\)/g)?.length ?? 0) ? outOfScope(c, 'phone') : undefined),
  },
  {
    id: 'redact-pii.scheme_only',
    sources: [REDACT_PII],
    reason:
      "redact-pii's URL pattern needs a scheme (\"…://\"), so a www. address or a bare domain in its texts is left unlabelled; Assay reports those, so in a case whose text holds one, url findings are not counted as false positives.",
    apply: (c) => {
      if (!c.scope.includes('url')) return undefined;
      const rest = c.text.replace(/[a-z][a-z0-9+.-]*:\/\/\S+|\S+@\S+/gi, ' ');
      for (const m of rest.matchAll(/[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi)) if (!isIPv4(m[0]) && publicHost(m[0].toLowerCase())) return outOfScope(c, 'url');
      return undefined;
    },
  },
  {
    id: 'redact-pii.other_kinds',
    sources: [REDACT_PII],
    reason: 'redact-pii also redacts names, addresses, digits, SSNs and credentials; only its phone, email, url and card labels are Assay kinds (the others are dropped with every non-Assay kind).',
    apply: () => undefined,
  },
];

/** Every label mapping: id, the sources it applies to, and the reason. */
export function labelMappings(): ReadonlyArray<{ id: string; sources: readonly string[]; reason: string }> {
  return MAPPINGS.map(({ id, sources, reason }) => ({ id, sources, reason }));
}

/** Per source, the reasons of the mappings that apply to it. */
export function sourceReasons(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of MAPPINGS) for (const s of m.sources) out[s] = out[s] === undefined ? m.reason : `${out[s]} ${m.reason}`;
  return out;
}

/**
 * Normalizes kind names, keeps Assay kinds only, then applies the label mappings of the case's
 * source (`rs`: the rule set evaluated, whose allow lists and phone regions some mappings read).
 */
export function mapSourceCase(raw: Record<string, unknown>, rs: CompiledRuleSet = defaultCompiledRuleSet()): MappedCase {
  const expect = (Array.isArray(raw.expect) ? (raw.expect as ExpectedHit[]) : [])
    .map((e) => ({ ...e, kind: KIND_ALIASES[e.kind] ?? e.kind }))
    .filter((e) => ASSAY_KINDS.includes(e.kind));
  const scope = (Array.isArray(raw.scope) ? (raw.scope as string[]) : []).map((k) => KIND_ALIASES[k] ?? k).filter((k) => ASSAY_KINDS.includes(k));
  let c: MappedCase = {
    id: String(raw.id),
    text: String(raw.text ?? ''),
    lang: typeof raw.lang === 'string' ? raw.lang : 'und',
    expect,
    scope,
    ...(typeof raw.source === 'string' ? { source: raw.source } : {}),
    ...(raw.meta !== undefined ? { meta: raw.meta as Record<string, unknown> } : {}),
    ...(typeof raw.country === 'string' ? { country: raw.country } : {}),
    ...(typeof raw.sender === 'string' ? { sender: raw.sender } : {}),
    ...(typeof raw.conversation === 'string' ? { conversation: raw.conversation } : {}),
    ...(typeof raw.order_exists === 'boolean' ? { order_exists: raw.order_exists } : {}),
  };
  const source = c.source;
  if (source === undefined) return c;
  const applied: string[] = [];
  for (const m of MAPPINGS) {
    if (!m.sources.includes(source)) continue;
    const next = m.apply(c, rs);
    if (next === undefined) continue;
    c = next;
    applied.push(m.id);
  }
  return applied.length === 0 ? c : { ...c, mapped: applied };
}
