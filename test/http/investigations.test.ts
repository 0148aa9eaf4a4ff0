import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, sql } from '../../src/db';
import { createTestApp, type TestApp } from '../helpers/app';
import { attachArtefact, findInvestigation, ingestAs, plantOffPlatformSale } from '../helpers/investigations';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// The clock stands at 2026-11-02T10:00:00Z.
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000', MARKETPLACE_NAME: 'Maison & Antiques' } });
});
afterAll(async () => {
  await t.close();
});

const ingest = (kind: string, items: unknown[]) => ingestAs(t, kind, items);
const plantSale = (x: string, opts: { sold?: boolean } = {}) => plantOffPlatformSale(t, x, opts);
const investigationOf = (conversation: string) => findInvestigation(t, conversation);
const attach = (caseId: string, type: string) => attachArtefact(t, caseId, type);

async function outbox(): Promise<Json[]> {
  const events: Json[] = [];
  let after = 0;
  for (;;) {
    const res = (await t.as('admin', { method: 'GET', url: `/v1/outbox?after_seq=${after}&limit=500` })).json();
    events.push(...res.items);
    if (res.next_after_seq === null) return events;
    after = res.next_after_seq;
  }
}

describe('investigations', () => {
  it('a listing marked sold after a phone number was exchanged opens a scored investigation from ingest, and a scan updates rather than duplicates it', async () => {
    const p = await plantSale('a');
    const inv = await investigationOf(p.conversation);
    expect(inv, 'opened by the listing event').toBeDefined();
    expect(inv!.score).toBeGreaterThanOrEqual(0.6);
    expect(inv!.signals.find((s: Json) => s.name === 'listing_changed_after_contact').explanation).toMatch(/went sold/);

    const scan = await t.as('manager', { method: 'POST', url: '/v1/investigations/scan', payload: {} });
    expect(scan.statusCode, scan.body).toBe(200);
    expect(scan.json().opened).toBe(0);
    const all = (await t.as('agent', { method: 'GET', url: '/v1/investigations?limit=200' })).json().items.filter((i: Json) => i.conversation_id === p.conversation);
    expect(all).toHaveLength(1);
    expect((await t.as('agent', { method: 'POST', url: '/v1/investigations/scan', payload: {} })).statusCode).toBe(403);
  });

  it('a contact exchange without a listing change stays below the threshold', async () => {
    const p = await plantSale('quiet', { sold: false });
    await t.as('manager', { method: 'POST', url: '/v1/investigations/scan', payload: {} });
    expect(await investigationOf(p.conversation)).toBeUndefined();
  });

  it('the case view merges messages with their hits, detections, the listing event and the signals in time order', async () => {
    const inv = (await investigationOf('c-a'))!;
    const res = await t.as('agent', { method: 'GET', url: `/v1/investigations/${inv.case_id}` });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    const kinds = v.timeline.map((e: Json) => e.kind);
    expect(kinds).toContain('message');
    expect(kinds).toContain('detection');
    expect(kinds).toContain('listing_event');
    expect(kinds).toContain('signal');
    const phone = v.timeline.find((e: Json) => e.kind === 'message' && e.id === 'm-a-2');
    expect(phone.hits.some((h: Json) => h.kind === 'phone')).toBe(true);
    const times = v.timeline.map((e: Json) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(v.listing).toMatchObject({ id: 'l-a', price_minor: 480_000, currency: 'EUR' });
  });

  it('confirming needs a senior and a hard artefact; signals alone are refused', async () => {
    const inv = (await investigationOf('c-a'))!;
    const agent = await t.as('agent', { method: 'POST', url: `/v1/investigations/${inv.case_id}/confirm`, payload: { note: 'Buyer confirmed' } });
    expect(agent.statusCode).toBe(403);
    const bare = await t.as('senior', { method: 'POST', url: `/v1/investigations/${inv.case_id}/confirm`, payload: { note: 'Strong signals' } });
    expect(bare.statusCode, bare.body).toBe(422);
    expect(bare.json().reason).toBe('investigation.confirmation_requires_artefact');
    const badType = await attach(inv.case_id, 'rumour');
    expect(badType.statusCode).toBe(400);
    const invoicePrice = await (async () => {
      expect((await attach(inv.case_id, 'buyer_confirmation')).statusCode).toBe(201);
      return t.as('senior', { method: 'POST', url: `/v1/investigations/${inv.case_id}/confirm`, payload: { note: 'x', price: { amount_minor: 450_000, currency: 'EUR', source: 'invoice' } } });
    })();
    expect(invoicePrice.statusCode, invoicePrice.body).toBe(400);
    expect(invoicePrice.json().errors[0].field).toBe('/price/source');
  });

  it('a confirmed sale issues one commission order at the rate of the tier at first contact, records a severe TP-1.3 violation and tells the seller', async () => {
    const inv = (await investigationOf('c-a'))!;
    const confirm = (key: string) =>
      t.as('senior', {
        method: 'POST',
        url: `/v1/investigations/${inv.case_id}/confirm`,
        headers: { 'idempotency-key': key },
        payload: { note: 'The buyer confirmed by e-mail that they paid the dealer directly.' },
      });
    const first = await confirm('confirm-a-1');
    expect(first.statusCode, first.body).toBe(201);
    const order = first.json();
    // listing price 4,800.00 EUR × 12% (silver on 20 October, not gold from 25 October)
    expect(order).toMatchObject({ status: 'issued', tier: 'silver', commission_rate_bps: 1200, sale_price: { amount_minor: 480_000, currency: 'EUR', source: 'listing_price' }, commission: { amount_minor: 57_600, currency: 'EUR' } });
    expect(order.lead_first_seen_at).toBe('2026-10-20T09:00:00.000Z');
    expect(order.violation_id).toMatch(/^vio_/);
    expect(order.notice_email_id).toMatch(/^eml_/);

    const again = await confirm('confirm-a-1');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(order.id);
    const other = await confirm('confirm-a-2');
    expect(other.statusCode).toBe(409);
    expect(other.json().reason).toBe('investigation.already_confirmed');

    const violation = (await t.as('agent', { method: 'GET', url: `/v1/violations/${order.violation_id}` })).json();
    expect(violation).toMatchObject({ seller_id: 's-a', severity: 'severe', case_id: inv.case_id });
    expect(violation.clause.clause_id).toBe('TP-1.3');

    // the webhook waits for the dealer's notice to leave (reasons before or with the decision)
    const issued = await query(t.database.db, sql`SELECT payload, after_email_id FROM outbox_events WHERE type = 'commission_order.issued' AND subject_id = ${order.id}`);
    expect(issued).toHaveLength(1);
    expect(issued[0]!['after_email_id']).toBe(order.notice_email_id);
    expect(issued[0]!['payload']).toMatchObject({ schema_version: 1, id: order.id, commission: { amount_minor: 57_600, currency: 'EUR' } });

    const email = (await t.as('admin', { method: 'GET', url: `/v1/emails/${order.notice_email_id}` })).json();
    expect(email.subject).toContain(order.id);
    expect(email.text).toContain('Commission due: €576.00');
    expect(email.text).toContain('TP-1.3');
    expect(email.text).toMatch(/dispute/);
  });

  it('an evidenced price from the dealer’s invoice replaces the listing price, in the listing currency only', async () => {
    await plantSale('inv');
    const inv = (await investigationOf('c-inv'))!;
    expect((await attach(inv.case_id, 'invoice')).statusCode).toBe(201);
    const wrong = await t.as('senior', { method: 'POST', url: `/v1/investigations/${inv.case_id}/confirm`, payload: { note: 'Invoice', price: { amount_minor: 400_000, currency: 'USD', source: 'invoice' } } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('/price/currency');
    const ok = await t.as('manager', { method: 'POST', url: `/v1/investigations/${inv.case_id}/confirm`, payload: { note: 'Invoice', price: { amount_minor: 450_050, currency: 'EUR', source: 'invoice' } } });
    expect(ok.statusCode, ok.body).toBe(201);
    // 4,500.50 × 12% = 540.06
    expect(ok.json()).toMatchObject({ sale_price: { amount_minor: 450_050, source: 'invoice' }, commission: { amount_minor: 54_006 } });
  });

  it('the buyer later buying the listing through checkout cancels the commission order automatically', async () => {
    const p = await plantSale('later');
    const inv = (await investigationOf(p.conversation))!;
    await attach(inv.case_id, 'seller_admission');
    const order = (await t.as('senior', { method: 'POST', url: `/v1/investigations/${inv.case_id}/confirm`, payload: { note: 'The dealer admitted it.' } })).json();
    await ingest('events', [{ id: 'e-later-order', type: 'order.created', occurred_at: '2026-11-02T09:00:00Z', order_id: 'o-later', listing_id: p.listing, buyer_id: p.buyer, seller_id: p.seller, amount_minor: 480_000, currency: 'EUR' }]);
    const after = (await t.as('integration', { method: 'GET', url: `/v1/commission-orders/${order.id}` })).json();
    expect(after).toMatchObject({ status: 'cancelled', cancel_reason: 'sold_through_checkout' });
    const cancelled = (await outbox()).filter((e) => e.type === 'commission_order.cancelled' && e.data.id === order.id);
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.data.order_id).toBe('o-later');
  });

  it('a dismissal records its reason for tuning', async () => {
    const p = await plantSale('dis');
    const inv = (await investigationOf(p.conversation))!;
    const bad = await t.as('agent', { method: 'POST', url: `/v1/investigations/${inv.case_id}/dismiss`, payload: { reason: 'because', note: 'x' } });
    expect(bad.statusCode).toBe(400);
    const res = await t.as('agent', { method: 'POST', url: `/v1/investigations/${inv.case_id}/dismiss`, payload: { reason: 'sold_to_someone_else', note: 'The dealer showed a gallery sale to a walk-in client.' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ open: false, outcome: 'dismissed', dismiss_reason: 'sold_to_someone_else' });
    const stats = (await t.as('agent', { method: 'GET', url: '/v1/investigations/dismissals' })).json();
    expect(stats.items).toContainEqual({ reason: 'sold_to_someone_else', count: 1 });
    const confirm = await t.as('senior', { method: 'POST', url: `/v1/investigations/${inv.case_id}/confirm`, payload: { note: 'x' } });
    expect(confirm.statusCode).toBe(409);
  });

  it('a dispute goes to a senior who upholds, adjusts with documents, or cancels; a webhook for each', async () => {
    const orders: Json[] = [];
    const o = (i: number): Json => orders[i]!;
    for (const x of ['d1', 'd2', 'd3']) {
      const p = await plantSale(x);
      const inv = (await investigationOf(p.conversation))!;
      await attach(inv.case_id, 'payment_proof');
      orders.push((await t.as('senior', { method: 'POST', url: `/v1/investigations/${inv.case_id}/confirm`, payload: { note: 'Payment proof from the buyer.' } })).json());
    }
    const file = async (o: Json) => {
      const res = await t.as('integration', { method: 'POST', url: `/v1/commission-orders/${o.id}/disputes`, payload: { reason: 'The chairs sold for less; invoice attached.' } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().commission_order.status).toBe('disputed');
      return res.json().dispute.case_id as string;
    };
    const decide = (o: Json, caseId: string, body: Json, role: 'senior' | 'agent' = 'senior') => t.as(role, { method: 'POST', url: `/v1/commission-orders/${o.id}/disputes/${caseId}/decision`, payload: body });

    const c1 = await file(o(0));
    expect((await t.as('integration', { method: 'POST', url: `/v1/commission-orders/${o(0).id}/disputes`, payload: { reason: 'again' } })).statusCode).toBe(409);
    expect((await decide(o(0), c1, { decision: 'upheld', note: 'x' }, 'agent')).statusCode).toBe(403);
    const up = await decide(o(0), c1, { decision: 'upheld', note: 'The payment proof matches the listing price.' });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().commission_order.status).toBe('confirmed');

    const c2 = await file(o(1));
    const noDocs = await decide(o(1), c2, { decision: 'adjusted', note: 'Invoice shows 4,000.', price_minor: 400_000 });
    expect(noDocs.statusCode).toBe(422);
    expect(noDocs.json().reason).toBe('commission_dispute.adjustment_requires_documents');
    const doc = await t.as('agent', { method: 'POST', url: `/v1/cases/${c2}/evidence`, payload: { filename: 'invoice.pdf', content_type: 'application/pdf', content_base64: Buffer.from('%PDF invoice').toString('base64') } });
    expect(doc.statusCode, doc.body).toBe(201);
    const adj = await decide(o(1), c2, { decision: 'adjusted', note: 'Invoice shows 4,000.', price_minor: 400_000 });
    expect(adj.statusCode, adj.body).toBe(200);
    expect(adj.json().commission_order).toMatchObject({ status: 'confirmed', commission: { amount_minor: 48_000 }, sale_price: { amount_minor: 400_000, source: 'invoice' } });
    expect(adj.json().dispute).toMatchObject({ outcome: 'adjusted', previous_commission_minor: 57_600 });

    const c3 = await file(o(2));
    const can = await decide(o(2), c3, { decision: 'cancelled', note: 'The buyer was an existing gallery client.' });
    expect(can.json().commission_order.status).toBe('cancelled');

    expect((await t.as('integration', { method: 'POST', url: `/v1/commission-orders/${o(2).id}/settlement`, payload: { outcome: 'collected' } })).statusCode).toBe(409);
    const paid = await t.as('integration', { method: 'POST', url: `/v1/commission-orders/${o(0).id}/settlement`, payload: { outcome: 'collected', note: 'Offset against the October payout.' } });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().status).toBe('collected');

    const types = (await outbox()).filter((e) => e.type.startsWith('commission_order.')).map((e) => `${e.type}:${e.data.id}`);
    expect(types).toContain(`commission_order.disputed:${o(0).id}`);
    expect(types).toContain(`commission_order.confirmed:${o(0).id}`);
    expect(types).toContain(`commission_order.adjusted:${o(1).id}`);
    expect(types).toContain(`commission_order.cancelled:${o(2).id}`);
    expect(types).toContain(`commission_order.collected:${o(0).id}`);
  });
});
