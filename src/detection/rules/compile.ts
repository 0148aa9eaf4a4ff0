import { err, ok, type Result } from '../../kernel';
import { HIT_KINDS, type HitKind } from '../types';
import { checkLinearRegex } from './regex-check';

/** A problem found while loading a rule set; `path` is a JSON pointer into the rule set. */
export interface RuleSetError {
  readonly path: string;
  readonly message: string;
}

export interface PhraseRule {
  readonly id: string;
  readonly kind: HitKind;
  readonly lang: string;
  readonly clause: string;
  readonly weight: number;
  readonly regexes: readonly RegExp[];
  readonly unless: readonly RegExp[];
}

/** Bits set on a word of the trigger index. */
export const WORD_FLAG = {
  phoneContext: 1,
  reference: 2,
  tracking: 4,
  bank: 8,
  platform: 16,
  contactVerb: 32,
} as const;

export interface CompiledRuleSet {
  readonly version: string;
  readonly clauses: Readonly<Record<string, string>>;
  readonly thresholds: { readonly review: number; readonly violation: number };
  readonly orderExists: Readonly<Record<HitKind, number>>;
  readonly senderRole: Readonly<Record<string, number>>;
  readonly allowDomains: readonly string[];
  readonly referenceDomains: readonly string[];
  readonly allowEmails: ReadonlySet<string>;
  readonly phone: { clause: string; regions: readonly string[]; maxCandidates: number; weights: Readonly<Record<'international' | 'national' | 'bare' | 'context' | 'obfuscated' | 'split', number>> };
  readonly email: { clause: string; weights: Readonly<Record<'plain' | 'obfuscated', number>> };
  readonly url: {
    clause: string;
    weights: Readonly<Record<'scheme' | 'bare' | 'bare_rare_tld' | 'shortener' | 'messenger', number>>;
    shorteners: ReadonlySet<string>;
    messengerLinks: ReadonlySet<string>;
    commonTlds: ReadonlySet<string>;
    fileExtensions: ReadonlySet<string>;
  };
  readonly handle: {
    clause: string;
    weights: Readonly<Record<'platform' | 'contact_verb', number>>;
    /** Platform alias (folded) → platform id. */
    aliases: ReadonlyMap<string, string>;
    /** Finds a platform alias or a contact verb in folded text. */
    finder: RegExp;
    contactVerbs: ReadonlySet<string>;
  };
  readonly iban: { clause: string; weights: Readonly<Record<'valid' | 'near', number>> };
  readonly card: { clause: string; weight: number };
  readonly crypto: { clause: string; weight: number };
  readonly payment: { clause: string; weights: Readonly<Record<'swift' | 'account' | 'routing', number>> };
  /** Folded word → WORD_FLAG bits. */
  readonly words: ReadonlyMap<string, number>;
  readonly units: ReadonlySet<string>;
  readonly currencies: ReadonlySet<string>;
  readonly phrases: readonly PhraseRule[];
  /** Trigger word → indexes into `phrases`; a phrase rule runs only when one of its words occurs. */
  readonly triggers: ReadonlyMap<string, readonly number[]>;
  /** Trigger prefixes (`commission*`) by length. */
  readonly triggerPrefixes: ReadonlyMap<string, readonly number[]>;
  readonly triggerPrefixLengths: readonly number[];
}

type Json = Record<string, unknown>;

class Reader {
  readonly errors: RuleSetError[] = [];
  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }
  obj(v: unknown, path: string): Json {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Json;
    this.fail(path, 'must be an object');
    return {};
  }
  str(v: unknown, path: string, fallback = ''): string {
    if (typeof v === 'string' && v.length > 0) return v;
    this.fail(path, 'must be a non-empty string');
    return fallback;
  }
  num01(v: unknown, path: string, fallback = 0): number {
    if (typeof v === 'number' && v >= 0 && v <= 1) return v;
    this.fail(path, 'must be a number between 0 and 1');
    return fallback;
  }
  int(v: unknown, path: string, min: number, max: number, fallback: number): number {
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    this.fail(path, `must be an integer between ${min} and ${max}`);
    return fallback;
  }
  strings(v: unknown, path: string): string[] {
    if (Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0)) return v as string[];
    this.fail(path, 'must be an array of non-empty strings');
    return [];
  }
  weights<K extends string>(v: unknown, path: string, keys: readonly K[]): Record<K, number> {
    const o = this.obj(v, path);
    const out = {} as Record<K, number>;
    for (const k of keys) out[k] = this.num01(o[k], `${path}/${k}`);
    return out;
  }
  /** Word lists by language, merged: rules apply whatever language a message claims to be in. */
  byLang(v: unknown, path: string): string[] {
    const o = this.obj(v, path);
    const out: string[] = [];
    for (const [lang, list] of Object.entries(o)) out.push(...this.strings(list, `${path}/${lang}`));
    return out;
  }
}

const VERSION = /^\d{4}\.\d{1,2}\.\d{1,3}$/;
const CLAUSE = /^[A-Z]{2,4}-\d{1,2}(\.\d{1,2})*$/;
const TRIGGER = /^[a-z0-9&'-]+\*?$/;
const REGION = /^[A-Z]{2}$/;

/** The rule pattern language: regex syntax plus ' ' = a word gap and '~' = a few words. */
export function expandPattern(p: string): string {
  return p.replace(/ \?/g, "[\\s'-]{0,3}").replace(/ /g, "[\\s'-]{1,3}").replace(/~/g, '[^.!?\\n]{1,40}');
}

/**
 * Validates a rule set (JSON already parsed) and compiles it once: regexes checked for linear
 * time and built, word lists turned into sets, trigger words indexed.
 */
export function compileRuleSet(json: unknown): Result<CompiledRuleSet, RuleSetError[]> {
  const r = new Reader();
  const root = r.obj(json, '');
  const version = r.str(root.version, '/version');
  if (version !== '' && !VERSION.test(version)) r.fail('/version', 'must look like 2026.11.0');

  const clausesIn = r.obj(root.clauses, '/clauses');
  const clauses: Record<string, string> = {};
  for (const [k, v] of Object.entries(clausesIn)) {
    if (!CLAUSE.test(k)) r.fail(`/clauses/${k}`, 'clause ids look like TP-2.1');
    clauses[k] = r.str(v, `/clauses/${k}`);
  }
  const clause = (v: unknown, path: string): string => {
    const c = r.str(v, path);
    if (c !== '' && clauses[c] === undefined) r.fail(path, `unknown clause ${c}`);
    return c;
  };

  const th = r.obj(root.thresholds, '/thresholds');
  const thresholds = { review: r.num01(th.review, '/thresholds/review', 0.4), violation: r.num01(th.violation, '/thresholds/violation', 0.75) };
  if (thresholds.review > thresholds.violation) r.fail('/thresholds', 'review must not exceed violation');

  const ctx = r.obj(root.context, '/context');
  const oe = r.obj(ctx.order_exists, '/context/order_exists');
  const orderExists = {} as Record<HitKind, number>;
  for (const k of HIT_KINDS) orderExists[k] = oe[k] === undefined ? 1 : r.num01(oe[k], `/context/order_exists/${k}`, 1);
  for (const k of Object.keys(oe)) if (!(HIT_KINDS as readonly string[]).includes(k)) r.fail(`/context/order_exists/${k}`, 'unknown kind');
  const sr = r.obj(ctx.sender_role, '/context/sender_role');
  const senderRole: Record<string, number> = {};
  for (const [k, v] of Object.entries(sr)) senderRole[k] = r.num01(v, `/context/sender_role/${k}`, 1);

  const allow = r.obj(root.allow, '/allow');
  const allowDomains = r.strings(allow.domains, '/allow/domains').map((d) => d.toLowerCase());
  const referenceDomains = r.strings(allow.reference_domains, '/allow/reference_domains').map((d) => d.toLowerCase());
  const allowEmails = new Set(r.strings(allow.emails ?? [], '/allow/emails').map((d) => d.toLowerCase()));

  const det = r.obj(root.detectors, '/detectors');
  const ph = r.obj(det.phone, '/detectors/phone');
  const regions = r.strings(ph.regions, '/detectors/phone/regions');
  regions.forEach((c, i) => REGION.test(c) || r.fail(`/detectors/phone/regions/${i}`, 'must be an ISO 3166 alpha-2 code'));
  const phone = {
    clause: clause(ph.clause, '/detectors/phone/clause'),
    regions,
    maxCandidates: r.int(ph.max_candidates, '/detectors/phone/max_candidates', 1, 1000, 24),
    weights: r.weights(ph.weights, '/detectors/phone/weights', ['international', 'national', 'bare', 'context', 'obfuscated', 'split'] as const),
  };
  const em = r.obj(det.email, '/detectors/email');
  const email = { clause: clause(em.clause, '/detectors/email/clause'), weights: r.weights(em.weights, '/detectors/email/weights', ['plain', 'obfuscated'] as const) };
  const u = r.obj(det.url, '/detectors/url');
  const lowerSet = (v: unknown, path: string): Set<string> => new Set(r.strings(v, path).map((s) => s.toLowerCase()));
  const url = {
    clause: clause(u.clause, '/detectors/url/clause'),
    weights: r.weights(u.weights, '/detectors/url/weights', ['scheme', 'bare', 'bare_rare_tld', 'shortener', 'messenger'] as const),
    shorteners: lowerSet(u.shorteners, '/detectors/url/shorteners'),
    messengerLinks: lowerSet(u.messenger_links, '/detectors/url/messenger_links'),
    commonTlds: lowerSet(u.common_tlds, '/detectors/url/common_tlds'),
    fileExtensions: lowerSet(u.file_extensions, '/detectors/url/file_extensions'),
  };

  const words = new Map<string, number>();
  const addWords = (list: string[], flag: number): void => {
    for (const w of list) {
      const k = w.toLowerCase();
      words.set(k, (words.get(k) ?? 0) | flag);
    }
  };

  const h = r.obj(det.handle, '/detectors/handle');
  const aliases = new Map<string, string>();
  const platforms = r.obj(h.platforms, '/detectors/handle/platforms');
  for (const [id, list] of Object.entries(platforms)) {
    for (const a of r.strings(list, `/detectors/handle/platforms/${id}`)) aliases.set(a.toLowerCase(), id);
  }
  const contactVerbs = new Set(r.strings(h.contact_verbs, '/detectors/handle/contact_verbs').map((s) => s.toLowerCase()));
  for (const a of aliases.keys()) addWords(a.split(' ').slice(0, 1), WORD_FLAG.platform);
  for (const v of contactVerbs) addWords(v.split(/[ -]/).slice(0, 1), WORD_FLAG.contactVerb);
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]{0,2}');
  const alternatives = [...aliases.keys(), ...contactVerbs].sort((a, b) => b.length - a.length).map(escape);
  const handle = {
    clause: clause(h.clause, '/detectors/handle/clause'),
    weights: r.weights(h.weights, '/detectors/handle/weights', ['platform', 'contact_verb'] as const),
    aliases,
    contactVerbs,
    finder: new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|') || '(?!)'})(?![a-z0-9])`, 'g'),
  };
  const ib = r.obj(det.iban, '/detectors/iban');
  const iban = { clause: clause(ib.clause, '/detectors/iban/clause'), weights: r.weights(ib.weights, '/detectors/iban/weights', ['valid', 'near'] as const) };
  const cd = r.obj(det.card, '/detectors/card');
  const card = { clause: clause(cd.clause, '/detectors/card/clause'), weight: r.num01(cd.weight, '/detectors/card/weight') };
  const cr = r.obj(det.crypto, '/detectors/crypto');
  const crypto = { clause: clause(cr.clause, '/detectors/crypto/clause'), weight: r.num01(cr.weight, '/detectors/crypto/weight') };
  const pa = r.obj(det.payment, '/detectors/payment');
  const payment = { clause: clause(pa.clause, '/detectors/payment/clause'), weights: r.weights(pa.weights, '/detectors/payment/weights', ['swift', 'account', 'routing'] as const) };

  const w = r.obj(root.words, '/words');
  addWords(r.byLang(w.phone_context, '/words/phone_context'), WORD_FLAG.phoneContext);
  addWords(r.byLang(w.reference_context, '/words/reference_context'), WORD_FLAG.reference);
  addWords(r.byLang(w.tracking_context, '/words/tracking_context'), WORD_FLAG.tracking);
  addWords(r.byLang(w.bank_context, '/words/bank_context'), WORD_FLAG.bank);
  const units = new Set(r.strings(w.units, '/words/units').map((s) => s.toLowerCase()));
  const currencies = new Set(r.strings(w.currencies, '/words/currencies').map((s) => s.toLowerCase()));

  const phrases: PhraseRule[] = [];
  const triggers = new Map<string, number[]>();
  const triggerPrefixes = new Map<string, number[]>();
  const ids = new Set<string>();
  const rulesIn = Array.isArray(root.rules) ? root.rules : (r.fail('/rules', 'must be an array'), []);
  rulesIn.forEach((raw: unknown, i: number) => {
    const p = `/rules/${i}`;
    const o = r.obj(raw, p);
    const id = r.str(o.id, `${p}/id`);
    if (ids.has(id)) r.fail(`${p}/id`, `duplicate rule id ${id}`);
    ids.add(id);
    const kind = r.str(o.kind, `${p}/kind`) as HitKind;
    if (!(HIT_KINDS as readonly string[]).includes(kind)) r.fail(`${p}/kind`, `unknown kind ${kind}`);
    const compileList = (v: unknown, path: string, flags: string): RegExp[] =>
      r.strings(v, path).flatMap((src, j) => {
        const expanded = expandPattern(src);
        const problems = checkLinearRegex(expanded);
        if (problems.length > 0) {
          for (const pr of problems) r.fail(`${path}/${j}`, `${pr.reason} (in ${JSON.stringify(src)})`);
          return [];
        }
        return [new RegExp(`(?<![a-z0-9])(?:${expanded})(?![a-z0-9])`, flags)];
      });
    // one regex per rule: the patterns are alternatives, and one scan is cheaper than several
    const parts = compileList(o.patterns, `${p}/patterns`, 'g');
    const regexes = parts.length === 0 ? [] : [new RegExp(parts.map((re) => re.source).join('|'), 'g')];
    const unless = o.unless === undefined ? [] : compileList(o.unless, `${p}/unless`, '');
    const trig = r.strings(o.triggers, `${p}/triggers`);
    const index = phrases.length;
    for (const t of trig) {
      if (!TRIGGER.test(t)) {
        r.fail(`${p}/triggers`, `trigger ${JSON.stringify(t)} must be one folded word`);
        continue;
      }
      const map = t.endsWith('*') ? triggerPrefixes : triggers;
      const key = t.endsWith('*') ? t.slice(0, -1) : t;
      const list = map.get(key) ?? [];
      if (!list.includes(index)) list.push(index);
      map.set(key, list);
    }
    phrases.push({
      id,
      kind,
      lang: r.str(o.lang, `${p}/lang`),
      clause: clause(o.clause, `${p}/clause`),
      weight: r.num01(o.weight, `${p}/weight`),
      regexes,
      unless,
    });
  });

  if (r.errors.length > 0) return err(r.errors);
  return ok({
    version,
    clauses,
    thresholds,
    orderExists,
    senderRole,
    allowDomains,
    referenceDomains,
    allowEmails,
    phone,
    email,
    url,
    handle,
    iban,
    card,
    crypto,
    payment,
    words,
    units,
    currencies,
    phrases,
    triggers,
    triggerPrefixes,
    triggerPrefixLengths: [...new Set([...triggerPrefixes.keys()].map((k) => k.length))],
  });
}
