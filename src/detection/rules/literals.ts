import type { PhraseRule } from './compile';

/**
 * Every string the phrase rules' matches need (`PhraseRule.needs`, see `requiredLiterals`), found
 * in one pass over a text by an Aho–Corasick automaton. A message usually wakes a dozen rules
 * through common trigger words ("best", "site", "nous"); asking `includes` about each string of
 * each of them cost more than reading the text once and answering every rule from what was seen.
 * Built once per rule set.
 */
export interface LiteralIndex {
  /** The distinct strings of every rule's `needs`. */
  readonly literals: readonly string[];
  /** Per phrase rule (same index): its `needs` as literal ids, in the same nesting; undefined where it has none. */
  readonly needs: readonly (readonly (readonly Int32Array[])[] | undefined)[];
  /** UTF-16 unit → its class in the automaton (0: a unit no literal holds). */
  readonly classes: Uint16Array;
  /** Classes per state (a row of `delta`). */
  readonly width: number;
  /**
   * state * width + class → next state: the complete transition function (failure links folded
   * in). States are numbered in depth-first order of the failure tree, so the states whose text
   * ends with a literal — those of the failure subtree of the state that spells it — are one range.
   * 16-bit while the states fit: half the memory, so more of it stays in cache between messages.
   */
  readonly delta: Uint16Array | Int32Array;
  /** literal id → the range [from, to) of states at which a text read so far ends with the literal. */
  readonly from: Int32Array;
  readonly to: Int32Array;
  /**
   * literal id → the word of `visited` holding its whole range and the bits of the range in it;
   * -1 when the range spans several words. Most ranges are short: one load and a mask.
   */
  readonly word: Int32Array;
  readonly mask: Int32Array;
  /**
   * Per phrase rule: its `needs` flat, for one pass without pointer chasing — per entry, the
   * number of clauses, then per clause the number of literals and their ids. Empty where it has none.
   */
  readonly codes: readonly Int32Array[];
  /** One bit per state: the states the last text read passed through (see {@link findLiterals}). */
  readonly visited: Int32Array;
  /** Units of the longest literal: the deepest state. */
  readonly longest: number;
}

const indexes = new WeakMap<readonly PhraseRule[], LiteralIndex>();

/** The index of a rule set's phrase rules (the array `CompiledRuleSet.phrases`), built on first use. */
export function literalIndex(rules: readonly PhraseRule[]): LiteralIndex {
  // the rule set of the last call, without a weak-map lookup per message
  if (rules === lastRules) return lastIndex!;
  lastIndex = indexOf(rules);
  lastRules = rules;
  return lastIndex;
}

let lastRules: readonly PhraseRule[] | undefined;
let lastIndex: LiteralIndex | undefined;

function indexOf(rules: readonly PhraseRule[]): LiteralIndex {
  let index = indexes.get(rules);
  if (index === undefined) {
    index = buildLiteralIndex(rules);
    indexes.set(rules, index);
  }
  return index;
}

export function buildLiteralIndex(rules: readonly PhraseRule[]): LiteralIndex {
  const ids = new Map<string, number>();
  const literals: string[] = [];
  const idOf = (w: string): number => {
    let id = ids.get(w);
    if (id === undefined) {
      id = literals.length;
      ids.set(w, id);
      literals.push(w);
    }
    return id;
  };
  const needs = rules.map((r) => r.needs?.map((clauses) => clauses.map((clause) => Int32Array.from(clause, idOf))));

  // the alphabet: the units of the literals, each a class; every other unit is class 0
  const classes = new Uint16Array(65536);
  let width = 1;
  for (const w of literals) for (let i = 0; i < w.length; i++) if (classes[w.charCodeAt(i)] === 0) classes[w.charCodeAt(i)] = width++;

  // the trie: state 0 is the root; literal k is spelled by state node[k]
  const next: Map<number, number>[] = [new Map()];
  const node = new Int32Array(literals.length);
  for (let id = 0; id < literals.length; id++) {
    const w = literals[id]!;
    let s = 0;
    for (let i = 0; i < w.length; i++) {
      const c = classes[w.charCodeAt(i)]!;
      let t = next[s]!.get(c);
      if (t === undefined) {
        t = next.length;
        next.push(new Map());
        next[s]!.set(c, t);
      }
      s = t;
    }
    node[id] = s;
  }

  // breadth first: each state's failure state is shallower, so its row is complete when read
  const states = next.length;
  const trieDelta = new Int32Array(states * width);
  const fail = new Int32Array(states);
  const queue: number[] = [];
  for (const [c, t] of next[0]!) {
    trieDelta[c] = t;
    queue.push(t);
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    const f = fail[s]!;
    for (let c = 0; c < width; c++) {
      const t = next[s]!.get(c);
      if (t === undefined) trieDelta[s * width + c] = trieDelta[f * width + c]!;
      else {
        trieDelta[s * width + c] = t;
        fail[t] = trieDelta[f * width + c]!;
        queue.push(t);
      }
    }
  }

  // number the states in depth-first order of the failure tree (root 0): a text read up to here
  // ends with literal k exactly when the state is in the subtree of node[k]
  const children: number[][] = Array.from({ length: states }, () => []);
  for (let s = 1; s < states; s++) children[fail[s]!]!.push(s);
  const order = new Int32Array(states);
  const end = new Int32Array(states);
  let n = 0;
  const stack: number[] = [0];
  const exit: boolean[] = [false];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (exit.pop()!) {
      end[s] = n;
      continue;
    }
    order[s] = n++;
    stack.push(s);
    exit.push(true);
    for (const c of children[s]!) {
      stack.push(c);
      exit.push(false);
    }
  }
  const delta = states <= 65536 ? new Uint16Array(states * width) : new Int32Array(states * width);
  for (let s = 0; s < states; s++) for (let c = 0; c < width; c++) delta[order[s]! * width + c] = order[trieDelta[s * width + c]!]!;
  const from = new Int32Array(literals.length);
  const to = new Int32Array(literals.length);
  for (let k = 0; k < literals.length; k++) {
    from[k] = order[node[k]!]!;
    to[k] = end[node[k]!]!;
  }
  const word = new Int32Array(literals.length);
  const mask = new Int32Array(literals.length);
  for (let k = 0; k < literals.length; k++) {
    const a = from[k]!;
    const b = to[k]! - 1;
    word[k] = a >>> 5 === b >>> 5 ? a >>> 5 : -1;
    mask[k] = (-1 << (a & 31)) & (-1 >>> (31 - (b & 31)));
  }
  const codes = needs.map((entries) => {
    const code: number[] = [];
    for (const clauses of entries ?? []) {
      code.push(clauses.length);
      for (const clause of clauses) code.push(clause.length, ...clause);
    }
    return Int32Array.from(code);
  });
  const longest = literals.reduce((m, w) => Math.max(m, w.length), 0);
  return { literals, needs, classes, width, delta, from, to, word, mask, codes, visited: new Int32Array((states + 31) >>> 5), longest };
}

/**
 * Reads `text` once, noting the states it passes through, so that {@link holds} and
 * {@link needsMet} can tell which literals it holds (`text.includes(literal)`) until the next call.
 */
export function findLiterals(index: LiteralIndex, text: string): void {
  const { classes, width, delta, visited, longest } = index;
  visited.fill(0);
  const n = text.length;
  let s = 0;
  let i = 0;
  // two readings at once, of the first half and of the second from `longest` units before it (see
  // findLiteralsIn)
  if (n >= 2 * longest + TWO_READINGS) {
    const mid = n >>> 1;
    let t = 0;
    for (let j = mid - longest; i < mid; i++, j++) {
      s = delta[s * width + classes[text.charCodeAt(i)]!]!;
      t = delta[t * width + classes[text.charCodeAt(j)]!]!;
      visited[s >>> 5]! |= 1 << (s & 31);
      visited[t >>> 5]! |= 1 << (t & 31);
    }
    s = t;
    // the second reading stopped at 2 * mid - longest
    i = 2 * mid - longest;
  }
  for (; i < n; i++) {
    s = delta[s * width + classes[text.charCodeAt(i)]!]!;
    visited[s >>> 5]! |= 1 << (s & 31);
  }
}

/**
 * Shortest text, beyond twice the longest literal, read as two halves at once: each step of one
 * reading waits for the table lookup of the step before, so two independent readings take little
 * more time than one; below this the second reading's lead-in costs more than it saves.
 */
const TWO_READINGS = 24;

/**
 * {@link findLiterals} over the UTF-16 units `units[0, n)` (the prefilter's folded copy of a message: no string made).
 *
 * A long enough text is read as two halves interleaved: the second reading starts from the root
 * `longest` units before the middle. The state after a unit is the longest suffix of the text so far
 * that the trie spells, never longer than the longest literal, so from the middle on the second
 * reading is in the same states as one reading from the start; before the middle its states spell
 * suffixes that are really there, so they mark only literals the text holds.
 */
export function findLiteralsIn(index: LiteralIndex, units: Uint16Array, n: number): void {
  const { classes, width, delta, visited, longest } = index;
  visited.fill(0);
  let s = 0;
  let i = 0;
  if (n >= 2 * longest + TWO_READINGS) {
    const mid = n >>> 1;
    let t = 0;
    for (let j = mid - longest; i < mid; i++, j++) {
      s = delta[s * width + classes[units[i]!]!]!;
      t = delta[t * width + classes[units[j]!]!]!;
      visited[s >>> 5]! |= 1 << (s & 31);
      visited[t >>> 5]! |= 1 << (t & 31);
    }
    s = t;
    // the second reading stopped at 2 * mid - longest
    i = 2 * mid - longest;
  }
  for (; i < n; i++) {
    s = delta[s * width + classes[units[i]!]!]!;
    visited[s >>> 5]! |= 1 << (s & 31);
  }
}

/** Whether the text last read by {@link findLiterals} holds literal `k`: a state of its range was visited. */
export function holds(index: LiteralIndex, k: number): boolean {
  const { visited } = index;
  const w = index.word[k]!;
  if (w >= 0) return (visited[w]! & index.mask[k]!) !== 0;
  const a = index.from[k]!;
  const b = index.to[k]! - 1;
  const wa = a >>> 5;
  const wb = b >>> 5;
  const lo = -1 << (a & 31);
  const hi = -1 >>> (31 - (b & 31));
  if (wa === wb) return (visited[wa]! & lo & hi) !== 0;
  if ((visited[wa]! & lo) !== 0 || (visited[wb]! & hi) !== 0) return true;
  for (let w = wa + 1; w < wb; w++) if (visited[w] !== 0) return true;
  return false;
}

/**
 * `mayContainMatch(rule.needs, text)` for the text last read by {@link findLiterals}: some entry
 * has a literal of each of its clauses in the text.
 */
export function needsMet(index: LiteralIndex, needs: readonly (readonly Int32Array[])[]): boolean {
  for (let a = 0; a < needs.length; a++) if (entryMet(index, needs[a]!)) return true;
  return false;
}

/**
 * Whether one entry of a rule's `needs` (one pattern of the rule) holds in the text last read by
 * {@link findLiterals}: a literal of each of its clauses is in the text.
 */
export function entryMet(index: LiteralIndex, clauses: readonly Int32Array[]): boolean {
  for (let c = 0; c < clauses.length; c++) {
    const clause = clauses[c]!;
    let found = false;
    for (let k = 0; k < clause.length; k++) {
      if (holds(index, clause[k]!)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/**
 * For phrase rule `rule`, which entries of its `needs` (one per pattern) hold in the text last
 * read by {@link findLiterals}: `met[a]` is 1 or 0. Returns how many hold.
 */
export function entriesMet(index: LiteralIndex, rule: number, met: Uint8Array): number {
  const code = index.codes[rule]!;
  const { visited, word, mask } = index;
  let n = 0;
  let a = 0;
  for (let i = 0; i < code.length; a++) {
    let clauses = code[i++]!;
    let ok = true;
    // every clause needs one of its literals; after a clause without, the entry's rest is skipped
    for (; clauses > 0; clauses--) {
      const count = code[i++]!;
      const end = i + count;
      if (ok) {
        let found = false;
        for (; i < end; i++) {
          const k = code[i]!;
          const w = word[k]!;
          if (w >= 0 ? (visited[w]! & mask[k]!) !== 0 : holds(index, k)) {
            found = true;
            break;
          }
        }
        ok = found;
      }
      i = end;
    }
    met[a] = ok ? 1 : 0;
    if (ok) n++;
  }
  return n;
}
