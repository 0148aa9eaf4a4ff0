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

function message(id: string, over: Record<string, unknown> = {}) {
  return {
    id,
    conversation_id: 'cv-1',
    buyer_id: 'b-1',
    seller_id: 's-1',
    listing_id: 'l-1',
    sender_role: 'buyer',
    body: `Is the walnut sideboard still available? (${id})`,
    sent_at: '2026-10-01T09:00:00Z',
    lang: 'en',
    ...over,
  };
}

function seller(id: string, over: Record<string, unknown> = {}) {
  return {
    id,
    name: 'Galerie Marchand',
    email: 'contact@marchand.example',
    country: 'FR',
    time_zone: 'Europe/Paris',
    languages: ['fr', 'en'],
    tier: 'gold',
    commission_rate_bps: 1200,
    status: 'active',
    updated_at: '2026-09-01T00:00:00Z',
    ...over,
  };
}

async function post(kind: string, items: unknown[]) {
  return t.as('integration', { method: 'POST', url: `/v1/${kind}:batch`, payload: { items } });
}

async function count(table: string): Promise<number> {
  const [r] = await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`);
  return Number(r!.n);
}

describe('posting messages', () => {
  it('stores each message once when the same batch is posted twice, and reports the repeats as duplicates', async () => {
    const items = [message('dup-1', { conversation_id: 'cv-dup' }), message('dup-2', { conversation_id: 'cv-dup' }), message('dup-3', { conversation_id: 'cv-dup' })];
    const first = await post('messages', items);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ received: 3, stored: 3, duplicates: 0, rejected: 0 });
    const second = await post('messages', items);
    expect(second.json()).toMatchObject({ received: 3, stored: 0, duplicates: 3 });
    expect(second.json().items.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    const [row] = await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM messages WHERE conversation_id = 'cv-dup'`);
    expect(Number(row!.n)).toBe(3);
    const conv = await t.as('agent', { method: 'GET', url: '/v1/conversations/cv-dup' });
    expect(conv.json().message_count).toBe(3);
  });

  it('treats a repeat inside one batch as a duplicate of the first', async () => {
    const res = await post('messages', [message('inb-1'), message('inb-1')]);
    expect(res.json().items.map((r: { status: string }) => r.status)).toEqual(['stored', 'duplicate']);
  });

  it('refuses a reused message id with a different body as a conflict', async () => {
    await post('messages', [message('reuse-1')]);
    const res = await post('messages', [message('reuse-1', { body: 'a different text' }), message('reuse-2')]);
    expect(res.statusCode).toBe(200);
    const [conflict, ok] = res.json().items;
    expect(conflict).toMatchObject({ index: 0, id: 'reuse-1', status: 'conflict', reason: 'message.id_reused' });
    expect(conflict.errors[0].field).toBe('/items/0/body');
    expect(ok).toMatchObject({ index: 1, status: 'stored' });
    expect(res.json().conflicts).toBe(1);
    const [row] = await query<{ body: string }>(t.database.db, sql`SELECT body FROM messages WHERE id = 'reuse-1'`);
    expect(row!.body).toContain('walnut sideboard');
  });

  it('rejects a bad item with its index, field and reason while storing the good ones', async () => {
    const res = await post('messages', [
      message('good-1'),
      message('bad-1', { sent_at: 'yesterday' }),
      { ...message('bad-2'), body: 'x'.repeat(20_001) },
      message('good-2'),
      'not an object',
      message('bad-3', { sender_role: 'broker', buyer_id: undefined }),
    ]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ received: 6, stored: 2, rejected: 4 });
    expect(body.items[1]).toMatchObject({ index: 1, id: 'bad-1', status: 'rejected', errors: [{ field: '/items/1/sent_at' }] });
    expect(body.items[2].errors[0]).toMatchObject({ field: '/items/2/body', reason: expect.stringContaining('20000') });
    expect(body.items[4]).toMatchObject({ index: 4, status: 'rejected', errors: [{ field: '/items/4' }] });
    expect(body.items[5].errors.map((e: { field: string }) => e.field).sort()).toEqual(['/items/5/buyer_id', '/items/5/sender_role']);
    const [row] = await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM messages WHERE id IN ('good-1', 'good-2', 'bad-1', 'bad-2', 'bad-3')`);
    expect(Number(row!.n)).toBe(2);
  });

  it('creates conversations, buyers, sellers and listings referenced for the first time', async () => {
    const res = await post('messages', [
      message('ref-1', { conversation_id: 'cv-new', buyer_id: 'b-new', seller_id: 's-new', listing_id: 'l-new', sent_at: '2026-10-02T10:00:00Z' }),
      message('ref-2', { conversation_id: 'cv-new', buyer_id: 'b-new', seller_id: 's-new', listing_id: 'l-new', sender_role: 'seller', sent_at: '2026-10-02T09:00:00Z' }),
    ]);
    expect(res.json().stored).toBe(2);
    const conv = (await t.as('manager', { method: 'GET', url: '/v1/conversations/cv-new' })).json();
    expect(conv).toMatchObject({ buyer_id: 'b-new', seller_id: 's-new', listing_id: 'l-new', message_count: 2, first_message_at: '2026-10-02T09:00:00.000Z', last_message_at: '2026-10-02T10:00:00.000Z' });
    expect(conv.messages.map((m: { id: string }) => m.id)).toEqual(['ref-2', 'ref-1']);
    const s = (await t.as('agent', { method: 'GET', url: '/v1/sellers/s-new' })).json();
    expect(s).toMatchObject({ id: 's-new', known: false, name: null });
    const l = (await t.as('agent', { method: 'GET', url: '/v1/listings/l-new' })).json();
    expect(l).toMatchObject({ id: 'l-new', seller_id: 's-new', known: false });
  });

  it('refuses a message that names other parties than its conversation', async () => {
    await post('messages', [message('party-1', { conversation_id: 'cv-party' })]);
    const res = await post('messages', [message('party-2', { conversation_id: 'cv-party', buyer_id: 'b-other' })]);
    expect(res.json().items[0]).toMatchObject({ status: 'conflict', reason: 'conversation.party_mismatch', errors: [{ field: '/items/0/buyer_id' }] });
  });

  it('answers 400 naming body/items for a batch over the item limit', async () => {
    const items = Array.from({ length: 1001 }, (_, i) => message(`over-${i}`));
    const res = await post('messages', items);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().errors[0].field).toBe('body/items');
    expect(await count('messages')).toBeGreaterThan(0);
    const [row] = await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM messages WHERE id LIKE 'over-%'`);
    expect(Number(row!.n)).toBe(0);
  });

  it('audits each batch once, with counts and no message content', async () => {
    await t.app.services.audit.seal(1_000_000);
    const before = await count('audit_log');
    const res = await post('messages', [message('aud-1'), message('aud-2')]);
    await t.app.services.audit.seal(1_000_000);
    expect(await count('audit_log')).toBe(before + 1);
    const [entry] = await query<{ action: string; subject_id: string; fields: unknown }>(t.database.db, sql`SELECT action, subject_id, fields FROM audit_log ORDER BY seq DESC LIMIT 1`);
    expect(entry).toMatchObject({ action: 'ingest.batch', subject_id: res.json().batch_id });
    expect(JSON.stringify(entry)).not.toContain('walnut');
    const [batch] = await query<{ stored: number; kind: string }>(t.database.db, sql`SELECT stored, kind FROM ingest_batches WHERE id = ${res.json().batch_id}`);
    expect(batch).toMatchObject({ stored: 2, kind: 'messages' });
  });

  it('lets only the integration and admin roles post batches', async () => {
    for (const role of ['manager', 'senior', 'agent', 'legal', 'vendor'] as const) {
      const res = await t.as(role, { method: 'POST', url: '/v1/messages:batch', payload: { items: [] } });
      expect(res.statusCode, role).toBe(403);
    }
    expect((await t.as('admin', { method: 'POST', url: '/v1/messages:batch', payload: { items: [] } })).statusCode).toBe(200);
  });
});

describe('posting listing and order events', () => {
  it('ends at the latest status when listing events arrive out of order', async () => {
    const res = await post('events', [
      { id: 'ev-3', type: 'listing.status_changed', occurred_at: '2026-10-03T00:00:00Z', listing_id: 'l-ooo', status: 'sold' },
      { id: 'ev-1', type: 'listing.status_changed', occurred_at: '2026-10-01T00:00:00Z', listing_id: 'l-ooo', status: 'active' },
    ]);
    expect(res.json()).toMatchObject({ stored: 2 });
    const late = await post('events', [{ id: 'ev-2', type: 'listing.status_changed', occurred_at: '2026-10-02T00:00:00Z', listing_id: 'l-ooo', status: 'on_hold' }]);
    expect(late.json().stored).toBe(1);
    const l = (await t.as('agent', { method: 'GET', url: '/v1/listings/l-ooo' })).json();
    expect(l.status).toBe('sold');
    expect(l.history.map((h: { status: string }) => h.status)).toEqual(['active', 'on_hold', 'sold']);
  });

  it('applies price changes by their own time and reports a replayed event as a duplicate', async () => {
    const ev = [
      { id: 'pc-2', type: 'listing.price_changed', occurred_at: '2026-10-05T00:00:00Z', listing_id: 'l-price', price_minor: 900000, currency: 'EUR' },
      { id: 'pc-1', type: 'listing.price_changed', occurred_at: '2026-10-04T00:00:00Z', listing_id: 'l-price', price_minor: 1000000, currency: 'EUR' },
    ];
    await post('events', ev);
    const again = await post('events', ev);
    expect(again.json()).toMatchObject({ duplicates: 2, stored: 0 });
    const l = (await t.as('agent', { method: 'GET', url: '/v1/listings/l-price' })).json();
    expect(l).toMatchObject({ price_minor: 900000, currency: 'EUR' });
  });

  it('refuses a reused event id with different content', async () => {
    await post('events', [{ id: 'reused-ev', type: 'listing.status_changed', occurred_at: '2026-10-01T00:00:00Z', listing_id: 'l-re', status: 'active' }]);
    const res = await post('events', [{ id: 'reused-ev', type: 'listing.status_changed', occurred_at: '2026-10-01T00:00:00Z', listing_id: 'l-re', status: 'sold' }]);
    expect(res.json().items[0]).toMatchObject({ status: 'conflict', reason: 'event.id_reused' });
  });

  it('keeps an order.cancelled that arrives before its order.created and applies it when the order arrives', async () => {
    const cancel = await post('events', [{ id: 'oc-2', type: 'order.cancelled', occurred_at: '2026-10-02T00:00:00Z', order_id: 'ord-early' }]);
    expect(cancel.json().stored).toBe(1);
    await post('events', [
      { id: 'oc-1', type: 'order.created', occurred_at: '2026-10-01T00:00:00Z', order_id: 'ord-early', listing_id: 'l-ord', buyer_id: 'b-ord', seller_id: 's-ord', amount_minor: 450000, currency: 'EUR' },
    ]);
    const order = await t.app.services.marketplace.findOrder('ord-early');
    expect(order).toMatchObject({ status: 'cancelled', amountMinor: 450000, listingId: 'l-ord', sellerId: 's-ord' });
  });

  it('rejects an event of an unknown type and one missing its fields', async () => {
    const res = await post('events', [
      { id: 'bad-ev-1', type: 'listing.teleported', occurred_at: '2026-10-01T00:00:00Z' },
      { id: 'bad-ev-2', type: 'order.created', occurred_at: '2026-10-01T00:00:00Z', order_id: 'o-x' },
    ]);
    expect(res.json().items[0].errors[0]).toMatchObject({ field: '/items/0/type' });
    expect(res.json().items[1].errors.map((e: { field: string }) => e.field).sort()).toEqual([
      '/items/1/amount_minor',
      '/items/1/buyer_id',
      '/items/1/currency',
      '/items/1/listing_id',
      '/items/1/seller_id',
    ]);
  });
});

describe('syncing sellers, buyers and listings', () => {
  it('ignores a seller version older than the one held', async () => {
    const newer = await post('sellers', [seller('s-stale', { name: 'New name', updated_at: '2026-09-10T00:00:00Z' })]);
    expect(newer.json().items[0].status).toBe('stored');
    const older = await post('sellers', [seller('s-stale', { name: 'Old name', updated_at: '2026-09-01T00:00:00Z' })]);
    expect(older.json().items[0].status).toBe('stale');
    const same = await post('sellers', [seller('s-stale', { name: 'New name', updated_at: '2026-09-10T00:00:00Z' })]);
    expect(same.json().items[0].status).toBe('duplicate');
    const s = (await t.as('agent', { method: 'GET', url: '/v1/sellers/s-stale' })).json();
    expect(s).toMatchObject({ name: 'New name', known: true, country: 'FR', time_zone: 'Europe/Paris', languages: ['fr', 'en'] });
  });

  it('keeps the commission-rate history as tiers and rates change', async () => {
    await post('sellers', [
      seller('s-rate', { tier: 'silver', commission_rate_bps: 1500, updated_at: '2026-01-01T00:00:00Z' }),
      seller('s-rate', { tier: 'silver', commission_rate_bps: 1500, updated_at: '2026-03-01T00:00:00Z' }),
      seller('s-rate', { tier: 'gold', commission_rate_bps: 1200, updated_at: '2026-06-01T00:00:00Z' }),
    ]);
    // a revision that arrives late still takes its place in the history
    const late = await post('sellers', [seller('s-rate', { tier: 'bronze', commission_rate_bps: 1800, updated_at: '2025-10-01T00:00:00Z' })]);
    expect(late.json().items[0].status).toBe('stale');
    const s = (await t.as('agent', { method: 'GET', url: '/v1/sellers/s-rate' })).json();
    expect(s).toMatchObject({ tier: 'gold', commission_rate_bps: 1200 });
    expect(s.commission_rates).toEqual([
      { tier: 'bronze', rate_bps: 1800, effective_from: '2025-10-01T00:00:00.000Z' },
      { tier: 'silver', rate_bps: 1500, effective_from: '2026-01-01T00:00:00.000Z' },
      { tier: 'gold', rate_bps: 1200, effective_from: '2026-06-01T00:00:00.000Z' },
    ]);
    const m = t.app.services.marketplace;
    expect(await m.commissionRateAt('s-rate', new Date('2026-05-31T23:59:59Z'))).toMatchObject({ tier: 'silver', rateBps: 1500 });
    expect(await m.commissionRateAt('s-rate', new Date('2026-06-01T00:00:00Z'))).toMatchObject({ tier: 'gold', rateBps: 1200 });
    expect(await m.commissionRateAt('s-rate', new Date('2025-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('rejects sellers with a bad country, time zone, language or rate', async () => {
    const res = await post('sellers', [seller('s-bad', { country: 'UK', time_zone: 'Mars/Olympus', languages: ['fr', '??'], commission_rate_bps: 12.5 })]);
    expect(res.json().items[0].errors.map((e: { field: string }) => e.field).sort()).toEqual([
      '/items/0/commission_rate_bps',
      '/items/0/country',
      '/items/0/languages/1',
      '/items/0/time_zone',
    ]);
  });

  it('fills in a placeholder seller when the sync arrives', async () => {
    await post('messages', [message('ph-1', { conversation_id: 'cv-ph', seller_id: 's-ph' })]);
    const res = await post('sellers', [seller('s-ph')]);
    expect(res.json().items[0].status).toBe('stored');
    expect((await t.as('agent', { method: 'GET', url: '/v1/sellers/s-ph' })).json()).toMatchObject({ known: true, name: 'Galerie Marchand' });
  });

  it('upserts buyers and reports stale versions', async () => {
    const a = await post('buyers', [{ id: 'b-sync', name: 'A. Collector', country: 'US', updated_at: '2026-09-02T00:00:00Z' }]);
    expect(a.json().items[0].status).toBe('stored');
    const b = await post('buyers', [{ id: 'b-sync', name: 'A. Collector', country: 'US', email: 'a@collector.example', updated_at: '2026-09-03T00:00:00Z' }]);
    expect(b.json().items[0].status).toBe('updated');
    const c = await post('buyers', [{ id: 'b-sync', name: 'Old', updated_at: '2026-09-01T00:00:00Z' }]);
    expect(c.json().items[0].status).toBe('stale');
  });

  it('upserts listings, and a sync older than a status event leaves the status alone', async () => {
    const listing = {
      id: 'l-sync',
      seller_id: 's-1',
      title: 'Pair of Murano glass sconces',
      category: 'lighting',
      price_minor: 480000,
      currency: 'EUR',
      status: 'active',
      period: '1960s',
      materials: 'glass, brass',
      dimensions: 'H 40 cm',
      created_at: '2026-08-01T00:00:00Z',
      updated_at: '2026-08-01T00:00:00Z',
    };
    expect((await post('listings', [listing])).json().items[0].status).toBe('stored');
    await post('events', [{ id: 'ls-sold', type: 'listing.status_changed', occurred_at: '2026-09-15T00:00:00Z', listing_id: 'l-sync', status: 'sold' }]);
    const older = await post('listings', [{ ...listing, title: 'Pair of Murano sconces', updated_at: '2026-09-01T00:00:00Z' }]);
    expect(older.json().items[0].status).toBe('updated');
    const l = (await t.as('agent', { method: 'GET', url: '/v1/listings/l-sync' })).json();
    expect(l).toMatchObject({ status: 'sold', title: 'Pair of Murano sconces', price_minor: 480000, known: true });
    expect(l.history.map((h: { type: string; status: string | null }) => `${h.type}:${h.status ?? ''}`)).toEqual(['status_changed:active', 'price_changed:', 'status_changed:sold']);
    const newer = await post('listings', [{ ...listing, status: 'removed', price_minor: 450000, updated_at: '2026-10-01T00:00:00Z' }]);
    expect(newer.json().items[0].status).toBe('updated');
    const after = (await t.as('agent', { method: 'GET', url: '/v1/listings/l-sync' })).json();
    expect(after).toMatchObject({ status: 'removed', price_minor: 450000 });
    expect(after.history).toHaveLength(5);
  });
});

describe('reading marketplace data', () => {
  it('lists conversations by seller with cursor pagination', async () => {
    const items = Array.from({ length: 5 }, (_, i) =>
      message(`pg-${i}`, { conversation_id: `cv-pg-${i}`, seller_id: 's-pg', listing_id: undefined, sent_at: `2026-10-1${i}T00:00:00Z` }),
    );
    await post('messages', items);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/conversations?seller_id=s-pg&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`;
      const res = (await t.as('senior', { method: 'GET', url })).json();
      seen.push(...res.items.map((c: { id: string }) => c.id));
      cursor = res.next_cursor;
    } while (cursor !== null);
    expect(seen).toEqual(['cv-pg-4', 'cv-pg-3', 'cv-pg-2', 'cv-pg-1', 'cv-pg-0']);
    const bad = await t.as('senior', { method: 'GET', url: '/v1/conversations?cursor=garbage' });
    expect(bad.statusCode).toBe(400);
  });

  it('logs who read a conversation', async () => {
    await t.as('legal', { method: 'GET', url: '/v1/conversations/cv-1' });
    const rows = await query<{ resource_id: string }>(t.database.db, sql`SELECT resource_id FROM access_log WHERE resource_type = 'conversation' AND resource_id = 'cv-1'`);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('keeps marketplace data from vendor reviewers and the integration token', async () => {
    for (const url of ['/v1/conversations/cv-1', '/v1/conversations', '/v1/sellers/s-1', '/v1/sellers', '/v1/listings/l-1']) {
      expect((await t.as('vendor', { method: 'GET', url })).statusCode, url).toBe(403);
      expect((await t.as('integration', { method: 'GET', url })).statusCode, url).toBe(403);
    }
  });

  it('answers 404 for unknown ids', async () => {
    expect((await t.as('agent', { method: 'GET', url: '/v1/conversations/nope' })).statusCode).toBe(404);
    expect((await t.as('agent', { method: 'GET', url: '/v1/sellers/nope' })).statusCode).toBe(404);
    expect((await t.as('agent', { method: 'GET', url: '/v1/listings/nope' })).statusCode).toBe(404);
  });

  it('lists sellers by country', async () => {
    await post('sellers', [seller('s-it-1', { country: 'IT', time_zone: 'Europe/Rome' }), seller('s-it-2', { country: 'IT', time_zone: 'Europe/Rome' })]);
    const res = (await t.as('agent', { method: 'GET', url: '/v1/sellers?country=it' })).json();
    expect(res.items.map((s: { id: string }) => s.id)).toEqual(['s-it-1', 's-it-2']);
  });
});
