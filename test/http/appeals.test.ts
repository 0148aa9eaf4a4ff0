import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/identity';
import { createTestApp, type TestApp } from '../helpers/app';

/*
 * The appeals work list and an appeal's detail, as seniors read them: open appeals in queue order
 * with the clause, the language the seller is written to and who decided the violation; a decided
 * appeal leaves the open list; the detail carries the notices, restrictions and the seller's words.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HOUR = 3_600_000;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000', MARKETPLACE_NAME: 'Maison & Antiques' } });
  const res = await t.as('integration', {
    method: 'POST',
    url: '/v1/sellers:batch',
    payload: {
      items: [
        { id: 'sel_roux', name: 'Atelier Roux Antiquités', email: 'contact@roux.test', country: 'FR', time_zone: 'Europe/Paris', languages: ['fr', 'en'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: '2026-10-01T00:00:00Z' },
        { id: 'sel_kraus', name: 'Kunsthandel Kraus', email: 'info@kraus.test', country: 'DE', time_zone: 'Europe/Berlin', languages: ['de'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: '2026-10-01T00:00:00Z' },
        { id: 'sel_hale', name: 'Hale & Finch Silver', email: 'shop@halefinch.test', country: 'GB', time_zone: 'Europe/London', languages: ['en'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: '2026-10-01T00:00:00Z' },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
});

afterAll(async () => {
  await t.close();
});

async function recordViolation(sellerId: string, role: Role = 'senior'): Promise<Json> {
  const opened = await t.as('agent', { method: 'POST', url: '/v1/cases', payload: { type: 'conversation_review', title: `Contact details shared by ${sellerId}`, subjects: { seller_id: sellerId, conversation_id: `conv_${sellerId}` } } });
  expect(opened.statusCode, opened.body).toBe(201);
  const res = await t.as(role, {
    method: 'POST',
    url: '/v1/violations',
    payload: { seller_id: sellerId, clause_id: 'TP-2.1', case_id: opened.json().id, conversation_id: `conv_${sellerId}`, message_ids: [`msg_${sellerId}`], excerpts: ['call me on [phone]'] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function fileAppeal(violationId: string, reason: string): Promise<string> {
  const res = await t.as('integration', { method: 'POST', url: `/v1/violations/${violationId}/appeals`, payload: { reason } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().appeal.case_id;
}

async function list(query: string, role: Role = 'senior'): Promise<Json> {
  const res = await t.as(role, { method: 'GET', url: `/v1/appeals${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const filed: { caseId: string; violation: Json; seller: string }[] = [];

describe('the appeals work list', () => {
  it('lists open appeals in queue order with the clause, the language and who decided the violation', async () => {
    // filed an hour apart, the Roux appeal first: it is due first
    for (const [seller, decider] of [['sel_roux', 'senior'], ['sel_kraus', 'manager'], ['sel_hale', 'senior']] as const) {
      const v = await recordViolation(seller, decider);
      t.clock.advance(HOUR);
      filed.push({ caseId: await fileAppeal(v.violation.id, `Appeal of ${seller}: the number was for the delivery.`), violation: v.violation, seller });
    }
    const open = await list('?status=open');
    expect(open.items.map((a: Json) => a.case_id)).toEqual(filed.map((f) => f.caseId));
    const sla = open.items.map((a: Json) => Date.parse(a.sla_due_at));
    expect([...sla].sort((a, b) => a - b)).toEqual(sla);
    expect(open.next_cursor).toBeNull();

    const roux = open.items[0];
    expect(roux).toMatchObject({
      status: 'received',
      closed: false,
      queue: 'appeals',
      lang: 'fr',
      seller: { id: 'sel_roux', name: 'Atelier Roux Antiquités' },
      appeal: { violation_id: filed[0]!.violation.id, reason: 'Appeal of sel_roux: the number was for the delivery.', outcome: null },
      violation: { clause: { clause_id: 'TP-2.1' }, step: { step: 0, name: 'education' }, status: 'active' },
      violation_decided_by: { name: 'Test senior', role: 'senior' },
      appeal_decided_by: null,
    });
    expect(open.items[1]).toMatchObject({ lang: 'de', violation_decided_by: { name: 'Test manager', role: 'manager' } });
  });

  it('pages with a cursor, and open is the default', async () => {
    const first = await list('?limit=2');
    expect(first.items.map((a: Json) => a.case_id)).toEqual(filed.slice(0, 2).map((f) => f.caseId));
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await list(`?limit=2&cursor=${encodeURIComponent(first.next_cursor)}`);
    expect(second.items.map((a: Json) => a.case_id)).toEqual([filed[2]!.caseId]);
    expect(second.next_cursor).toBeNull();
  });

  it('moves a decided appeal from the open list to the closed one, with its decider', async () => {
    const kraus = filed[1]!;
    const res = await t.as('senior', { method: 'POST', url: `/v1/appeals/${kraus.caseId}/decision`, payload: { decision: 'overturned', note: 'The buyer had ordered; the number was for the delivery.' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await list('?status=open')).items.map((a: Json) => a.case_id)).toEqual([filed[0]!.caseId, filed[2]!.caseId]);
    const closed = await list('?status=closed');
    expect(closed.items).toHaveLength(1);
    expect(closed.items[0]).toMatchObject({
      case_id: kraus.caseId,
      status: 'overturned',
      closed: true,
      appeal: { outcome: 'overturned', note: 'The buyer had ordered; the number was for the delivery.' },
      violation: { status: 'overturned' },
      appeal_decided_by: { name: 'Test senior', role: 'senior' },
    });
    expect(closed.items[0].closed_at).not.toBeNull();
    // all: newest first
    expect((await list('?status=all')).items.map((a: Json) => a.case_id)).toEqual([...filed].reverse().map((f) => f.caseId));
  });

  it('is read by staff and refused to vendors and the marketplace', async () => {
    expect((await list('', 'agent')).items).toHaveLength(2);
    expect((await t.as('vendor', { method: 'GET', url: '/v1/appeals' })).statusCode).toBe(403);
    expect((await t.as('integration', { method: 'GET', url: '/v1/appeals' })).statusCode).toBe(403);
  });

  it('refuses an unknown status and a cursor it did not make, naming the field', async () => {
    const bad = await t.as('senior', { method: 'GET', url: '/v1/appeals?status=pending' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json().errors[0].field).toMatch(/status/);
    const cursor = await t.as('senior', { method: 'GET', url: '/v1/appeals?cursor=not-a-cursor' });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors[0].field).toMatch(/cursor/);
  });

  it('skips an appeal case opened by hand, which has no appeal behind it', async () => {
    const hand = await t.as('manager', { method: 'POST', url: '/v1/cases', payload: { type: 'appeal', title: 'Entered by hand', subjects: { seller_id: 'sel_roux' } } });
    expect(hand.statusCode, hand.body).toBe(201);
    expect((await list('?status=open')).items.map((a: Json) => a.case_id)).not.toContain(hand.json().id);
    expect((await t.as('senior', { method: 'GET', url: `/v1/appeals/${hand.json().id}` })).statusCode).toBe(404);
  });
});

describe('an appeal in detail', () => {
  it("carries the violation's notices and restrictions and what the seller wrote, before and after appealing", async () => {
    // a restriction: the third violation of one seller
    await recordViolation('sel_hale', 'manager');
    const third = await recordViolation('sel_hale', 'manager');
    expect(third.restrictions.length).toBeGreaterThan(0);
    const before = await t.as('integration', { method: 'POST', url: `/v1/violations/${third.violation.id}/replies`, payload: { body: 'We never meant to avoid the fees.' } });
    expect(before.statusCode, before.body).toBe(201);
    t.clock.advance(HOUR);
    const caseId = await fileAppeal(third.violation.id, 'The buyer asked for a landline to book the delivery.');
    t.clock.advance(HOUR);
    const after = await t.as('integration', { method: 'POST', url: `/v1/violations/${third.violation.id}/replies`, payload: { body: 'Here is the order number: ord_881.' } });
    expect(after.statusCode, after.body).toBe(201);

    const res = await t.as('senior', { method: 'GET', url: `/v1/appeals/${caseId}` });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ case_id: caseId, lang: 'en', violation: { id: third.violation.id, step: { name: 'restriction' } }, violation_decided_by: { role: 'manager' } });
    expect(d.appeal.reason).toBe('The buyer asked for a landline to book the delivery.');
    expect(d.replies.map((r: Json) => [r.body, r.before_appeal])).toEqual([
      ['We never meant to avoid the fees.', true],
      ['Here is the order number: ord_881.', false],
    ]);
    expect(d.replies[0].via.type).toBe('token');
    expect(d.notices.map((n: Json) => n.kind).sort()).toEqual(['appeal_received', 'restriction']);
    expect(d.restrictions.map((r: Json) => r.id).sort()).toEqual(third.restrictions.map((r: Json) => r.id).sort());
    expect(d.restrictions.every((r: Json) => r.state === 'active')).toBe(true);
  });

  it('answers 404 for a case that is no appeal', async () => {
    const review = await t.as('agent', { method: 'POST', url: '/v1/cases', payload: { type: 'conversation_review', title: 'Not an appeal', subjects: { seller_id: 'sel_roux' } } });
    const res = await t.as('senior', { method: 'GET', url: `/v1/appeals/${review.json().id}` });
    expect(res.statusCode).toBe(404);
    expect((await t.as('senior', { method: 'GET', url: '/v1/appeals/case_missing' })).statusCode).toBe(404);
  });
});

describe('withdrawing an appeal', () => {
  async function events(type: string): Promise<Json[]> {
    const out: Json[] = [];
    for (let after = 0; ; ) {
      const res = await t.as('admin', { method: 'GET', url: `/v1/outbox?after_seq=${after}&limit=500` });
      expect(res.statusCode, res.body).toBe(200);
      out.push(...res.json().items.filter((e: Json) => e.type === type));
      if (res.json().next_after_seq === null) return out;
      after = res.json().next_after_seq;
    }
  }

  it('closes the appeal as withdrawn, leaves the violation standing, and lets the seller appeal again', async () => {
    const v = await recordViolation('sel_kraus', 'manager');
    const caseId = await fileAppeal(v.violation.id, 'Die Nummer war nur für die Lieferung.');
    t.clock.advance(HOUR);
    const res = await t.as('integration', { method: 'POST', url: `/v1/appeals/${caseId}/withdraw`, payload: { note: 'Wir ziehen den Einspruch zurück.' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().appeal).toMatchObject({ case_id: caseId, outcome: 'withdrawn', note: 'Wir ziehen den Einspruch zurück.', decided_at: t.clock.now().toISOString() });

    const d = (await t.as('senior', { method: 'GET', url: `/v1/appeals/${caseId}` })).json();
    expect(d).toMatchObject({ status: 'withdrawn', closed: true, appeal: { outcome: 'withdrawn' } });
    expect(d.replies.map((r: Json) => r.body)).toContain('Wir ziehen den Einspruch zurück.');
    expect((await list('?status=open')).items.map((a: Json) => a.case_id)).not.toContain(caseId);
    expect((await list('?status=closed')).items.map((a: Json) => a.case_id)).toContain(caseId);
    const violation = (await t.as('senior', { method: 'GET', url: `/v1/violations/${v.violation.id}` })).json();
    expect(violation.status).not.toBe('overturned');

    // the event, and the audit entry beside it
    const [event] = (await events('appeal.withdrawn')).filter((e) => e.data.case_id === caseId);
    expect(event!.data).toMatchObject({ violation_id: v.violation.id, seller_id: 'sel_kraus', withdrawn_at: t.clock.now().toISOString() });
    const audit = await t.as('admin', { method: 'GET', url: `/v1/audit?subject_type=violation&subject_id=${v.violation.id}` });
    expect(audit.json().items.map((e: Json) => e.action)).toContain('appeal.withdrawn');

    // nothing more to do on it
    const again = await t.as('integration', { method: 'POST', url: `/v1/appeals/${caseId}/withdraw`, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().reason).toBe('appeal.already_withdrawn');
    const decide = await t.as('senior', { method: 'POST', url: `/v1/appeals/${caseId}/decision`, payload: { decision: 'overturned', note: 'Too late.' } });
    expect(decide.statusCode).toBe(409);

    // the window is still open: a new appeal may be filed
    const second = await fileAppeal(v.violation.id, 'Neuer Einspruch mit der Bestellnummer.');
    expect(second).not.toBe(caseId);
  });

  it('refuses a decided appeal, an unknown case, a bad note and callers outside the seller channel', async () => {
    const v = await recordViolation('sel_hale');
    const caseId = await fileAppeal(v.violation.id, 'The address was for the condition report.');
    expect((await t.as('vendor', { method: 'POST', url: `/v1/appeals/${caseId}/withdraw`, payload: {} })).statusCode).toBe(403);
    const bad = await t.as('integration', { method: 'POST', url: `/v1/appeals/${caseId}/withdraw`, payload: { note: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0].field).toMatch(/note/);
    expect((await t.as('integration', { method: 'POST', url: '/v1/appeals/case_missing/withdraw', payload: {} })).statusCode).toBe(404);

    const decided = await t.as('manager', { method: 'POST', url: `/v1/appeals/${caseId}/decision`, payload: { decision: 'upheld', note: 'The address came before any order.' } });
    expect(decided.statusCode, decided.body).toBe(200);
    const late = await t.as('integration', { method: 'POST', url: `/v1/appeals/${caseId}/withdraw`, payload: {} });
    expect(late.statusCode).toBe(409);
    expect(late.json().reason).toBe('appeal.already_decided');
    expect((await events('appeal.withdrawn')).map((e) => e.data.case_id)).not.toContain(caseId);
  });
});
