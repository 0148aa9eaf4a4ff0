import { addrView, digitView, fold, toOriginal, type TextView } from './normalize';
import { wordKind } from './normalize/digits';
import type { CompiledRuleSet } from './rules';
import { analyze, analyzeText, foldedUnits, foldedView, SignalStore } from './analyze';
import { findDigitRuns, MIN_RUN_DIGITS, type DigitRun } from './detectors/digit-runs';
import { LIMITS, type ScanState, type Signals } from './detectors/detector';
import { findPhones } from './detectors/phone';
import { appliesMask, DETECTORS } from './detectors/registry';
import { phraseDetector, phrasesMayMatch } from './detectors/phrases';
import { messageScore, scoreHit, senderRole, verdictFor } from './score';
import type { ConversationContext, Hit, RawHit, ScanInput, ScanResult } from './types';
import { WARM_UP_LONG_TEXT, WARM_UP_TEXT } from './warm-up';

const LANG_REGIONS: Readonly<Record<string, readonly string[]>> = {
  fr: ['FR', 'BE', 'CH'],
  it: ['IT', 'CH'],
  de: ['DE', 'AT', 'CH'],
  es: ['ES'],
  nl: ['NL', 'BE'],
  en: ['GB', 'US'],
};

/**
 * Hint regions for national numbers: the message's country, the sender's own (a buyer writes their
 * own number), the other party's, the language's, then the fallback list.
 */
export function regionHints(rs: CompiledRuleSet, input: ScanInput): string[] {
  const out: string[] = [];
  addRegion(out, input.country);
  if (senderRole(input.sender) === 'buyer') addRegion(out, input.buyer_country);
  addRegion(out, input.seller_country);
  addRegion(out, input.buyer_country);
  // the language's and the rule set's regions are upper-case codes already (compileRuleSet checks them)
  if (typeof input.lang === 'string') for (const r of LANG_REGIONS[input.lang.slice(0, 2).toLowerCase()] ?? []) if (!out.includes(r)) out.push(r);
  for (const r of rs.phone.regions) if (!out.includes(r)) out.push(r);
  return out;
}

/** A trie over the fields {@link regionHints} reads, one level per field; a leaf is the hint list. */
type HintMemo = Map<unknown, HintMemo | readonly string[]>;
interface HintLists {
  root: HintMemo;
  size: number;
}
const hintMemos = new WeakMap<CompiledRuleSet, HintLists>();
/** Hint lists kept per rule set at most (the combinations of countries and languages seen); all are dropped when full. */
const MAX_HINT_LISTS = 1024;

function child(node: HintMemo, key: unknown): HintMemo {
  let next = node.get(key) as HintMemo | undefined;
  if (next === undefined) {
    next = new Map();
    node.set(key, next);
  }
  return next;
}

/**
 * {@link regionHints}, kept per combination of the fields it reads: a few combinations (the
 * marketplace's countries and languages) recur message after message. The list is shared: read only.
 */
export function memoRegionHints(rs: CompiledRuleSet, input: ScanInput): readonly string[] {
  let lists = hintMemos.get(rs);
  if (lists === undefined || lists.size >= MAX_HINT_LISTS) {
    lists = { root: new Map(), size: 0 };
    hintMemos.set(rs, lists);
  }
  const node = child(child(child(child(lists.root, senderRole(input.sender) === 'buyer'), input.country), input.seller_country), input.buyer_country);
  let hints = node.get(input.lang) as readonly string[] | undefined;
  if (hints === undefined) {
    hints = regionHints(rs, input);
    node.set(input.lang, hints);
    lists.size++;
  }
  return hints;
}

const REGION = /^[A-Z]{2}$/;

function addRegion(out: string[], c: string | undefined): void {
  if (typeof c !== 'string') return;
  const u = c.toUpperCase();
  if (REGION.test(u) && !out.includes(u)) out.push(u);
}

const PHRASES = 1 << DETECTORS.indexOf(phraseDetector);

/** Which hit survives when two overlap: structured data over phrases, longer over shorter. */
function priority(h: RawHit): number {
  switch (h.kind) {
    case 'card':
    case 'iban':
    case 'crypto':
      return 10;
    case 'email':
      return 9;
    case 'payment':
      return h.rule.startsWith('payment.account') || h.rule.startsWith('payment.routing') || h.rule.startsWith('payment.swift') ? 8.5 : 4;
    case 'url':
      // a bare host with a rare TLD ("james.dupont") after "Skype:" is the handle, not a link
      return h.rule === 'url.bare_rare_tld' ? 5.5 : 8;
    case 'handle':
      return 6;
    case 'phone':
      // the number joined over messages explains a fragment better than the fragment alone
      return h.rule === 'phone.split_messages' ? 5.5 : 5;
    case 'intent':
      return 3;
  }
}

function resolveOverlaps(hits: RawHit[]): RawHit[] {
  if (hits.length === 0) return [];
  if (hits.length === 1) return hits[0]!.end > hits[0]!.start ? [hits[0]!] : [];
  const order = stableSort([...hits], (a, b) => priority(b) - priority(a) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: RawHit[] = [];
  for (const h of order) {
    if (h.end <= h.start) continue;
    if (kept.some((k) => h.start < k.end && h.end > k.start)) continue;
    kept.push(h);
  }
  return stableSort(kept, (a, b) => a.start - b.start || a.end - b.end);
}

/**
 * `xs.sort(cmp)` for the few hits of a message: an insertion sort, stable like the built-in one, so
 * the order is the same; the built-in sort copies the array into a work area on every call.
 */
export function stableSort<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  if (xs.length > 32) return xs.sort(cmp);
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i]!;
    let j = i - 1;
    while (j >= 0 && cmp(xs[j]!, x) > 0) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}

/** The digit view changes the text only for o/l/i-in-digit tokens and number groups that convert. */
function needsDigitView(s: Signals): boolean {
  if (s.oliTokens > 0) return true;
  if (s.numberGroups === 0) return false;
  return (s.strongNumberWords >= 1 && s.numberWords >= 3) || (s.numberWords >= 2 && s.digits > 0) || s.numberWords >= 4;
}

/** The views and facts of one message, each built on first use (a class: no closures per message). */
class MessageState implements ScanState {
  readonly hits: RawHit[] = [];
  literalsRead = false;
  private fv: TextView | undefined;
  private dv: TextView | undefined;
  private av: TextView | undefined;
  private runs: DigitRun[] | undefined;
  private hints: readonly string[] | undefined;

  constructor(
    readonly rs: CompiledRuleSet,
    readonly input: ScanInput,
    readonly text: string,
    readonly signals: Signals,
    folded: TextView | undefined,
  ) {
    this.fv = folded;
  }

  get folded(): TextView {
    return (this.fv ??= fold(this.text));
  }

  get regions(): readonly string[] {
    return (this.hints ??= memoRegionHints(this.rs, this.input));
  }

  /** Number words and o/l/i-in-digits turned into digits; the folded view itself when nothing would change. */
  digitView(): TextView {
    return (this.dv ??= needsDigitView(this.signals) ? digitView(this.folded) : this.folded);
  }

  addrView(): TextView {
    return (this.av ??= this.signals.addrHints > 0 || this.signals.at > 0 ? addrView(this.folded) : this.folded);
  }

  digitRuns(): readonly DigitRun[] {
    if (this.runs === undefined) {
      const view = this.digitView();
      // the prefilter listed the words holding digits; they are valid positions in the folded view only
      this.runs = view === this.fv ? findDigitRuns(view.text, this.signals, MIN_RUN_DIGITS) : findDigitRuns(view.text, undefined, MIN_RUN_DIGITS);
    }
    return this.runs;
  }
}

/** At most two short words (and punctuation) before the digits that continue a number: "then", "puis", "y luego". */
const CONTINUATION = /^\s*(?:\p{L}{1,8}[\s,:;.…-]{1,3}){1,2}(?=[\d+(])/u;

/**
 * Whether {@link splitPhoneHits} can find anything: a number that ends in this message needs
 * digits or number words here (the digit view makes digits of nothing else; a number word cut at
 * the end of the 80-unit head stands alone and converts to nothing), and one that starts in the
 * earlier messages of the same sender needs them there.
 */
export function splitPossible(rs: CompiledRuleSet, input: ScanInput, ctx: ConversationContext, signals: Signals): boolean {
  if (input.sender === undefined) return false;
  if (signals.digits === 0 && signals.numberWords === 0) return false;
  const told = ctx.numberFrom?.(input.sender);
  if (told !== undefined) return told;
  for (let k = ctx.earlier.length - 1, n = 0; k >= 0 && n < 3; k--) {
    const m = ctx.earlier[k]!;
    if (m.conversation !== input.conversation) continue;
    if (m.sender !== input.sender) break;
    n++;
    if (ctx.heldNumber?.(k) ?? mayHoldNumber(rs, m)) return true;
  }
  return false;
}

/**
 * Whether the message {@link scanMessage} read last holds digits or number words (what
 * {@link splitPossible} asks of earlier messages): a conversation scanner keeps it with the message,
 * so that no earlier message is read twice.
 */
export function lastMessageHeldNumber(): boolean {
  return lastHeldNumber;
}

let lastHeldNumber = false;

/** Per earlier message: digits or number words in its folded text (computed once per message object). */
const numberish = new WeakMap<ScanInput, boolean>();

/**
 * The prefilter's storage: the signals of the message being scanned, read until its scan ends, and
 * a second store for the earlier messages {@link splitPossible} reads in the meantime.
 */
const messageSignals = new SignalStore();
const earlierSignals = new SignalStore();

function mayHoldNumber(rs: CompiledRuleSet, m: ScanInput): boolean {
  let known = numberish.get(m);
  if (known === undefined) {
    const text = m.text;
    const s = analyzeText(rs, text, earlierSignals) ?? analyze(rs, fold(text).text, text, earlierSignals);
    known = s.digits > 0 || s.numberWords > 0;
    numberish.set(m, known);
  }
  return known;
}

/**
 * Phone numbers split over consecutive messages of the same sender ("06 12 34" / "56 78").
 * `everyJoin` reads the joined text even where {@link runMayCross} says that no run crosses the
 * join (the long way, for the property test that holds the shortcut to it).
 */
export function splitPhoneHits(rs: CompiledRuleSet, input: ScanInput, ctx: ConversationContext, everyJoin = false): RawHit[] {
  if (input.sender === undefined) return [];
  const chain: string[] = [];
  for (let k = ctx.earlier.length - 1; k >= 0 && chain.length < 3; k--) {
    const m = ctx.earlier[k]!;
    if (m.conversation !== input.conversation) continue;
    if (m.sender !== input.sender) break;
    chain.unshift(m.text.slice(-80));
  }
  if (chain.length === 0) return [];
  const prefix = chain.join('\n') + '\n';
  // "then 176 086" after "my number starts 604": a short connective before the rest of the number
  // would stop the digit run, so it is skipped when the earlier message ends in digits.
  const skip = /\d\s*$/.test(chain[chain.length - 1]!) ? (CONTINUATION.exec(input.text)?.[0].length ?? 0) : 0;
  const head = input.text.slice(skip, skip + 80);
  if (!everyJoin && !runMayCross(chain[chain.length - 1]!, head)) return [];
  const joined = prefix + head;
  const folded = fold(joined);
  const dv = digitView(folded);
  const matches = findPhones(rs, dv, findDigitRuns(dv.text), regionHints(rs, input), joined, input.order_exists === true);
  const out: RawHit[] = [];
  for (const m of matches) {
    const { start: s, end: e } = toOriginal(dv, m.start, m.end);
    if (s >= prefix.length || e <= prefix.length) continue;
    let start = skip;
    while (start < input.text.length && /\s/.test(input.text[start]!)) start++;
    const end = e - prefix.length + skip;
    if (end <= start) continue;
    out.push({ kind: 'phone', start, end, normalized: m.e164, rule: 'phone.split_messages', clause: rs.phone.clause, weight: rs.phone.weights.split });
  }
  return out;
}

/**
 * Whether a digit run of the digit view can go on from the end of `before` over the line break that
 * joins it to `after` (the last earlier message's tail and the current message's head), which a
 * number split over the two needs: past the separators a run or a group of number words may hold,
 * both sides must end in something that reads as a digit there — a digit, or a token the digit view
 * converts. Most earlier messages end in a word ("… for the pair."): no join is read for them.
 */
export function runMayCross(before: string, after: string): boolean {
  return edgeMayBeDigit(fold(before).text, -1) && edgeMayBeDigit(fold(after).text, 1);
}

/** What lies between the digits of a run (digit-runs' separators) or the words of a spelled number (normalize's gapOk). */
function isRunSeparator(c: number): boolean {
  switch (c) {
    case 32: case 9: case 13: case 10: case 46: case 45: case 47: case 40: case 41: case 95: case 42: case 44: case 124: case 126: case 43: case 58:
      return true;
    default:
      return false;
  }
}

const isAsciiLetter = (c: number): boolean => c >= 97 && c <= 122;
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * The folded text `t` read from its end (`step` -1) or its start (1): whether, past separators, it
 * ends in a digit or in a token the digit view can turn into digits (a number word, a repeater, a
 * connector or a plus word; digits mixed with o, l and i). Only separators: true (a run may go on
 * through them from an earlier message).
 */
function edgeMayBeDigit(t: string, step: 1 | -1): boolean {
  let i = step === 1 ? 0 : t.length - 1;
  while (i >= 0 && i < t.length && isRunSeparator(t.charCodeAt(i))) i += step;
  if (i < 0 || i >= t.length) return true;
  const c = t.charCodeAt(i);
  if (isAsciiDigit(c)) return true;
  if (!isAsciiLetter(c)) return false;
  let a = i;
  let b = i + 1;
  while (a > 0 && (isAsciiLetter(t.charCodeAt(a - 1)) || isAsciiDigit(t.charCodeAt(a - 1)))) a--;
  while (b < t.length && (isAsciiLetter(t.charCodeAt(b)) || isAsciiDigit(t.charCodeAt(b)))) b++;
  let digits = 0;
  let others = 0;
  for (let k = a; k < b; k++) {
    const d = t.charCodeAt(k);
    if (isAsciiDigit(d)) digits++;
    else if (d !== 111 && d !== 108 && d !== 105) others++;
  }
  if (digits > 0 && others === 0) return true;
  return digits === 0 && wordKind(t, a, b) !== undefined;
}

/**
 * Scans one message. Pure and bounded: no I/O, no clock; work per message is capped by the
 * prefilter and per-detector budgets.
 *
 * @example
 *   const rs = defaultCompiledRuleSet();
 *   scanMessage(rs, { id: 'm1', text: 'zéro six douze trente-quatre cinquante-six soixante-dix-huit' });
 *   // → { id: 'm1', verdict: 'violation', score: 0.9, hits: [{ kind: 'phone', normalized: '+33612345678', … }] }
 */
export function scanMessage(rs: CompiledRuleSet, input: ScanInput, ctx?: ConversationContext): ScanResult {
  if (!warm) warmUp(rs);
  const text = typeof input.text === 'string' ? input.text : '';
  // the prefilter folds as it reads; the folded string is made only when a detector reads it
  let folded: TextView | undefined;
  let signals = analyzeText(rs, text, messageSignals);
  if (signals === undefined) {
    folded = fold(text);
    signals = analyze(rs, folded.text, text, messageSignals);
  }
  lastHeldNumber = signals.digits > 0 || signals.numberWords > 0;
  let applies = appliesMask(signals);
  // trigger words whose rules' required words are absent: no phrase detector (the common case)
  let literalsRead = false;
  if ((applies & PHRASES) !== 0) {
    const units = folded === undefined ? foldedUnits(text) : undefined;
    const src = units ?? (folded ??= fold(text)).text;
    if (phrasesMayMatch(rs, signals, src, folded === undefined ? text.length : folded.text.length)) literalsRead = true;
    else applies &= ~PHRASES;
  }
  // the detectors read the folded text: made now from the prefilter's units, before anything else is analyzed
  if (applies !== 0 && folded === undefined) folded = foldedView(text);
  // the cheap half of splitPossible first: most messages never ask about the earlier ones
  const split = ctx !== undefined && input.sender !== undefined && (signals.digits > 0 || signals.numberWords > 0) && splitPossible(rs, input, ctx, signals);
  // most messages: no detector has its signal and no number can continue an earlier message
  if (applies === 0 && !split) return { id: input.id, verdict: verdictFor(rs, 0), score: 0, hits: [] };
  const state = new MessageState(rs, input, text, signals, folded);
  // phrasesMayMatch read the folded text last (for a text too long to read whole it read nothing, and the detector reads nothing whole either)
  state.literalsRead = literalsRead;
  // shadow and switched-off rules leave the active hits before the per-detector cap and the overlap
  // resolution, so they can never displace an active hit nor change a verdict
  const sorting = rs.shadowRules.size > 0 || rs.disabledRules.size > 0;
  const shadow: RawHit[] = [];
  for (let d = 0; d < DETECTORS.length; d++) {
    if ((applies & (1 << d)) === 0) continue;
    const before = state.hits.length;
    DETECTORS[d]!.detect(state);
    if (sorting) setAside(rs, state.hits, before, shadow);
    if (state.hits.length - before > LIMITS.hitsPerDetector) state.hits.length = before + LIMITS.hitsPerDetector;
  }
  if (split) {
    const before = state.hits.length;
    for (const h of splitPhoneHits(rs, input, ctx!)) state.hits.push(h);
    if (sorting) setAside(rs, state.hits, before, shadow);
  }
  const hits = toHits(rs, input, text, resolveOverlaps(state.hits));
  const score = messageScore(hits);
  const result: ScanResult = { id: input.id, verdict: verdictFor(rs, score), score, hits };
  if (shadow.length === 0) return result;
  return { ...result, shadow_hits: toHits(rs, input, text, resolveOverlaps(shadow.length > LIMITS.hitsPerDetector ? shadow.slice(0, LIMITS.hitsPerDetector) : shadow)) };
}

/** Whether this process's engine has read the warm-up texts (warm-up.ts). */
let warm = false;

/**
 * Scans the warm-up texts once, alone and as a conversation of one sender, before the first
 * message: the engine is pure, so they change nothing but what V8 has seen run.
 */
function warmUp(rs: CompiledRuleSet): void {
  warm = true;
  const earlier: ScanInput = { id: 'warm-up:1', conversation: 'warm-up', sender: 'seller:warm-up', text: WARM_UP_TEXT, country: 'FR' };
  const context: ConversationContext = { earlier: [earlier] };
  for (let k = 0; k < 2; k++) {
    scanMessage(rs, earlier);
    scanMessage(rs, { id: 'warm-up:2', conversation: 'warm-up', sender: 'seller:warm-up', text: '56 78 then 90', country: 'FR' }, context);
    scanMessage(rs, { id: 'warm-up:3', text: WARM_UP_LONG_TEXT, lang: 'de' });
  }
}

function toHits(rs: CompiledRuleSet, input: ScanInput, text: string, raw: readonly RawHit[]): Hit[] {
  const out: Hit[] = new Array<Hit>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const h = raw[i]!;
    out[i] = {
      kind: h.kind,
      start: h.start,
      end: h.end,
      value: text.slice(h.start, h.end),
      normalized: h.normalized,
      rule: h.rule,
      clause: h.clause,
      score: scoreHit(rs, h, input),
    };
  }
  return out;
}

/** Moves the hits from `from` on of shadow rules to `shadow` and drops those of switched-off rules, in place. */
function setAside(rs: CompiledRuleSet, hits: RawHit[], from: number, shadow: RawHit[]): void {
  let w = from;
  for (let i = from; i < hits.length; i++) {
    const h = hits[i]!;
    if (rs.disabledRules.has(h.rule)) continue;
    if (rs.shadowRules.has(h.rule)) shadow.push(h);
    else hits[w++] = h;
  }
  hits.length = w;
}
