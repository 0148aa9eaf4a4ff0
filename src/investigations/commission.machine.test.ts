import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkMachine } from '../kernel';
import { COMMISSION_STATUSES, OUTSTANDING, commissionMachine, mayMove, type CommissionStatus } from './commission.machine';

describe('the commission order lifecycle', () => {
  it('is a sound machine', () => {
    expect(checkMachine(commissionMachine)).toEqual([]);
  });

  it('a disputed order ends confirmed or cancelled, never collected before the dispute is decided', () => {
    expect(mayMove('disputed', 'confirmed')).toBe(true);
    expect(mayMove('disputed', 'cancelled')).toBe(true);
    expect(mayMove('disputed', 'collected')).toBe(false);
  });

  it('any walk ends in a terminal status at most once, and an order leaves the outstanding set for good', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...COMMISSION_STATUSES), { maxLength: 12 }), (targets) => {
        let s: CommissionStatus = commissionMachine.initial;
        let leftOutstanding = false;
        for (const to of targets) {
          if (!mayMove(s, to)) continue;
          s = to;
          if (!OUTSTANDING.includes(s)) leftOutstanding = true;
          else expect(leftOutstanding).toBe(false);
        }
        if (commissionMachine.terminal.includes(s)) for (const to of COMMISSION_STATUSES) expect(mayMove(s, to)).toBe(false);
      }),
    );
  });
});
