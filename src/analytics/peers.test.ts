import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { peerPositions, smoothedRate, Z_LIMIT } from './peers';

const rates = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 });
const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 });

describe('peer statistics', () => {
  it('puts every percentile within 0..100 and every z-score within the clip', () => {
    fc.assert(
      fc.property(values, (vs) => {
        for (const p of peerPositions(vs)) {
          expect(p.percentile).toBeGreaterThanOrEqual(0);
          expect(p.percentile).toBeLessThanOrEqual(100);
          expect(Math.abs(p.z)).toBeLessThanOrEqual(Z_LIMIT);
        }
      }),
    );
  });

  it('mirrors z-scores and percentiles when the values are mirrored', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const up = peerPositions(vs);
        const down = peerPositions(vs.map((v) => -v));
        up.forEach((p, i) => {
          expect(down[i]!.z + p.z).toBeCloseTo(0, 9);
          expect(down[i]!.percentile + p.percentile).toBeCloseTo(100, 9);
        });
      }),
    );
  });

  it('keeps the order: a higher rate never has a lower percentile or z-score', () => {
    fc.assert(
      fc.property(rates, (vs) => {
        const ps = peerPositions(vs);
        for (let i = 0; i < vs.length; i++)
          for (let j = 0; j < vs.length; j++)
            if (vs[i]! > vs[j]!) {
              expect(ps[i]!.percentile).toBeGreaterThan(ps[j]!.percentile);
              expect(ps[i]!.z).toBeGreaterThanOrEqual(ps[j]!.z);
            }
      }),
    );
  });

  it('gives z-scores that average to zero when none is clipped, and 0 / 50 when nobody differs', () => {
    fc.assert(
      fc.property(rates, (vs) => {
        const zs = peerPositions(vs).map((p) => p.z);
        if (zs.every((z) => Math.abs(z) < Z_LIMIT)) expect(zs.reduce((s, z) => s + z, 0) / zs.length).toBeCloseTo(0, 6);
      }),
    );
    expect(peerPositions([0.2, 0.2, 0.2])).toEqual([{ percentile: 50, z: 0 }, { percentile: 50, z: 0 }, { percentile: 50, z: 0 }]);
    expect(peerPositions([0, 1]).map((p) => p.percentile)).toEqual([0, 100]);
  });

  it('pulls a rate with few observations towards the prior, and leaves a well-observed one nearly alone', () => {
    expect(smoothedRate(1, 1, 0.05, 3)).toBeCloseTo((1 + 0.15) / 4, 12);
    expect(smoothedRate(0, 0, 0.05, 3)).toBeCloseTo(0.05, 12);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b, prior) => {
        const trials = Math.max(a, b);
        const events = Math.min(a, b);
        const r = smoothedRate(events, trials, prior, 10);
        const raw = trials === 0 ? prior : events / trials;
        expect(r).toBeGreaterThanOrEqual(Math.min(raw, prior) - 1e-12);
        expect(r).toBeLessThanOrEqual(Math.max(raw, prior) + 1e-12);
      }),
    );
  });
});
