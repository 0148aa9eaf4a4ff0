import { toOriginal, type TextView } from '../normalize';
import { WORD_FLAG, type CompiledRuleSet } from '../rules';
import { digitsOf, gluedWordAfter, gluedWordBefore, type DigitRun } from './digit-runs';
import { LIMITS, type Detector } from './detector';
import { mayBeValidIn } from './phone-lengths';
import { validDigits } from './phone-parse';
import type { PhoneNumber } from 'libphonenumber-js/max';
import { charAfter, charBefore, isAlnumLower, wordsAfter, wordsBefore } from './text-utils';

/** A phone number found in a view; offsets are into that view. */
export interface PhoneMatch {
  start: number;
  end: number;
  e164: string;
  international: boolean;
  context: boolean;
  obfuscated: boolean;
  /** Groups look like a written phone number (pairs, 3-3-4, trunk 0…) rather than one bare block. */
  shaped: boolean;
}

const CURRENCY_SYMBOLS = '$€£¥₣₤';
const STRONG_SEP = /[\n,/|;]|\s{2,}/;

/**
 * Validates a digit string as a phone number, trying the hint regions in order.
 *
 * The first `lenient` regions (the countries the message is known to come from) accept a national
 * number written without its trunk prefix ("612345678" in France). Further regions — the language's
 * and the marketplace's fallback list — accept only the number as it is written nationally
 * ("0612345678"): read without the prefix, almost any block of 8–10 digits is valid somewhere
 * (a reference, a social security number, "123456789"), and nobody writes a foreign number that way.
 */
export function validatePhone(digits: string, plus: boolean, regions: readonly string[], lenient = regions.length): string | undefined {
  if (digits.length < 7 || digits.length > 17) return undefined;
  if (plus || (digits.startsWith('00') && digits.length >= 10)) {
    const international = plus ? digits : digits.slice(2);
    return checkIn(answersFor(international), INTERNATIONAL, international).e164 ?? undefined;
  }
  const answers = answersFor(digits);
  for (let k = 0; k < regions.length; k++) {
    const c = checkIn(answers, regions[k]!, digits);
    if (c.e164 === null) continue;
    if (k >= lenient && missesTrunkPrefix(c, digits)) continue;
    return c.e164;
  }
  return undefined;
}

/**
 * What validating one digit string in one region gave. The same numbers come back message after
 * message (a seller repeats their number, a template its reference), and a validation costs tens
 * of microseconds, so the answers are kept — a pure function of (region, digits), in a bounded map.
 */
interface Check {
  /** The E.164 form when valid, else null. */
  readonly e164: string | null;
  /** The parsed number, until {@link missesTrunkPrefix} has read it. */
  phone: PhoneNumber | undefined;
  /** Whether the national way of writing the number holds a prefix the digits leave out, once asked. */
  trunk: boolean | undefined;
}

/** The cache's "region" for a number read with its calling code ("+…", "00…"). */
const INTERNATIONAL = '+';
/** Digit strings whose answers are kept at most; all are dropped when full (a cold start costs no more than no cache). */
const MAX_CHECKED = 4096;
const INVALID: Check = { e164: null, phone: undefined, trunk: undefined };
/** Per digit string, per region (a handful: the hint list), the answer. */
const checks = new Map<string, Map<string, Check>>();

/** The answers kept for a digit string (an empty map the first time). */
function answersFor(digits: string): Map<string, Check> {
  let answers = checks.get(digits);
  if (answers === undefined) {
    if (checks.size >= MAX_CHECKED) checks.clear();
    answers = new Map();
    checks.set(digits, answers);
  }
  return answers;
}

function checkIn(answers: Map<string, Check>, region: string, digits: string): Check {
  let c = answers.get(region);
  if (c === undefined) {
    c = validate(region, digits);
    answers.set(region, c);
  }
  return c;
}

function validate(region: string, digits: string): Check {
  if (region === INTERNATIONAL) {
    const p = validDigits(digits, undefined);
    return p === undefined ? INVALID : { e164: p.number, phone: undefined, trunk: undefined };
  }
  if (!mayBeValidIn(region, digits)) return INVALID;
  const p = validDigits(digits, region);
  return p === undefined ? INVALID : { e164: p.number, phone: p, trunk: undefined };
}

/** The national way of writing the number holds a prefix ("0…") that the digits leave out. */
function missesTrunkPrefix(c: Check, digits: string): boolean {
  if (c.trunk === undefined) {
    const written = c.phone!.formatNational().replace(/\D/g, '');
    c.trunk = written.length > digits.length && written.endsWith(digits);
    c.phone = undefined;
  }
  return c.trunk;
}

/** Four dot-separated numbers of at most 255 without leading zeros: an IPv4 address ("192.168.0.1"), not a phone. */
function looksLikeIPv4(groups: readonly string[], seps: readonly string[]): boolean {
  return groups.length === 4 && seps.every((s) => s === '.') && groups.every((g) => /^(?:0|[1-9]\d{0,2})$/.test(g) && Number(g) <= 255);
}

function isYear(s: string): boolean {
  const v = Number(s);
  return s.length === 4 && v >= 1000 && v <= 2099;
}

/** "1799–1800", "1950 1960", "12/05/2024", "2024-05-12", "12.5.1920". */
function looksLikeDates(groups: string[]): boolean {
  if (groups.every(isYear)) return true;
  if (groups.length === 3) {
    const [a, b, c] = groups as [string, string, string];
    if (a.length <= 2 && b.length <= 2 && (c.length === 4 || c.length === 2)) return Number(a) <= 31 && Number(b) <= 31;
    if (a.length === 4 && b.length <= 2 && c.length <= 2) return isYear(a);
  }
  if (groups.length === 2 && groups[0]!.length <= 2 && isYear(groups[1]!)) return true;
  return false;
}

/** "12,500", "3.200,00", "1 250 000": thousands grouping, maybe with cents. */
function looksLikeMoney(groups: string[], seps: string[]): boolean {
  if (groups.length < 2 || groups[0]!.length > 3) return false;
  for (let k = 1; k < groups.length; k++) {
    const last = k === groups.length - 1;
    const g = groups[k]!;
    if (!(g.length === 3 || (last && g.length === 2 && (seps[k - 1] === ',' || seps[k - 1] === '.')))) return false;
  }
  return seps.every((s) => s === ',' || s === '.' || s === ' ' || s === "'");
}

/** Units that are also everyday words ("in", "m", "st") count only when used like a unit: "32 in.", "32in". */
const AMBIGUOUS_UNITS = new Set(['in', 'm', 'h', 'd', 'w', 'e', 'l', 'k', 'x', 'er', 'st', 'nd', 'rd', 'th', 'mo', 'ans', 'min']);
function isUnitUse(text: string, end: number, unit: string): boolean {
  let i = end;
  if (text[i] === ' ') i++;
  if (text.slice(i, i + unit.length) !== unit) return false;
  if (!AMBIGUOUS_UNITS.has(unit)) return true;
  const after = text[i + unit.length];
  return i === end || after === undefined || after === '.' || after === ',' || after === ')' || after === ';' || after === '\n';
}

interface RunContext {
  contact: boolean;
  skip: boolean;
}

/** Words that only say "number": they defer to the word before them ("order number", "my number"). */
const GENERIC_NUMBER = new Set(['number', 'no', 'nr', 'n', 'num', 'numero', 'nummer', 'nos', 'numer']);

/**
 * What the nearest meaningful word before a run says it is: a contact number ("call", "tel", "my
 * number"), a reference ("lot", "order number", "numéro d'inventaire") or nothing. Stops at a
 * sentence end, but not after abbreviations like "Ref." or "No.".
 */
function leadingContext(rs: CompiledRuleSet, text: string, pos: number): 'contact' | 'reference' | 'tracking' | undefined {
  let i = pos;
  let sawGeneric = false;
  const limit = Math.max(0, pos - 60);
  for (let n = 0; n < 4 && i > limit; n++) {
    let gapHasStop = false;
    let hardStop = false;
    while (i > limit && !isAlnumLower(text.charCodeAt(i - 1))) {
      const c = text.charCodeAt(i - 1);
      if (c === 46) gapHasStop = true;
      else if (c === 33 || c === 63 || c === 10) hardStop = true;
      i--;
    }
    if (hardStop && n > 0) break;
    const end = i;
    while (i > limit && isAlnumLower(text.charCodeAt(i - 1))) i--;
    if (end === i) break;
    const w = text.slice(i, end);
    const f = rs.words.get(w) ?? 0;
    // "…send the invoice. 7 0 2…" ends a sentence; abbreviations ("Ref. 123", "Inventarnr. 1825", "Tel.: 06…") do not
    if (gapHasStop && !(w.length <= 4 || w.endsWith('nr') || w.endsWith('no'))) break;
    if (GENERIC_NUMBER.has(w)) {
      sawGeneric = true;
      continue;
    }
    if ((f & WORD_FLAG.reference) !== 0) return 'reference';
    if ((f & WORD_FLAG.tracking) !== 0) return 'tracking';
    if ((f & WORD_FLAG.phoneContext) !== 0) return 'contact';
  }
  return sawGeneric ? 'contact' : undefined;
}

/** `pos - text.lastIndexOf('x', pos) <= 2` ("82 x 45"), without searching the text before. */
export function xJustBefore(text: string, pos: number): boolean {
  for (let i = pos; i >= pos - 2 && i >= 0; i--) if (text.charCodeAt(i) === 120) return true;
  // no 'x' at all up to `pos`: lastIndexOf gives -1
  return pos <= 1;
}

function runContext(rs: CompiledRuleSet, text: string, run: DigitRun, groups: string[], orderExists: boolean): RunContext {
  // the words before the run matter in rare cases only ("x 2", a price, an order): read when one comes up
  let before: string[] | undefined;
  const lead = leadingContext(rs, text, run.start);
  const contact = lead === 'contact';
  const glueB = gluedWordBefore(text, run.start);
  const glueA = gluedWordAfter(text, run.end);
  if (glueB !== '' && ((rs.words.get(glueB) ?? 0) & WORD_FLAG.phoneContext) === 0) return { contact, skip: true };
  if (glueA !== '' && ((rs.words.get(glueA) ?? 0) & WORD_FLAG.phoneContext) === 0) return { contact, skip: true };
  const next = wordsAfter(text, run.end, 1, 4)[0];
  const cb = charBefore(text, run.start);
  const ca = charAfter(text, run.end);
  if ((cb !== '' && CURRENCY_SYMBOLS.includes(cb)) || (ca !== '' && CURRENCY_SYMBOLS.includes(ca)) || ca === '%' || ca === '"' || ca === '″') return { contact, skip: true };
  if (next !== undefined && rs.units.has(next) && isUnitUse(text, run.end, next)) return { contact, skip: true };
  if (xJustBefore(text, run.start) && (before ??= wordsBefore(text, run.start, 4, 48))[0] === 'x') return { contact, skip: true };
  if (looksLikeDates(groups) || looksLikeIPv4(groups, run.seps)) return { contact, skip: true };
  if (!run.plus && looksLikeMoney(groups, run.seps as string[]) && ((before ??= wordsBefore(text, run.start, 4, 48)).slice(0, 2).some((w) => rs.currencies.has(w)) || (next !== undefined && rs.currencies.has(next)))) return { contact, skip: true };
  if (lead === 'reference' || lead === 'tracking') return { contact, skip: true };
  if (!contact && orderExists && (before ??= wordsBefore(text, run.start, 4, 48)).some((w) => ((rs.words.get(w) ?? 0) & WORD_FLAG.tracking) !== 0)) return { contact, skip: true };
  return { contact, skip: false };
}

/**
 * Phone numbers in a digit view: digit runs, filtered by context (prices, dimensions, dates,
 * references, tracking numbers), then validated with libphonenumber-js for the hint regions.
 */
export function findPhones(
  rs: CompiledRuleSet,
  view: TextView,
  runs: readonly DigitRun[],
  regions: readonly string[],
  original: string,
  orderExists: boolean,
  budget = rs.phone.maxCandidates,
  lenientRegions = regions.length,
): PhoneMatch[] {
  const text = view.text;
  const out: PhoneMatch[] = [];
  let tries = 0;
  let examined = 0;
  for (const whole of runs) {
    if (tries >= budget) break;
    const run = withoutClockTime(text, whole);
    if (run === undefined) continue;
    let total = 0;
    for (const g of run.groups) total += g.end - g.start;
    if (total < 7) continue;
    if (++examined > LIMITS.candidates) break;
    const groups = run.groups.map((g) => text.slice(g.start, g.end));
    const ctx = runContext(rs, text, run, groups, orderExists);
    if (ctx.skip) continue;
    // windows of consecutive groups, longest first; after a match, the rest of the run is searched
    let from = 0;
    while (from < groups.length && tries < budget) {
      let found = -1;
      for (const [a, b] of candidateWindows(run, groups, from)) {
        if (tries >= budget) break;
        const digits = digitsOf(text, run, a, b);
        if (digits.length < 7 || digits.length > 17) continue;
        const plus = a === 0 && run.plus;
        if (!plus && looksLikeDates(groups.slice(a, b))) continue;
        tries++;
        const e164 = validatePhone(digits, plus, regions, ctx.contact ? regions.length : lenientRegions);
        if (e164 === undefined) continue;
        const ws = a === 0 ? run.start : run.groups[a]!.start;
        const we = b === run.groups.length ? run.end : run.groups[b - 1]!.end;
        const span = toOriginal(view, ws, we);
        const orig = original.slice(span.start, span.end);
        const seps = run.seps.slice(a, b - 1);
        const singles = groups.slice(a, b).filter((g) => g.length === 1).length;
        const obfuscated = /[^0-9+()\s.\-/]/.test(orig) || singles >= 4 || seps.some((s) => /[*_|~\n]/.test(s));
        const shaped = b - a >= 2 || plus || digits.startsWith('0');
        out.push({ start: ws, end: we, e164, international: plus || digits.startsWith('00'), context: ctx.contact, obfuscated, shaped });
        found = b;
        break;
      }
      if (found < 0) break;
      from = found;
    }
  }
  return out;
}

/**
 * A run whose last group is the hour of a clock time ("2012-01-02 08:00", "0612345678 14:30") ends
 * before that group; undefined when nothing is left.
 */
function withoutClockTime(text: string, run: DigitRun): DigitRun | undefined {
  const e = run.end;
  if (text.charCodeAt(e) !== 58 || !isDigitAt(text, e + 1) || !isDigitAt(text, e + 2) || isDigitAt(text, e + 3)) return run;
  const last = run.groups[run.groups.length - 1]!;
  if (last.end - last.start > 2 || run.groups.length < 2) return undefined;
  const groups = run.groups.slice(0, -1);
  return { ...run, groups, seps: run.seps.slice(0, -1), end: groups[groups.length - 1]!.end };
}

const isDigitAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};

function candidateWindows(run: DigitRun, groups: string[], from: number): Array<[number, number]> {
  const n = groups.length;
  const out: Array<[number, number]> = [[from, n]];
  // pieces between strong separators (line breaks, commas, slashes)
  let s = from;
  for (let k = from; k < n - 1; k++) {
    if (STRONG_SEP.test(run.seps[k]!)) {
      out.push([s, k + 1]);
      s = k + 1;
    }
  }
  if (s > from) out.push([s, n]);
  // then drop one or two groups at either end ("très 06 12…", "06 12 34 56 78 2")
  if (n - from <= 16) {
    for (let drop = 1; drop <= 2; drop++) {
      for (let left = 0; left <= drop; left++) {
        const a = from + left;
        const b = n - (drop - left);
        if (b - a >= 1) out.push([a, b]);
      }
    }
  }
  return out;
}

const countryCode = (c: string | undefined): string | undefined => (typeof c === 'string' && /^[a-z]{2}$/i.test(c) ? c.toUpperCase() : undefined);

/** How many different countries of the three are known (well-formed codes). */
function knownCountries(country: string | undefined, seller: string | undefined, buyer: string | undefined): number {
  const a = countryCode(country);
  const b = countryCode(seller);
  const c = countryCode(buyer);
  return (a === undefined ? 0 : 1) + (b === undefined || b === a ? 0 : 1) + (c === undefined || c === a || c === b ? 0 : 1);
}

export const phoneDetector: Detector = {
  name: 'phone',
  kinds: ['phone'],
  // seven digits in one run, or number words and o/l/i digits that the digit view may join into one
  applies: (s) => s.digits + 2 * s.numberWords >= 7 && (s.longestDigitRun >= 7 || s.numberGroups > 0 || s.oliTokens > 0),
  detect(state) {
    const { rs } = state;
    const view = state.digitView();
    const runs = state.digitRuns();
    // most messages with digits hold no run long enough for a number: no hints needed
    if (runs.length === 0) return;
    const { input } = state;
    // the countries the message is known to come from lead the hint list (scan.ts regionHints)
    const known = knownCountries(input.country, input.seller_country, input.buyer_country);
    const matches = findPhones(rs, view, runs, state.regions, state.text, input.order_exists === true, rs.phone.maxCandidates, known);
    const w = rs.phone.weights;
    for (const m of matches) {
      const span = toOriginal(view, m.start, m.end);
      const rule = m.obfuscated ? 'phone.obfuscated' : m.international ? 'phone.international' : m.shaped ? 'phone.national' : 'phone.bare';
      let weight = m.obfuscated ? w.obfuscated : m.international ? w.international : m.shaped ? w.national : w.bare;
      if (m.context) weight = Math.max(weight, w.context);
      state.hits.push({ kind: 'phone', start: span.start, end: span.end, normalized: m.e164, rule, clause: rs.phone.clause, weight });
    }
  },
};
