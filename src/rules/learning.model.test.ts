import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilson } from './learning.model';
import { countFirings } from './learning.service';

describe('the Wilson interval of a precision', () => {
  it('has nothing to say without decisions', () => {
    expect(wilson(0, 0)).toBeUndefined();
  });

  it('matches the textbook figure: 10 of 20 gives about 0.299 … 0.701', () => {
    expect(wilson(10, 20)).toEqual({ low: 0.2993, high: 0.7007 });
  });

  it('always lies within 0..1, holds the observed precision, and narrows with more decisions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const k = Math.round(share * n);
        const i = wilson(k, n)!;
        expect(i.low).toBeGreaterThanOrEqual(0);
        expect(i.high).toBeLessThanOrEqual(1);
        expect(i.low).toBeLessThanOrEqual(k / n + 1e-4);
        expect(i.high).toBeGreaterThanOrEqual(k / n - 1e-4);
        const wider = wilson(k * 4, n * 4)!;
        expect(wider.high - wider.low).toBeLessThanOrEqual(i.high - i.low + 1e-4);
      }),
    );
  });
});

describe('counting firings', () => {
  const hit = (rule: string) => ({ kind: 'phone' as const, start: 0, end: 1, value: 'x', normalized: 'x', rule, clause: 'TP-2.1', score: 0.5 });

  it('counts hits, and each message once per rule, with shadow rules apart', () => {
    const counts = countFirings([{ hits: [hit('a'), hit('a'), hit('b')] }, { hits: [hit('a')], shadow_hits: [hit('a')] }, { hits: [] }]);
    expect(counts).toEqual(
      expect.arrayContaining([
        { ruleId: 'a', shadow: false, hits: 3, messages: 2 },
        { ruleId: 'b', shadow: false, hits: 1, messages: 1 },
        { ruleId: 'a', shadow: true, hits: 1, messages: 1 },
      ]),
    );
    expect(counts).toHaveLength(3);
  });

  it('adds up to the number of hits, whatever the batch', () => {
    const result = fc.record({ hits: fc.array(fc.constantFrom('a', 'b', 'c').map(hit), { maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(result, { maxLength: 20 }), (batch) => {
        const counts = countFirings(batch);
        expect(counts.reduce((s, c) => s + c.hits, 0)).toBe(batch.reduce((s, r) => s + r.hits.length, 0));
        for (const c of counts) expect(c.messages).toBe(batch.filter((r) => r.hits.some((h) => h.rule === c.ruleId)).length);
      }),
    );
  });
});
