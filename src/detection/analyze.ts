import { fold, foldUnit, groupConverts, identityView, type TextView, MAIL_PROVIDERS, NUMBER_CONNECTORS, NUMBER_WORDS, PLUS_WORDS, REPEATERS, SPELLED_TLDS } from './normalize';
import { WORD_FLAG, type CompiledRuleSet } from './rules';
import { MAX_TRIGGER_POSITIONS, type PhraseTriggers, type Signals } from './detectors/detector';
import { IBAN_LENGTHS } from './detectors/iban';
import { NAMED_PROVIDERS } from './detectors/email';

/** The spelled at- and dot-words of the address view's token pattern (normalize/addr.ts). */
const SPELLED_AT_WORDS = ['arobase', 'chiocciola', 'arroba', 'apenstaartje', 'klammeraffe'];
const SPELLED_DOT_WORDS = ['dot', 'punto', 'punkt', 'punt', 'point', 'pt'];
const ADDR_WORDS = new Set(['dot', 'punto', 'punkt', 'punt', 'point', 'pt', 'arobase', 'chiocciola', 'arroba', 'apenstaartje', 'klammeraffe', 'www', 'http', 'https']);

/** Everything the prefilter wants to know about one word, so each word costs one hash lookup. */
interface WordInfo {
  flags: number;
  number: 0 | 1 | 2; // 0 none, 1 weak number word, 2 strong
  /** Repeater ("double"), connector ("et", "y") or plus word: part of a spelled number's group. */
  numberPart: boolean;
  rules: readonly number[] | undefined;
  addr: boolean;
  at: boolean;
  provider: boolean;
  /** A provider whose name beside a user name reads as an address (detectors/email.ts). */
  named: boolean;
  /** How the address view reads the word: 1 "at", 2 another at-word, 3 a dot-word, 0 not at all. */
  spelled: 0 | 1 | 2 | 3;
  /** A TLD people spell after "dot". */
  tld: boolean;
  /** The last part of a mail provider that is not one a–z word ("online" of "t-online"). */
  providerTail: boolean;
  /** Messaging aliases and contact verbs of several words that start with this one ("we" of "we chat"): the words after it, and the flag they set. */
  handleSeqs: { rest: readonly string[]; flag: number }[] | undefined;
}

/**
 * The words as an open-addressing hash table over a–z words: the prefilter hashes a word that its
 * first and last letters and length do not rule out (no string per word) and probes once.
 */
interface Lexicon {
  /** slot → word index + 1, 0 = empty; the table's size is a power of two. */
  slots: Int32Array;
  mask: number;
  /** Letters of every word, one after another; word k is chars[offsets[k], offsets[k + 1]). */
  chars: Uint8Array;
  offsets: Int32Array;
  /** Longest word: longer tokens are not looked up. */
  longest: number;
  /**
   * Messaging aliases that are not a–z words ("微信") set the handle flags when their first unit
   * occurs (1 in this table, by unit); one that starts with an ASCII unit, always.
   */
  handleFirstUnits: Uint8Array | undefined;
  handleAlways: boolean;
  /**
   * By the first two letters (a one-letter word: its letter, then 26), bit `length` set when a
   * word of that start and length (below 32) exists.
   */
  shapes: Int32Array;
  /** The same by the last two letters (a one-letter word: 26, then its letter). */
  endings: Int32Array;
  infos: WordInfo[];
}

/** The index into `endings` of the word ending with units c0, c1 (c0 not a letter: a one-letter word). */
const endingOf = (c0: number, c1: number): number => (c0 >= 97 && c0 <= 122 ? c0 - 97 : 26) * 26 + (c1 - 97);

/** The index into `shapes` of the word starting with units c0, c1 (c1 not a letter: a one-letter word). */
const shapeOf = (c0: number, c1: number): number => (c0 - 97) * 27 + (c1 >= 97 && c1 <= 122 ? c1 - 97 : 26);

const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;

/** The slot a word hash starts probing at. */
const slotOf = (h: number, mask: number): number => (h ^ (h >>> 15)) & mask;

const lexicons = new WeakMap<CompiledRuleSet, Lexicon>();

const HANDLE_FLAGS = WORD_FLAG.platform | WORD_FLAG.contactVerb;

/** The words of a phrase with each separator kept or dropped: ["we", "chat"] → [["we", "chat"], ["wechat"]]. */
export function gluings(words: readonly string[]): string[][] {
  if (words.length === 1) return [[words[0]!]];
  const out: string[][] = [];
  for (const rest of gluings(words.slice(1))) {
    out.push([words[0]!, ...rest]);
    out.push([words[0]! + rest[0]!, ...rest.slice(1)]);
  }
  return out;
}

/** The rule set read last and its lexicon: messages come one rule set at a time, and a weak-map lookup per message adds up. */
let lastRuleSet: CompiledRuleSet | undefined;
let lastLexicon: Lexicon | undefined;

function lexicon(rs: CompiledRuleSet): Lexicon {
  if (rs === lastRuleSet) return lastLexicon!;
  const lex = lexiconOf(rs);
  lastRuleSet = rs;
  lastLexicon = lex;
  return lex;
}

function lexiconOf(rs: CompiledRuleSet): Lexicon {
  const cached = lexicons.get(rs);
  if (cached !== undefined) return cached;
  const map = new Map<string, WordInfo>();
  const get = (w: string): WordInfo => {
    let e = map.get(w);
    if (e === undefined) {
      e = { flags: 0, number: 0, numberPart: false, rules: undefined, addr: false, at: false, provider: false, named: false, spelled: 0, tld: false, providerTail: false, handleSeqs: undefined };
      map.set(w, e);
    }
    return e;
  };
  // the platform and contact-verb flags of a word say that a whole alias occurs ("we chat", not
  // "we"): the handle detector looks for nothing else, and a first word alone is often everyday
  for (const [w, f] of rs.words) get(w).flags |= f & ~HANDLE_FLAGS;
  let handleFirstUnits: Uint8Array | undefined;
  let handleAlways = false;
  const aliasFlags: [string, number][] = [...[...rs.handle.aliases.keys()].map((a): [string, number] => [a, WORD_FLAG.platform]), ...[...rs.handle.contactVerbs].map((v): [string, number] => [v, WORD_FLAG.contactVerb])];
  for (const [alias, flag] of aliasFlags) {
    const parts = alias.split(/[ -]+/).filter((w) => w !== '');
    if (parts.length === 0 || parts.length > 6 || !parts.every((w) => /^[a-z]+$/.test(w))) {
      // the handle finder reads such an alias in the folded text; the prefilter has no word for it
      const first = alias.charCodeAt(0);
      if (first < 128) handleAlways = true;
      else (handleFirstUnits ??= new Uint8Array(65536))[first] = 1;
      continue;
    }
    // the finder allows no separator between the words too ("wechat"): every way of gluing them
    for (const tokens of gluings(parts)) {
      const e = get(tokens[0]!);
      if (tokens.length === 1) e.flags |= flag;
      else (e.handleSeqs ??= []).push({ rest: tokens.slice(1), flag });
    }
  }
  for (const [w, nw] of NUMBER_WORDS) get(w).number = nw.weak ? 1 : 2;
  for (const w of [...REPEATERS.keys(), ...NUMBER_CONNECTORS, ...PLUS_WORDS]) get(w).numberPart = true;
  for (const [w, r] of rs.triggers) get(w).rules = r;
  for (const w of ADDR_WORDS) get(w).addr = true;
  for (const w of MAIL_PROVIDERS) get(w).provider = true;
  for (const w of NAMED_PROVIDERS.keys()) get(w).named = true;
  // for the address hints, providers that are not one a–z word count by their last part ("t-online")
  for (const w of MAIL_PROVIDERS) if (!/^[a-z]+$/.test(w) && /[a-z]$/.test(w)) get(w.split(/[^a-z]+/).pop()!).providerTail = true;
  get('at').at = true;
  get('at').spelled = 1;
  for (const w of SPELLED_AT_WORDS) get(w).spelled = 2;
  for (const w of SPELLED_DOT_WORDS) get(w).spelled = 3;
  for (const w of SPELLED_TLDS) get(w).tld = true;
  const words = [...map.entries()].filter(([w]) => /^[a-z]+$/.test(w));
  let size = 16;
  while (size < words.length * 4) size *= 2;
  const slots = new Int32Array(size);
  const offsets = new Int32Array(words.length + 1);
  const chars = new Uint8Array(words.reduce((n, [w]) => n + w.length, 0));
  const infos: WordInfo[] = [];
  let longest = 0;
  let o = 0;
  const shapes = new Int32Array(26 * 27);
  const endings = new Int32Array(27 * 26);
  for (const [w, e] of words) {
    if (w.length < 32) {
      shapes[shapeOf(w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0)]! |= 1 << w.length;
      endings[endingOf(w.length > 1 ? w.charCodeAt(w.length - 2) : 0, w.charCodeAt(w.length - 1))]! |= 1 << w.length;
    }
    const k = infos.length;
    offsets[k] = o;
    let h = HASH_SEED;
    for (let j = 0; j < w.length; j++) {
      const c = w.charCodeAt(j);
      chars[o++] = c;
      h = Math.imul(h ^ c, HASH_PRIME);
    }
    let slot = slotOf(h, size - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
    slots[slot] = k + 1;
    infos.push(e);
    if (w.length > longest) longest = w.length;
  }
  offsets[words.length] = o;
  const lex = { slots, mask: size - 1, chars, offsets, longest, shapes, endings, infos, handleFirstUnits, handleAlways };
  lexicons.set(rs, lex);
  return lex;
}

/** The lexicon hash of the word t[start, end). */
function hashOf(t: Uint16Array, start: number, end: number): number {
  let h = HASH_SEED;
  for (let j = start; j < end; j++) h = Math.imul(h ^ t[j]!, HASH_PRIME);
  return h;
}

/** The word t[start, end) (a–z only) in the lexicon, hashed `h` while it was read: its index, or -1. */
function lookup(lex: Lexicon, t: Uint16Array, start: number, end: number, h: number): number {
  const len = end - start;
  const { slots, mask, chars, offsets } = lex;
  for (let slot = slotOf(h, mask); ; slot = (slot + 1) & mask) {
    const k = slots[slot]! - 1;
    if (k < 0) return -1;
    const o = offsets[k]!;
    if (offsets[k + 1]! - o !== len) continue;
    let j = 0;
    while (j < len && chars[o + j] === t[start + j]) j++;
    if (j === len) return k;
  }
}

const isLetter = (c: number): boolean => c >= 97 && c <= 122;
const isAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
const isBlank = (c: number): boolean => c === 32 || c === 9;

/** 1 = a–z, 2 = 0–9, 0 = anything else (ASCII only; other units are never word characters here). */
const CLASS = new Uint8Array(128);
for (let c = 97; c <= 122; c++) CLASS[c] = 1;
for (let c = 48; c <= 57; c++) CLASS[c] = 2;

/** ASCII lower-casing, by code. */
const LOWER = new Uint16Array(128);
for (let c = 0; c < 128; c++) LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;

/** Two-letter IBAN country codes, as a 26×26 table over a–z. */
const IBAN_COUNTRY = new Uint8Array(26 * 26);
for (const cc of Object.keys(IBAN_LENGTHS)) IBAN_COUNTRY[(cc.charCodeAt(0) - 65) * 26 + (cc.charCodeAt(1) - 65)] = 1;

/** Mail providers named by a number ("163"), for the address hints. */
const PROVIDER_NUMBERS = [...MAIL_PROVIDERS].filter((w) => /^[0-9]+$/.test(w));

/**
 * The phrase rules one message woke and their trigger offsets, in typed arrays reused from message
 * to message: a map of arrays per message was most of what the prefilter allocated.
 */
export class TriggerStore implements PhraseTriggers {
  size = 0;
  /** Rule index → 1 + its place among the rules woken (k), 0 when not woken. */
  private placeOf = new Int32Array(64);
  /** By place k: the rule, how many offsets it has, and its offsets at k * MAX_TRIGGER_POSITIONS. */
  private rules = new Int32Array(4);
  private counts = new Int32Array(4);
  private positions = new Int32Array(4 * MAX_TRIGGER_POSITIONS);

  rule(k: number): number {
    return this.rules[k]!;
  }

  count(k: number): number {
    return this.counts[k]!;
  }

  position(k: number, j: number): number {
    return this.positions[k * MAX_TRIGGER_POSITIONS + j]!;
  }

  /** Forgets the rules of the last message (only the places they took are reset). */
  clear(): void {
    for (let k = 0; k < this.size; k++) this.placeOf[this.rules[k]!] = 0;
    this.size = 0;
  }

  /** A trigger word of rule `r` at `pos`: the rule wakes on its first, and keeps the first offsets. */
  add(r: number, pos: number): void {
    if (r >= this.placeOf.length) this.placeOf = grown(this.placeOf, r + 1);
    let k = this.placeOf[r]! - 1;
    if (k < 0) {
      k = this.size++;
      if (k >= this.rules.length) {
        this.rules = grown(this.rules, k + 1);
        this.counts = grown(this.counts, k + 1);
        this.positions = grown(this.positions, (k + 1) * MAX_TRIGGER_POSITIONS);
      }
      this.placeOf[r] = k + 1;
      this.rules[k] = r;
      this.counts[k] = 0;
    }
    const c = this.counts[k]!;
    if (c < MAX_TRIGGER_POSITIONS) {
      this.positions[k * MAX_TRIGGER_POSITIONS + c] = pos;
      this.counts[k] = c + 1;
    }
  }
}

/** A copy of `a` at least `n` long (twice as long, or more), the rest zero. */
function grown(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(n, 2 * a.length));
  b.set(a);
  return b;
}

/**
 * Where the prefilter writes the signals of a message: one object and its arrays, overwritten by the
 * next message read into it. A caller reads a message's signals before it reads the next message
 * into the same store; the scan of a message that asks about earlier messages while it still reads
 * its own signals reads them into a second store.
 */
export class SignalStore implements Signals {
  digits = 0;
  numberWords = 0;
  strongNumberWords = 0;
  oliTokens = 0;
  numberGroups = 0;
  digitTokens = new Int32Array(16);
  digitTokenCount = 0;
  ibanStarts = 0;
  at = 0;
  innerDots = 0;
  addrWords = 0;
  addrHints = 0;
  mailProviders = 0;
  flags = 0;
  readonly phraseRules = new TriggerStore();
  longestToken = 0;
  longestDigitRun = 0;
}

/**
 * The folded units of the message being analyzed. One buffer, reused: the prefilter folds into
 * it without building a string, and the folded string is made only if a detector needs it.
 */
let units = new Uint16Array(1024);
/** The same memory as bytes: the message is copied in by one native UTF-16 write, and the folded string read back the same way. */
let unitBytes = Buffer.from(units.buffer, units.byteOffset, units.byteLength);
/** The same memory as pairs of units (an even number of units is kept), for folding ASCII two units at a time. */
let unitPairs = new Int32Array(units.buffer, units.byteOffset, units.length >>> 1);

function reserve(n: number): Uint16Array {
  if (units.length < n) {
    units = new Uint16Array(Math.max(n + (n & 1), units.length * 2));
    unitBytes = Buffer.from(units.buffer, units.byteOffset, units.byteLength);
    unitPairs = new Int32Array(units.buffer, units.byteOffset, units.length >>> 1);
  }
  return units;
}

/** Bits that are 0 in a pair of ASCII units. */
const NON_ASCII_PAIR = ~0x007f007f;

/**
 * Folds the unit at `i` of the buffer in place: 0 when it is ASCII, 1 when it is not, -1 when it
 * does not fold to exactly one unit.
 */
function foldAt(buf: Uint16Array, i: number): number {
  const c = buf[i]!;
  if (c < 128) {
    buf[i] = LOWER[c]!;
    return 0;
  }
  // 'İ' is the one unit whose lower case is longer: fold takes its long path for it
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0x130) return -1;
  const f = foldUnit(c);
  if (f < 0) return -1;
  buf[i] = f;
  return 1;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The prefilter on the original text, folding it on the way: the signals of `fold(text).text`,
 * or undefined when a unit does not fold to exactly one unit (a surrogate pair, 'ß', a combining
 * mark, an invisible character…), where the caller folds the text and calls {@link analyze}.
 * The signals are written `into` a store (by default a new one).
 */
export function analyzeText(rs: CompiledRuleSet, text: string, into: SignalStore = new SignalStore()): Signals | undefined {
  const n = text.length;
  const buf = reserve(n);
  let ascii = true;
  lastText = undefined;
  // one native copy of the units, then folding in place: reading a string unit by unit costs
  // several times more when it was built by concatenation (a rope), as chat messages often are
  if (!LITTLE_ENDIAN || unitBytes.write(text, 0, 'utf16le') !== 2 * n) for (let i = 0; i < n; i++) buf[i] = text.charCodeAt(i);
  // two units at a time: most pairs are ASCII, lower-cased by a few operations on both at once
  const pairs = unitPairs;
  const half = n >>> 1;
  for (let p = 0; p < half; p++) {
    const w = pairs[p]!;
    if ((w & NON_ASCII_PAIR) === 0) {
      // per unit, bit 7 of x + 63 says x >= 'A' and bit 7 of x + 37 says x > 'Z': their difference
      // marks the capitals, which gain 32 (bit 5, clear in a capital)
      const capitals = (w + 0x003f003f) & ~(w + 0x00250025) & 0x00800080;
      pairs[p] = w | (capitals >>> 2);
    } else {
      const a = foldAt(buf, 2 * p);
      const b = foldAt(buf, 2 * p + 1);
      if (a < 0 || b < 0) return undefined;
      ascii = false;
    }
  }
  if ((n & 1) === 1) {
    const last = foldAt(buf, n - 1);
    if (last < 0) return undefined;
    if (last === 1) ascii = false;
  }
  const signals = scan(rs, buf, n, into);
  lastText = text;
  lastAscii = ascii;
  return signals;
}

/** The text {@link analyzeText} read last, while its folded units are still in the buffer, and whether it was ASCII. */
let lastText: string | undefined;
let lastAscii = false;

/** The prefilter's folded units of `text` (valid up to `text.length`) while they are in its buffer, else undefined. */
export function foldedUnits(text: string): Uint16Array | undefined {
  return lastText === text ? units : undefined;
}

/**
 * `fold(text)`, made from the units the prefilter already folded when `text` is the message it
 * read last (every unit then folds to one unit, so the view maps position to position).
 */
export function foldedView(text: string): TextView {
  if (lastText !== text) return fold(text);
  const n = text.length;
  if (lastAscii) return identityView(text.toLowerCase(), n);
  if (!LITTLE_ENDIAN) return fold(text);
  return identityView(unitBytes.toString('utf16le', 0, 2 * n), n);
}

/**
 * The prefilter: one pass over the folded text that counts digits, at-signs and inner dots and
 * looks each word up once in the lexicon trie (number words, context words, phrase-rule triggers).
 * The signals are written `into` a store (by default a new one).
 */
export function analyze(rs: CompiledRuleSet, folded: string, original: string, into: SignalStore = new SignalStore()): Signals {
  const n = folded.length;
  const buf = reserve(n);
  lastText = undefined;
  for (let i = 0; i < n; i++) buf[i] = folded.charCodeAt(i);
  // crypto addresses are case-sensitive, but their length survives folding
  void original;
  return scan(rs, buf, n, into);
}

function scan(rs: CompiledRuleSet, t: Uint16Array, n: number, out: SignalStore): Signals {
  const lex = lexicon(rs);
  let digits = 0;
  let numberWords = 0;
  let strongNumberWords = 0;
  let oliTokens = 0;
  let numberGroups = 0;
  let ibanStarts = 0;
  let digitTokens = out.digitTokens;
  let tokenCount = 0;
  let at = 0;
  let innerDots = 0;
  /** Inner dots before a digit ("1.5", "3.200"): only an IPv4 address ("192.168.0.1", three of them) makes a link of them. */
  let digitDots = 0;
  let addrWords = 0;
  let addrHints = 0;
  let mailProviders = 0;
  let flags = 0;
  const phraseRules = out.phraseRules;
  phraseRules.clear();
  let longestToken = 0;
  /** Digits of the words holding digits joined by separators as the digit runs join them (detectors/digit-runs.ts), at most. */
  let runDigits = 0;
  let runEnd = -1;
  let longestDigitRun = 0;
  let sawAt = false;
  let sawProvider = false;
  let sawProviderTail = false;
  /** Position of the last opening bracket, and the end of a dot-word just read (-1: none). */
  let bracket = -1;
  let dotWordEnd = -1;
  // the open group of numeric tokens (the digit view's grouping), to know whether any would convert
  let gWords = 0;
  let gStrong = 0;
  let gDigits = 0;
  let gEnd = -1;
  let i = 0;
  while (i < n) {
    const c = t[i]!;
    if (c >= 128 || CLASS[c] === 0) {
      if (c >= 128) {
        if (lex.handleFirstUnits !== undefined && lex.handleFirstUnits[c] === 1) flags |= HANDLE_FLAGS;
      } else if (c === 64) at++;
      else if (c === 46) {
        if (i > 0 && i + 1 < n && (isAlnum(t[i - 1]!) || t[i - 1]! >= 128) && isAlnum(t[i + 1]!)) {
          // a top-level domain begins with a letter
          if (CLASS[t[i + 1]!] === 2) digitDots++;
          else innerDots++;
        }
        // " . ": a spaced dot that the address view may rejoin
        else if (i > 0 && t[i - 1] === 32 && i + 1 < n && (t[i + 1] === 32 || isLetter(t[i + 1]!))) addrWords++;
        if (i > 0 && isBlank(t[i - 1]!)) addrHints++;
      } else if (c === 91 || c === 40 || c === 123 || c === 60) {
        // "[.]", "(.)": bracketed dots
        if (c !== 60 && ((i + 1 < n && t[i + 1] === 46) || (i + 2 < n && t[i + 2] === 46))) addrWords++;
        let q = i + 1;
        while (q < n && q - i <= 2 && isBlank(t[q]!)) q++;
        const d = q < n ? t[q]! : -1;
        if (d === 64 || d === 46) addrHints++;
        else if (d === 97 && bracketedA(t, q + 1, n)) {
          // "[a]", "(a)": the address view's bracketed at sign
          addrHints++;
          addrWords++;
        } else bracket = i;
      }
      i++;
      continue;
    }
    const start = i;
    const afterDotWord = dotWordEnd >= 0;
    dotWordEnd = -1;
    let tokenDigits = 0;
    for (; i < n; i++) {
      const d = t[i]!;
      if (d >= 97 && d <= 122) continue;
      if (d >= 48 && d <= 57) tokenDigits++;
      else break;
    }
    const len = i - start;
    const letters = len - tokenDigits;
    if (len > longestToken) longestToken = len;
    // a numeric token joins the open group when only separators lie between them; any other closes it
    let numeric = false;
    let nWords = 0;
    let nStrong = 0;
    let nDigits = 0;
    if (tokenDigits > 0) {
      if (tokenCount + 2 > digitTokens.length) digitTokens = out.digitTokens = grown(digitTokens, tokenCount + 2);
      digitTokens[tokenCount++] = start;
      digitTokens[tokenCount++] = i;
      digits += tokenDigits;
      runDigits = runEnd >= 0 && runGap(t, runEnd, start) ? runDigits + tokenDigits : tokenDigits;
      runEnd = i;
      if (runDigits > longestDigitRun) longestDigitRun = runDigits;
      if (letters === 0) {
        for (const p of PROVIDER_NUMBERS) if (p.length === len && sameUnits(t, start, p)) sawProviderTail = true;
        numeric = true;
        nDigits = 1;
      } else {
        if (ibanStart(t, start, i)) ibanStarts++;
        if (oliCount(t, start, i) === letters) {
          oliTokens++;
          // the digit view reads its o, l and i as digits ("O2O 7946 O9OO")
          digits += letters;
          numeric = true;
          nDigits = 1;
        }
      }
    } else {
      // most words are ruled out by their first two letters, last two and length, without touching the table
      const known =
        len < 32
          ? (lex.shapes[shapeOf(t[start]!, len > 1 ? t[start + 1]! : 0)]! & (1 << len)) !== 0 && (lex.endings[endingOf(len > 1 ? t[i - 2]! : 0, t[i - 1]!)]! & (1 << len)) !== 0
          : len <= lex.longest;
      // hashed only then: most words never are
      const idx = known ? lookup(lex, t, start, i, hashOf(t, start, i)) : -1;
      if (idx >= 0) {
        const e = lex.infos[idx]!;
        flags |= e.flags;
        if (e.handleSeqs !== undefined) for (const q of e.handleSeqs) if ((flags & q.flag) === 0 && followedBy(t, i, n, q.rest)) flags |= q.flag;
        if (e.number !== 0) {
          numberWords++;
          numeric = true;
          nWords = 1;
          if (e.number === 2) {
            strongNumberWords++;
            nStrong = 1;
          }
        } else if (e.numberPart) numeric = true;
        if (e.rules !== undefined) for (const r of e.rules) phraseRules.add(r, start);
        if (e.addr) addrWords++;
        else if (e.at) sawAt = true;
        else if (e.provider) sawProvider = true;
        // what the address view could accept: "[at]", "(dot)", "arobase", "dot com"
        if (e.spelled !== 0) {
          if (bracket >= 0 && start - bracket <= 3 && onlyBlanks(t, bracket + 1, start)) addrHints++;
          if (e.spelled === 2) addrHints++;
          else if (e.spelled === 3) {
            dotWordEnd = i;
            // "j.doe at site dot xyz": an "at" followed by a dot-word may be accepted
            if (sawAt) addrHints++;
          }
        }
        if (afterDotWord && e.tld) addrHints++;
        if (e.providerTail) sawProviderTail = true;
        if (e.named) mailProviders++;
      }
    }
    if (numeric && gEnd >= 0 && gapOk(t, gEnd, start)) {
      gWords += nWords;
      gStrong += nStrong;
      gDigits += nDigits;
      gEnd = i;
      continue;
    }
    if (gEnd >= 0 && gWords > 0 && groupConverts(gWords, gStrong, gDigits)) numberGroups++;
    if (numeric) {
      gWords = nWords;
      gStrong = nStrong;
      gDigits = nDigits;
      gEnd = i;
    } else {
      gWords = 0;
      gStrong = 0;
      gDigits = 0;
      gEnd = -1;
    }
  }
  if (gEnd >= 0 && gWords > 0 && groupConverts(gWords, gStrong, gDigits)) numberGroups++;
  if (rs.triggerPrefixLengths.length > 0) prefixTriggers(rs, t, n, phraseRules);
  if (sawAt && sawProvider) addrWords++;
  if (sawAt && (sawProvider || sawProviderTail)) addrHints++;
  if (lex.handleAlways) flags |= HANDLE_FLAGS;
  out.digits = digits;
  out.numberWords = numberWords;
  out.strongNumberWords = strongNumberWords;
  out.oliTokens = oliTokens;
  out.numberGroups = numberGroups;
  out.ibanStarts = ibanStarts;
  out.digitTokenCount = tokenCount;
  out.at = at;
  out.innerDots = digitDots >= 3 ? innerDots + digitDots : innerDots;
  out.addrWords = addrWords;
  out.addrHints = addrHints;
  out.mailProviders = mailProviders;
  out.flags = flags;
  out.longestToken = longestToken;
  out.longestDigitRun = longestDigitRun;
  return out;
}

/** Separators that may sit between the parts of one spelled or written number (as normalize's `gapOk`). */
function gapOk(t: Uint16Array, from: number, to: number): boolean {
  if (to - from > 4) return false;
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = t[i]!;
    if (c === 10) {
      if (++newlines > 2) return false;
    } else if (!isGapChar(c)) return false;
  }
  return true;
}

/**
 * After a word ending at `from`: the words `rest`, each after one or two blanks or dashes, the last
 * one ending a word — the handle finder's `[\s-]{0,2}` between the words of an alias (no separator
 * at all is another gluing of the alias, a word of its own).
 */
function followedBy(t: Uint16Array, from: number, n: number, rest: readonly string[]): boolean {
  let p = from;
  for (const w of rest) {
    const gap = p;
    while (p < n && p - gap <= 2 && isSpaceOrDash(t[p]!)) p++;
    if (p === gap || p - gap > 2) return false;
    for (let j = 0; j < w.length; j++, p++) if (p >= n || t[p] !== w.charCodeAt(j)) return false;
  }
  return p >= n || (t[p]! >= 128 ? true : CLASS[t[p]!] === 0);
}

const SPACE = /\s/;
/** What the finder's `[\s-]` accepts. */
function isSpaceOrDash(c: number): boolean {
  if (c === 32 || c === 45 || (c >= 9 && c <= 13)) return true;
  return c >= 128 && SPACE.test(String.fromCharCode(c));
}

/**
 * What may lie between two digit groups of one run: up to five separators (the digit runs' own
 * test, which also stops at a third line break, a list or a sentence break, only splits more).
 */
function runGap(t: Uint16Array, from: number, to: number): boolean {
  if (to - from > 5 || to === from) return false;
  for (let i = from; i < to; i++) {
    switch (t[i]) {
      case 32: case 9: case 13: case 10: case 46: case 45: case 47: case 40: case 41: case 95: case 42: case 44: case 124: case 126: case 43:
        continue;
      default:
        return false;
    }
  }
  return true;
}

/** ' ', tab, CR and - . , / _ * | : ( ) + ~ */
function isGapChar(c: number): boolean {
  switch (c) {
    case 32: case 9: case 13: case 45: case 46: case 44: case 47: case 95: case 42: case 124: case 58: case 40: case 41: case 43: case 126:
      return true;
    default:
      return false;
  }
}

/** The token at `start` begins like an IBAN: a country code and two check digits ("fr76…"). */
function ibanStart(t: Uint16Array, start: number, end: number): boolean {
  if (end - start < 4) return false;
  const a = t[start]! - 97;
  const b = t[start + 1]! - 97;
  if (a < 0 || a > 25 || b < 0 || b > 25 || IBAN_COUNTRY[a * 26 + b] === 0) return false;
  const c = t[start + 2]!;
  const d = t[start + 3]!;
  return c >= 48 && c <= 57 && d >= 48 && d <= 57;
}

/** After the 'a' of "[a]" / "(a)": at most two blanks, then a closing bracket. */
function bracketedA(t: Uint16Array, from: number, n: number): boolean {
  let q = from;
  while (q < n && q - from < 2 && isBlank(t[q]!)) q++;
  const c = q < n ? t[q]! : -1;
  return c === 93 || c === 41 || c === 125 || c === 62;
}

function sameUnits(t: Uint16Array, start: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (t[start + k] !== s.charCodeAt(k)) return false;
  return true;
}

function onlyBlanks(t: Uint16Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(t[i]!)) return false;
  return true;
}

/** o, l and i in [from, to). */
function oliCount(t: Uint16Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = t[i]!;
    if (c === 111 || c === 108 || c === 105) n++;
  }
  return n;
}

/** Rare: rules with `word*` triggers. A second pass only when a rule set uses them: each run of two or more a–z letters. */
function prefixTriggers(rs: CompiledRuleSet, t: Uint16Array, n: number, rules: TriggerStore): void {
  for (let i = 0; i < n; ) {
    if (!isLetter(t[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isLetter(t[i]!)) i++;
    if (i - start < 2) continue;
    for (const len of rs.triggerPrefixLengths) {
      if (i - start < len) continue;
      const pr = rs.triggerPrefixes.get(String.fromCharCode(...t.subarray(start, start + len)));
      if (pr !== undefined) for (const r of pr) rules.add(r, start);
    }
  }
}
