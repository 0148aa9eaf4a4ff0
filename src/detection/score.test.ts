import { describe, expect, it } from 'vitest';
import { defaultCompiledRuleSet } from './index';
import { messageScore, senderRole, verdictFor } from './score';

const rs = defaultCompiledRuleSet();

describe('scoring', () => {
  it('combines independent hits as a noisy-or', () => {
    expect(messageScore([{ score: 0.5 }, { score: 0.5 }])).toBe(0.75);
    expect(messageScore([])).toBe(0);
  });
  it('maps scores to verdicts with the rule set thresholds', () => {
    expect(verdictFor(rs, 0)).toBe('clear');
    expect(verdictFor(rs, rs.thresholds.review)).toBe('review');
    expect(verdictFor(rs, rs.thresholds.violation)).toBe('violation');
  });
  it('reads the sender role from the sender id', () => {
    expect(senderRole('seller-42')).toBe('seller');
    expect(senderRole('buyer_7')).toBe('buyer');
    expect(senderRole('u_1')).toBeUndefined();
  });
});
