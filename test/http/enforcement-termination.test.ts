import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The P2B repeated-infringement exception, switched on: termination without the notice period. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    env: {
      RATE_LIMIT_PER_MINUTE: '1000000',
      TERMINATION_IMMEDIATE_AFTER_RESTRICTIONS: '2',
      ENFORCEMENT_LADDER: JSON.stringify([
        { name: 'warning', notice: 'formal_warning' },
        { name: 'payout_hold', notice: 'restriction', restrictions: [{ kind: 'payout_hold', days: 7 }] },
        { name: 'termination', notice: 'termination', restrictions: [{ kind: 'account_terminated' }] },
      ]),
    },
  });
  const res = await t.as('integration', {
    method: 'POST',
    url: '/v1/sellers:batch',
    payload: {
      items: ['sel_a', 'sel_b'].map((id) => ({ id, name: `Dealer ${id}`, email: `${id}@dealers.test`, country: 'GB', time_zone: 'Europe/London', languages: ['en-GB'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: '2026-10-01T00:00:00Z' })),
    },
  });
  expect(res.json().stored).toBe(2);
});
afterAll(async () => {
  await t.close();
});

async function violation(sellerId: string): Promise<Json> {
  const c = (await t.as('agent', { method: 'POST', url: '/v1/cases', payload: { type: 'conversation_review', title: 'x', subjects: { seller_id: sellerId } } })).json();
  const res = await t.as('senior', { method: 'POST', url: '/v1/violations', payload: { seller_id: sellerId, clause_id: 'TP-2.1', case_id: c.id } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('a configured ladder with the repeated-infringement exception', () => {
  it('terminates at once when the seller was already restricted often enough', async () => {
    const steps = [await violation('sel_a'), await violation('sel_a'), await violation('sel_a'), await violation('sel_a')];
    expect(steps.map((s) => s.step.name)).toEqual(['warning', 'payout_hold', 'termination', 'termination']);
    // one restriction before: the notice period applies
    expect(steps[2]!.restrictions[0]).toMatchObject({ kind: 'account_terminated', effective_at: '2026-12-02T10:00:00.000Z', state: 'scheduled' });
    expect(steps[2]!.notice.text).toContain('The termination takes effect on 2 December 2026');
    // the second termination decision follows two restricting decisions: immediate
    expect(steps[3]!.restrictions[0]).toMatchObject({ kind: 'account_terminated', effective_at: '2026-11-02T10:00:00.000Z', state: 'active' });
    expect(steps[3]!.notice.text).toContain('Because our policies have been breached repeatedly, the termination takes effect immediately');
  });

  it('gives the notice period to a seller restricted only once', async () => {
    const steps = [await violation('sel_b'), await violation('sel_b'), await violation('sel_b')];
    expect(steps[2]!.restrictions[0].effective_at).toBe('2026-12-02T10:00:00.000Z');
  });
});
