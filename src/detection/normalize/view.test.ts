import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldByCodePoint, foldCodePoint } from './fold';
import { applyEdits, identityView, toOriginal, viewIndexOf, type Edit, type TextView } from './view';

/**
 * Views keep their offsets as a few segments. The obvious way keeps two numbers per unit — the
 * original start and end of each unit of the view — and composes views by reading them unit by
 * unit; every view must map exactly as that.
 */
interface ArrayView {
  text: string;
  starts: number[];
  ends: number[];
  originalLength: number;
}

const arraysOfIdentity = (text: string): ArrayView => ({
  text,
  starts: Array.from({ length: text.length }, (_, i) => i),
  ends: Array.from({ length: text.length }, (_, i) => i + 1),
  originalLength: text.length,
});

/** The fold, code point by code point, with per-unit offsets. */
function foldArrays(text: string): ArrayView {
  const n = text.length;
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    const cp = c < 128 ? c : text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f = c < 128 ? text[i]!.toLowerCase() : foldCodePoint(cp);
    for (let k = 0; k < f.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    out += f;
    i += width;
  }
  return { text: out, starts, ends, originalLength: n };
}

/** Applies edits (sorted, not overlapping) to an array view, reading the source offsets unit by unit. */
function editArrays(source: ArrayView, edits: readonly Edit[]): ArrayView {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const keep = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      text += source.text[i];
      starts.push(source.starts[i]!);
      ends.push(source.ends[i]!);
    }
  };
  const n = source.text.length;
  let pos = 0;
  for (const e of edits) {
    keep(pos, e.from);
    if (e.text.length > 0) {
      let start: number;
      let end: number;
      if (e.to > e.from) {
        start = source.starts[e.from]!;
        end = source.ends[e.to - 1]!;
      } else {
        // an insertion: the point where the source unit it stands before starts
        start = e.from < n ? source.starts[e.from]! : source.originalLength;
        end = start;
      }
      for (let k = 0; k < e.text.length; k++) {
        starts.push(start);
        ends.push(end);
      }
      text += e.text;
    }
    pos = e.to;
  }
  keep(pos, n);
  return { text, starts, ends, originalLength: source.originalLength };
}


/** The arrays' answer to toOriginal: the same clamping, read from the per-unit offsets. */
function arraysToOriginal(v: ArrayView, a: number, b: number): { start: number; end: number } {
  const n = v.text.length;
  if (n === 0) return { start: 0, end: 0 };
  const aa = Math.min(Math.max(a, 0), n - 1);
  const bb = Math.min(Math.max(b, aa + 1), n);
  return { start: v.starts[aa]!, end: v.ends[bb - 1]! };
}

function sameMaps(v: TextView, ref: ArrayView): void {
  expect(v.text).toBe(ref.text);
  expect(v.originalLength).toBe(ref.originalLength);
  if (v.map !== null) expect(v.map.length).toBe(v.text.length);
  const n = v.text.length;
  for (let i = 0; i < n; i++) expect(toOriginal(v, i, i + 1)).toEqual({ start: ref.starts[i], end: ref.ends[i] });
  // spans, and offsets out of range, clamp as the arrays do
  for (let a = -1; a <= n + 1; a += 1 + (n >> 3)) for (let b = a; b <= n + 2; b += 1 + (n >> 2)) if (v.map !== null) expect(toOriginal(v, a, b)).toEqual(arraysToOriginal(ref, a, b));
  // from an original offset back to the view: the first unit that starts at or after it
  for (let o = 0; o <= ref.originalLength + 1; o++) {
    let first = 0;
    while (first < n && ref.starts[first]! < o) first++;
    if (v.map !== null) expect(viewIndexOf(v, o)).toBe(first);
  }
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.constantFrom('a', 'B', ' ', '7', 'é', 'ß', 'Ǆ', 'İ', '😀', '５', '\u200b', 'ﬁ', 'п', '\u0301'), { maxLength: 30 }).map((a) => a.join('')),
);

/** Sorted, non-overlapping edits of a text of length n: replacements, deletions and insertions. */
const editsFor = (n: number): fc.Arbitrary<Edit[]> =>
  fc.array(fc.tuple(fc.nat(n), fc.nat(4), fc.constantFrom('', '@', '.', '12', 'xyz')), { maxLength: 6 }).map((raw) => {
    const out: Edit[] = [];
    let pos = 0;
    for (const [at, width, t] of [...raw].sort((x, y) => x[0] - y[0])) {
      const from = Math.max(at, pos);
      if (from > n) break;
      const to = Math.min(n, from + width);
      out.push({ from, to, text: t });
      pos = to;
    }
    return out;
  });

describe('view offsets kept as segments', () => {
  it('fold maps each unit as folding code point by code point does', () => {
    fc.assert(
      fc.property(text, (s) => {
        const ref = foldArrays(s);
        sameMaps(fold(s), ref);
        sameMaps(foldByCodePoint(s), ref);
      }),
      { numRuns: 1000 },
    );
  });
  it('a view built on a view maps each unit as composing per-unit offsets does', () => {
    fc.assert(
      fc.property(
        text.chain((s) => fc.tuple(fc.constant(s), editsFor(foldArrays(s).text.length))),
        fc.integer({ min: 0, max: 1 << 30 }),
        ([s, edits], seed) => {
          const v1 = applyEdits(fold(s), edits);
          const r1 = editArrays(foldArrays(s), edits);
          sameMaps(v1, r1);
          // and once more on top: the composition of two builders
          const second = fc.sample(editsFor(v1.text.length), { numRuns: 1, seed })[0]!;
          sameMaps(applyEdits(v1, second), editArrays(r1, second));
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('a view built on the identity maps as the per-unit offsets do', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).chain((s) => fc.tuple(fc.constant(s), editsFor(s.length))),
        ([s, edits]) => {
          sameMaps(applyEdits(identityView(s), edits), editArrays(arraysOfIdentity(s), edits));
        },
      ),
      { numRuns: 500 },
    );
  });
});
