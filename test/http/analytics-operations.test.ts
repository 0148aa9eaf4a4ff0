import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRuleSet } from '../../src/detection';
import { createTestApp, type TestApp } from '../helpers/app';
import { activateRuleSet } from '../helpers/rule-sets';
import { attachArtefact, findInvestigation, ingestAs, plantOffPlatformSale } from '../helpers/investigations';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/*
 * A week of trust work, made through the API on the days it happens (the clock is moved), then read
 * back as the operations report for 27 October – 2 November 2026:
 *
 * 27 Oct  a buyer's question (a message at 23:59:59 the night before stays outside the period)
 * 28 Oct  a question; a WhatsApp number (a reviewer decides: violation); a valid IBAN (decided
 *         automatically); "text me" (scores below the auto-clear threshold: cleared, no case); a German
 *         dealer's phone number (a reviewer decides: violation). Three education notices.
 * 30 Oct  the three sellers appeal; the WhatsApp violation is overturned
 * 31 Oct  the German dealer's appeal is upheld; the automatic one stays pending
 *  1 Nov  a website (escalated by the reviewer); an off-platform sale from 20 October comes to light
 *         (its messages are older than the period) and is confirmed: a commission order and a formal
 *         warning; another suspected sale stays under investigation
 */

let t: TestApp;
const violations: Record<string, string> = {};
const appeals: Record<string, string> = {};

const at = (iso: string) => t.clock.set(iso);
const message = (id: string, conversation: string, seller: string, role: 'buyer' | 'seller', body: string, sentAt: string, lang = 'en') => ({
  id,
  conversation_id: conversation,
  buyer_id: `b-${conversation}`,
  seller_id: seller,
  sender_role: role,
  body,
  sent_at: sentAt,
  lang,
});

async function claimAndDecide(lang: string, decision: 'violation' | 'escalate', note: string): Promise<string> {
  const claim = await t.as('agent', { method: 'POST', url: '/v1/review/claims', payload: { lang } });
  expect(claim.statusCode, claim.body).toBe(201);
  const lease = claim.json();
  const res = await t.as('agent', {
    method: 'POST',
    url: `/v1/review/cases/${lease.case_id}/decisions`,
    payload: { lease_token: lease.lease_token, decision, note, ...(decision === 'violation' ? { clause_id: 'TP-2.1' } : {}) },
  });
  expect(res.statusCode, res.body).toBe(201);
  return lease.case_id;
}

async function violationOf(seller: string): Promise<string> {
  const items = (await t.as('agent', { method: 'GET', url: `/v1/violations?seller_id=${seller}` })).json().items as Json[];
  expect(items).toHaveLength(1);
  return items[0]!.id;
}

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000' }, now: '2026-10-26T12:00:00Z' });
  await ingestAs(
    t,
    'sellers',
    ['1', '2', '3'].map((n) => ({ id: `s-ops-${n}`, name: `Dealer ${n}`, email: `dealer${n}@ops.test`, country: n === '3' ? 'DE' : 'FR', time_zone: 'Europe/Paris', languages: ['en', 'de'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: '2026-01-01T00:00:00Z' })),
  );
  // flagged messages scoring below 0.62 are cleared without a case
  const variant = JSON.parse(JSON.stringify(defaultRuleSet)) as Json;
  variant.version = '2099.10.0';
  variant.automation.auto_clear_below = 0.62;
  expect((await t.as('admin', { method: 'POST', url: '/v1/rule-sets', payload: variant })).statusCode).toBe(201);
  await activateRuleSet(t, '2099.10.0');

  at('2026-10-27T09:00:00Z');
  await ingestAs(t, 'messages', [
    message('m-early', 'c-early', 's-ops-1', 'buyer', 'Is the mirror still available?', '2026-10-26T23:59:59Z'),
    message('m-edge', 'c-edge', 's-ops-1', 'buyer', 'Could you send more photos of the back?', '2026-10-27T00:00:00Z'),
  ]);

  at('2026-10-28T10:00:00Z');
  await ingestAs(t, 'messages', [
    message('m-question', 'c-question', 's-ops-1', 'buyer', 'Is the chair still available?', '2026-10-28T08:00:00Z'),
    message('m-phone', 'c-phone', 's-ops-1', 'seller', 'Call me on WhatsApp +33 6 12 34 56 78 for a better price.', '2026-10-28T09:00:00Z'),
    message('m-iban', 'c-iban', 's-ops-2', 'seller', 'Pay by transfer to GB82 WEST 1234 5698 7654 32 and I will ship tomorrow.', '2026-10-28T09:10:00Z'),
    message('m-text', 'c-text', 's-ops-2', 'seller', 'text me', '2026-10-28T09:20:00Z'),
    message('m-de', 'c-de', 's-ops-3', 'seller', 'Rufen Sie mich an unter 0171 2345678, dann sparen wir uns die Gebühren der Plattform.', '2026-10-28T09:30:00Z', 'de'),
  ]);
  await claimAndDecide('en', 'violation', 'WhatsApp number offered to move the sale.');
  await claimAndDecide('de', 'violation', 'Phone number offered to avoid the fees.');
  for (const s of ['s-ops-1', 's-ops-2', 's-ops-3']) violations[s] = await violationOf(s);

  at('2026-10-30T10:00:00Z');
  for (const s of ['s-ops-1', 's-ops-2', 's-ops-3']) {
    const res = await t.as('integration', { method: 'POST', url: `/v1/violations/${violations[s]}/appeals`, payload: { reason: 'I did not mean to take the sale elsewhere.' } });
    expect(res.statusCode, res.body).toBe(201);
    appeals[s] = res.json().appeal.case_id;
  }
  const overturn = await t.as('senior', { method: 'POST', url: `/v1/appeals/${appeals['s-ops-1']}/decision`, payload: { decision: 'overturned', note: 'The number was the shop landline on the invoice.' } });
  expect(overturn.statusCode, overturn.body).toBe(200);

  at('2026-10-31T10:00:00Z');
  const uphold = await t.as('senior', { method: 'POST', url: `/v1/appeals/${appeals['s-ops-3']}/decision`, payload: { decision: 'upheld', note: 'The message asks to avoid the fees.' } });
  expect(uphold.statusCode, uphold.body).toBe(200);

  at('2026-11-01T10:00:00Z');
  await ingestAs(t, 'messages', [message('m-site', 'c-site', 's-ops-1', 'seller', 'see our website roux-antiques.fr', '2026-11-01T09:00:00Z')]);
  await claimAndDecide('en', 'escalate', 'A shop website: a senior should look.');
  const sale = await plantOffPlatformSale(t, 'ops');
  const inv = (await findInvestigation(t, sale.conversation))!;
  expect((await attachArtefact(t, inv.case_id, 'buyer_confirmation')).statusCode).toBe(201);
  const confirm = await t.as('senior', { method: 'POST', url: `/v1/investigations/${inv.case_id}/confirm`, payload: { note: 'The buyer confirmed paying the dealer directly.' } });
  expect(confirm.statusCode, confirm.body).toBe(201);
  await plantOffPlatformSale(t, 'ops-open');

  at('2026-11-02T10:00:00Z');
});

afterAll(async () => {
  await t.close();
});

const report = (qs: string, role: 'manager' | 'admin' | 'senior' | 'legal' | 'agent' | 'vendor' | 'integration' = 'manager') => t.as(role, { method: 'GET', url: `/v1/analytics/operations${qs}` });

describe('the operations report', () => {
  it('counts the week exactly: messages by verdict, automation, cases, notices, appeals and commission orders', async () => {
    const res = await report('?from=2026-10-27&to=2026-11-02&bucket=day');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ from: '2026-10-27', to: '2026-11-02', bucket: 'day', generated_at: '2026-11-02T10:00:00.000Z' });
    expect(r.buckets.map((b: Json) => b.start)).toEqual(['2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02']);

    // the edge message at midnight counts, the one a second before does not; the sale's messages of 20 October neither
    expect(r.totals.messages).toEqual({ total: 7, clear: 2, review: 2, violation: 3, unscanned: 0 });
    expect(r.buckets.map((b: Json) => b.messages.total)).toEqual([1, 5, 0, 0, 0, 1, 0]);
    expect(r.buckets[1].messages).toEqual({ total: 5, clear: 1, review: 1, violation: 3, unscanned: 0 });

    expect(r.totals.automation).toEqual({ auto_cleared: 1, automatic_violations: 1, human_decisions: 2, escalations: 1, rate: 0.5 });
    expect(r.buckets[1].automation).toEqual({ auto_cleared: 1, automatic_violations: 1, human_decisions: 2, escalations: 0, rate: 0.5 });
    expect(r.buckets[5].automation).toEqual({ auto_cleared: 0, automatic_violations: 0, human_decisions: 0, escalations: 1, rate: null });

    // review cases: WhatsApp, IBAN, German (28 Oct), the website and the two sales' phone numbers (1 Nov)
    expect(r.totals.cases_opened).toEqual({ appeal: 3, conversation_review: 6, investigation: 2 });
    expect(r.buckets[1].cases_opened).toEqual({ conversation_review: 3 });
    expect(r.buckets[3].cases_opened).toEqual({ appeal: 3 });
    expect(r.buckets[5].cases_opened).toEqual({ conversation_review: 3, investigation: 2 });
    expect(r.totals.cases_closed).toEqual({ appeal: 2, conversation_review: 3, investigation: 1 });
    expect(r.buckets.map((b: Json) => b.cases_closed)).toEqual([{}, { conversation_review: 3 }, {}, { appeal: 1 }, { appeal: 1 }, { investigation: 1 }, {}]);

    expect(r.totals.notices).toEqual([
      { kind: 'education', step: 0, count: 3 },
      { kind: 'formal_warning', step: 1, count: 1 },
      { kind: 'appeal_overturned', step: null, count: 1 },
      { kind: 'appeal_received', step: null, count: 3 },
      { kind: 'appeal_upheld', step: null, count: 1 },
    ]);
    expect(r.buckets[3].notices).toEqual({ appeal_overturned: 1, appeal_received: 3 });
    expect(r.buckets[5].notices).toEqual({ formal_warning: 1 });

    expect(r.totals.appeals).toEqual({ filed: 3, upheld: 1, overturned: 1, withdrawn: 0, pending: 1 });
    expect(r.buckets[3].appeals).toEqual({ filed: 3, upheld: 1, overturned: 1, withdrawn: 0, pending: 1 });

    // 4,800.00 EUR listing price at 12%
    expect(r.totals.commission_orders).toEqual([{ status: 'issued', currency: 'EUR', count: 1, commission_minor: 57_600, sale_minor: 480_000 }]);
    expect(r.buckets[5].commission_orders).toEqual({ issued: 1 });
  });

  it('tells what is open now, whatever the period', async () => {
    const r = (await report('?from=2026-10-31&to=2026-10-31')).json();
    // the escalated website case and the sales' review cases; the pending appeal; the second suspected sale
    expect(r.now.open_cases).toEqual({ appeal: 1, conversation_review: 3, investigation: 1 });
    const open = (await t.as('agent', { method: 'GET', url: '/v1/investigations?open=true&limit=200' })).json().items as Json[];
    expect(r.now.open_investigations).toBe(1);
    expect(open).toHaveLength(1);
    expect(r.now.high_score_investigations).toBe(open.filter((i) => i.score >= 0.8).length);
    expect(r.now.outstanding_orders).toEqual([{ status: 'issued', currency: 'EUR', count: 1, commission_minor: 57_600, sale_minor: 480_000 }]);
    const queued = (await t.as('admin', { method: 'GET', url: '/v1/emails?status=queued&limit=500' })).json().items as Json[];
    expect(queued.length).toBeGreaterThan(0);
    expect(r.now.emails).toEqual({ queued: queued.length });
  });

  it('groups by ISO week from Monday, counting only the days of the period', async () => {
    const r = (await report('?from=2026-10-27&to=2026-11-02&bucket=week')).json();
    expect(r.buckets.map((b: Json) => b.start)).toEqual(['2026-10-26', '2026-11-02']);
    // the week of 26 October leaves out the message of the 26th: the period starts on the 27th
    expect(r.buckets[0].messages).toEqual(r.totals.messages);
    expect(r.buckets[0].appeals).toEqual({ filed: 3, upheld: 1, overturned: 1, withdrawn: 0, pending: 1 });
    expect(r.buckets[1].messages.total).toBe(0);
    const wide = (await report('?from=2026-10-26&to=2026-11-02&bucket=week')).json();
    expect(wide.buckets[0].messages.total).toBe(8);
  });

  it('covers the last 30 days by default, and one day when from equals to', async () => {
    const r = (await report('')).json();
    expect(r).toMatchObject({ from: '2026-10-04', to: '2026-11-02', bucket: 'day' });
    expect(r.buckets).toHaveLength(30);
    // the 30 days hold the message of the 26th and the two sales' three messages each of 20 October too
    expect(r.totals.messages.total).toBe(14);
    const day = (await report('?from=2026-10-28&to=2026-10-28')).json();
    expect(day.buckets).toHaveLength(1);
    expect(day.totals.messages.total).toBe(5);
    expect(day.totals.cases_opened).toEqual({ conversation_review: 3 });
  });

  it('refuses a bad period with the field and the reason', async () => {
    const problem = async (qs: string) => {
      const res = await report(qs);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      return res.json().errors as { field: string; reason: string }[];
    };
    expect(await problem('?from=2026-02-30')).toEqual([{ field: 'querystring/from', reason: 'must be a calendar date as YYYY-MM-DD' }]);
    expect(await problem('?to=28/10/2026')).toEqual([{ field: 'querystring/to', reason: 'must be a calendar date as YYYY-MM-DD' }]);
    expect(await problem('?from=2026-11-02&to=2026-10-27')).toEqual([{ field: 'querystring/from', reason: 'must not be after to (2026-10-27)' }]);
    expect(await problem('?from=2025-11-01&to=2026-11-02')).toEqual([{ field: 'querystring/from', reason: 'the period from 2025-11-01 to 2026-11-02 is 367 days; at most 366' }]);
    expect(await problem('?bucket=month')).toEqual([{ field: 'querystring/bucket', reason: 'must be one of day, week' }]);
    expect((await report('?from=2025-11-02&to=2026-11-02')).statusCode).toBe(200);
  });

  it('is for managers, admins, seniors and legal; not agents, vendors or the marketplace', async () => {
    for (const role of ['admin', 'senior', 'legal'] as const) expect((await report('', role)).statusCode).toBe(200);
    for (const role of ['agent', 'vendor', 'integration'] as const) expect((await report('', role)).statusCode).toBe(403);
  });
});

describe('the investigations list', () => {
  it("names each row's seller and listing, so the console needs no request per row", async () => {
    const res = await t.as('agent', { method: 'GET', url: '/v1/investigations?limit=50' });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Json[];
    expect(items.map((i) => [i.seller_id, i.seller_name, i.listing_id, i.listing_title]).sort()).toEqual([
      ['s-ops', 'Galerie ops', 'l-ops', 'Pair of Wegner chairs'],
      ['s-ops-open', 'Galerie ops-open', 'l-ops-open', 'Pair of Wegner chairs'],
    ]);
  });
});
