import { err, ok, type Result } from '../../kernel/result';
import { HIT_KINDS, type HitKind } from '../types';
import { checkLinearRegex } from './regex-check';
import { requiredLiterals } from './required';

/** A problem found while loading a rule set; `path` is a JSON pointer into the rule set. */
export interface RuleSetError {
  readonly path: string;
  readonly message: string;
}

/** `shadow`: evaluated and counted, but never scored, never in `hits`, never acting. */
export type RuleMode = 'active' | 'shadow';

export interface PhraseRule {
  readonly id: string;
  readonly mode: RuleMode;
  readonly kind: HitKind;
  readonly lang: string;
  readonly clause: string;
  readonly weight: number;
  readonly regexes: readonly RegExp[];
  /**
   * The patterns one by one (`regexes[0]` is their alternation, in this order): where only some of
   * them can match a text (see `needs`, one entry per pattern), the detector runs just those, each
   * a small regex; a large one is compiled again each time V8 has dropped its code, which it does
   * for regexes left unused over a few garbage collections, as the rare rules' are.
   */
  readonly patterns: readonly RegExp[];
  readonly unless: readonly RegExp[];
  /**
   * What a match must contain (see `requiredLiterals`): text that cannot satisfy it is not
   * scanned. Absent when nothing is known.
   */
  readonly needs?: ReturnType<typeof requiredLiterals>;
}

/** Bits set on a word of the trigger index. */
export const WORD_FLAG = {
  phoneContext: 1,
  reference: 2,
  tracking: 4,
  bank: 8,
  platform: 16,
  contactVerb: 32,
  card: 64,
} as const;

/** What automation may do on its own with this rule set's verdicts (acted on by the review module). */
export interface AutomationPolicy {
  /** A message whose score is below this is cleared without review (0: never). */
  readonly autoClearBelow: number;
  /** Rule ids whose hits may lead to a violation without a reviewer (still bounded by the circuit breaker). */
  readonly automaticViolationRules: readonly string[];
  /** Precision each rule should keep in review decisions: `default`, and per rule id. */
  readonly precisionTargets: Readonly<Record<string, number>> & { readonly default: number };
}

export interface CompiledRuleSet {
  readonly version: string;
  /** Every rule id this rule set can put on a hit (detectors' fixed ids and the phrase rules'). */
  readonly ruleIds: ReadonlySet<string>;
  /** Rules evaluated in shadow: their hits go to `shadow_hits`, never to the score. */
  readonly shadowRules: ReadonlySet<string>;
  /** Rules switched off (the kill switch): their hits are dropped before scoring. Empty when compiled. */
  readonly disabledRules: ReadonlySet<string>;
  readonly automation: AutomationPolicy;
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
  /** `weightUnverified`: a card-shaped number after a word like "card" that fails the Luhn check (a typo is still an attempt). */
  readonly card: { clause: string; weight: number; weightUnverified: number };
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

/** The rule ids the built-in detectors put on hits (besides `handle.<platform>` for each platform of the rule set). */
export const DETECTOR_RULE_IDS: readonly string[] = [
  'phone.international',
  'phone.national',
  'phone.bare',
  'phone.obfuscated',
  'phone.split_messages',
  'email.plain',
  'email.obfuscated',
  'email.provider_name',
  'url.scheme',
  'url.bare',
  'url.bare_rare_tld',
  'url.shortener',
  'url.messenger',
  'handle.contact_verb',
  'iban.valid',
  'iban.near_valid',
  ...['visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners', 'unionpay', 'maestro', 'unverified'].map((n) => `card.${n}`),
  ...['bitcoin', 'bitcoin-testnet', 'litecoin', 'dogecoin', 'tron', 'ethereum'].map((c) => `crypto.${c}`),
  'payment.swift_bic',
  'payment.account_number',
  'payment.routing_number',
];

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
  const alternatives = handleAlternatives(aliases.keys(), contactVerbs).map(escape);
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
  const cardWeight = r.num01(cd.weight, '/detectors/card/weight');
  // optional: rule sets written before it was introduced stay valid
  const weightUnverified = cd.weight_unverified === undefined ? cardWeight * 0.8 : r.num01(cd.weight_unverified, '/detectors/card/weight_unverified');
  const card = { clause: clause(cd.clause, '/detectors/card/clause'), weight: cardWeight, weightUnverified };
  const cr = r.obj(det.crypto, '/detectors/crypto');
  const crypto = { clause: clause(cr.clause, '/detectors/crypto/clause'), weight: r.num01(cr.weight, '/detectors/crypto/weight') };
  const pa = r.obj(det.payment, '/detectors/payment');
  const payment = { clause: clause(pa.clause, '/detectors/payment/clause'), weights: r.weights(pa.weights, '/detectors/payment/weights', ['swift', 'account', 'routing'] as const) };

  const w = r.obj(root.words, '/words');
  addWords(r.byLang(w.phone_context, '/words/phone_context'), WORD_FLAG.phoneContext);
  addWords(r.byLang(w.reference_context, '/words/reference_context'), WORD_FLAG.reference);
  addWords(r.byLang(w.tracking_context, '/words/tracking_context'), WORD_FLAG.tracking);
  addWords(r.byLang(w.bank_context, '/words/bank_context'), WORD_FLAG.bank);
  if (w.card_context !== undefined) addWords(r.byLang(w.card_context, '/words/card_context'), WORD_FLAG.card);
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
    // a window lies around a trigger word: clauses holding one are checked last, as they hold there
    const needs = regexes.length === 1 ? requiredLiterals(regexes[0]!.source, trig) : undefined;
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
    const mode = o.mode === undefined ? 'active' : o.mode;
    if (mode !== 'active' && mode !== 'shadow') r.fail(`${p}/mode`, "must be 'active' or 'shadow'");
    phrases.push({
      id,
      mode: mode === 'shadow' ? 'shadow' : 'active',
      kind,
      lang: r.str(o.lang, `${p}/lang`),
      clause: clause(o.clause, `${p}/clause`),
      weight: r.num01(o.weight, `${p}/weight`),
      regexes,
      patterns: parts,
      unless,
      ...(needs === undefined ? {} : { needs }),
    });
  });

  const ruleIds = new Set<string>([...DETECTOR_RULE_IDS, ...[...new Set(aliases.values())].map((pl) => `handle.${pl}`), ...ids]);
  const knownRules = (v: unknown, path: string): string[] => {
    const list = r.strings(v, path);
    list.forEach((id, i) => ruleIds.has(id) || r.fail(`${path}/${i}`, `unknown rule id ${id}`));
    return list;
  };
  const shadowRules = new Set<string>(phrases.filter((ph) => ph.mode === 'shadow').map((ph) => ph.id));
  // detector rules have no entry of their own: a list names those run in shadow
  if (root.shadow_rules !== undefined) for (const id of knownRules(root.shadow_rules, '/shadow_rules')) shadowRules.add(id);
  const automation = readAutomation(r, root.automation, knownRules, ruleIds);
  for (const [i, id] of automation.automaticViolationRules.entries()) {
    if (shadowRules.has(id)) r.fail(`/automation/automatic_violation_rules/${i}`, `rule ${id} runs in shadow and cannot act`);
  }

  if (r.errors.length > 0) return err(r.errors);
  return ok({
    version,
    ruleIds,
    shadowRules,
    disabledRules: new Set<string>(),
    automation,
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

/**
 * The platform aliases and contact verbs in the order the handle finder tries them, longest
 * first (a ' ' in one stands for up to two blanks or dashes). The handle detector matches them
 * by hand in this same order (see `aliasMatcher`).
 */
export function handleAlternatives(aliases: Iterable<string>, contactVerbs: Iterable<string>): string[] {
  return [...aliases, ...contactVerbs].sort((a, b) => b.length - a.length);
}

/** Without an `automation` block (rule sets written before it existed): nothing automatic, target 0.9. */
const NO_AUTOMATION: AutomationPolicy = { autoClearBelow: 0, automaticViolationRules: [], precisionTargets: { default: 0.9 } };

function readAutomation(r: Reader, v: unknown, knownRules: (v: unknown, path: string) => string[], ruleIds: ReadonlySet<string>): AutomationPolicy {
  if (v === undefined) return NO_AUTOMATION;
  const a = r.obj(v, '/automation');
  const autoClearBelow = r.num01(a.auto_clear_below, '/automation/auto_clear_below', 0);
  const automaticViolationRules = knownRules(a.automatic_violation_rules, '/automation/automatic_violation_rules');
  const pt = r.obj(a.precision_targets, '/automation/precision_targets');
  const precisionTargets: Record<string, number> & { default: number } = { default: r.num01(pt.default, '/automation/precision_targets/default', 0.9) };
  for (const [id, n] of Object.entries(pt)) {
    if (id === 'default') continue;
    precisionTargets[id] = r.num01(n, `/automation/precision_targets/${id}`, 0.9);
    if (!ruleIds.has(id)) r.fail(`/automation/precision_targets/${id}`, `unknown rule id ${id}`);
  }
  return { autoClearBelow, automaticViolationRules, precisionTargets };
}

/**
 * The same rule set with these rules switched off (the kill switch): their hits are dropped before
 * scoring. Cheap: the compiled parts are shared.
 */
export function withDisabledRules(rs: CompiledRuleSet, disabled: Iterable<string>): CompiledRuleSet {
  const set = new Set(disabled);
  if (set.size === 0 && rs.disabledRules.size === 0) return rs;
  return { ...rs, disabledRules: set };
}
