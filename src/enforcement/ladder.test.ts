import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_LADDER, LadderError, ladderPosition, nextStep, parseLadder, type Ladder, type Severity, type Strike } from './ladder';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const EXPIRY_DAYS = 365;

/** Records violations one after another as the service does: each reaches nextStep at its time. */
function record(ladder: Ladder, events: readonly { atDay: number; severity: Severity }[]): { strikes: Strike[]; positionsBefore: number[] } {
  const strikes: Strike[] = [];
  const positionsBefore: number[] = [];
  let day = 0;
  for (const [i, e] of events.entries()) {
    day += e.atDay;
    const now = new Date(T0 + day * DAY);
    positionsBefore.push(ladderPosition(ladder, strikes, now));
    strikes.push({ id: `v${i}`, step: nextStep(ladder, strikes, now, e.severity), strikeExpiresAt: new Date(now.getTime() + EXPIRY_DAYS * DAY), status: 'active' });
  }
  return { strikes, positionsBefore };
}

const severity = fc.constantFrom<Severity>('standard', 'severe');
const event = fc.record({ atDay: fc.integer({ min: 0, max: 400 }), severity });
const events = fc.array(event, { minLength: 1, maxLength: 12 });
const ladder = fc.integer({ min: 1, max: 7 }).map((n): Ladder => Array.from({ length: n }, (_, i) => ({ name: `step_${i}`, notice: 'formal_warning', restrictions: [] })));

describe('the default ladder', () => {
  it('walks education, formal warning, restriction, suspension, termination and stays at the top', () => {
    const { strikes } = record(DEFAULT_LADDER, Array.from({ length: 6 }, () => ({ atDay: 1, severity: 'standard' as const })));
    expect(strikes.map((s) => DEFAULT_LADDER[s.step]!.name)).toEqual(['education', 'formal_warning', 'restriction', 'temporary_suspension', 'termination', 'termination']);
  });

  it('lets a severe first violation skip education', () => {
    expect(nextStep(DEFAULT_LADDER, [], new Date(T0), 'severe')).toBe(1);
    expect(nextStep(DEFAULT_LADDER, [], new Date(T0), 'standard')).toBe(0);
  });

  it('starts again from education once the only strike has expired', () => {
    const { strikes } = record(DEFAULT_LADDER, [{ atDay: 0, severity: 'severe' }]);
    expect(nextStep(DEFAULT_LADDER, strikes, new Date(T0 + 364 * DAY), 'standard')).toBe(2);
    expect(nextStep(DEFAULT_LADDER, strikes, new Date(T0 + 365 * DAY), 'standard')).toBe(0);
  });
});

describe('ladder properties', () => {
  it('never puts a seller beyond the top step', () => {
    fc.assert(
      fc.property(ladder, events, (l, evs) => {
        const { strikes } = record(l, evs);
        for (const s of strikes) expect(s.step).toBeLessThan(l.length);
        expect(ladderPosition(l, strikes, new Date(T0))).toBeLessThan(l.length);
      }),
    );
  });

  it('never lowers the position by adding a violation', () => {
    fc.assert(
      fc.property(ladder, events, severity, fc.integer({ min: 0, max: 800 }), (l, evs, sev, day) => {
        const { strikes } = record(l, evs);
        const now = new Date(T0 + day * DAY);
        const before = ladderPosition(l, strikes, now);
        const added: Strike = { id: 'new', step: nextStep(l, strikes, now, sev), strikeExpiresAt: new Date(now.getTime() + EXPIRY_DAYS * DAY), status: 'active' };
        expect(ladderPosition(l, [...strikes, added], now)).toBeGreaterThanOrEqual(before);
        expect(ladderPosition(l, [...strikes, added], now)).toBeGreaterThan(Math.min(before, l.length - 2));
      }),
    );
  });

  it('restores the previous position when the latest violation is overturned', () => {
    fc.assert(
      fc.property(ladder, events, (l, evs) => {
        const { strikes, positionsBefore } = record(l, evs);
        const day = evs.reduce((d, e) => d + e.atDay, 0);
        const at = new Date(T0 + day * DAY);
        const overturned = strikes.map((s, i) => (i === strikes.length - 1 ? { ...s, status: 'overturned' as const } : s));
        expect(ladderPosition(l, overturned, at)).toBe(positionsBefore.at(-1));
      }),
    );
  });

  it('never counts an expired strike', () => {
    fc.assert(
      fc.property(ladder, events, fc.integer({ min: 0, max: 3000 }), (l, evs, day) => {
        const { strikes } = record(l, evs);
        const now = new Date(T0 + day * DAY);
        const live = strikes.filter((s) => s.strikeExpiresAt.getTime() > now.getTime());
        expect(ladderPosition(l, strikes, now)).toBe(ladderPosition(l, live, now));
        const expired: Strike = { id: 'old', step: l.length - 1, strikeExpiresAt: now, status: 'active' };
        expect(ladderPosition(l, [...strikes, expired], now)).toBe(ladderPosition(l, strikes, now));
      }),
    );
  });
});

describe('parseLadder', () => {
  it('reads a configured ladder', () => {
    const l = parseLadder('[{"name":"warning","notice":"formal_warning"},{"name":"hold","notice":"restriction","restrictions":[{"kind":"payout_hold","days":7}]}]');
    expect(l).toEqual([
      { name: 'warning', notice: 'formal_warning', restrictions: [] },
      { name: 'hold', notice: 'restriction', restrictions: [{ kind: 'payout_hold', days: 7 }] },
    ]);
  });

  it('names what is wrong', () => {
    expect(() => parseLadder('{')).toThrow(LadderError);
    expect(() => parseLadder('[]')).toThrow(/1–20 steps/);
    expect(() => parseLadder('[{"name":"a","notice":"scold"}]')).toThrow(/notice must be one of/);
    expect(() => parseLadder('[{"name":"a","notice":"education","restrictions":[{"kind":"fine"}]}]')).toThrow(/kind must be one of/);
    expect(() => parseLadder('[{"name":"a","notice":"education"},{"name":"a","notice":"education"}]')).toThrow(/used twice/);
  });
});
