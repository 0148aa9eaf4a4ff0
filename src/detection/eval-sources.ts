import type { ExpectedHit, LabelledCase } from './eval';

/** A case ready to scan: the labelled case plus the scan hints it carries. */
export interface MappedCase extends LabelledCase {
  readonly country?: string;
  readonly sender?: string;
  readonly conversation?: string;
  readonly order_exists?: boolean;
}

const ASSAY_KINDS = ['phone', 'email', 'url', 'handle', 'iban', 'card', 'crypto', 'payment', 'intent'];

/** Kind names of other projects that mean the same thing as an Assay kind. */
const KIND_ALIASES: Record<string, string> = { credit_card: 'card', cards: 'card', creditcard: 'card' };

const WEB_LINK = /^(https?:\/\/|ftp:\/\/|www\.)|^[^\s:/@]+\.[a-z]{2,}(?:[/:?#]|$)/i;

/**
 * Per-source label mapping. Each source labels by its own library's contract; these rules say where
 * that contract differs from Assay's ("an attempt to take contact or payment off the marketplace"),
 * and why. Nothing here looks at what the detector returns.
 */
const SOURCE_RULES: Record<string, { reason: string; map: (c: MappedCase) => MappedCase }> = {
  'microsoft/presidio': {
    reason:
      'Presidio marks IBANs with a bad checksum or an unlisted country as negatives; for Assay a near-valid IBAN is still bank details, so IBAN negatives count for recall only. Its country-specific phone recognizers (TR, PH, …) mark numbers of other countries as negatives, while Assay accepts a number valid in any hint region, so those negatives count for recall only. Crypto and card labels match ours.',
    map: (c) => {
      if (c.expect.length === 0 && c.scope.includes('iban')) return { ...c, scope: c.scope.filter((k) => k !== 'iban') };
      // test_tr_phone_…, test_ph_mobile_…: a negative there means "not a number of that country"
      const countrySpecific = /test_[a-z]{2}_[a-z_]*recognizer\.py/.test(String(c.meta?.path ?? ''));
      if (countrySpecific && c.expect.length === 0) return { ...c, scope: c.scope.filter((k) => k !== 'phone') };
      return c;
    },
  },
  'gregjacobs/Autolinker.js': {
    reason:
      'Autolinker links any URI scheme (bugtracker://, file:) and @mentions/hashtags without a platform; Assay reports web links and platform-bound handles only, so other schemes and bare mentions are out of scope.',
    map: (c) => {
      const expect = c.expect.filter((e) => (e.kind !== 'url' || WEB_LINK.test(e.value ?? '')) && e.kind !== 'handle');
      const dropped = expect.some((e, i) => e !== c.expect[i]) || expect.length !== c.expect.length;
      return { ...c, expect, scope: dropped ? c.scope.filter((k) => k !== 'url' && k !== 'handle') : c.scope.filter((k) => k !== 'handle') };
    },
  },
  'Hypercontext/linkifyjs': {
    reason:
      'linkifyjs mentions (@name) and hashtags carry no platform; Assay reports handles only with a platform named, so they are out of scope. linkifyjs calls a mailto: link a url; Assay reports it as the email address it carries.',
    map: (c) => ({
      ...c,
      expect: c.expect.filter((e) => e.kind !== 'handle').map((e) => (e.kind === 'url' && /^mailto:[^@\s]+@/i.test(e.value ?? '') ? { ...e, kind: 'email' } : e)),
      scope: c.scope.filter((k) => k !== 'handle'),
    }),
  },
  'markdown-it/linkify-it': {
    reason: 'linkify-it labels match ours for web links and email; its non-web schemes (mailto:, //, magnet) stay in and show up as misses.',
    map: (c) => c,
  },
  'catamphetamine/libphonenumber-js': {
    reason: 'The test cases name the default country they were parsed with; it is passed as the country hint.',
    map: (c) => {
      const dc = c.meta?.defaultCountry;
      return typeof dc === 'string' ? { ...c, country: dc } : c;
    },
  },
  'solvvy/redact-pii': {
    reason: 'redact-pii also redacts names, addresses, digits and credentials; only its phone, email, url and card labels are Assay kinds.',
    map: (c) => c,
  },
};

export function sourceReasons(): Record<string, string> {
  return Object.fromEntries(Object.entries(SOURCE_RULES).map(([k, v]) => [k, v.reason]));
}

/** Normalizes kind names, keeps Assay kinds only, then applies the source's mapping. */
export function mapSourceCase(raw: Record<string, unknown>): MappedCase {
  const expect = (Array.isArray(raw.expect) ? (raw.expect as ExpectedHit[]) : [])
    .map((e) => ({ ...e, kind: KIND_ALIASES[e.kind] ?? e.kind }))
    .filter((e) => ASSAY_KINDS.includes(e.kind));
  const scope = (Array.isArray(raw.scope) ? (raw.scope as string[]) : []).map((k) => KIND_ALIASES[k] ?? k).filter((k) => ASSAY_KINDS.includes(k));
  const base: MappedCase = {
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
  const rule = base.source === undefined ? undefined : SOURCE_RULES[base.source];
  return rule === undefined ? base : rule.map(base);
}
