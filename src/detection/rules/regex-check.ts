/**
 * Proves, for the subset of regular expressions a rule set may use, that matching runs in time
 * linear in the text: no backreferences, no lookarounds, every quantifier bounded, no quantifier
 * inside a repeated group (an optional group is fine), and a bounded match length. With those, each start position costs at
 * most a constant (depending on the pattern only), so a global scan is O(text length) even on a
 * backtracking engine.
 */

export interface RegexProblem {
  readonly at: number;
  readonly reason: string;
}

export interface RegexLimits {
  /** Largest upper bound of one quantifier. */
  readonly maxRepeat: number;
  /** Largest total match length. */
  readonly maxLength: number;
}

export const DEFAULT_REGEX_LIMITS: RegexLimits = { maxRepeat: 64, maxLength: 400 };

interface Node {
  /** Longest text this node can match. */
  maxLen: number;
  /** Contains a quantifier. */
  quantified: boolean;
}

export function checkLinearRegex(source: string, limits: RegexLimits = DEFAULT_REGEX_LIMITS): RegexProblem[] {
  const problems: RegexProblem[] = [];
  let i = 0;

  const fail = (reason: string, at = i): void => {
    problems.push({ at, reason });
  };

  function parseAlternation(depth: number): Node {
    let maxLen = 0;
    let quantified = false;
    for (;;) {
      const seq = parseSequence(depth);
      maxLen = Math.max(maxLen, seq.maxLen);
      quantified ||= seq.quantified;
      if (source[i] === '|') {
        i++;
        continue;
      }
      return { maxLen, quantified };
    }
  }

  function parseSequence(depth: number): Node {
    let maxLen = 0;
    let quantified = false;
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const start = i;
      const atom = parseAtom(depth);
      const q = parseQuantifier();
      if (q === null) {
        maxLen += atom.maxLen;
        quantified ||= atom.quantified;
        continue;
      }
      if (q.max === Infinity) fail('unbounded quantifier; write {m,n} with n ≤ ' + limits.maxRepeat, start);
      else if (q.max > limits.maxRepeat) fail(`quantifier bound ${q.max} exceeds ${limits.maxRepeat}`, start);
      // an optional group ({0,1}) at most doubles the work; repeating a repetition is what explodes
      if (atom.quantified && q.max > 1) fail('nested quantifier (a repeated group containing a quantifier)', start);
      maxLen += atom.maxLen * (Number.isFinite(q.max) ? q.max : limits.maxRepeat);
      quantified = true;
    }
    return { maxLen, quantified };
  }

  function parseQuantifier(): { min: number; max: number } | null {
    const c = source[i];
    let q: { min: number; max: number } | null = null;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (m === null) return null;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      i += m[0].length;
      if (source[i] === '?') i++;
      return { min, max };
    } else return null;
    i++;
    if (source[i] === '?') i++;
    return q;
  }

  function parseAtom(depth: number): Node {
    const c = source[i]!;
    if (c === '(') {
      const open = i;
      i++;
      if (source[i] === '?') {
        const next = source[i + 1];
        if (next === ':') i += 2;
        else if (next === '<' && source[i + 2] !== '=' && source[i + 2] !== '!') {
          const close = source.indexOf('>', i);
          if (close < 0) fail('unterminated group name');
          i = close < 0 ? source.length : close + 1;
        } else {
          fail('lookaround or unsupported group; rules may use (…), (?:…) and (?<name>…) only', open);
          i += 2;
        }
      }
      const inner = parseAlternation(depth + 1);
      if (source[i] !== ')') fail('unbalanced parenthesis', open);
      else i++;
      return inner;
    }
    if (c === '[') {
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') {
        if (source[i] === '\\') i++;
        i++;
      }
      if (i >= source.length) fail('unterminated character class');
      i++;
      return { maxLen: 1, quantified: false };
    }
    if (c === '\\') {
      const e = source[i + 1];
      if (e === undefined) {
        fail('trailing backslash');
        i++;
        return { maxLen: 0, quantified: false };
      }
      if (/[1-9]/.test(e) || e === 'k') fail('backreference', i);
      i += 2;
      if (e === 'b' || e === 'B') return { maxLen: 0, quantified: false };
      if (e === 'u' || e === 'x') {
        if (source[i] === '{') i = source.indexOf('}', i) + 1 || source.length;
        else i += e === 'u' ? 4 : 2;
      }
      return { maxLen: 1, quantified: false };
    }
    if (c === ')') {
      fail('unbalanced parenthesis');
      i++;
      return { maxLen: 0, quantified: false };
    }
    if (c === '*' || c === '+' || c === '?') {
      fail('quantifier without a target');
      i++;
      return { maxLen: 0, quantified: false };
    }
    i++;
    if (c === '^' || c === '$') return { maxLen: 0, quantified: false };
    return { maxLen: 1, quantified: false };
  }

  const root = parseAlternation(0);
  while (i < source.length) {
    fail('unbalanced parenthesis');
    i++;
    parseAlternation(0);
  }
  if (root.maxLen > limits.maxLength) fail(`a match can be ${root.maxLen} characters long, more than ${limits.maxLength}`, 0);
  if (problems.length === 0) {
    try {
      new RegExp(source);
    } catch (e) {
      fail(`not a valid regular expression: ${(e as Error).message}`, 0);
    }
  }
  return problems;
}
