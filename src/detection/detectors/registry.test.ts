import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SignalStore } from '../analyze';
import { appliesMask, DETECTORS } from './registry';

/** Signals with every field the detectors' `applies` read set at random, around their thresholds. */
const signals = fc
  .record({
    digits: fc.nat(20),
    numberWords: fc.nat(6),
    oliTokens: fc.nat(2),
    numberGroups: fc.nat(2),
    ibanStarts: fc.nat(2),
    at: fc.nat(2),
    innerDots: fc.nat(2),
    addrWords: fc.nat(2),
    mailProviders: fc.nat(2),
    flags: fc.nat(0xffff),
    longestToken: fc.nat(60),
    longestDigitRun: fc.nat(12),
    rules: fc.nat(3),
  })
  .map(({ rules, ...fields }) => {
    const s = Object.assign(new SignalStore(), fields);
    for (let r = 0; r < rules; r++) s.phraseRules.add(r, 0);
    return s;
  });

describe('appliesMask', () => {
  it("answers as each detector's applies, bit d for DETECTORS[d]", () => {
    expect(DETECTORS.length).toBeLessThanOrEqual(31);
    fc.assert(
      fc.property(signals, (s) => {
        let loop = 0;
        for (let d = 0; d < DETECTORS.length; d++) if (DETECTORS[d]!.applies(s)) loop |= 1 << d;
        expect(appliesMask(s)).toBe(loop);
      }),
      { numRuns: 3000 },
    );
  });
});
