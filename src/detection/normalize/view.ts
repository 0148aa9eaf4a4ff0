/**
 * A normalized text plus, for each of its UTF-16 units, the span of the original text it came
 * from. `map === null` means the view is the original text position for position (the fast path
 * for plain ASCII messages).
 */
export interface TextView {
  readonly text: string;
  readonly map: OffsetMap | null;
  /** Length of the original text. */
  readonly originalLength: number;
}

export function identityView(text: string, originalLength = text.length): TextView {
  return { text, map: null, originalLength };
}

/** In a segment's third number: the segment maps unit by unit rather than to one span. */
const UNITS = -1;

/**
 * The offsets of a view as segments rather than two numbers per unit: a view differs from its
 * original in a few places (a number word, an accented letter that folds to two units), so a
 * megabyte-long view needs a handful of segments where per-unit arrays would need 8 MB, written
 * and collected on every message. Segment k covers view positions [at(k), at(k + 1)), the last one
 * up to the end of the view, and maps either each position at(k) + j to the original unit
 * [from + j, from + j + 1), or every position to the one original span [from, to).
 */
export class OffsetMap {
  /** Three numbers per segment: its first view position, then `from`, and `to` or {@link UNITS}. */
  private readonly segs: number[] = [];

  /** Number of view positions covered so far (the view's length once it is built). */
  private end = 0;

  get length(): number {
    return this.end;
  }

  /** Appends `len` positions that map unit by unit, the first to original unit `from`. */
  pushUnits(from: number, len: number): void {
    if (len <= 0) return;
    const s = this.segs;
    const k = s.length - 3;
    // the continuation of the previous unit-by-unit stretch extends it
    if (k < 0 || s[k + 2] !== UNITS || s[k + 1]! + (this.end - s[k]!) !== from) s.push(this.end, from, UNITS);
    this.end += len;
  }

  /** Appends `len` positions that all map to the original span [from, to). */
  pushSpan(from: number, to: number, len: number): void {
    if (len <= 0) return;
    const s = this.segs;
    const k = s.length - 3;
    if (k < 0 || s[k + 1] !== from || s[k + 2] !== to) s.push(this.end, from, to);
    this.end += len;
  }

  /** Index (into the segment numbers) of the segment holding view position `i` (0 ≤ i < length). */
  private segmentOf(i: number): number {
    const s = this.segs;
    let lo = 0;
    let hi = s.length / 3 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[3 * mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return 3 * lo;
  }

  /** Start in the original of the unit at view position `i`. */
  startAt(i: number): number {
    const k = this.segmentOf(i);
    const s = this.segs;
    return s[k + 2] === UNITS ? s[k + 1]! + (i - s[k]!) : s[k + 1]!;
  }

  /** End in the original of the unit at view position `i`. */
  endAt(i: number): number {
    const k = this.segmentOf(i);
    const s = this.segs;
    const to = s[k + 2]!;
    return to === UNITS ? s[k + 1]! + (i - s[k]!) + 1 : to;
  }

  /** The first view position whose original start is at or after `original` (`length` when none is); starts never decrease along a view. */
  firstAtOrAfter(original: number): number {
    const s = this.segs;
    const count = s.length / 3;
    // the first segment whose last start reaches `original`
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lastStart(3 * mid) < original) lo = mid + 1;
      else hi = mid;
    }
    if (lo === count) return this.end;
    const k = 3 * lo;
    return s[k + 2] === UNITS ? s[k]! + Math.max(0, original - s[k + 1]!) : s[k]!;
  }

  private lastStart(k: number): number {
    const s = this.segs;
    if (s[k + 2] !== UNITS) return s[k + 1]!;
    const next = k + 3 < s.length ? s[k + 3]! : this.end;
    return s[k + 1]! + (next - s[k]!) - 1;
  }

  /**
   * Appends the map of `source` view positions [from, to) (0 ≤ from < to ≤ source length): the
   * segments that cover them, cut to the range.
   */
  pushRange(source: OffsetMap, from: number, to: number): void {
    const s = source.segs;
    for (let k = source.segmentOf(from); k < s.length && s[k]! < to; k += 3) {
      const segStart = s[k]!;
      const segEnd = k + 3 < s.length ? s[k + 3]! : source.end;
      const lo = Math.max(from, segStart);
      const hi = Math.min(to, segEnd);
      if (s[k + 2] === UNITS) this.pushUnits(s[k + 1]! + (lo - segStart), hi - lo);
      else this.pushSpan(s[k + 1]!, s[k + 2]!, hi - lo);
    }
  }
}

/** Maps the view span [a, b) back to an original span; `b > a` is expected. */
export function toOriginal(view: TextView, a: number, b: number): { start: number; end: number } {
  const map = view.map;
  if (map === null) return { start: a, end: b };
  const n = view.text.length;
  if (n === 0) return { start: 0, end: 0 };
  const aa = Math.min(Math.max(a, 0), n - 1);
  const bb = Math.min(Math.max(b, aa + 1), n);
  return { start: map.startAt(aa), end: map.endAt(bb - 1) };
}

/** The first position of the view whose original start is at or after original offset `original`. */
export function viewIndexOf(view: TextView, original: number): number {
  return view.map === null ? original : view.map.firstAtOrAfter(original);
}

/**
 * Builds a new view from a source view. Each pushed string is mapped to a source span, and the
 * map is composed through the source, so the result always points into the original text.
 */
export class ViewBuilder {
  private readonly parts: string[] = [];
  private readonly map = new OffsetMap();
  constructor(private readonly source: TextView) {}

  /** Copies source units [from, to) unchanged. */
  keep(from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(this.source.text.slice(from, to));
    const m = this.source.map;
    if (m === null) this.map.pushUnits(from, to - from);
    else this.map.pushRange(m, from, to);
  }

  /** Emits `str` in place of source units [from, to); every unit of `str` maps to that span. */
  replace(str: string, from: number, to: number): void {
    if (str.length === 0) return;
    const span = toOriginal(this.source, from, Math.max(to, from + 1));
    const start = to > from ? span.start : this.originalPointAt(from);
    const end = to > from ? span.end : start;
    this.parts.push(str);
    this.map.pushSpan(start, end, str.length);
  }

  private originalPointAt(i: number): number {
    const m = this.source.map;
    if (m === null) return i;
    if (i < m.length) return m.startAt(i);
    return this.source.originalLength;
  }

  finish(): TextView {
    return { text: this.parts.join(''), map: this.map, originalLength: this.source.originalLength };
  }
}

/** A replacement of the source view's units [from, to) by `text`. */
export interface Edit {
  from: number;
  to: number;
  text: string;
}

/** The view of `source` with `edits` (sorted, not overlapping) applied, its offsets composed through the source. */
export function applyEdits(source: TextView, edits: readonly Edit[]): TextView {
  const b = new ViewBuilder(source);
  let pos = 0;
  for (const e of edits) {
    b.keep(pos, e.from);
    b.replace(e.text, e.from, e.to);
    pos = e.to;
  }
  b.keep(pos, source.text.length);
  return b.finish();
}
