import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './detector';
import { findDigitRuns, MIN_RUN_DIGITS, type DigitRun } from './digit-runs';

const digitCount = (r: DigitRun): number => r.groups.reduce((n, g) => n + g.end - g.start, 0);

/** Text made of digits, the run separators and a few letters, so runs start, join and break often. */
const runText = fc.array(fc.constantFrom('0', '1', '5', '9', '12', '345', ' ', '  ', '.', '-', '/', '(', ')', '+', ',', ', ', '. ', '\n', ':', 'a', 'tel ', '*'), { maxLength: 80 }).map((parts) => parts.join(''));

describe('digit runs', () => {
  it('with a minimum, are the runs found without one that have that many digits', () => {
    fc.assert(
      fc.property(runText, fc.integer({ min: 0, max: 14 }), (text, min) => {
        expect(findDigitRuns(text, undefined, min)).toEqual(findDigitRuns(text).filter((r) => digitCount(r) >= min));
      }),
      { numRuns: 5_000 },
    );
  });

  it('short runs left out still count towards the cap on runs read', () => {
    const text = '1 a '.repeat(LIMITS.digitRuns) + 'call 06 12 34 56 78';
    expect(findDigitRuns(text)).toHaveLength(LIMITS.digitRuns);
    expect(findDigitRuns(text, undefined, MIN_RUN_DIGITS)).toEqual([]);
    const below = '1 a '.repeat(LIMITS.digitRuns - 1) + 'call 06 12 34 56 78';
    expect(findDigitRuns(below, undefined, MIN_RUN_DIGITS)).toEqual([findDigitRuns(below).at(-1)]);
  });

  it('keep groups, separators and the leading "+" of a long run', () => {
    const [r] = findDigitRuns('tel +33 6 12-34', undefined, MIN_RUN_DIGITS);
    expect(r).toEqual({ start: 4, end: 15, plus: true, groups: [{ start: 5, end: 7 }, { start: 8, end: 9 }, { start: 10, end: 12 }, { start: 13, end: 15 }], seps: [' ', ' ', '-'] });
  });
});
