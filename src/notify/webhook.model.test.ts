import { describe, expect, it } from 'vitest';
import { EVENT_PATTERN, eventMatches } from './webhook.model';

describe('event type patterns', () => {
  it('match everything, an exact type, or a dotted prefix', () => {
    expect(eventMatches(['*'], 'case.opened')).toBe(true);
    expect(eventMatches(['case.opened'], 'case.opened')).toBe(true);
    expect(eventMatches(['case.opened'], 'case.closed')).toBe(false);
    expect(eventMatches(['case.*'], 'case.opened')).toBe(true);
    expect(eventMatches(['case.*'], 'case.sla.breached')).toBe(true);
    expect(eventMatches(['restriction.*', 'case.opened'], 'restriction.applied')).toBe(true);
  });

  it('do not let a prefix match a longer word', () => {
    expect(eventMatches(['case.*'], 'cases.opened')).toBe(false);
    expect(eventMatches(['case.*'], 'case')).toBe(false);
  });

  it('accept only well-formed patterns', () => {
    for (const good of ['*', 'case.opened', 'case.*', 'commission_order.issued', 'case.sla.*', 'case.sla-breached']) expect(EVENT_PATTERN.test(good)).toBe(true);
    for (const bad of ['', 'case.', '*.opened', 'case*', 'Case.Opened', 'case..opened', ' case.opened']) expect(EVENT_PATTERN.test(bad)).toBe(false);
  });
});
