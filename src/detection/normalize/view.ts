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

/**
 * Builds a new view from a source view. Each pushed string is mapped to a source span, and the
 * map is composed through the source, so the result always points into the original text.
 */
export class ViewBuilder {
  private readonly parts: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  constructor(private readonly source: TextView) {}

  /** Copies source units [from, to) unchanged. */
  keep(from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(this.source.text.slice(from, to));
    const s = this.source.starts;
    const e = this.source.ends;
    for (let i = from; i < to; i++) {
      this.starts.push(s === null ? i : s[i]!);
      this.ends.push(e === null ? i + 1 : e[i]!);
    }
  }

  /** Emits `str` in place of source units [from, to); every unit of `str` maps to that span. */
  replace(str: string, from: number, to: number): void {
    if (str.length === 0) return;
    const span = toOriginal(this.source, from, Math.max(to, from + 1));
    const start = to > from ? span.start : this.originalPointAt(from);
    const end = to > from ? span.end : start;
    this.parts.push(str);
    for (let i = 0; i < str.length; i++) {
      this.starts.push(start);
      this.ends.push(end);
    }
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
      starts: Int32Array.from(this.starts),
      ends: Int32Array.from(this.ends),
      originalLength: this.source.originalLength,
    };
  }
}
