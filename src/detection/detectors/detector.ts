import type { CompiledRuleSet } from '../rules';
import type { TextView } from '../normalize';
import type { HitKind, RawHit, ScanInput } from '../types';
import type { DigitRun } from './digit-runs';

/**
 * Work limits per message. A real chat message stays far below them; an adversarial one (a megabyte
 * of digits, dots or '@') hits them, and the scan stays linear in its length. A message past a
 * limit has long been flagged by the findings before it.
 */
export const LIMITS = {
  /** Findings kept per detector. */
  hitsPerDetector: 64,
  /** Candidates a detector examines closely (digit runs, '@', host names, IBAN starts, card windows…). */
  candidates: 256,
  /** Digit runs collected from one message. */
  digitRuns: 2048,
} as const;

/** What one cheap pass over the folded text found; detectors whose signal is absent do not run. */
export interface Signals {
  /** ASCII digits in the folded text, and the o, l and i of the tokens the digit view reads as digits ("O6l2"). */
  digits: number;
  /** Spelled number words. */
  numberWords: number;
  /** Number words that are not also everyday words (articles, "très"…). */
  strongNumberWords: number;
  /** Tokens mixing digits with o/l/i ("O6l2"). */
  oliTokens: number;
  /** Groups of number words (and digits) that the digit view would turn into digits. */
  numberGroups: number;
  /**
   * [start, end) of every word holding a digit, flat and in order (where digit runs can start): the
   * first {@link Signals.digitTokenCount} entries (the storage is reused from message to message).
   */
  digitTokens: ArrayLike<number>;
  /** How many entries of {@link Signals.digitTokens} are this message's: twice the words holding a digit. */
  digitTokenCount: number;
  /** Tokens that begin like an IBAN: a country code and two digits ("fr76"). */
  ibanStarts: number;
  at: number;
  /**
   * '.' between two address characters (before it, any non-ASCII one too: "i❤.ws") where a label
   * may begin: before a letter or '-', or before a digit when there are three such dots (an IPv4 address).
   */
  innerDots: number;
  /** Spelled or bracketed at/dot words, 'www', 'http'. */
  addrWords: number;
  /**
   * Places where the address view could accept a token besides '@' ("[at]", "(.)", " . ", "dot
   * com", "arobase", "at gmail"): when there is none and no '@', the address view is the folded one.
   */
  addrHints: number;
  /** Web-mail provider names that can stand for an address beside a user name ("anna.b on Gmail"). */
  mailProviders: number;
  /** OR of WORD_FLAG bits of the words present. */
  flags: number;
  /** Phrase rules whose trigger words occur, with the offsets of those words in the folded text. */
  phraseRules: PhraseTriggers;
  /** Longest run of ASCII letters/digits in the original text. */
  longestToken: number;
  /**
   * At least the digits of the longest digit run of the folded text (words holding digits, joined
   * by up to five separators): a phone number needs seven of them unless the digit view changes the
   * text (number words, o/l/i in digits).
   */
  longestDigitRun: number;
}

/**
 * The phrase rules whose trigger words occur in a message, in the order their first trigger word
 * occurs (a rule with `word*` triggers: after the rules of whole words), each with the offsets of
 * its first {@link MAX_TRIGGER_POSITIONS} trigger words in the folded text.
 */
export interface PhraseTriggers {
  /** How many rules woke. */
  readonly size: number;
  /** The index in the rule set's phrases of the k-th rule woken (k < size). */
  rule(k: number): number;
  /** How many offsets the k-th rule woken has. */
  count(k: number): number;
  /** The j-th offset (j < count(k)) of the k-th rule woken, in the order found (ascending but for `word*` triggers). */
  position(k: number, j: number): number;
}

/** Trigger words kept per phrase rule and message: a rule is read in windows around the first ones. */
export const MAX_TRIGGER_POSITIONS = 32;

export interface ScanState {
  readonly rs: CompiledRuleSet;
  readonly input: ScanInput;
  /** The original message. */
  readonly text: string;
  readonly folded: TextView;
  readonly signals: Signals;
  /** Regions to try for national phone numbers, most likely first. */
  readonly regions: readonly string[];
  digitView(): TextView;
  addrView(): TextView;
  /** The digit view's runs of at least `MIN_RUN_DIGITS` digits (digit-runs.ts). */
  digitRuns(): readonly DigitRun[];
  /** The phrase rules' literal automaton has read this message's folded text last (see phrases.ts `phrasesMayMatch`). */
  readonly literalsRead?: boolean;
  readonly hits: RawHit[];
}

/** One detector family. Registered in one place (registry.ts), cheapest first. */
export interface Detector {
  readonly name: string;
  readonly kinds: readonly HitKind[];
  applies(signals: Signals): boolean;
  detect(state: ScanState): void;
}
