import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

/*
 * An incremental refresh rewrites only what changed: conversations with new messages, pairs of
 * parties with new orders, listings with new status changes, and keeps per-seller weekly counts in
 * step. Whatever arrives between refreshes, and however far time moves on, the report it leaves must
 * be the one a full rebuild computes from scratch.
 *
 * Six dealers in two countries, two listings each, eight buyers. Each run plays a few rounds of
 * marketplace traffic into its own conversations, refreshing after each round (with the window of that
 * round, 7 to 180 days, so conversations cross the window's edges), then compares the report with a
 * full rebuild's.
 */
let t: TestApp;
const SELLERS = 6;
const BUYERS = 8;
const ACTOR = { type: 'system' as const, id: 'test' };
const READER = { kind: 'token' as const, id: 'test', role: 'manager' as const, vendorOrgId: undefined, name: 'test' };

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  await post('sellers', Array.from({ length: SELLERS }, (_, i) => ({
    id: `s-${i}`, name: `Galerie ${i}`, email: `g${i}@dealer.example`, country: i % 2 === 0 ? 'FR' : 'IT', time_zone: 'Europe/Paris', languages: ['en'],
    tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: '2026-01-01T00:00:00Z',
  })));
  await post('buyers', Array.from({ length: BUYERS }, (_, i) => ({ id: `b-${i}`, name: `Buyer ${i}`, email: `b${i}@buyer.example`, country: 'GB', updated_at: '2026-01-01T00:00:00Z' })));
  await post('listings', Array.from({ length: SELLERS * 2 }, (_, i) => ({
    id: listing(i), seller_id: `s-${i % SELLERS}`, title: 'Walnut sideboard', category: i < SELLERS ? 'furniture' : 'lighting', price_minor: 450000, currency: 'EUR',
    status: 'active', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
  })));
});
afterAll(async () => {
  await t.close();
});

const listing = (i: number) => `l-${i}`;

async function post(kind: string, items: unknown[]) {
  if (items.length === 0) return;
  const res = await t.as('integration', { method: 'POST', url: `/v1/${kind}:batch`, payload: { items } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().rejected, res.body).toBe(0);
}

/** Conversation `c` of a run: a fixed buyer, seller and listing. */
function conversation(run: number, c: number) {
  const listingIndex = c % (SELLERS * 2);
  return { id: `r${run}-c${c}`, buyer: `b-${c % BUYERS}`, seller: `s-${listingIndex % SELLERS}`, listing: listing(listingIndex) };
}

const round = fc.record({
  messages: fc.array(fc.record({ conversation: fc.nat({ max: 9 }), hoursAgo: fc.integer({ min: 1, max: 24 * 60 }), contact: fc.boolean() }), { maxLength: 8 }),
  orders: fc.array(fc.record({ conversation: fc.nat({ max: 9 }), hoursAgo: fc.integer({ min: 1, max: 24 * 60 }) }), { maxLength: 3 }),
  statuses: fc.array(fc.record({ listing: fc.nat({ max: SELLERS * 2 - 1 }), status: fc.constantFrom('sold', 'removed', 'on_hold', 'active'), hoursAgo: fc.integer({ min: 1, max: 24 * 60 }) }), { maxLength: 3 }),
  advanceHours: fc.integer({ min: 0, max: 24 * 20 }),
  windowDays: fc.constantFrom(7, 30, 180),
});

type Round = typeof round extends fc.Arbitrary<infer R> ? R : never;

let run = 0;
let serial = 0;

/** One round of traffic, after moving the clock on. */
async function play(r: Round) {
  t.clock.advance(r.advanceHours * 3_600_000);
  const at = (hoursAgo: number) => new Date(t.clock.now().getTime() - hoursAgo * 3_600_000).toISOString();
  await post('messages', r.messages.map((m) => {
    const c = conversation(run, m.conversation);
    return {
      id: `m-${++serial}`, conversation_id: c.id, buyer_id: c.buyer, seller_id: c.seller, listing_id: c.listing, lang: 'en',
      sender_role: m.contact ? 'seller' : 'buyer', sent_at: at(m.hoursAgo),
      body: m.contact ? 'Call me on +33 6 12 34 56 78 and we sort it out between us.' : 'Is the sideboard still available? What are the dimensions?',
    };
  }));
  await post('events', [
    ...r.orders.map((o) => {
      const c = conversation(run, o.conversation);
      return { id: `ev-${++serial}`, type: 'order.created', occurred_at: at(o.hoursAgo), order_id: `o-${serial}`, listing_id: c.listing, buyer_id: c.buyer, seller_id: c.seller, amount_minor: 450000, currency: 'EUR' };
    }),
    ...r.statuses.map((s) => ({ id: `ev-${++serial}`, type: 'listing.status_changed', occurred_at: at(s.hoursAgo), listing_id: listing(s.listing), status: s.status })),
  ]);
}

/** The whole report: every ranked seller and each seller's page. */
async function report() {
  const analytics = t.app.services.analytics;
  const page = await analytics.listSellers(READER, { limit: 500 });
  const pages = [];
  for (const s of page.items) pages.push((await analytics.seller(READER, s.sellerId)).conversations);
  return { items: page.items, pages };
}

describe('the incremental refresh', () => {
  it('leaves the report a full rebuild computes, after any mix of messages, orders and listing status changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(round, { minLength: 1, maxLength: 4 }), async (rounds) => {
        run++;
        const analytics = t.app.services.analytics;
        for (const r of rounds) {
          await play(r);
          await analytics.refresh(ACTOR, { windowDays: r.windowDays });
        }
        const windowDays = rounds[rounds.length - 1]!.windowDays;
        const incremental = await report();
        const full = await analytics.refresh(ACTOR, { windowDays, full: true });
        expect(full.sellers).toBe(incremental.items.length);
        expect(incremental).toEqual(await report());
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
