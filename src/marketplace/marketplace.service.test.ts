import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixedClock } from '../kernel';
import { query, sql } from '../db';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { createMarketplaceService, type MarketplaceService } from './marketplace.service';
import { pgArrayLiteral } from './ingest.store';
import { INGEST_KINDS } from './marketplace.model';
import { defaultCompiledRuleSet, scanConversation } from '../detection';
import type { MessageScanner } from './message-scan.model';

const rs = defaultCompiledRuleSet();
const scanner: MessageScanner = { current: async () => ({ version: rs.version, scan: (items, earlier) => scanConversation(rs, items, { earlier }) }) };

let database: TestDatabase;
let marketplace: MarketplaceService;
const actor = { type: 'system' as const, id: 'test' };

beforeAll(async () => {
  database = await createTestDatabase();
  marketplace = createMarketplaceService({ db: database.db, clock: fixedClock('2026-11-02T10:00:00Z'), scanner });
});
afterAll(async () => {
  await database.close();
});

const wellFormed = fc.string({ unit: 'grapheme', maxLength: 60 }).filter((s) => !s.includes('\u0000'));

describe('column arrays sent to the database', () => {
  it('carry any well-formed text unchanged (quotes, backslashes, braces, commas, NULL-looking words)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(wellFormed, fc.constantFrom('NULL', '"', '\\', '{}', ',', ' ', '')), { minLength: 1, maxLength: 20 }), async (values) => {
        const rows = await query<{ v: string }>(database.db, sql`SELECT v FROM unnest(${pgArrayLiteral(values)}::text[]) WITH ORDINALITY AS x(v, i) ORDER BY i`);
        expect(rows.map((r) => r.v)).toEqual(values);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a batch of anything', () => {
  const item = fc.oneof(
    fc.anything(),
    fc.record(
      {
        id: fc.oneof(fc.constantFrom('p-1', 'p-2', 'p-3'), fc.string()),
        conversation_id: fc.constantFrom('pc-1', 'pc-2'),
        buyer_id: fc.constantFrom('pb-1', 'pb-2'),
        seller_id: fc.constantFrom('ps-1'),
        sender_role: fc.constantFrom('buyer', 'seller', 'x'),
        body: fc.oneof(wellFormed, fc.string({ unit: 'binary' })),
        sent_at: fc.constantFrom('2026-01-01T00:00:00Z', '2026-13-01T00:00:00Z', 'x'),
        type: fc.constantFrom('listing.status_changed', 'order.created', 'order.cancelled'),
        occurred_at: fc.constantFrom('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'),
        listing_id: fc.constantFrom('pl-1', 'pl-2'),
        order_id: fc.constantFrom('po-1'),
        status: fc.constantFrom('active', 'sold', 'gone'),
        amount_minor: fc.integer(),
        currency: fc.constantFrom('EUR', 'eur'),
        name: wellFormed,
        country: fc.constantFrom('FR', 'XX'),
        time_zone: fc.constantFrom('Europe/Paris', 'Nowhere'),
        languages: fc.array(fc.constantFrom('fr', 'en', '!!')),
        tier: fc.constantFrom('gold', 'silver'),
        commission_rate_bps: fc.integer({ min: -5, max: 20_000 }),
        updated_at: fc.constantFrom('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'),
        title: wellFormed,
        category: fc.constantFrom('art', 'cars'),
        price_minor: fc.integer(),
      },
      { requiredKeys: [] },
    ),
  );

  it('never throws, answers one result per item in order, and the counts add up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...INGEST_KINDS), fc.array(item, { maxLength: 25 }), async (kind, items) => {
        const r = await marketplace.ingestBatch(actor, kind, items);
        expect(r.items.map((x) => x.index)).toEqual(items.map((_, i) => i));
        expect(r.stored + r.updated + r.duplicates + r.stale + r.conflicts + r.rejected).toBe(r.received);
        expect(r.received).toBe(items.length);
      }),
      { numRuns: 150 },
    );
  });

  it('survives objects whose fields throw when read', async () => {
    const hostile = { get id(): string { throw new Error('boom'); } };
    const r = await marketplace.ingestBatch(actor, 'messages', [hostile]);
    expect(r.items[0]).toMatchObject({ status: 'rejected' });
  });
});
