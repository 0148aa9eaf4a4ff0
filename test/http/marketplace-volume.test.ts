import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, sql } from '../../src/db';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** A deterministic small PRNG (mulberry32), so the repeats are the same every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function message(n: number) {
  return {
    id: `vol-${n}`,
    conversation_id: `vol-cv-${Math.floor(n / 8)}`,
    buyer_id: `vol-b-${Math.floor(n / 8) % 3000}`,
    seller_id: `vol-s-${Math.floor(n / 8) % 250}`,
    listing_id: `vol-l-${Math.floor(n / 8) % 5000}`,
    sender_role: n % 2 === 0 ? 'buyer' : 'seller',
    body: `Bonjour, the item ${n} is still available; shipping to Lyon would take about a week. Could you confirm the dimensions?`,
    sent_at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    lang: 'en',
  };
}

async function count(q: ReturnType<typeof sql>): Promise<number> {
  const [r] = await query<{ n: number }>(t.database.db, q);
  return Number(r!.n);
}

describe('posting 100,000 messages through the API, with repeats', () => {
  it('stores exactly the distinct messages', async () => {
    const rand = prng(7);
    const sequence: number[] = [];
    let next = 0;
    for (let k = 0; k < 100_000; k++) {
      // one item in five repeats a message posted earlier (in this batch or an earlier one)
      if (k % 5 === 4) sequence.push(Math.floor(rand() * next));
      else sequence.push(next++);
    }
    const distinct = next;
    let stored = 0;
    let duplicates = 0;
    const started = performance.now();
    for (let b = 0; b < sequence.length; b += 1000) {
      const items = sequence.slice(b, b + 1000).map(message);
      const res = await t.as('integration', { method: 'POST', url: '/v1/messages:batch', payload: { items } });
      expect(res.statusCode).toBe(200);
      const report = res.json();
      stored += report.stored;
      duplicates += report.duplicates;
      expect(report.rejected + report.conflicts).toBe(0);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`[marketplace-volume] ${t.database.kind}: 100,000 messages (${distinct} distinct) in ${seconds.toFixed(1)} s = ${Math.round(100_000 / seconds)} messages/s through the API`);

    expect(stored).toBe(distinct);
    expect(duplicates).toBe(100_000 - distinct);
    expect(await count(sql`SELECT count(*)::int AS n FROM messages WHERE id LIKE 'vol-%'`)).toBe(distinct);
    expect(await count(sql`SELECT COALESCE(sum(message_count), 0)::int AS n FROM conversations WHERE id LIKE 'vol-cv-%'`)).toBe(distinct);
    expect(await count(sql`SELECT count(*)::int AS n FROM ingest_batches WHERE kind = 'messages'`)).toBe(100);
  }, 240_000);
});
