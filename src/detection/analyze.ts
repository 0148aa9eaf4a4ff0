import { NUMBER_WORDS, MAIL_PROVIDERS } from './normalize';
import type { CompiledRuleSet } from './rules';
import type { Signals } from './detectors/detector';

const ADDR_WORDS = new Set(['dot', 'punto', 'punkt', 'punt', 'point', 'arobase', 'chiocciola', 'arroba', 'apenstaartje', 'klammeraffe', 'www', 'http', 'https']);

/** Everything the prefilter wants to know about one word, so each word costs one hash lookup. */
interface WordInfo {
  flags: number;
  number: 0 | 1 | 2; // 0 none, 1 weak number word, 2 strong
  rules: readonly number[] | undefined;
  addr: boolean;
  at: boolean;
  provider: boolean;
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
      e = { flags: 0, number: 0, rules: undefined, addr: false, at: false, provider: false };
      map.set(w, e);
    }
    return e;
  };
  for (const [w, f] of rs.words) get(w).flags |= f;
  for (const [w, nw] of NUMBER_WORDS) get(w).number = nw.weak ? 1 : 2;
  for (const [w, r] of rs.triggers) get(w).rules = r;
  for (const w of ADDR_WORDS) get(w).addr = true;
  for (const w of MAIL_PROVIDERS) get(w).provider = true;
  get('at').at = true;
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
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlnum = (c: number): boolean => isLetter(c) || isDigit(c) || c === 45;

/**
 * The prefilter: one pass over the folded text that counts digits, at-signs and inner dots and
 * looks each word up once in a hash map (number words, context words, phrase-rule triggers).
 */
export function analyze(rs: CompiledRuleSet, folded: string, original: string): Signals {
  const lex = lexicon(rs);
  const s: Signals = { digits: 0, numberWords: 0, strongNumberWords: 0, oliTokens: 0, at: 0, innerDots: 0, addrWords: 0, flags: 0, phraseRules: new Map(), longestToken: 0 };
  const hit = (r: number, pos: number): void => {
    const list = s.phraseRules.get(r);
    if (list === undefined) s.phraseRules.set(r, [pos]);
    else if (list.length < 32) list.push(pos);
  };
  let sawAt = false;
  let sawProvider = false;
  const n = folded.length;
  let i = 0;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (!isLetter(c) && !isDigit(c)) {
      if (c === 64) s.at++;
      else if (c === 46 && i > 0 && i + 1 < n && isAlnum(folded.charCodeAt(i - 1)) && isAlnum(folded.charCodeAt(i + 1))) s.innerDots++;
      // "[.]", "(.)", " . ": bracketed or spaced dots that the address view may rejoin
      else if ((c === 91 || c === 40 || c === 123) && (folded[i + 1] === '.' || folded[i + 2] === '.')) s.addrWords++;
      else if (c === 46 && i > 0 && folded[i - 1] === ' ' && i + 1 < n && (folded[i + 1] === ' ' || isLetter(folded.charCodeAt(i + 1)))) s.addrWords++;
      i++;
      continue;
    }
    const start = i;
    let letters = 0;
    let digits = 0;
    let oli = 0;
    let node = 0;
    while (i < n) {
      const d = folded.charCodeAt(i);
      if (isLetter(d)) {
        letters++;
        if (d === 111 || d === 108 || d === 105) oli++;
        if (node >= 0) node = lex.next[node * 26 + (d - 97)]! || -1;
      } else if (isDigit(d)) {
        digits++;
        node = -1;
      } else break;
      i++;
    }
    if (i - start > s.longestToken) s.longestToken = i - start;
    s.digits += digits;
    if (letters > 0 && digits > 0) {
      if (oli === letters) s.oliTokens++;
      continue;
    }
    if (node <= 0) continue;
    const idx = lex.info[node]!;
    if (idx < 0) continue;
    const e = lex.infos[idx]!;
    s.flags |= e.flags;
    if (e.number !== 0) {
      s.numberWords++;
      if (e.number === 2) s.strongNumberWords++;
    }
    if (e.rules !== undefined) for (const r of e.rules) hit(r, start);
    if (e.addr) s.addrWords++;
    else if (e.at) sawAt = true;
    else if (e.provider) sawProvider = true;
  }
  if (rs.triggerPrefixLengths.length > 0) prefixTriggers(rs, folded, hit);
  if (sawAt && sawProvider) s.addrWords++;
  // crypto addresses are case-sensitive, but their length survives folding
  void original;
  return s;
}

/** Rare: rules with `word*` triggers. A second pass only when a rule set uses them. */
function prefixTriggers(rs: CompiledRuleSet, folded: string, hit: (r: number, pos: number) => void): void {
  const re = /[a-z]{2,}/g;
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
    for (const len of rs.triggerPrefixLengths) {
      if (m[0].length < len) continue;
      const pr = rs.triggerPrefixes.get(m[0].slice(0, len));
      if (pr !== undefined) for (const r of pr) hit(r, m.index);
    }
  }
}
