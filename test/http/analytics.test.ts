import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

/*
 * A small marketplace: six furniture dealers in France. Dealer s-0 gives a buyer a phone number and
 * the listing is marked sold two days later with no order; dealer s-1 exchanges an e-mail address and
 * the buyer then checks out; the others answer questions and sell through checkout.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  const sellers = Array.from({ length: 6 }, (_, i) => ({
    id: `s-${i}`, name: `Galerie ${i}`, email: `g${i}@dealer.example`, country: 'FR', time_zone: 'Europe/Paris', languages: ['en'],
    tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: '2026-01-01T00:00:00Z',
  }));
  await post('sellers', sellers);
  await post('buyers', Array.from({ length: 12 }, (_, i) => ({ id: `b-${i}`, name: `Buyer ${i}`, email: `b${i}@buyer.example`, country: 'GB', updated_at: '2026-01-01T00:00:00Z' })));
  const listings = [];
  for (let s = 0; s < 6; s++)
    for (let k = 0; k < 2; k++)
      listings.push({ id: `l-${s}-${k}`, seller_id: `s-${s}`, title: 'Walnut sideboard', category: 'furniture', price_minor: 450000, currency: 'EUR', status: 'active', created_at: '2026-06-01T00:00:00Z', updated_at: '2026-06-01T00:00:00Z' });
  await post('listings', listings);
  const messages = [];
  const events = [];
  for (let s = 0; s < 6; s++) {
    for (let k = 0; k < 2; k++) {
      const cv = `cv-${s}-${k}`;
      const buyer = `b-${s * 2 + k}`;
      const base = { conversation_id: cv, buyer_id: buyer, seller_id: `s-${s}`, listing_id: `l-${s}-${k}`, lang: 'en' };
      messages.push({ ...base, id: `${cv}-1`, sender_role: 'buyer', body: 'Is the sideboard still available? What are the dimensions?', sent_at: '2026-10-01T09:00:00Z' });
      const contact = s === 0 && k === 0 ? 'Call me on +33 6 12 34 56 78 and we sort it out between us.' : s === 1 && k === 0 ? 'Write to me at marchand.direct@gmail.com for the invoice.' : 'Yes, it is available: 180 x 45 x 80 cm.';
      messages.push({ ...base, id: `${cv}-2`, sender_role: 'seller', body: contact, sent_at: '2026-10-01T10:00:00Z' });
      if (s === 0 && k === 0) {
        events.push({ id: `ev-${cv}`, type: 'listing.status_changed', occurred_at: '2026-10-03T10:00:00Z', listing_id: `l-${s}-${k}`, status: 'sold' });
      } else {
        events.push({ id: `ord-${cv}`, type: 'order.created', occurred_at: '2026-10-02T10:00:00Z', order_id: `o-${cv}`, listing_id: `l-${s}-${k}`, buyer_id: buyer, seller_id: `s-${s}`, amount_minor: 450000, currency: 'EUR' });
      }
    }
  }
  await post('messages', messages);
  await post('events', events);
});
afterAll(async () => {
  await t.close();
});

async function post(kind: string, items: unknown[]) {
  const res = await t.as('integration', { method: 'POST', url: `/v1/${kind}:batch`, payload: { items } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().rejected, res.body).toBe(0);
}

const refresh = (role: 'manager' | 'admin' | 'agent' = 'manager', payload: Record<string, unknown> = {}) => t.as(role, { method: 'POST', url: '/v1/analytics/refresh', payload });

describe('off-platform analytics over HTTP', () => {
  it('reports nothing before the first refresh', async () => {
    const res = await t.as('agent', { method: 'GET', url: '/v1/analytics/off-platform/sellers' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ refresh: null, items: [], next_cursor: null });
  });

  it('lets managers and admins refresh, and refuses agents, vendors and integrations', async () => {
    expect((await refresh('agent')).statusCode).toBe(403);
    expect((await t.as('vendor', { method: 'POST', url: '/v1/analytics/refresh', payload: {} })).statusCode).toBe(403);
    const res = await refresh('manager');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ window_days: 180, status_change_days: 14, conversion_days: 30, facts_updated: 12, sellers: 6 });
  });

  it('ranks first the dealer whose listing was sold right after a phone number changed hands, with no order', async () => {
    const res = await t.as('agent', { method: 'GET', url: '/v1/analytics/off-platform/sellers?limit=3' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(3);
    expect(body.items[0]).toMatchObject({ seller_id: 's-0', rank: 1, candidate: true, conversations: 2, converted: 1, contact_conversations: 1, vanished_listings: 1, category: 'furniture', country: 'FR', peer_group: { level: 'category_country', size: 6 } });
    expect(body.items[0].vanished_rate.rate).toBe(1);
    expect(body.items[0].vanished_rate.z).toBeGreaterThan(1);
    // s-1 exchanged contact details too, but the buyer ordered: an ordinary sale
    const s1 = body.items.find((x: { seller_id: string }) => x.seller_id === 's-1');
    expect(s1 ?? { vanished_listings: 0, candidate: false }).toMatchObject({ vanished_listings: 0, candidate: false });
    expect(body.next_cursor).not.toBeNull();
    const rest = (await t.as('legal', { method: 'GET', url: `/v1/analytics/off-platform/sellers?limit=10&cursor=${body.next_cursor}` })).json();
    expect(rest.items.map((x: { rank: number }) => x.rank)).toEqual([4, 5, 6]);
    expect(rest.next_cursor).toBeNull();
  });

  it("shows a seller's contact conversations with the signals behind each", async () => {
    const res = await t.as('senior', { method: 'GET', url: '/v1/analytics/off-platform/sellers/s-0' });
    expect(res.statusCode, res.body).toBe(200);
    const [c] = res.json().conversations;
    expect(c).toMatchObject({ conversation_id: 'cv-0-0', buyer_id: 'b-0', contact_kinds: ['phone'], contact_at: '2026-10-01T10:00:00.000Z', listing_status: 'sold', status_changed_at: '2026-10-03T10:00:00.000Z', orders_between: 0 });
    expect(c.score).toBeGreaterThan(0.7);
    expect(c.signals.join(' | ')).toMatch(/contact details exchanged \(phone\).*marked sold.*2\.0 days after.*no order between/);
    const s1 = (await t.as('agent', { method: 'GET', url: '/v1/analytics/off-platform/sellers/s-1' })).json();
    expect(s1.conversations[0]).toMatchObject({ conversation_id: 'cv-1-0', contact_kinds: ['email'], orders_between: 1, listing_status: null });
  });

  it('refuses vendors and integrations, an unknown seller, and a made-up cursor, naming the field', async () => {
    expect((await t.as('vendor', { method: 'GET', url: '/v1/analytics/off-platform/sellers' })).statusCode).toBe(403);
    expect((await t.as('integration', { method: 'GET', url: '/v1/analytics/off-platform/sellers/s-0' })).statusCode).toBe(403);
    expect((await t.as('agent', { method: 'GET', url: '/v1/analytics/off-platform/sellers/s-nobody' })).statusCode).toBe(404);
    const bad = await t.as('agent', { method: 'GET', url: '/v1/analytics/off-platform/sellers?cursor=bm9wZQ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('/cursor');
    const badBody = await refresh('admin', { window_days: 0 });
    expect(badBody.statusCode).toBe(400);
  });

  it('rewrites only the conversations with new messages on the next refresh, and audits each refresh', async () => {
    await post('messages', [{ id: 'cv-2-1-3', conversation_id: 'cv-2-1', buyer_id: 'b-5', seller_id: 's-2', listing_id: 'l-2-1', sender_role: 'buyer', body: 'Thanks, delivered today.', sent_at: '2026-10-05T10:00:00Z', lang: 'en' }]);
    const next = await refresh('admin');
    expect(next.json().facts_updated).toBe(1);
    expect((await refresh('admin')).json().facts_updated).toBe(0);
    expect((await refresh('admin', { full: true })).json().facts_updated).toBe(12);
    const audit = await t.as('admin', { method: 'GET', url: '/v1/audit?subject_type=analytics_report&limit=50' });
    expect(audit.statusCode).toBe(200);
    expect(JSON.stringify(audit.json()).match(/analytics\.refreshed/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
  });
});
