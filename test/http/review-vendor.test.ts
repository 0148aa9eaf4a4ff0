import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
});
afterAll(async () => {
  await t.close();
});

const PLANTED = ['Galerie Dupont', 'galerie.dupont@example.fr', '06 12 34 56 78', 'jean.martin@mail.test', 'FR76 3000 6000 0112 3456 7890 189', '@dupont_antiques'];

describe('an outsourced (vendor) reviewer', () => {
  it('sees only granted queues, gets every planted personal datum masked, and can only recommend', async () => {
    const sellers = await t.as('integration', {
      method: 'POST',
      url: '/v1/sellers:batch',
      payload: { items: [{ id: 'vs-1', name: 'Galerie Dupont', email: 'galerie.dupont@example.fr', country: 'FR', time_zone: 'Europe/Paris', languages: ['fr'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: '2026-10-01T00:00:00Z' }] },
    });
    expect(sellers.statusCode, sellers.body).toBe(200);
    const body = 'Bonjour, Galerie Dupont ici. Appelez le 06 12 34 56 78 ou galerie.dupont@example.fr, IBAN FR76 3000 6000 0112 3456 7890 189, insta @dupont_antiques';
    const res = await t.as('integration', {
      method: 'POST',
      url: '/v1/messages:batch',
      payload: { items: [{ id: 'vm-1', conversation_id: 'vc-1', buyer_id: 'vb-1', seller_id: 'vs-1', sender_role: 'seller', body, sent_at: '2026-11-01T09:00:00Z', lang: 'fr' }] },
    });
    expect(res.statusCode).toBe(200);
    const caseId = (await t.as('agent', { method: 'GET', url: '/v1/cases?conversation_id=vc-1' })).json().items[0].id as string;
    await t.as('agent', { method: 'POST', url: `/v1/cases/${caseId}/notes`, payload: { body: 'Buyer jean.martin@mail.test says Galerie Dupont called from 06 12 34 56 78' } });

    // not granted yet: nothing to see or claim
    expect((await t.as('vendor', { method: 'GET', url: '/v1/review/queues' })).json().items).toEqual([]);
    expect((await t.as('vendor', { method: 'POST', url: '/v1/review/claims', payload: {} })).statusCode).toBe(404);
    expect((await t.as('vendor', { method: 'GET', url: `/v1/review/cases/${caseId}` })).statusCode).toBe(404);

    await t.as('admin', { method: 'POST', url: '/v1/queues/review/grants', payload: { vendor_org_id: t.vendorOrgId } });
    const claim = await t.as('vendor', { method: 'POST', url: '/v1/review/claims', payload: {} });
    expect(claim.statusCode, claim.body).toBe(201);
    expect(claim.json().case_id).toBe(caseId);

    for (const url of [`/v1/review/cases/${caseId}`, `/v1/cases/${caseId}`, '/v1/review/queues', '/v1/cases?type=conversation_review']) {
      const page = await t.as('vendor', { method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      // generic case routes get the pattern safety net only; party names are masked on /v1/review
      const secrets = url.startsWith('/v1/review') ? PLANTED : PLANTED.filter((x) => x !== 'Galerie Dupont');
      for (const secret of secrets) expect(page.body, `${url} leaks ${secret}`).not.toContain(secret);
    }
    const view = (await t.as('vendor', { method: 'GET', url: `/v1/review/cases/${caseId}` })).json();
    expect(view.parties.seller).toBe('Seller G.');
    const m = view.messages[0];
    for (const h of m.hits.filter((x: { kind: string }) => x.kind !== 'intent')) expect(m.body.slice(h.start, h.end)).toMatch(/^\[[a-z]+\]$/);

    const rec = await t.as('vendor', { method: 'POST', url: `/v1/review/cases/${caseId}/decisions`, payload: { lease_token: claim.json().lease_token, decision: 'violation', clause_id: 'TP-2.1', note: 'Phone and bank details before an order' } });
    expect(rec.statusCode, rec.body).toBe(201);
    expect(rec.json().decision).toMatchObject({ recommendation: true, decision: 'violation' });
    const staffView = (await t.as('agent', { method: 'GET', url: `/v1/review/cases/${caseId}` })).json();
    expect(staffView.case.status).toBe('escalated');

    const confirm = await t.as('senior', { method: 'POST', url: `/v1/review/cases/${caseId}/confirmations`, payload: { recommendation_id: rec.json().decision.id, outcome: 'confirm', note: 'Agreed' } });
    expect(confirm.statusCode, confirm.body).toBe(201);
    expect(confirm.json().decision).toMatchObject({ decision: 'violation', recommendation: false, clause_id: 'TP-2.1' });
    const agreement = (await t.as('manager', { method: 'GET', url: `/v1/review/vendor-agreement?vendor_org_id=${t.vendorOrgId}` })).json();
    expect(agreement.items).toEqual([expect.objectContaining({ recommendations: 1, confirmed: 1, reversed: 0, agreement_rate: 1 })]);
  });
});
