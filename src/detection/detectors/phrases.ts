import { toOriginal } from '../normalize';
import { entriesMet, findLiterals, findLiteralsIn, literalIndex, mayContainMatch, needsMet, type CompiledRuleSet, type LiteralIndex, type PhraseRule } from '../rules';
import type { Detector, PhraseTriggers, ScanState, Signals } from './detector';

const MAX_MATCHES_PER_RULE = 4;
const UNLESS_WINDOW = 80;
/** A phrase lies within this distance of one of its trigger words (patterns are length-checked). */
export const REACH = 100;
/** Longest message whose whole text is checked for what a rule needs before its windows are. */
const WHOLE_TEXT_CHECK = 2048;

/** The sentence holding [s, e), at most UNLESS_WINDOW characters to each side. */
function sentenceAround(text: string, s: number, e: number): string {
  let a = s;
  const minA = Math.max(0, s - UNLESS_WINDOW);
  while (a > minA && !'.!?\n'.includes(text[a - 1]!)) a--;
  let b = e;
  const maxB = Math.min(text.length, e + UNLESS_WINDOW);
  while (b < maxB && !'.!?\n'.includes(text[b]!)) b++;
  return text.slice(a, b);
}

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** Whether the trigger offsets of the k-th rule woken ascend (from the prefilter, they usually do). */
function ascending(triggers: PhraseTriggers, k: number): boolean {
  for (let j = 1; j < triggers.count(k); j++) if (triggers.position(k, j) < triggers.position(k, j - 1)) return false;
  return true;
}

/**
 * Windows around the trigger words of the k-th rule woken, widened to word boundaries and merged,
 * written flat ([a, b, a, b…]) from the start of `out`: returns how many entries it wrote (the array
 * is reused and never shortened, so its storage is kept from message to message).
 */
export function triggerWindows(text: string, triggers: PhraseTriggers, k: number, out: number[]): number {
  const count = triggers.count(k);
  let m = 0;
  if (ascending(triggers, k)) for (let j = 0; j < count; j++) m = widen(text, triggers.position(k, j), out, m);
  else for (const p of Array.from({ length: count }, (_, j) => triggers.position(k, j)).sort((x, y) => x - y)) m = widen(text, p, out, m);
  return m;
}

/** Adds the window around the trigger word at `p` (offsets ascending from call to call) after the `m` entries of `out`, merged with the last window when they touch; returns the new count. */
function widen(text: string, p: number, out: number[], m: number): number {
  const n = text.length;
  let a = Math.max(0, p - REACH);
  let b = Math.min(n, p + REACH);
  while (a > 0 && isWordCode(text.charCodeAt(a - 1))) a--;
  while (b < n && isWordCode(text.charCodeAt(b))) b++;
  if (m > 0 && a <= out[m - 1]!) {
    out[m - 1] = Math.max(out[m - 1]!, b);
    return m;
  }
  out[m] = a;
  out[m + 1] = b;
  return m + 2;
}

/** Reused by every call (the detector runs one message at a time): window bounds, pending matches (see {@link eachMatch}, which is not re-entrant). */
const spans: number[] = [];
let met = new Uint8Array(16);
const PENDING: (RegExpExecArray | null)[] = new Array<RegExpExecArray | null>(16).fill(null);

/** A rule's patterns to run: all of them as the rule's one regex. */
const ALL = -1;

/**
 * Which patterns of a rule to run on a text the literal automaton has read: {@link ALL}, 0 when no
 * pattern of the rule can match it, else a bit per pattern whose entry of `needs` (one per pattern)
 * holds. Even when all of them do, they run one by one: the rule's alternation would be one more
 * regex to compile (again, each time V8 has dropped its code).
 */
function patternMask(literals: LiteralIndex, index: number, needs: readonly (readonly Int32Array[])[], rule: PhraseRule): number {
  if (needs.length !== rule.patterns.length || needs.length > 31) return needsMet(literals, needs) ? ALL : 0;
  if (met.length < needs.length) met = new Uint8Array(needs.length);
  if (entriesMet(literals, index, met) === 0) return 0;
  let mask = 0;
  for (let a = 0; a < needs.length; a++) if (met[a] === 1) mask |= 1 << a;
  return mask;
}

/** Per rule, the patterns of each mask {@link patternMask} gave, in their order: made once, not per message. */
const subsets = new WeakMap<PhraseRule, Map<number, readonly RegExp[]>>();

function patternsOf(rule: PhraseRule, mask: number): readonly RegExp[] {
  if (mask === ALL) return rule.regexes;
  let byMask = subsets.get(rule);
  if (byMask === undefined) subsets.set(rule, (byMask = new Map()));
  let list = byMask.get(mask);
  if (list === undefined) byMask.set(mask, (list = rule.patterns.filter((_, a) => (mask & (1 << a)) !== 0)));
  return list;
}

/**
 * The pattern masks of the rules woken in the message {@link phrasesMayMatch} read last, by their
 * place among the rules woken: the detector runs on the same reading and asks nothing twice.
 */
let masks = new Int32Array(16);

/**
 * The matches in `text` of the alternation of `regexes` (global, each one alternative), as the one
 * regex `regexes.map((r) => r.source).join('|')` finds them: leftmost first, at one position the
 * first alternative that matches, the search going on after the match (one unit further after an
 * empty one, which is skipped). Each non-empty match is offered to `accept` until `limit` of them
 * are accepted; returns how many were.
 */
export function eachMatch<C>(regexes: readonly RegExp[], text: string, limit: number, ctx: C, accept: (ctx: C, index: number, match: string) => boolean): number {
  let found = 0;
  if (regexes.length === 1) {
    const re = regexes[0]!;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null && found < limit; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (accept(ctx, m.index, m[0])) found++;
    }
    return found;
  }
  // each alternative's next match from the cursor on: the alternation's is the leftmost, the first on a tie
  const k = regexes.length;
  const pending = k <= PENDING.length ? PENDING : new Array<RegExpExecArray | null>(k);
  for (let j = 0; j < k; j++) {
    regexes[j]!.lastIndex = 0;
    pending[j] = regexes[j]!.exec(text);
  }
  while (found < limit) {
    let best = -1;
    for (let j = 0; j < k; j++) {
      const m = pending[j]!;
      if (m !== null && (best < 0 || m.index < pending[best]!.index)) best = j;
    }
    if (best < 0) break;
    const m = pending[best]!;
    const empty = m[0].length === 0;
    const cursor = m.index + (empty ? 1 : m[0].length);
    // a match starting before the cursor is not one the alternation would find next
    for (let j = 0; j < k; j++) {
      const p = pending[j];
      if (p === null || p!.index >= cursor) continue;
      if (cursor > text.length) pending[j] = null;
      else {
        regexes[j]!.lastIndex = cursor;
        pending[j] = regexes[j]!.exec(text);
      }
    }
    if (!empty && accept(ctx, m.index, m[0])) found++;
  }
  pending.fill(null, 0, k);
  return found;
}

/** What a match is recorded against: the message, the rule, and where the scanned window starts. */
interface Target {
  state: ScanState;
  rule: PhraseRule;
  offset: number;
}

/** Whether a match stands (no `unless` pattern in its sentence); if so, it is added to the hits. */
function record(t: Target, index: number, match: string): boolean {
  const { state, rule } = t;
  const text = state.folded.text;
  const s = t.offset + index;
  const e = s + match.length;
  if (rule.unless.length > 0) {
    const sentence = sentenceAround(text, s, e);
    for (const u of rule.unless) if (u.test(sentence)) return false;
  }
  const span = toOriginal(state.folded, s, e);
  state.hits.push({ kind: rule.kind, start: span.start, end: span.end, normalized: match, rule: rule.id, clause: rule.clause, weight: rule.weight });
  return true;
}

/**
 * Whether a rule the prefilter woke may match the folded message (its units `units[0, n)`, or the
 * string): the detector's own first test, made before the detectors run so that a message whose
 * trigger words lead nowhere ("best", "site", "nous") is done without them. The automaton's reading
 * and what it told of each rule are kept for the detector (`ScanState.literalsRead`).
 */
export function phrasesMayMatch(rs: CompiledRuleSet, signals: Signals, units: Uint16Array | string, n: number): boolean {
  if (n > WHOLE_TEXT_CHECK) return true;
  const literals = literalIndex(rs.phrases);
  if (typeof units === 'string') findLiterals(literals, units);
  else findLiteralsIn(literals, units, n);
  const triggers = signals.phraseRules;
  if (masks.length < triggers.size) masks = new Int32Array(Math.max(triggers.size, 2 * masks.length));
  let any = false;
  for (let k = 0; k < triggers.size; k++) {
    const index = triggers.rule(k);
    const needs = literals.needs[index];
    const mask = needs === undefined ? ALL : patternMask(literals, index, needs, rs.phrases[index]!);
    masks[k] = mask;
    if (mask !== 0) any = true;
  }
  return any;
}

/**
 * The declarative phrase rules of the rule set (intent to circumvent, off-platform payment
 * methods), in every language. A rule runs only when one of its trigger words occurs, and only on
 * windows around those words, so the work per message is bounded by the triggers, not the length.
 * An `unless` pattern in the same sentence (e.g. "through the platform") cancels a match.
 */
export const phraseDetector: Detector = {
  name: 'phrases',
  kinds: ['intent', 'payment'],
  applies: (s) => s.phraseRules.size > 0,
  detect(state) {
    const { rs } = state;
    const text = state.folded.text;
    const literals = literalIndex(rs.phrases);
    const whole = text.length <= WHOLE_TEXT_CHECK;
    // the automaton may have read the message already, and told which patterns may match, for phrasesMayMatch
    const told = state.literalsRead === true;
    let read = told;
    const triggers = state.signals.phraseRules;
    for (let k = 0; k < triggers.size; k++) {
      const index = triggers.rule(k);
      const rule = rs.phrases[index]!;
      // what no window can hold, the whole message does not hold: most rules stop here, answered
      // from one pass of the literal automaton over the message (a long message is checked window
      // by window only, so the work stays bounded by the trigger words); of the others, only the
      // patterns that can match are run
      const needs = literals.needs[index];
      let regexes = rule.regexes;
      if (needs !== undefined && whole) {
        if (!read) {
          findLiterals(literals, text);
          read = true;
        }
        const mask = told ? masks[k]! : patternMask(literals, index, needs, rule);
        if (mask === 0) continue;
        regexes = patternsOf(rule, mask);
      }
      if (regexes.length === 0) continue;
      // matches come leftmost first, window after window: a start is never found twice
      let found = 0;
      const target: Target = { state, rule, offset: 0 };
      const spanCount = triggerWindows(text, triggers, k, spans);
      for (let w = 0; w < spanCount && found < MAX_MATCHES_PER_RULE; w += 2) {
        const wa = spans[w]!;
        const wb = spans[w + 1]!;
        const slice = wa === 0 && wb === text.length ? text : text.slice(wa, wb);
        // nor, often, a window around a common trigger word in a long message (in a shorter one,
        // the windows cover most of the text the whole-text check passed: asking again costs more
        // than the regex scans it would spare)
        if (rule.needs !== undefined && !whole && !mayContainMatch(rule.needs, slice)) continue;
        target.offset = wa;
        found += eachMatch(regexes, slice, MAX_MATCHES_PER_RULE - found, target, record);
      }
    }
  },
};
