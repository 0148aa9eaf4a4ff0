/**
 * Holes in a rule set that compile cannot refuse but an author would want to know of: the
 * prefilter wakes a phrase rule only where one of its trigger words occurs as a word (a run of
 * letters a–z of the folded text), and the rule's patterns run only in windows around those words.
 * So a trigger that is not such a word ("e-mail", "06") never wakes anything, and a pattern that
 * can match text holding none of the rule's triggers ("good price if you pay directly" when "good"
 * is not one) is found only when some other trigger word happens to stand near it.
 *
 * The second is read from example matches of each pattern (witnesses): one built by taking, at
 * every alternative, the branch with the fewest trigger words, and a few built by seeded random
 * choices. Each witness is checked against the pattern's own regex before it counts. Pure and
 * deterministic; the 484 patterns of the checked-in rule set take about a tenth of a second.
 */
import type { CompiledRuleSet, RuleSetError } from './compile';

/** Random witnesses per pattern, besides the one that avoids the triggers. */
const RANDOM_WITNESSES = 24;
/** Repetitions a random witness takes beyond a quantifier's minimum, at most. */
const EXTRA_REPEATS = 2;

type Node =
  | { t: 'lit'; s: string }
  | { t: 'class'; c: string }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; options: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'empty' };

/** Characters a class stands for in a witness, most neutral first: a blank keeps words apart. */
const PREFERRED = " x5-'qz.,:/+€$£abcdefghijklmnopqrstuvwy0123456789";

const classChars = new Map<string, string | undefined>();

/** A character of the class `[body]` (the brackets' content), or undefined when none of PREFERRED is. */
function classChar(body: string): string | undefined {
  if (classChars.has(body)) return classChars.get(body);
  const re = new RegExp(`[${body}]`);
  let found: string | undefined;
  for (const c of PREFERRED) {
    if (re.test(c)) {
      found = c;
      break;
    }
  }
  classChars.set(body, found);
  return found;
}

const ESCAPES: Readonly<Record<string, string>> = { d: '5', s: ' ', w: 'x', W: ' ', D: ' ', S: 'x', n: '\n', t: '\t', r: '\r', b: '', B: '' };

class Unreadable extends Error {}

/** A parser for the regex syntax the rule sets use (groups, alternatives, classes, quantifiers, escapes). */
class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const n = this.alternatives();
    if (this.i !== this.src.length) throw new Unreadable(`unexpected ${this.src[this.i]}`);
    return n;
  }

  private alternatives(): Node {
    const options: Node[] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { t: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  private atom(): Node {
    const c = this.src[this.i]!;
    if (c === '(') {
      this.i++;
      if (this.src.startsWith('?:', this.i)) this.i += 2;
      // a look-around constrains a match without adding to it: a witness leaves it out (and is checked against the regex afterwards)
      else if (/^\?<?[=!]/.test(this.src.slice(this.i, this.i + 3))) {
        this.i += this.src[this.i + 1] === '<' ? 3 : 2;
        this.alternatives();
        this.expect(')');
        return { t: 'empty' };
      } else if (this.src[this.i] === '?') throw new Unreadable('named or other groups');
      const inner = this.alternatives();
      this.expect(')');
      return inner;
    }
    if (c === '[') {
      const end = this.classEnd();
      const body = this.src.slice(this.i + 1, end);
      this.i = end + 1;
      const ch = classChar(body);
      if (ch === undefined) throw new Unreadable(`class [${body}]`);
      return { t: 'class', c: ch };
    }
    if (c === '\\') {
      const e = this.src[this.i + 1]!;
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.src.slice(this.i + 2, this.i + 6))) {
        this.i += 6;
        return { t: 'lit', s: String.fromCharCode(parseInt(this.src.slice(this.i - 4, this.i), 16)) };
      }
      this.i += 2;
      const mapped = ESCAPES[e];
      return mapped !== undefined ? { t: 'lit', s: mapped } : /[0-9]/.test(e) ? raise(`back reference \\${e}`) : { t: 'lit', s: e };
    }
    this.i++;
    if (c === '.') return { t: 'class', c: ' ' };
    if (c === '^' || c === '$') return { t: 'empty' };
    return { t: 'lit', s: c };
  }

  private quantified(atom: Node): Node {
    const c = this.src[this.i];
    let min = 1;
    let max = 1;
    if (c === '?' || c === '*' || c === '+') {
      this.i++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Number.POSITIVE_INFINITY;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (m === null) return atom;
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
    } else return atom;
    if (this.src[this.i] === '?') this.i++; // lazy: the same strings
    return { t: 'rep', node: atom, min, max };
  }

  private classEnd(): number {
    let j = this.i + 1;
    if (this.src[j] === '^') j++;
    if (this.src[j] === ']') j++;
    for (; j < this.src.length; j++) {
      if (this.src[j] === '\\') j++;
      else if (this.src[j] === ']') return j;
    }
    throw new Unreadable('unclosed class');
  }

  private expect(ch: string): void {
    if (this.src[this.i] !== ch) throw new Unreadable(`expected ${ch}`);
    this.i++;
  }
}

function raise(what: string): never {
  throw new Unreadable(what);
}

/** The trigger words of a rule as the prefilter reads them: whole words, and word prefixes (`word*`). */
interface Triggers {
  words: ReadonlySet<string>;
  prefixes: readonly string[];
}

/** The words of a witness as the prefilter reads them (runs of a–z after lower-casing). */
function words(s: string): string[] {
  return s.toLowerCase().split(/[^a-z]+/).filter((w) => w !== '');
}

function triggerCount(s: string, tr: Triggers): number {
  let n = 0;
  for (const w of words(s)) if (tr.words.has(w) || tr.prefixes.some((p) => w.startsWith(p))) n++;
  return n;
}

/**
 * A string the tree matches: `pick` renders an alternative (it may render several of its options
 * to choose), `reps` says how often a quantified part repeats.
 */
function render(n: Node, pick: (options: readonly Node[]) => string, reps: (min: number, max: number) => number): string {
  switch (n.t) {
    case 'lit':
      return n.s;
    case 'class':
      return n.c;
    case 'empty':
      return '';
    case 'seq':
      return n.items.map((x) => render(x, pick, reps)).join('');
    case 'rep': {
      let s = '';
      for (let k = reps(n.min, n.max); k > 0; k--) s += render(n.node, pick, reps);
      return s;
    }
    case 'alt':
      return pick(n.options);
  }
}

/** The witness that takes, at each alternative, the branch holding the fewest trigger words (the shorter on a tie), and quantifiers at their minimum. */
function avoiding(tree: Node, tr: Triggers): string {
  const atMinimum = (min: number): number => min;
  const fewest = (options: readonly Node[]): string => {
    let best = '';
    let bestScore = Number.POSITIVE_INFINITY;
    for (const o of options) {
      const w = render(o, fewest, atMinimum);
      const score = triggerCount(w, tr) * 1000 + w.length;
      if (score < bestScore) {
        best = w;
        bestScore = score;
      }
    }
    return best;
  };
  return render(tree, fewest, atMinimum);
}

/** A small seeded generator (mulberry32): the same rule set gives the same witnesses. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A witness of random choices: any branch, and up to {@link EXTRA_REPEATS} repetitions beyond a quantifier's minimum. */
function random(tree: Node, next: () => number): string {
  const reps = (min: number, max: number): number => min + Math.floor(next() * (Math.min(max, min + EXTRA_REPEATS) - min + 1));
  const any = (options: readonly Node[]): string => render(options[Math.floor(next() * options.length)]!, any, reps);
  return render(tree, any, reps);
}

/**
 * A match of `pattern` (a rule's regex source, as compiled) that holds none of the trigger words,
 * or undefined when no witness found one. Throws {@link Unreadable} for syntax it does not follow.
 */
export function uncoveredWitness(pattern: string, triggers: Triggers, seed = 1): string | undefined {
  const tree = new Parser(pattern).parse();
  const whole = new RegExp(`^(?:${pattern})$`);
  const next = rng(seed);
  const candidates = [avoiding(tree, triggers)];
  for (let k = 0; k < RANDOM_WITNESSES; k++) candidates.push(random(tree, next));
  let found: string | undefined;
  for (const w of candidates) {
    if (triggerCount(w, triggers) > 0 || !whole.test(w)) continue;
    if (found === undefined || w.length < found.length) found = w;
  }
  return found;
}

/** The prefilter reads a trigger only as one word of letters a–z (or such a word's start, `word*`). */
const READABLE_TRIGGER = /^[a-z]+\*?$/;

/** The source of a compiled pattern without the word-boundary guards compile puts around it. */
function inner(source: string): string {
  const head = '(?<![a-z0-9])(?:';
  const tail = ')(?![a-z0-9])';
  return source.startsWith(head) && source.endsWith(tail) ? source.slice(head.length, -tail.length) : source;
}

/**
 * Warnings for a compiled rule set: triggers the prefilter never reads, and patterns that can
 * match where none of their rule's triggers is (with an example). Empty for a sound rule set.
 *
 * @example
 *   ruleSetWarnings(rs)
 *   // → [{ path: '/rules/17/patterns/0', message: 'can match with none of the rule\'s trigger words, e.g. "good price if direct": …' }]
 */
export function ruleSetWarnings(rs: CompiledRuleSet): RuleSetError[] {
  const byRule = rs.phrases.map((): { all: string[]; words: Set<string>; prefixes: string[] } => ({ all: [], words: new Set(), prefixes: [] }));
  for (const [w, rules] of rs.triggers) for (const r of rules) byRule[r]!.all.push(w);
  for (const [p, rules] of rs.triggerPrefixes) for (const r of rules) byRule[r]!.all.push(`${p}*`);
  const out: RuleSetError[] = [];
  rs.phrases.forEach((rule, i) => {
    const tr = byRule[i]!;
    for (const t of tr.all) {
      if (!READABLE_TRIGGER.test(t)) {
        const parts = words(t.replace(/\*$/, ''));
        out.push({
          path: `/rules/${i}/triggers`,
          message: `trigger ${JSON.stringify(t)} is never read: the prefilter reads words of letters a–z (after folding)${parts.length > 0 ? `, and sees ${parts.map((p) => JSON.stringify(p)).join(' and ')} here` : ''}`,
        });
      } else if (t.endsWith('*')) tr.prefixes.push(t.slice(0, -1));
      else tr.words.add(t);
    }
    rule.patterns.forEach((re, j) => {
      let witness: string | undefined;
      try {
        witness = uncoveredWitness(inner(re.source), tr, i * 1000 + j + 1);
      } catch (e) {
        if (!(e instanceof Unreadable)) throw e;
        return; // syntax the witnesses do not follow: nothing is claimed
      }
      if (witness !== undefined) {
        out.push({
          path: `/rules/${i}/patterns/${j}`,
          message: `can match with none of the rule's trigger words, e.g. ${JSON.stringify(witness)}: such a match is found only near another trigger word (rule ${rule.id})`,
        });
      }
    });
  });
  return out;
}

/** A rule set's size and its warnings: what `assay rules check` and `GET /v1/rule-sets/:version/check` report. */
export interface RuleSetCheck {
  readonly version: string;
  readonly phraseRules: number;
  readonly patterns: number;
  readonly triggerWords: number;
  readonly warnings: readonly RuleSetError[];
}

export function checkRuleSet(rs: CompiledRuleSet): RuleSetCheck {
  return {
    version: rs.version,
    phraseRules: rs.phrases.length,
    patterns: rs.phrases.reduce((n, r) => n + r.patterns.length, 0),
    triggerWords: rs.triggers.size + rs.triggerPrefixes.size,
    warnings: ruleSetWarnings(rs),
  };
}
