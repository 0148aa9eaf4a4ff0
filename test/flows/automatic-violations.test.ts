import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

/*
 * Rules the rule set marks automatic (the default marks `iban.valid`) decide a violation without a
 * reviewer — disclosed as an automated decision in the statement of reasons — until their hourly
 * volume passes the configured bound: then the circuit breaker pauses them, raises an alert, and
 * the cases wait for people.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000', AUTOMATION_MAX_VIOLATIONS_PER_HOUR: '1' } });
});
afterAll(async () => {
  await t.close();
});

let n = 0;
async function sellerSends(conversation: string, body: string): Promise<void> {
  n++;
  const res = await t.as('integration', {
    method: 'POST',
    url: '/v1/messages:batch',
    payload: {
      items: [
        {
          id: `auto-${n}`,
          conversation_id: conversation,
          buyer_id: `auto-b-${conversation}`,
          seller_id: 'auto-seller',
          sender_role: 'seller',
          body,
          sent_at: new Date(t.clock.now().getTime() - 60_000 + n).toISOString(),
          lang: 'en',
        },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function reviewCaseOf(conversation: string): Promise<Json> {
  const items = (await t.as('agent', { method: 'GET', url: `/v1/cases?conversation_id=${conversation}&type=conversation_review` })).json().items as Json[];
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe('automatic violations', () => {
  it('decides a valid IBAN without a reviewer, disclosed as automated, then pauses past the hourly bound', async () => {
    await sellerSends('auto-c1', 'Pay by transfer to GB82 WEST 1234 5698 7654 32 and I will ship tomorrow.');
    const first = await reviewCaseOf('auto-c1');
    expect(first.status).toBe('decided_violation');
    const violations = (await t.as('agent', { method: 'GET', url: '/v1/violations?seller_id=auto-seller' })).json().items as Json[];
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ automated_detection: true, automated_decision: true, case_id: first.id });
    const view = (await t.as('agent', { method: 'GET', url: `/v1/review/cases/${first.id}` })).json();
    expect(view.decisions).toEqual([expect.objectContaining({ decision: 'violation', automated: true })]);

    // the bound is one an hour: the second trips the breaker and waits for a person
    await sellerSends('auto-c2', 'Same account as before: GB82 WEST 1234 5698 7654 32, thanks.');
    const second = await reviewCaseOf('auto-c2');
    expect(second.status).toBe('open');
    const state = await t.as('manager', { method: 'GET', url: '/v1/rules/automation' });
    expect(state.statusCode, state.body).toBe(200);
    expect(JSON.stringify(state.json())).toContain('"open":true');
    const outbox = (await t.as('admin', { method: 'GET', url: '/v1/outbox?after_seq=0&limit=500' })).json().items as Json[];
    expect(outbox.filter((e) => e.type === 'automation.circuit_opened')).toHaveLength(1);
    expect((await t.as('agent', { method: 'GET', url: '/v1/violations?seller_id=auto-seller' })).json().items).toHaveLength(1);
  });
});
