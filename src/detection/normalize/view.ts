/**
 * A normalized text plus, for each of its UTF-16 units, the span of the original text it came
 * from. `starts === null` means the view is the original text position for position (the fast
 * path for plain ASCII messages, where no map is allocated).
 */
export interface TextView {
  readonly text: string;
  readonly starts: Int32Array | null;
  readonly ends: Int32Array | null;
  /** Length of the original text. */
  readonly originalLength: number;
}

export function identityView(text: string, originalLength = text.length): TextView {
  return { text, starts: null, ends: null, originalLength };
}

/** Maps the view span [a, b) back to an original span; `b > a` is expected. */
export function toOriginal(view: TextView, a: number, b: number): { start: number; end: number } {
  if (view.starts === null || view.ends === null) return { start: a, end: b };
  const n = view.text.length;
  if (n === 0) return { start: 0, end: 0 };
  const aa = Math.min(Math.max(a, 0), n - 1);
  const bb = Math.min(Math.max(b, aa + 1), n);
  return { start: view.starts[aa]!, end: view.ends[bb - 1]! };
}

/** 0, 1, 2, … (at least `n` of them), shared and grown on demand. */
let COUNTING = new Int32Array(0);

function counting(n: number): Int32Array {
  if (COUNTING.length < n) {
    let size = Math.max(1024, COUNTING.length);
    while (size < n) size *= 2;
    COUNTING = new Int32Array(size);
    for (let i = 0; i < size; i++) COUNTING[i] = i;
  }
  return COUNTING;
}

/**
 * Builds a new view from a source view. Each pushed string is mapped to a source span, and the
 * map is composed through the source, so the result always points into the original text.
 */
export class ViewBuilder {
  private readonly parts: string[] = [];
  private starts: Int32Array;
  private ends: Int32Array;
  private len = 0;
  constructor(private readonly source: TextView) {
    const cap = source.text.length + 16;
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
  }

  private reserve(extra: number): void {
    if (this.len + extra <= this.starts.length) return;
    const cap = Math.max(this.starts.length * 2, this.len + extra);
    const s = new Int32Array(cap);
    const e = new Int32Array(cap);
    s.set(this.starts.subarray(0, this.len));
    e.set(this.ends.subarray(0, this.len));
    this.starts = s;
    this.ends = e;
  }

  /** Copies source units [from, to) unchanged. */
  keep(from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(this.source.text.slice(from, to));
    this.reserve(to - from);
    const s = this.source.starts;
    const e = this.source.ends;
    let k = this.len;
    if ((s === null || e === null) && to - from < 256) {
      for (let i = from; i < to; i++, k++) {
        this.starts[k] = i;
        this.ends[k] = i + 1;
      }
    } else if (s === null || e === null) {
      // a long stretch: position i maps to [i, i + 1), copied from a table of 0, 1, 2, …
      const seq = counting(to + 1);
      this.starts.set(seq.subarray(from, to), k);
      this.ends.set(seq.subarray(from + 1, to + 1), k);
      k += to - from;
    } else {
      this.starts.set(s.subarray(from, to), k);
      this.ends.set(e.subarray(from, to), k);
      k += to - from;
    }
    this.len = k;
  }

  /** Emits `str` in place of source units [from, to); every unit of `str` maps to that span. */
  replace(str: string, from: number, to: number): void {
    if (str.length === 0) return;
    const span = toOriginal(this.source, from, Math.max(to, from + 1));
    const start = to > from ? span.start : this.originalPointAt(from);
    const end = to > from ? span.end : start;
    this.parts.push(str);
    this.reserve(str.length);
    this.starts.fill(start, this.len, this.len + str.length);
    this.ends.fill(end, this.len, this.len + str.length);
    this.len += str.length;
  }

  private originalPointAt(i: number): number {
    const s = this.source.starts;
    if (s === null) return i;
    if (i < s.length) return s[i]!;
    return this.source.originalLength;
  }

  finish(): TextView {
    return {
      text: this.parts.join(''),
      starts: this.starts.subarray(0, this.len),
      ends: this.ends.subarray(0, this.len),
      originalLength: this.source.originalLength,
    };
  }
}
