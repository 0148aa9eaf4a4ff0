import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  // The planted IBAN is valid, and `iban.valid` decides violations automatically: with automatic
  // violations paused (a bound of 0 opens the circuit at once) the case waits for a reviewer.
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000', AUTOMATION_MAX_VIOLATIONS_PER_HOUR: '0' } });
});
afterAll(async () => {
  await t.close();
});

const SELLER = 'Galerie Dupont';
const SELLER_EMAIL = 'galerie.dupont@example.fr';
const BUYER = 'Jean Martin';
const BUYER_EMAIL = 'jean.martin@mail.test';
const PHONE = '06 12 34 56 78';
const IBAN = 'FR76 3000 6000 0112 3456 7890 189';
const HANDLE = '@dupont_antiques';
/** Every datum a vendor must never read, planted in every place a vendor can see. */
const PLANTED = [SELLER, SELLER_EMAIL, BUYER, BUYER_EMAIL, PHONE, IBAN, HANDLE];
/** Parts that must not survive either: a surname alone, the digits of the phone run together. */
const FRAGMENTS = ['dupont', 'martin', '0612345678'];
const ALL = `${SELLER} ${SELLER_EMAIL} ${BUYER} ${BUYER_EMAIL} ${PHONE} ${IBAN} ${HANDLE}`;

/** Every response a vendor received in this file, to be searched for planted data. */
const vendorResponses: { what: string; res: LightMyRequestResponse }[] = [];
async function vendor(opts: InjectOptions): Promise<LightMyRequestResponse> {
  const res = await t.as('vendor', opts);
  vendorResponses.push({ what: `${opts.method ?? 'GET'} ${String(opts.url)} → ${res.statusCode}`, res });
  return res;
}

function expectNothingPlanted(what: string, body: string): void {
  for (const secret of PLANTED) expect(body, `${what} leaks ${secret}`).not.toContain(secret);
  for (const part of FRAGMENTS) expect(body.toLowerCase(), `${what} leaks ${part}`).not.toContain(part);
}

describe('an outsourced (vendor) reviewer', () => {
  let caseId = '';

  it('sees only granted queues, gets every planted personal datum masked on every route, and can only recommend', async () => {
    const ingest = async (kind: string, items: unknown[]) => {
      const res = await t.as('integration', { method: 'POST', url: `/v1/${kind}:batch`, payload: { items } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().stored, res.body).toBe(items.length);
    };
    const updatedAt = '2026-10-01T00:00:00Z';
    await ingest('sellers', [{ id: 'vs-1', name: SELLER, email: SELLER_EMAIL, country: 'FR', time_zone: 'Europe/Paris', languages: ['fr'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: updatedAt }]);
    await ingest('buyers', [{ id: 'vb-1', name: BUYER, email: BUYER_EMAIL, country: 'FR', updated_at: updatedAt }]);
    await ingest('listings', [
      { id: 'vl-1', seller_id: 'vs-1', title: `Commode Louis XV de ${SELLER}, ${PHONE}, ${HANDLE}`, category: 'furniture', price_minor: 1_250_000, currency: 'EUR', status: 'active', updated_at: updatedAt },
    ]);
    const body = `Bonjour ${BUYER}, ${SELLER} ici. Appelez le ${PHONE} ou ${SELLER_EMAIL}, IBAN ${IBAN}, insta ${HANDLE}`;
    await ingest('messages', [{ id: 'vm-1', conversation_id: 'vc-1', buyer_id: 'vb-1', seller_id: 'vs-1', listing_id: 'vl-1', sender_role: 'seller', body, sent_at: '2026-11-01T09:00:00Z', lang: 'fr' }]);
    caseId = (await t.as('agent', { method: 'GET', url: '/v1/cases?conversation_id=vc-1' })).json().items[0].id as string;
    expect((await t.as('agent', { method: 'POST', url: `/v1/cases/${caseId}/notes`, payload: { body: `Buyer ${BUYER_EMAIL} says ${SELLER} called: ${ALL}` } })).statusCode).toBe(201);
    const evidence = await t.as('agent', {
      method: 'POST',
      url: `/v1/cases/${caseId}/evidence`,
      payload: { filename: `${ALL}.txt`, content_type: 'text/plain', content_base64: Buffer.from('screenshot').toString('base64') },
    });
    expect(evidence.statusCode, evidence.body).toBe(201);

    // staff see everything that was planted: the check below can fail
    const staff = [(await t.as('agent', { method: 'GET', url: `/v1/review/cases/${caseId}` })).body, (await t.as('agent', { method: 'GET', url: `/v1/cases/${caseId}` })).body].join('\n');
    for (const secret of PLANTED) expect(staff, `staff view lacks ${secret}`).toContain(secret);

    // not granted yet: nothing to see or claim
    expect((await vendor({ method: 'GET', url: '/v1/review/queues' })).json().items).toEqual([]);
    expect((await vendor({ method: 'POST', url: '/v1/review/claims', payload: {} })).statusCode).toBe(404);
    expect((await vendor({ method: 'GET', url: `/v1/review/cases/${caseId}` })).statusCode).toBe(404);

    await t.as('admin', { method: 'POST', url: '/v1/queues/review/grants', payload: { vendor_org_id: t.vendorOrgId } });
    const claim = await vendor({ method: 'POST', url: '/v1/review/claims', payload: {} });
    expect(claim.statusCode, claim.body).toBe(201);
    expect(claim.json().case_id).toBe(caseId);
    // a release answers 204 with no body; claimed again, the case comes back
    const released = await vendor({ method: 'POST', url: `/v1/review/claims/${caseId}/release`, payload: { lease_token: claim.json().lease_token } });
    expect(released.statusCode, released.body).toBe(204);
    const again = await vendor({ method: 'POST', url: '/v1/review/claims', payload: {} });
    expect(again.statusCode, again.body).toBe(201);
    const token = again.json().lease_token as string;
    expect((await vendor({ method: 'POST', url: `/v1/review/claims/${caseId}/renew`, payload: { lease_token: token } })).statusCode).toBe(200);

    for (const url of [`/v1/review/cases/${caseId}`, `/v1/cases/${caseId}`, '/v1/review/queues', '/v1/cases?type=conversation_review', '/v1/cases?conversation_id=vc-1', '/v1/cases?seller_id=vs-1']) {
      const page = await vendor({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
    }
    const view = (await vendor({ method: 'GET', url: `/v1/review/cases/${caseId}` })).json();
    expect(view.parties).toMatchObject({ seller: 'Seller G.', buyer: 'Buyer J.' });
    expect(view.case.notes).toHaveLength(1);
    expect(view.case.evidence).toHaveLength(1);
    expect(view.case.timeline.some((e: { kind: string }) => e.kind === 'evidence')).toBe(true);
    const m = view.messages[0];
    for (const h of m.hits.filter((x: { kind: string }) => x.kind !== 'intent')) expect(m.body.slice(h.start, h.end)).toMatch(/^\[[a-z]+\]$/);
    // the generic case detail reduces names too, through the safety net
    const detail = (await vendor({ method: 'GET', url: `/v1/cases/${caseId}` })).json();
    expect(detail.notes[0].body).toContain('Seller G.');

    // a vendor's own note comes back masked; errors that echo input are masked
    expect((await vendor({ method: 'POST', url: `/v1/cases/${caseId}/notes`, payload: { body: `Second look: ${ALL}` } })).statusCode).toBe(201);
    const badClause = await vendor({ method: 'POST', url: `/v1/review/cases/${caseId}/decisions`, payload: { lease_token: token, decision: 'violation', clause_id: `TP-${SELLER_EMAIL}`, note: `About ${SELLER}` } });
    expect(badClause.statusCode).toBe(400);
    expect(badClause.json().errors[0]).toMatchObject({ field: '/clause_id', reason: expect.stringContaining('[email]') });
    expect([400, 404]).toContain((await vendor({ method: 'GET', url: `/v1/policy-clauses/${encodeURIComponent(BUYER_EMAIL)}` })).statusCode);
    expect((await vendor({ method: 'GET', url: `/v1/cases?seller_id=${encodeURIComponent(SELLER)}` })).statusCode).toBeLessThan(500);

    const rec = await vendor({ method: 'POST', url: `/v1/review/cases/${caseId}/decisions`, payload: { lease_token: token, decision: 'violation', clause_id: 'TP-2.1', note: `Phone and bank details before an order: ${ALL}` } });
    expect(rec.statusCode, rec.body).toBe(201);
    expect(rec.json().decision).toMatchObject({ recommendation: true, decision: 'violation' });
    const staffView = (await t.as('agent', { method: 'GET', url: `/v1/review/cases/${caseId}` })).json();
    expect(staffView.case.status).toBe('escalated');

    const confirm = await t.as('senior', { method: 'POST', url: `/v1/review/cases/${caseId}/confirmations`, payload: { recommendation_id: rec.json().decision.id, outcome: 'confirm', note: `Agreed: ${ALL}` } });
    expect(confirm.statusCode, confirm.body).toBe(201);
    expect(confirm.json().decision).toMatchObject({ decision: 'violation', recommendation: false, clause_id: 'TP-2.1' });
    // after the decision the vendor still reads the case (and the senior's note) masked
    expect((await vendor({ method: 'GET', url: `/v1/review/cases/${caseId}` })).statusCode).toBe(200);
    expect((await vendor({ method: 'GET', url: `/v1/cases/${caseId}` })).statusCode).toBe(200);
    const agreement = (await t.as('manager', { method: 'GET', url: `/v1/review/vendor-agreement?vendor_org_id=${t.vendorOrgId}` })).json();
    expect(agreement.items).toEqual([expect.objectContaining({ recommendations: 1, confirmed: 1, reversed: 0, agreement_rate: 1 })]);
  });

  it('masks a party named after the vendor first saw it (an ingest stub is not cached as nameless)', async () => {
    const msg = { id: 'vm-2', conversation_id: 'vc-2', buyer_id: 'vb-2', seller_id: 'vs-2', sender_role: 'seller', body: 'Moreau here, ring 06 98 76 54 32', sent_at: '2026-11-01T10:00:00Z', lang: 'fr' };
    expect((await t.as('integration', { method: 'POST', url: '/v1/messages:batch', payload: { items: [msg] } })).statusCode).toBe(200);
    const before = await vendor({ method: 'GET', url: '/v1/cases?conversation_id=vc-2' });
    expect(before.json().items).toHaveLength(1);
    const seller = { id: 'vs-2', name: 'Antiquités Moreau', email: 'moreau@antiques.test', country: 'FR', time_zone: 'Europe/Paris', languages: ['fr'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: '2026-10-02T00:00:00Z' };
    expect((await t.as('integration', { method: 'POST', url: '/v1/sellers:batch', payload: { items: [seller] } })).statusCode).toBe(200);
    const caseId2 = before.json().items[0].id as string;
    expect((await t.as('agent', { method: 'POST', url: `/v1/cases/${caseId2}/notes`, payload: { body: 'Antiquités Moreau, moreau@antiques.test' } })).statusCode).toBe(201);
    const after = await vendor({ method: 'GET', url: `/v1/cases/${caseId2}` });
    expect(after.statusCode).toBe(200);
    expect(after.body).not.toMatch(/moreau/i);
    expect(after.json().notes[0].body).toBe('Seller A., [email]');
  });

  it('cannot read the marketplace: conversations, sellers and listings are refused', async () => {
    for (const url of ['/v1/conversations', '/v1/conversations/vc-1', '/v1/sellers', '/v1/sellers/vs-1', '/v1/listings/vl-1']) {
      const res = await vendor({ method: 'GET', url });
      expect([403, 404], url).toContain(res.statusCode);
    }
  });

  it('never received a planted datum in any response: review pages, queues, claims, decisions, case list and detail, timeline, notes, evidence, errors', () => {
    expect(vendorResponses.length).toBeGreaterThan(20);
    for (const { what, res } of vendorResponses) expectNothingPlanted(what, `${JSON.stringify(res.headers)}\n${res.body}`);
  });
});
