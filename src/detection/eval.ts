import { HIT_KINDS, type HitKind, type ScanResult } from './types';

export interface ExpectedHit {
  readonly kind: string;
  readonly value?: string;
  readonly start?: number;
  readonly end?: number;
}

/** A labelled case in the corpus format of shared/corpora/README.md. */
export interface LabelledCase {
  readonly id: string;
  readonly lang?: string;
  readonly text: string;
  readonly expect: readonly ExpectedHit[];
  /** Kinds for which `expect` is exhaustive; extra findings of other kinds are not errors. */
  readonly scope: readonly string[];
  readonly source?: string;
  readonly meta?: Record<string, unknown>;
}

export interface EvalCell {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface EvalReport {
  /** `${kind}|${lang}` → counts. */
  readonly cells: ReadonlyMap<string, EvalCell>;
  readonly byKind: ReadonlyMap<HitKind, EvalCell>;
  readonly overall: EvalCell;
  /** Message level: a message is positive when it expects any hit, flagged when its verdict is not clear. */
  readonly messages: EvalCell;
  /** Cases with a false positive or a false negative, for inspection. */
  readonly errors: ReadonlyArray<{ id: string; missed: ExpectedHit[]; extra: Array<{ kind: string; value: string; rule: string }> }>;
}

const compact = (s: string): string => s.toLowerCase().replace(/[\s\-().]/g, '');

function matches(e: ExpectedHit, h: { kind: string; start: number; end: number; value: string }): boolean {
  if (e.kind !== h.kind) return false;
  if (e.start !== undefined && e.end !== undefined) return h.start < e.end && h.end > e.start;
  if (e.value !== undefined) {
    const a = compact(e.value);
    const b = compact(h.value);
    return a.length > 0 && (a.includes(b) || b.includes(a));
  }
  return true;
}

function cell(tp: number, fp: number, fn: number): EvalCell {
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

/**
 * Precision and recall per kind × language. A finding counts as a false positive only when its
 * kind is in the case's `scope`; expected hits of kinds Assay does not detect are ignored.
 */
export function evaluate(cases: readonly LabelledCase[], results: readonly ScanResult[]): EvalReport {
  const byId = new Map(results.map((r) => [r.id, r]));
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (kind: string, lang: string, key: 'tp' | 'fp' | 'fn'): void => {
    const k = `${kind}|${lang}`;
    const c = counts.get(k) ?? { tp: 0, fp: 0, fn: 0 };
    c[key]++;
    counts.set(k, c);
  };
  const msg = { tp: 0, fp: 0, fn: 0 };
  const errors: Array<{ id: string; missed: ExpectedHit[]; extra: Array<{ kind: string; value: string; rule: string }> }> = [];
  const known = new Set<string>(HIT_KINDS);
  for (const c of cases) {
    const r = byId.get(c.id);
    const lang = c.lang ?? 'und';
    const hits = r?.hits ?? [];
    const expected = c.expect.filter((e) => known.has(e.kind));
    const used = new Set<number>();
    const missed: ExpectedHit[] = [];
    for (const e of expected) {
      const idx = hits.findIndex((h, i) => !used.has(i) && matches(e, h));
      if (idx >= 0) {
        used.add(idx);
        bump(e.kind, lang, 'tp');
      } else {
        bump(e.kind, lang, 'fn');
        missed.push(e);
      }
    }
    const extra: Array<{ kind: string; value: string; rule: string }> = [];
    hits.forEach((h, i) => {
      if (used.has(i) || !c.scope.includes(h.kind)) return;
      // a second finding inside an expected span (e.g. two rules on one phrase) is not an error
      if (expected.some((e) => matches(e, h))) return;
      bump(h.kind, lang, 'fp');
      extra.push({ kind: h.kind, value: h.value, rule: h.rule });
    });
    if (missed.length > 0 || extra.length > 0) errors.push({ id: c.id, missed, extra });
    const positive = expected.length > 0;
    const flagged = r !== undefined && r.verdict !== 'clear';
    const scoped = c.scope.length > 0;
    if (positive && flagged) msg.tp++;
    else if (positive && !flagged) msg.fn++;
    else if (!positive && flagged && scoped && hits.some((h) => c.scope.includes(h.kind))) msg.fp++;
  }
  const cells = new Map<string, EvalCell>();
  const byKindRaw = new Map<HitKind, { tp: number; fp: number; fn: number }>();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, c] of [...counts.entries()].sort()) {
    cells.set(k, cell(c.tp, c.fp, c.fn));
    const kind = k.split('|')[0] as HitKind;
    const b = byKindRaw.get(kind) ?? { tp: 0, fp: 0, fn: 0 };
    b.tp += c.tp;
    b.fp += c.fp;
    b.fn += c.fn;
    byKindRaw.set(kind, b);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const byKind = new Map<HitKind, EvalCell>([...byKindRaw.entries()].map(([k, c]) => [k, cell(c.tp, c.fp, c.fn)]));
  return { cells, byKind, overall: cell(tp, fp, fn), messages: cell(msg.tp, msg.fp, msg.fn), errors };
}
