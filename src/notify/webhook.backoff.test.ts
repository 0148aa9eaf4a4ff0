import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BACKOFF_STEPS_MS, JITTER, backoffMs } from './webhook.backoff';

describe('retry backoff', () => {
  it('waits 10 s, 30 s, 2 min, 10 min … after successive failures (without jitter)', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 0.5))).toEqual([10_000, 30_000, 120_000, 600_000]);
  });

  it('is capped at the last step however many attempts failed', () => {
    const cap = BACKOFF_STEPS_MS[BACKOFF_STEPS_MS.length - 1]!;
    expect(backoffMs(50, 0.5)).toBe(cap);
    expect(backoffMs(10_000, 0.999)).toBeLessThanOrEqual(cap * (1 + JITTER));
  });

  it('spreads each wait by at most ±20 %', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, r) => {
        const base = BACKOFF_STEPS_MS[Math.min(n, BACKOFF_STEPS_MS.length) - 1]!;
        const wait = backoffMs(n, r);
        expect(wait).toBeGreaterThanOrEqual(Math.floor(base * (1 - JITTER)));
        expect(wait).toBeLessThanOrEqual(Math.ceil(base * (1 + JITTER)));
      }),
    );
  });

  it('never makes a later wait shorter than an earlier one, whatever the jitter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: BACKOFF_STEPS_MS.length - 1 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, r1, r2) => {
          expect(backoffMs(n + 1, r2)).toBeGreaterThan(backoffMs(n, r1));
        },
      ),
    );
  });
});
