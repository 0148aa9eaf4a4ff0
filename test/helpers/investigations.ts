import { expect } from 'vitest';
import type { TestApp } from './app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/* Off-platform sale scenarios driven through the marketplace's ingest API. */

/** Posts a batch as the marketplace integration; every item must be stored or updated. */
export async function ingestAs(t: TestApp, kind: string, items: unknown[]): Promise<Json> {
  const res = await t.as('integration', { method: 'POST', url: `/v1/${kind}:batch`, payload: { items } });
  expect(res.statusCode, res.body).toBe(200);
  for (const i of res.json().items) expect(['stored', 'updated'], JSON.stringify(i)).toContain(i.status);
  return res.json();
}

/**
 * A dealer on the silver tier (12%) when the buyer first writes, gold (15%) a few days later; the
 * buyer offers, the dealer gives a phone number, the buyer says OK and goes quiet; two days later
 * the listing is marked sold with no order.
 */
export async function plantOffPlatformSale(t: TestApp, x: string, opts: { sold?: boolean } = {}): Promise<{ seller: string; buyer: string; listing: string; conversation: string }> {
  const seller = `s-${x}`;
  const buyer = `b-${x}`;
  const listing = `l-${x}`;
  const conversation = `c-${x}`;
  const sellerRecord = { id: seller, name: `Galerie ${x}`, email: `${x}@dealer.test`, country: 'FR', time_zone: 'Europe/Paris', languages: ['en'], status: 'active' };
  await ingestAs(t, 'sellers', [{ ...sellerRecord, tier: 'silver', commission_rate_bps: 1200, updated_at: '2026-09-01T00:00:00Z' }]);
  await ingestAs(t, 'sellers', [{ ...sellerRecord, tier: 'gold', commission_rate_bps: 1500, updated_at: '2026-10-25T00:00:00Z' }]);
  await ingestAs(t, 'buyers', [{ id: buyer, name: `Buyer ${x}`, email: `${x}@buyer.test`, country: 'GB', updated_at: '2026-09-01T00:00:00Z' }]);
  await ingestAs(t, 'listings', [{ id: listing, seller_id: seller, title: 'Pair of Wegner chairs', category: 'furniture', price_minor: 480_000, currency: 'EUR', status: 'active', updated_at: '2026-09-02T00:00:00Z' }]);
  const m = (i: number, role: 'buyer' | 'seller', body: string, at: string) => ({ id: `m-${x}-${i}`, conversation_id: conversation, buyer_id: buyer, seller_id: seller, listing_id: listing, sender_role: role, body, sent_at: at, lang: 'en' });
  await ingestAs(t, 'messages', [
    m(1, 'buyer', 'Hello, are the chairs still available? Would you take €4,200?', '2026-10-20T09:00:00Z'),
    m(2, 'seller', 'I can do 4.500 €. Easier by phone: call me on +33 6 12 34 56 78', '2026-10-20T10:00:00Z'),
    m(3, 'buyer', 'OK, I will call you', '2026-10-20T11:00:00Z'),
  ]);
  if (opts.sold !== false) await ingestAs(t, 'events', [{ id: `e-${x}-sold`, type: 'listing.status_changed', occurred_at: '2026-10-22T15:00:00Z', listing_id: listing, status: 'sold' }]);
  return { seller, buyer, listing, conversation };
}

/** The investigation of a conversation, if one was opened. */
export async function findInvestigation(t: TestApp, conversation: string): Promise<Json | undefined> {
  const res = await t.as('agent', { method: 'GET', url: '/v1/investigations?limit=200' });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Json[]).find((i) => i.conversation_id === conversation);
}

/** Attaches a small PDF as a hard artefact of the given type. */
export async function attachArtefact(t: TestApp, caseId: string, type: string) {
  return t.as('agent', {
    method: 'POST',
    url: `/v1/investigations/${caseId}/artefacts`,
    payload: { type, filename: `${type}.pdf`, content_type: 'application/pdf', content_base64: Buffer.from(`%PDF ${type}`).toString('base64') },
  });
}

