/**
 * What a match of a regular expression must contain, read from its source (ES syntax, no flags):
 * for each top-level alternative, clauses of literal strings — a match of that alternative holds
 * at least one string of every clause. A phrase rule's regex is then run only on text that could
 * satisfy one alternative; most text triggered by a common word ("best", "site", "find") cannot,
 * and costs a few `includes` instead of a regex scan. Conservative: whatever the reader does not
 * follow requires nothing.
 */

/** Clauses that all hold: each clause is strings one of which a match contains. */
type Clauses = readonly (readonly string[])[];

interface Read {
  clauses: Clauses;
  /** The node matches exactly this non-empty literal, or null. */
  lit: string | null;
}

const NOTHING: Read = { clauses: [], lit: null };

/** The clause that narrows most: its shortest string longest, then fewer strings. */
function strongest(clauses: Clauses): readonly string[] | null {
  let best: readonly string[] | null = null;
  for (const c of clauses) if (best === null || narrower(c, best)) best = c;
  return best;
}

function narrower(a: readonly string[], b: readonly string[]): boolean {
  const ma = Math.min(...a.map((s) => s.length));
  const mb = Math.min(...b.map((s) => s.length));
  return ma !== mb ? ma > mb : a.length < b.length;
}

class Unsupported extends Error {}

class Reader {
  i = 0;
  constructor(private readonly src: string) {}

  /** The alternatives of a disjunction, each as what it requires. */
  alternatives(): Read[] {
    const alts: Read[] = [];
    for (;;) {
      alts.push(this.sequence());
      if (this.src[this.i] !== '|') return alts;
      this.i++;
    }
  }

  /** A disjunction inside a group: one clause, a string of each alternative. */
  alternation(): Read {
    const alts = this.alternatives();
    if (alts.length === 1) return alts[0]!;
    const words: string[] = [];
    for (const a of alts) {
      const c = a.lit !== null ? [a.lit] : strongest(a.clauses);
      if (c === null) return NOTHING;
      for (const w of c) if (!words.includes(w)) words.push(w);
    }
    return { clauses: [words], lit: null };
  }

  private sequence(): Read {
    const clauses: (readonly string[])[] = [];
    let run = '';
    let only = true; // the whole sequence is one literal run so far
    const flush = (): void => {
      if (run !== '') clauses.push([run]);
      run = '';
    };
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const t = this.term();
      const q = this.quantifier();
      const min = q?.min ?? 1;
      const max = q?.max ?? 1;
      if (t.lit !== null && min >= 1) {
        // the first copy follows the run; more copies (or fewer, when optional) end it
        run += t.lit;
        if (max !== 1) {
          flush();
          only = false;
        }
        continue;
      }
      flush();
      only = false;
      if (min >= 1) clauses.push(...t.clauses);
    }
    const lit = only && run !== '' ? run : null;
    flush();
    return { clauses, lit };
  }

  private quantifier(): { min: number; max: number } | undefined {
    const c = this.src[this.i];
    let q: { min: number; max: number };
    if (c === '?') q = { min: 0, max: 1 };
    else if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i));
      if (m === null) throw new Unsupported('brace');
      const min = Number(m[1]);
      q = { min, max: m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]) };
      this.i += m[0].length - 1;
    } else return undefined;
    this.i++;
    if (this.src[this.i] === '?') this.i++;
    return q;
  }

  private term(): Read {
    const src = this.src;
    const c = src[this.i]!;
    if (c === '(') {
      this.i++;
      let look = false;
      if (src.startsWith('?:', this.i)) this.i += 2;
      else if (src.startsWith('?=', this.i) || src.startsWith('?!', this.i)) {
        this.i += 2;
        look = true;
      } else if (src.startsWith('?<=', this.i) || src.startsWith('?<!', this.i)) {
        this.i += 3;
        look = true;
      } else if (src.startsWith('?<', this.i)) {
        const end = src.indexOf('>', this.i);
        if (end < 0) throw new Unsupported('group name');
        this.i = end + 1;
      } else if (src[this.i] === '?') throw new Unsupported('group');
      const inner = this.alternation();
      if (src[this.i] !== ')') throw new Unsupported('unclosed group');
      this.i++;
      // a lookaround consumes nothing and requires nothing of the match itself
      return look ? NOTHING : inner;
    }
    if (c === '[') {
      this.skipClass();
      return NOTHING;
    }
    if (c === '\\') {
      const e = src[this.i + 1];
      if (e === undefined) throw new Unsupported('escape');
      this.i += 2;
      // an escaped punctuation character is itself; letters and digits are classes, boundaries, references…
      if (/[A-Za-z0-9]/.test(e)) {
        if (e === 'x' || e === 'u' || e === 'c' || e === 'p' || e === 'P' || e === 'k') throw new Unsupported('escape');
        return NOTHING;
      }
      return { clauses: [], lit: e };
    }
    // a lone ']' or '}' is itself (Annex B); a stray quantifier is not a pattern this reads
    if (c === '*' || c === '+' || c === '?' || c === '{') throw new Unsupported('stray');
    this.i++;
    if (c === '.' || c === '^' || c === '$') return NOTHING;
    // a surrogate pair is one character
    if (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdbff && this.i < src.length) {
      this.i++;
      return { clauses: [], lit: src.slice(this.i - 2, this.i) };
    }
    return { clauses: [], lit: c };
  }

  private skipClass(): void {
    let j = this.i + 1;
    if (this.src[j] === '^') j++;
    // "[]" and "[^]" are classes of their own in JavaScript: not followed here
    if (this.src[j] === ']') throw new Unsupported('empty class');
    for (; j < this.src.length; j++) {
      if (this.src[j] === '\\') j++;
      else if (this.src[j] === ']') {
        this.i = j + 1;
        return;
      }
    }
    throw new Unsupported('unclosed class');
  }
}

/**
 * What every match of `source` (compiled with at most the `g` or `y` flag) contains: one entry per
 * top-level alternative, each a list of clauses, the most selective first (last, those a `likely`
 * word of the text holds); a match satisfies every clause of at least one entry. Undefined when an
 * alternative requires nothing known.
 */
export function requiredLiterals(source: string, likely: readonly string[] = []): readonly Clauses[] | undefined {
  const isLikely = (c: readonly string[]): boolean => c.some((w) => likely.some((l) => l.includes(w)));
  try {
    const r = new Reader(source);
    const alts = r.alternatives();
    if (r.i !== source.length) return undefined;
    const out: Clauses[] = [];
    for (const a of alts) {
      const clauses = a.lit !== null ? [[a.lit]] : a.clauses.filter((c) => c.length > 0 && c.every((w) => w.length > 0));
      if (clauses.length === 0) return undefined;
      out.push([...clauses].sort((x, y) => Number(isLikely(x)) - Number(isLikely(y)) || (narrower(x, y) ? -1 : narrower(y, x) ? 1 : 0)));
    }
    return out;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** Whether `text` can hold a match: some entry of `needs` has a string of each of its clauses in it. */
export function mayContainMatch(needs: readonly Clauses[], text: string): boolean {
  outer: for (const clauses of needs) {
    for (const clause of clauses) {
      let found = false;
      for (const w of clause) {
        if (text.includes(w)) {
          found = true;
          break;
        }
      }
      if (!found) continue outer;
    }
    return true;
  }
  return false;
}
