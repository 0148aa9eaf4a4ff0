import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E, type Person } from './support';

/*
 * Seller Performance review in a real browser: an agent works three flagged conversations with the
 * keyboard alone, a vendor reviewer sees masked text and can only recommend, a senior confirms the
 * recommendation, and the policy browser finds a clause.
 */

const HOUR = 3600_000;
const people = {
  admin: { email: 'priya.natarajan@assay.test', name: 'Priya Natarajan', password: 'admin-password-2026', role: 'admin' },
  agent: { email: 'maya.laurent@assay.test', name: 'Maya Laurent', password: 'agent-password-2026', role: 'agent' },
  senior: { email: 'sofia.bianchi@assay.test', name: 'Sofia Bianchi', password: 'senior-password-2026', role: 'senior' },
  vendor: { email: 'tom.okafor@northwind.test', name: 'Tom Okafor', password: 'vendor-password-2026', role: 'vendor', vendorOrg: 'Northwind Review Ltd' },
} satisfies Record<string, Person>;

let e: E2E;

async function seed(): Promise<void> {
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  await e.call('POST', '/v1/sellers:batch', {
    items: [
      { id: 'sel_roux', name: 'Atelier Roux Antiquités', email: 'contact@roux-antiques.test', country: 'FR', time_zone: 'Europe/Paris', languages: ['fr', 'en'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: iso(30 * 24 * HOUR) },
      { id: 'sel_vandijk', name: 'Van Dijk Modern', email: 'info@vandijk-modern.test', country: 'NL', time_zone: 'Europe/Amsterdam', languages: ['nl', 'en'], tier: 'silver', commission_rate_bps: 1500, status: 'active', updated_at: iso(30 * 24 * HOUR) },
      { id: 'sel_hale', name: 'Hale & Finch Silver', email: 'shop@halefinch.test', country: 'GB', time_zone: 'Europe/London', languages: ['en'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: iso(30 * 24 * HOUR) },
      { id: 'sel_moreau', name: 'Galerie Moreau', email: 'bonjour@galerie-moreau.test', country: 'FR', time_zone: 'Europe/Paris', languages: ['fr'], tier: 'silver', commission_rate_bps: 1500, status: 'active', updated_at: iso(30 * 24 * HOUR) },
    ],
  });
  await e.call('POST', '/v1/listings:batch', {
    items: [
      { id: 'lst_commode', seller_id: 'sel_roux', title: 'Louis XV walnut commode with marble top', category: 'furniture', price_minor: 1_850_000, currency: 'EUR', status: 'active', created_at: iso(40 * 24 * HOUR), updated_at: iso(40 * 24 * HOUR) },
      { id: 'lst_lamp', seller_id: 'sel_vandijk', title: 'Gino Sarfatti model 2097/30 chandelier', category: 'lighting', price_minor: 960_000, currency: 'EUR', status: 'active', created_at: iso(20 * 24 * HOUR), updated_at: iso(20 * 24 * HOUR) },
      { id: 'lst_teaset', seller_id: 'sel_hale', title: 'George III silver tea service, London 1790', category: 'silver', price_minor: 720_000, currency: 'GBP', status: 'active', created_at: iso(20 * 24 * HOUR), updated_at: iso(20 * 24 * HOUR) },
      { id: 'lst_miroir', seller_id: 'sel_moreau', title: 'Miroir Régence en bois doré', category: 'mirrors', price_minor: 540_000, currency: 'EUR', status: 'active', created_at: iso(20 * 24 * HOUR), updated_at: iso(20 * 24 * HOUR) },
    ],
  });
  const conversation = (id: string, seller: string, buyer: string, listing: string, lang: string, lines: [string, string, number][]) =>
    lines.map(([role, body, ago], i) => ({ id: `${id}_${i + 1}`, conversation_id: id, buyer_id: buyer, seller_id: seller, listing_id: listing, sender_role: role, body, sent_at: iso(ago), lang }));
  await e.call('POST', '/v1/messages:batch', {
    items: [
      ...conversation('conv_commode', 'sel_roux', 'buy_hartley', 'lst_commode', 'en', [
        ['buyer', 'Good afternoon, is the commode still available? Could you tell me more about the marble top?', 6 * HOUR],
        ['seller', 'Bonjour! Yes, it is available. The marble is original with a small restored chip at the back left corner.', 5.5 * HOUR],
        ['buyer', 'Lovely. What would shipping to London cost, with white-glove delivery?', 5 * HOUR],
        ['seller', 'Around €900 with our usual transporter. Simpler to arrange directly: call me on WhatsApp +33 6 12 34 56 78 and I give you a better price without the platform fee.', 4.8 * HOUR],
        ['buyer', 'I would rather keep everything on the platform, for the buyer protection.', 4.5 * HOUR],
      ]),
      ...conversation('conv_lamp', 'sel_vandijk', 'buy_keller', 'lst_lamp', 'en', [
        ['buyer', 'Is the wiring original? We would need it rewired for the US.', 4 * HOUR],
        ['seller', 'It was rewired in 2019 to EU standard. Message me on WhatsApp +31 6 12 34 56 78 and I ship tomorrow, no platform fee.', 3.9 * HOUR],
      ]),
      ...conversation('conv_teaset', 'sel_hale', 'buy_osei', 'lst_teaset', 'en', [
        ['buyer', 'Does the tea service come with its original box?', 3 * HOUR],
        ['seller', 'No box, but full hallmarks. For a condition report write to shop.halefinch@gmail.com, I answer quickly.', 2.9 * HOUR],
      ]),
      ...conversation('conv_miroir', 'sel_moreau', 'buy_durand', 'lst_miroir', 'fr', [
        ['buyer', 'Bonjour, le miroir est-il toujours disponible ?', 2 * HOUR],
        ['seller', 'Oui. Appelez-moi au 06 12 34 56 78 pour éviter les frais de la plateforme.', 1.9 * HOUR],
      ]),
    ],
  });
  await e.call('POST', '/v1/queues/review/grants', { vendor_org_id: e.vendorOrgIds['Northwind Review Ltd'] });
}

/** The case id of the review screen the page shows, once it has loaded. */
async function currentCase(): Promise<string> {
  await e.page.waitForURL(/\/review\/[^/]+$/);
  await e.page.getByRole('heading', { name: 'Decision', exact: true }).or(e.page.getByRole('heading', { name: 'Your recommendation' })).waitFor();
  await e.page.locator('.msg-focused').waitFor();
  return decodeURIComponent(new URL(e.page.url()).pathname.split('/').pop()!);
}

async function reviewOf(caseId: string) {
  return e.call('GET', `/v1/review/cases/${caseId}`);
}

async function focusedMessage(): Promise<string | null> {
  return e.page.locator('.msg-focused').getAttribute('data-message-id');
}

beforeAll(async () => {
  e = await startE2E(Object.values(people));
  await seed();
}, 180_000);

afterAll(async () => {
  await e?.close();
});

describe('reviewing conversations in the browser', () => {
  it('shows an agent the review queues by language and priority', async () => {
    await e.signIn(people.agent);
    await e.page.getByRole('heading', { name: 'Review', level: 1 }).waitFor();
    const rows = e.page.locator('tr[data-line]');
    await rows.first().waitFor();
    const lines = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-line')));
    expect(lines.some((l) => l?.startsWith('review|en|'))).toBe(true);
    expect(lines.some((l) => l?.startsWith('review|fr|'))).toBe(true);
    const data = await e.call('GET', '/v1/review/queues');
    const en = (data.items as { lang: string; open: number }[]).filter((l) => l.lang === 'en').reduce((n, l) => n + l.open, 0);
    expect(en).toBe(3);
    await e.shot('20-review-queues');
  });

  it('reviews three cases with the keyboard alone: violation with a clause, no violation with a reason, escalation', async () => {
    const page = e.page;
    const enRows = page.locator('tr[data-line^="review|en|"]');
    // Claim from the first English row: focus its button and press Enter.
    await enRows.first().getByRole('button', { name: /Start reviewing/ }).focus();
    await page.keyboard.press('Enter');

    // 1 — read with j/k, then v, search the clause, Enter.
    const first = await currentCase();
    await e.shot('21-review-case');
    // The flagged message is never the first one here, so k moves up and j comes back.
    const start = await focusedMessage();
    await page.keyboard.press('k');
    const above = await focusedMessage();
    expect(above).not.toBe(start);
    expect(await page.locator('.msg-focused').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('j');
    expect(await focusedMessage()).toBe(start);

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.textContent()).toContain('Violation: opens the clause picker');
    await e.shot('22-review-shortcuts');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    await page.keyboard.press('v');
    const violation = page.getByRole('dialog', { name: 'Violation' });
    await violation.waitFor();
    await page.getByRole('option').first().waitFor();
    await page.keyboard.type('TP-2.1');
    await expect.poll(() => page.locator('.clause-option.active .clause-id').textContent()).toBe('TP-2.1');
    await e.shot('23-review-clause-picker');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.endsWith(first));
    const d1 = await reviewOf(first);
    expect(d1.decisions).toHaveLength(1);
    expect(d1.decisions[0]).toMatchObject({ decision: 'violation', clause_id: 'TP-2.1', recommendation: false });
    expect(d1.case.status).toBe('decided_violation');

    // 2 — n, the fourth reason by its number, Enter.
    const second = await currentCase();
    expect(second).not.toBe(first);
    await page.getByText(/Violation of TP-2\.1 recorded\. Here is the next case\./).waitFor();
    await page.keyboard.press('n');
    await page.getByRole('dialog', { name: 'No violation' }).waitFor();
    await page.keyboard.press('4');
    expect(await page.getByRole('radio', { name: /Not a contact detail/ }).isChecked()).toBe(true);
    await e.shot('24-review-no-violation');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.endsWith(second));
    const d2 = await reviewOf(second);
    expect(d2.decisions[0]).toMatchObject({ decision: 'no_violation', reason: 'not_contact_detail' });
    expect(d2.case.status).toBe('decided_no_violation');

    // 3 — e, a note typed with letters that are shortcuts elsewhere (they must not fire), Enter.
    const third = await currentCase();
    expect(new Set([first, second, third]).size).toBe(3);
    await page.keyboard.press('e');
    const escalate = page.getByRole('dialog', { name: 'Escalate to a senior' });
    await escalate.waitFor();
    await page.keyboard.type('Gmail address: is this a business contact? jvnek');
    expect(await page.getByRole('dialog').count()).toBe(1);
    await page.keyboard.press('Enter');
    // Nothing English is left: back on the overview with what happened.
    await page.waitForURL((u) => u.pathname === '/review');
    await page.getByText(/Escalated to a senior\. Nothing else is waiting in this queue and language\./).waitFor();
    const d3 = await reviewOf(third);
    expect(d3.decisions[0]).toMatchObject({ decision: 'escalate', note: 'Gmail address: is this a business contact? jvnek' });
    expect(d3.case.status).toBe('escalated');
    await e.signOut();
  });

  let vendorCase = '';
  it('shows a vendor reviewer masked text and lets them only recommend', async () => {
    const page = e.page;
    await e.signIn(people.vendor);
    const nav = await page.getByRole('navigation').getByRole('link').allTextContents();
    expect(nav).toEqual(['Review', 'Cases', 'Policies']);
    await page.locator('tr[data-line^="review|fr|"]').getByRole('button', { name: /Start reviewing/ }).click();
    vendorCase = await currentCase();
    const thread = (await page.getByRole('log', { name: 'Conversation messages' }).textContent()) ?? '';
    expect(thread).not.toContain('06 12 34 56 78');
    expect(thread).toMatch(/\[(phone|number)\]/);
    expect(thread).not.toContain('Galerie Moreau');
    expect(await page.getByRole('button', { name: 'Violation', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Recommend violation/ }).isVisible()).toBe(true);
    await e.shot('25-review-vendor-masked');

    await page.keyboard.press('v');
    await page.getByRole('dialog', { name: 'Recommend: violation' }).waitFor();
    await page.keyboard.type('TP-2.1');
    await expect.poll(() => page.locator('.clause-option.active .clause-id').textContent()).toBe('TP-2.1');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/review');
    const v = await reviewOf(vendorCase);
    expect(v.decisions[0]).toMatchObject({ decision: 'violation', clause_id: 'TP-2.1', recommendation: true, confirmed_by: null });
    expect(v.case.status).toBe('escalated');
    await e.signOut();
  });

  it('lets a senior confirm the vendor recommendation', async () => {
    const page = e.page;
    await e.signIn(people.senior);
    const waiting = page.getByRole('region', { name: /Waiting for a senior/ });
    await waiting.getByRole('link').first().waitFor();
    expect(await waiting.getByRole('link').count()).toBe(2); // the agent's escalation and the vendor's recommendation
    await e.shot('26-review-senior-overview');
    await page.goto(`${e.base}/review/${vendorCase}`);
    await page.getByRole('heading', { name: 'Vendor recommendation' }).waitFor();
    // Seniors read the conversation unmasked.
    expect(await page.getByRole('log', { name: 'Conversation messages' }).textContent()).toContain('06 12 34 56 78');
    await e.shot('27-review-senior-confirm');
    await page.getByRole('button', { name: /Confirm violation/ }).click();
    await page.getByRole('dialog', { name: 'Confirm the recommendation' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Recommendation confirmed.').waitFor();
    const v = await reviewOf(vendorCase);
    expect(v.case.status).toBe('decided_violation');
    expect(v.decisions.find((d: { recommendation: boolean }) => d.recommendation).confirmed_by).not.toBeNull();
  });

  it('finds TP-2.1 in the policy browser', async () => {
    const page = e.page;
    await page.getByRole('link', { name: 'Policies', exact: true }).click();
    await page.getByRole('heading', { name: 'Policies', level: 1 }).waitFor();
    await page.locator('.clause').first().waitFor();
    await e.shot('28-policies');
    await page.keyboard.press('/');
    await page.keyboard.type('contact details before an order');
    const result = page.locator('.clause-result', { has: page.locator('.clause-id', { hasText: 'TP-2.1' }) });
    await result.first().waitFor();
    await result.first().click();
    await page.locator('#clause-TP-2\\.1.clause-active').waitFor();
    expect(await page.locator('#clause-TP-2\\.1').textContent()).toMatch(/contact/i);
    await e.shot('29-policies-search');
  });

  it('raised no script errors', () => {
    expect(e.pageErrors).toEqual([]);
  });
});
