import { describe, expect, it } from 'vitest';
import { evaluate, type LabelledCase } from './eval';
import { mapSourceCase } from './eval-sources';
import type { ScanResult } from './types';

const hit = (kind: 'phone' | 'url', start: number, end: number) => ({ kind, start, end, value: 'x', normalized: 'x', rule: 'r', clause: 'c', score: 1 });

describe('evaluation', () => {
  it('counts true positives by overlapping span, and false positives only for kinds in scope', () => {
    const cases: LabelledCase[] = [
      { id: 'a', lang: 'en', text: '', expect: [{ kind: 'phone', start: 0, end: 5 }], scope: ['phone'] },
      { id: 'b', lang: 'en', text: '', expect: [], scope: ['phone'] },
      { id: 'c', lang: 'fr', text: '', expect: [{ kind: 'phone', start: 0, end: 3 }], scope: [] },
    ];
    const results: ScanResult[] = [
      { id: 'a', verdict: 'violation', score: 1, hits: [hit('phone', 2, 4), hit('url', 6, 8)] },
      { id: 'b', verdict: 'review', score: 0.5, hits: [hit('phone', 0, 2)] },
      { id: 'c', verdict: 'clear', score: 0, hits: [] },
    ];
    const r = evaluate(cases, results);
    expect(r.cells.get('phone|en')).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(r.cells.get('phone|fr')).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(r.byKind.get('url')).toBeUndefined();
    expect(r.overall.precision).toBe(0.5);
  });
  it('maps other projects\' kind names and keeps only Assay kinds', () => {
    const c = mapSourceCase({ id: 'x', source: 'solvvy/redact-pii', text: 't', expect: [{ kind: 'credit_card', value: '4111' }, { kind: 'person_name', value: 'Anna' }], scope: ['credit_card', 'person_name'] });
    expect(c.expect).toEqual([{ kind: 'card', value: '4111' }]);
    expect(c.scope).toEqual(['card']);
  });
});
