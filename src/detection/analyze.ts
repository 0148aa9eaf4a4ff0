import { gapOk, groupConverts, MAIL_PROVIDERS, NUMBER_CONNECTORS, NUMBER_WORDS, PLUS_WORDS, REPEATERS, SPELLED_TLDS } from './normalize';
import type { CompiledRuleSet } from './rules';
import type { Signals } from './detectors/detector';
import { IBAN_LENGTHS } from './detectors/iban';

/** The spelled at- and dot-words of the address view's token pattern (normalize/addr.ts). */
const SPELLED_AT_WORDS = ['arobase', 'chiocciola', 'arroba', 'apenstaartje', 'klammeraffe'];
const SPELLED_DOT_WORDS = ['dot', 'punto', 'punkt', 'punt', 'point'];
const ADDR_WORDS = new Set(['dot', 'punto', 'punkt', 'punt', 'point', 'arobase', 'chiocciola', 'arroba', 'apenstaartje', 'klammeraffe', 'www', 'http', 'https']);

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
  /** How the address view reads the word: 1 "at", 2 another at-word, 3 a dot-word, 0 not at all. */
  spelled: 0 | 1 | 2 | 3;
  /** A TLD people spell after "dot". */
  tld: boolean;
  /** The last part of a mail provider that is not one a–z word ("online" of "t-online"). */
  providerTail: boolean;
}

/**
 * The words as a trie over a–z, so the prefilter looks a word up while scanning it, without
 * slicing a string per word.
 */
interface Lexicon {
  /** node * 26 + letter → child node, 0 = none. */
  next: Int32Array;
  /** node → index into `infos`, -1 = no word ends here. */
  info: Int32Array;
  infos: WordInfo[];
}

const lexicons = new WeakMap<CompiledRuleSet, Lexicon>();

function lexicon(rs: CompiledRuleSet): Lexicon {
  const cached = lexicons.get(rs);
  if (cached !== undefined) return cached;
  const map = new Map<string, WordInfo>();
  const get = (w: string): WordInfo => {
    let e = map.get(w);
    if (e === undefined) {
      e = { flags: 0, number: 0, numberPart: false, rules: undefined, addr: false, at: false, provider: false, spelled: 0, tld: false, providerTail: false };
      map.set(w, e);
    }
    return e;
  };
  for (const [w, f] of rs.words) get(w).flags |= f;
  for (const [w, nw] of NUMBER_WORDS) get(w).number = nw.weak ? 1 : 2;
  for (const w of [...REPEATERS.keys(), ...NUMBER_CONNECTORS, ...PLUS_WORDS]) get(w).numberPart = true;
  for (const [w, r] of rs.triggers) get(w).rules = r;
  for (const w of ADDR_WORDS) get(w).addr = true;
  for (const w of MAIL_PROVIDERS) get(w).provider = true;
  // for the address hints, providers that are not one a–z word count by their last part ("t-online")
  for (const w of MAIL_PROVIDERS) if (!/^[a-z]+$/.test(w) && /[a-z]$/.test(w)) get(w.split(/[^a-z]+/).pop()!).providerTail = true;
  get('at').at = true;
  get('at').spelled = 1;
  for (const w of SPELLED_AT_WORDS) get(w).spelled = 2;
  for (const w of SPELLED_DOT_WORDS) get(w).spelled = 3;
  for (const w of SPELLED_TLDS) get(w).tld = true;
  const words = [...map.entries()].filter(([w]) => /^[a-z]+$/.test(w));
  let nodes = 1;
  const next: number[] = new Array(26).fill(0);
  const info: number[] = [-1];
  const infos: WordInfo[] = [];
  for (const [w, e] of words) {
    let node = 0;
    for (let k = 0; k < w.length; k++) {
      const slot = node * 26 + (w.charCodeAt(k) - 97);
      if (next[slot] === 0) {
        next[slot] = nodes++;
        for (let z = 0; z < 26; z++) next.push(0);
        info.push(-1);
      }
      node = next[slot]!;
    }
    info[node] = infos.length;
    infos.push(e);
  }
  const lex = { next: Int32Array.from(next), info: Int32Array.from(info), infos };
  lexicons.set(rs, lex);
  return lex;
}

const isLetter = (c: number): boolean => c >= 97 && c <= 122;
const isAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;

/** 1 = a–z, 2 = 0–9, 0 = anything else (ASCII only; other units are never word characters here). */
const CLASS = new Uint8Array(128);
for (let c = 97; c <= 122; c++) CLASS[c] = 1;
for (let c = 48; c <= 57; c++) CLASS[c] = 2;

const MAX_TRIGGER_POSITIONS = 32;

/** Two-letter IBAN country codes, as a 26×26 table over a–z. */
const IBAN_COUNTRY = new Uint8Array(26 * 26);
for (const cc of Object.keys(IBAN_LENGTHS)) IBAN_COUNTRY[(cc.charCodeAt(0) - 65) * 26 + (cc.charCodeAt(1) - 65)] = 1;

/** The token at `start` begins like an IBAN: a country code and two check digits ("fr76…"). */
function ibanStart(text: string, start: number, end: number): boolean {
  if (end - start < 4) return false;
  const a = text.charCodeAt(start) - 97;
  const b = text.charCodeAt(start + 1) - 97;
  if (a < 0 || a > 25 || b < 0 || b > 25 || IBAN_COUNTRY[a * 26 + b] === 0) return false;
  const c = text.charCodeAt(start + 2);
  const d = text.charCodeAt(start + 3);
  return c >= 48 && c <= 57 && d >= 48 && d <= 57;
}

/** State of one prefilter pass; a class so that no closure is created per message. */
class Pass {
  readonly s: Signals = { digits: 0, numberWords: 0, strongNumberWords: 0, oliTokens: 0, numberGroups: 0, ibanStarts: 0, digitTokens: [], at: 0, innerDots: 0, addrWords: 0, addrHints: 0, flags: 0, phraseRules: new Map(), longestToken: 0 };
  // the open group of numeric tokens (the digit view's grouping), to know whether any would convert
  private gWords = 0;
  private gStrong = 0;
  private gDigits = 0;
  private gEnd = -1;
  constructor(private readonly folded: string) {}

  closeGroup(): void {
    if (this.gEnd < 0) return;
    if (this.gWords > 0 && groupConverts(this.gWords, this.gStrong, this.gDigits)) this.s.numberGroups++;
    this.gWords = 0;
    this.gStrong = 0;
    this.gDigits = 0;
    this.gEnd = -1;
  }

  /** A numeric token [start, end) joins the open group when only separators lie between them. */
  numeric(start: number, end: number, words: number, strong: number, digits: number): void {
    if (this.gEnd < 0 || !gapOk(this.folded, this.gEnd, start)) this.closeGroup();
    this.gEnd = end;
    this.gWords += words;
    this.gStrong += strong;
    this.gDigits += digits;
  }

  hit(r: number, pos: number): void {
    const list = this.s.phraseRules.get(r);
    if (list === undefined) this.s.phraseRules.set(r, [pos]);
    else if (list.length < MAX_TRIGGER_POSITIONS) list.push(pos);
  }
}

/**
 * The prefilter: one pass over the folded text that counts digits, at-signs and inner dots and
 * looks each word up once in the lexicon trie (number words, context words, phrase-rule triggers).
 */
export function analyze(rs: CompiledRuleSet, folded: string, original: string): Signals {
  const lex = lexicon(rs);
  const { next, info, infos } = lex;
  const pass = new Pass(folded);
  const s = pass.s;
  let sawAt = false;
  let sawProvider = false;
  /** Position of the last opening bracket, and the end of a dot-word just read (-1: none). */
  let bracket = -1;
  let sawProviderTail = false;
  let dotWordEnd = -1;
  const n = folded.length;
  let i = 0;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (c >= 128 || CLASS[c] === 0) {
      if (c === 64) s.at++;
      else if (c === 46) {
        if (i > 0 && i + 1 < n && (isAlnum(folded.charCodeAt(i - 1)) || folded.charCodeAt(i - 1) >= 128) && isAlnum(folded.charCodeAt(i + 1))) s.innerDots++;
        // " . ": a spaced dot that the address view may rejoin
        else if (i > 0 && folded.charCodeAt(i - 1) === 32 && i + 1 < n && (folded.charCodeAt(i + 1) === 32 || isLetter(folded.charCodeAt(i + 1)))) s.addrWords++;
        if (i > 0 && isBlank(folded.charCodeAt(i - 1))) s.addrHints++;
      } else if (c === 91 || c === 40 || c === 123 || c === 60) {
        // "[.]", "(.)": bracketed dots
        if (c !== 60 && (folded.charCodeAt(i + 1) === 46 || folded.charCodeAt(i + 2) === 46)) s.addrWords++;
        let q = i + 1;
        while (q < n && q - i <= 2 && isBlank(folded.charCodeAt(q))) q++;
        const d = folded.charCodeAt(q);
        if (d === 64 || d === 46) s.addrHints++;
        else bracket = i;
      }
      i++;
      continue;
    }
    const start = i;
    const afterDotWord = dotWordEnd >= 0;
    dotWordEnd = -1;
    let letters = 0;
    let digits = 0;
    let node = 0;
    // letters first, walking the trie while it has a path; then the rest of the token
    for (; i < n; i++) {
      const l = folded.charCodeAt(i) - 97;
      if (l < 0 || l > 25) break;
      node = next[node * 26 + l]!;
      if (node === 0) {
        node = -1;
        i++;
        break;
      }
    }
    for (; i < n; i++) {
      const d = folded.charCodeAt(i);
      if (d >= 97 && d <= 122) continue;
      if (d >= 48 && d <= 57) {
        digits++;
        node = -1;
      } else break;
    }
    letters = i - start - digits;
    if (i - start > s.longestToken) s.longestToken = i - start;
    if (digits > 0) s.digitTokens.push(start, i);
    if (letters === 0) {
      for (const p of PROVIDER_NUMBERS) if (p.length === i - start && folded.startsWith(p, start)) sawProviderTail = true;
      s.digits += digits;
      pass.numeric(start, i, 0, 0, 1);
      continue;
    }
    if (digits > 0) {
      s.digits += digits;
      if (ibanStart(folded, start, i)) s.ibanStarts++;
      if (oliCount(folded, start, i) === letters) {
        s.oliTokens++;
        pass.numeric(start, i, 0, 0, 1);
      } else pass.closeGroup();
      continue;
    }
    const idx = node <= 0 ? -1 : info[node]!;
    if (idx < 0) {
      pass.closeGroup();
      continue;
    }
    const e = infos[idx]!;
    s.flags |= e.flags;
    if (e.number !== 0) {
      s.numberWords++;
      if (e.number === 2) s.strongNumberWords++;
      pass.numeric(start, i, 1, e.number === 2 ? 1 : 0, 0);
    } else if (e.numberPart) pass.numeric(start, i, 0, 0, 0);
    else pass.closeGroup();
    if (e.rules !== undefined) for (const r of e.rules) pass.hit(r, start);
    if (e.addr) s.addrWords++;
    else if (e.at) sawAt = true;
    else if (e.provider) sawProvider = true;
    // what the address view could accept: "[at]", "(dot)", "arobase", "dot com"
    if (e.spelled !== 0) {
      if (bracket >= 0 && start - bracket <= 3 && onlyBlanks(folded, bracket + 1, start)) s.addrHints++;
      if (e.spelled === 2) s.addrHints++;
      else if (e.spelled === 3) {
        dotWordEnd = i;
        // "j.doe at site dot xyz": an "at" followed by a dot-word may be accepted
        if (sawAt) s.addrHints++;
      }
    }
    if (afterDotWord && e.tld) s.addrHints++;
    if (e.providerTail) sawProviderTail = true;
  }
  pass.closeGroup();
  if (rs.triggerPrefixLengths.length > 0) prefixTriggers(rs, folded, pass);
  if (sawAt && sawProvider) s.addrWords++;
  if (sawAt && (sawProvider || sawProviderTail)) s.addrHints++;
  // crypto addresses are case-sensitive, but their length survives folding
  void original;
  return s;
}

/** Mail providers named by a number ("163"), for the address hints. */
const PROVIDER_NUMBERS = [...MAIL_PROVIDERS].filter((w) => /^[0-9]+$/.test(w));

const isBlank = (c: number): boolean => c === 32 || c === 9;

function onlyBlanks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

/** o, l and i in [from, to). */
function oliCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 111 || c === 108 || c === 105) n++;
  }
  return n;
}

/** Rare: rules with `word*` triggers. A second pass only when a rule set uses them. */
function prefixTriggers(rs: CompiledRuleSet, folded: string, pass: Pass): void {
  const re = /[a-z]{2,}/g;
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
    for (const len of rs.triggerPrefixLengths) {
      if (m[0].length < len) continue;
      const pr = rs.triggerPrefixes.get(m[0].slice(0, len));
      if (pr !== undefined) for (const r of pr) pass.hit(r, m.index);
    }
  }
}
