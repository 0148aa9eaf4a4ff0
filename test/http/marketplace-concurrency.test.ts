import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, sql } from '../../src/db';
import { createTestApp, type TestApp } from '../helpers/app';

/*
 * Runs on both backends. On PostgreSQL the eight requests really overlap on separate pool
 * connections, and only the unique constraint decides who stores a message; PGlite has one
 * connection and runs them one after another, which must give the same answer.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { DATABASE_POOL_SIZE: '10' } });
});
afterAll(async () => {
  await t.close();
});

function message(n: number, conversations: number) {
  return {
    id: `race-${n}`,
    conversation_id: `race-cv-${n % conversations}`,
    buyer_id: `race-b-${n % conversations}`,
    seller_id: `race-s-${(n % conversations) % 7}`,
    listing_id: `race-l-${n % 11}`,
    sender_role: n % 3 === 0 ? 'seller' : 'buyer',
    body: `Could we meet at the fair to look at lot ${n}?`,
    sent_at: new Date(Date.UTC(2026, 9, 1) + n * 1000).toISOString(),
  };
}

async function scalar(q: ReturnType<typeof sql>): Promise<number> {
  const [r] = await query<{ n: number }>(t.database.db, q);
  return Number(r!.n);
}

describe(`eight identical batches posted at the same moment (${process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('store each message once and report the rest as duplicates', async () => {
    const items = Array.from({ length: 1000 }, (_, n) => message(n, 150));
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => t.as('integration', { method: 'POST', url: '/v1/messages:batch', payload: { items } })),
    );
    for (const r of responses) expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const reports = responses.map((r) => r.json());
    expect(reports.reduce((n, r) => n + r.stored, 0)).toBe(1000);
    expect(reports.reduce((n, r) => n + r.duplicates, 0)).toBe(7000);
    // each message was stored by exactly one of the eight
    const storedBy = new Map<string, number>();
    for (const r of reports) for (const it of r.items) if (it.status === 'stored') storedBy.set(it.id, (storedBy.get(it.id) ?? 0) + 1);
    expect(storedBy.size).toBe(1000);
    expect([...storedBy.values()].every((n) => n === 1)).toBe(true);

    expect(await scalar(sql`SELECT count(*)::int AS n FROM messages WHERE id LIKE 'race-%'`)).toBe(1000);
    expect(await scalar(sql`SELECT count(*)::int AS n FROM conversations WHERE id LIKE 'race-cv-%'`)).toBe(150);
    expect(await scalar(sql`SELECT sum(message_count)::int AS n FROM conversations WHERE id LIKE 'race-cv-%'`)).toBe(1000);
    expect(await scalar(sql`SELECT count(*)::int AS n FROM sellers WHERE id LIKE 'race-s-%'`)).toBe(7);
  });

  it('interleaved batches sharing conversations neither deadlock nor lose counts', async () => {
    // different slices of one stream, overlapping, in different orders
    const all = Array.from({ length: 2000 }, (_, n) => message(10_000 + n, 40));
    const slices = [all.slice(0, 800), all.slice(400, 1200).reverse(), all.slice(800, 1600), all.slice(1200, 2000).reverse(), all.slice(0, 2000).filter((_, i) => i % 2 === 0).slice(0, 1000), all.slice(300, 1300)];
    const responses = await Promise.all(slices.map((items) => t.as('integration', { method: 'POST', url: '/v1/messages:batch', payload: { items } })));
    for (const r of responses) expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const stored = responses.reduce((n, r) => n + r.json().stored, 0);
    expect(stored).toBe(2000);
    expect(await scalar(sql`SELECT count(*)::int AS n FROM messages WHERE id LIKE 'race-1____'`)).toBe(2000);
    expect(await scalar(sql`SELECT sum(message_count)::int AS n FROM conversations WHERE id LIKE 'race-cv-%'`)).toBe(3000);
  });

  it('two batches creating one conversation with different parties at once: one wins, the other is refused', async () => {
    for (let round = 0; round < 5; round++) {
      const conv = `race-split-${round}`;
      const a = Array.from({ length: 50 }, (_, i) => ({ ...message(90_000 + round * 1000 + i, 1), conversation_id: conv, buyer_id: 'race-buyer-a', seller_id: 'race-s-x' }));
      const b = Array.from({ length: 50 }, (_, i) => ({ ...message(90_500 + round * 1000 + i, 1), conversation_id: conv, buyer_id: 'race-buyer-b', seller_id: 'race-s-x' }));
      const [ra, rb] = await Promise.all([a, b].map((items) => t.as('integration', { method: 'POST', url: '/v1/messages:batch', payload: { items } })));
      const reports = [ra!.json(), rb!.json()];
      expect(reports.map((r) => r.stored).sort()).toEqual([0, 50]);
      expect(reports.map((r) => r.conflicts).sort()).toEqual([0, 50]);
      expect(await scalar(sql`SELECT message_count AS n FROM conversations WHERE id = ${conv}`)).toBe(50);
    }
  });

  it('concurrent event batches for the same listings and orders end at the latest state', async () => {
    const events: Record<string, unknown>[] = [];
    for (let l = 0; l < 20; l++) {
      for (let k = 0; k < 6; k++) {
        events.push({ id: `race-ev-${l}-${k}`, type: 'listing.status_changed', occurred_at: new Date(Date.UTC(2026, 9, 1, k)).toISOString(), listing_id: `race-evl-${l}`, status: ['active', 'on_hold', 'active', 'on_hold', 'active', 'sold'][k] });
      }
      events.push({ id: `race-oc-${l}`, type: 'order.created', occurred_at: '2026-10-01T00:00:00Z', order_id: `race-o-${l}`, listing_id: `race-evl-${l}`, buyer_id: 'race-ob', seller_id: 'race-os', amount_minor: 1000, currency: 'EUR' });
      events.push({ id: `race-ox-${l}`, type: 'order.cancelled', occurred_at: '2026-10-02T00:00:00Z', order_id: `race-o-${l}` });
    }
    // split into batches that each carry a different subset, so the order's events arrive in different batches at once
    const batches = [0, 1, 2, 3].map((b) => events.filter((_, i) => i % 4 === b));
    const responses = await Promise.all(batches.map((items) => t.as('integration', { method: 'POST', url: '/v1/events:batch', payload: { items } })));
    for (const r of responses) expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(responses.reduce((n, r) => n + r.json().stored, 0)).toBe(events.length);
    expect(await scalar(sql`SELECT count(*)::int AS n FROM listings WHERE id LIKE 'race-evl-%' AND status = 'sold'`)).toBe(20);
    expect(await scalar(sql`SELECT count(*)::int AS n FROM orders WHERE id LIKE 'race-o-%' AND status = 'cancelled'`)).toBe(20);
  });
});
