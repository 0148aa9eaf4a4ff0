import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E, type Person } from './support';

/*
 * The manager's dashboard drawn from the operations report, and a seller's risk against its peers,
 * in a real browser. Everything is made through the API: six French furniture dealers with ten
 * ordinary conversations each (four, or two for Maison Lefèvre, ending in an order); Maison Lefèvre
 * also gives a buyer a WhatsApp number and the listing is marked sold with no order (a confirmed
 * off-platform sale: a commission order); La Bastide sends an IBAN (an automatic violation); Marchal
 * & Fils an e-mail address (a reviewer's violation, appealed and overturned); Kunsthandel Klein a
 * phone number (waiting in the German queue); Nouveau Design has two conversations only.
 */

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const people = {
  admin: { email: 'priya.natarajan@assay.test', name: 'Priya Natarajan', password: 'admin-password-2026', role: 'admin' },
  manager: { email: 'elena.rossi@assay.test', name: 'Elena Rossi', password: 'manager-password-2026', role: 'manager' },
} satisfies Record<string, Person>;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DEALERS = [
  { id: 'sel_lefevre', name: 'Maison Lefèvre', orders: 2 },
  { id: 'sel_bastide', name: 'La Bastide Antiques', orders: 4 },
  { id: 'sel_marchal', name: 'Marchal & Fils', orders: 4 },
  { id: 'sel_duval', name: 'Galerie Duval', orders: 4 },
  { id: 'sel_perrin', name: 'Perrin Mobilier', orders: 4 },
  { id: 'sel_roche', name: 'Atelier Roche', orders: 4 },
];
const CONVERSATIONS_EACH = 10;

let e: E2E;
/** What was seeded, counted as the report must count it. */
const seeded = { messages: 0, violations: 4 };
let seniorToken: string;

async function asSenior(method: 'POST', url: string, payload: unknown): Promise<Json> {
  const res = await e.app.http.inject({ method, url, headers: { authorization: `Bearer ${seniorToken}` }, payload: payload as Record<string, unknown> });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json();
}

async function seed(): Promise<void> {
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  const seller = (id: string, name: string, country: string) => ({
    id,
    name,
    email: `contact@${id.slice(4)}.test`,
    country,
    time_zone: country === 'DE' ? 'Europe/Berlin' : 'Europe/Paris',
    languages: country === 'DE' ? ['de'] : ['fr', 'en'],
    tier: 'gold',
    commission_rate_bps: 1200,
    status: 'active',
    updated_at: iso(60 * DAY),
  });
  await e.call('POST', '/v1/sellers:batch', {
    items: [...DEALERS.map((d) => seller(d.id, d.name, 'FR')), seller('sel_klein', 'Kunsthandel Klein', 'DE'), seller('sel_nouveau', 'Nouveau Design', 'FR')],
  });
  const listing = (id: string, sellerId: string, title: string) => ({ id, seller_id: sellerId, title, category: 'furniture', price_minor: 480_000, currency: 'EUR', status: 'active', created_at: iso(50 * DAY), updated_at: iso(50 * DAY) });
  const listings = [];
  const messages = [];
  const events = [];
  const message = (id: string, conversation: string, sellerId: string, buyer: string, listingId: string, role: string, body: string, msAgo: number, lang = 'en') => ({
    id,
    conversation_id: conversation,
    buyer_id: buyer,
    seller_id: sellerId,
    listing_id: listingId,
    sender_role: role,
    body,
    sent_at: iso(msAgo),
    lang,
  });
  for (const [d, dealer] of DEALERS.entries()) {
    for (let k = 0; k < CONVERSATIONS_EACH; k++) {
      const l = `lst_${dealer.id.slice(4)}_${k}`;
      const buyer = `buy_${d}_${k}`;
      const conv = `conv_${dealer.id.slice(4)}_${k}`;
      const ago = (2 + (k % 5)) * DAY + d * HOUR;
      listings.push(listing(l, dealer.id, `Walnut sideboard no. ${k + 1}`));
      messages.push(message(`${conv}_1`, conv, dealer.id, buyer, l, 'buyer', 'Is the chair still available?', ago));
      messages.push(message(`${conv}_2`, conv, dealer.id, buyer, l, 'seller', 'Yes, it is available: 180 x 45 x 80 cm.', ago - HOUR));
      if (k < dealer.orders) events.push({ id: `ord_${conv}`, type: 'order.created', occurred_at: iso(ago - 2 * HOUR), order_id: `o_${conv}`, listing_id: l, buyer_id: buyer, seller_id: dealer.id, amount_minor: 480_000, currency: 'EUR' });
    }
  }
  // Maison Lefèvre's sale taken off the platform: a WhatsApp number, then the listing sold with no order
  listings.push(listing('lst_lefevre_bureau', 'sel_lefevre', 'Louis XVI mahogany bureau plat'));
  messages.push(message('conv_bureau_1', 'conv_bureau', 'sel_lefevre', 'buy_hartley', 'lst_lefevre_bureau', 'buyer', 'Hello, is the bureau still available? Would you take €4,200?', 4 * DAY));
  messages.push(message('conv_bureau_2', 'conv_bureau', 'sel_lefevre', 'buy_hartley', 'lst_lefevre_bureau', 'seller', 'Call me on WhatsApp +33 6 12 34 56 78 for a better price.', 4 * DAY - HOUR));
  messages.push(message('conv_bureau_3', 'conv_bureau', 'sel_lefevre', 'buy_hartley', 'lst_lefevre_bureau', 'buyer', 'Thank you.', 4 * DAY - 2 * HOUR));
  events.push({ id: 'evt_bureau_sold', type: 'listing.status_changed', occurred_at: iso(2 * DAY), listing_id: 'lst_lefevre_bureau', status: 'sold' });
  listings.push(listing('lst_bastide_iban', 'sel_bastide', 'Provençal walnut buffet'));
  messages.push(message('conv_iban_1', 'conv_iban', 'sel_bastide', 'buy_osei', 'lst_bastide_iban', 'seller', 'Pay by transfer to GB82 WEST 1234 5698 7654 32 and I will ship tomorrow.', 3 * DAY));
  listings.push(listing('lst_marchal_mail', 'sel_marchal', 'Pair of Directoire bergères'));
  messages.push(message('conv_mail_1', 'conv_mail', 'sel_marchal', 'buy_durand', 'lst_marchal_mail', 'seller', 'Write to me at marchand.direct@gmail.com for the invoice.', 3 * DAY));
  listings.push(listing('lst_klein_uhr', 'sel_klein', 'Biedermeier Kommode'));
  messages.push(message('conv_uhr_1', 'conv_uhr', 'sel_klein', 'buy_keller', 'lst_klein_uhr', 'seller', 'Rufen Sie mich an unter 0171 2345678, dann sparen wir uns die Gebühren der Plattform.', 2 * DAY, 'de'));
  for (let k = 0; k < 2; k++) {
    const l = `lst_nouveau_${k}`;
    listings.push(listing(l, 'sel_nouveau', `Bauhaus desk no. ${k + 1}`));
    messages.push(message(`conv_nouveau_${k}_1`, `conv_nouveau_${k}`, 'sel_nouveau', `buy_n_${k}`, l, 'buyer', 'Is the chair still available?', 5 * DAY));
    messages.push(message(`conv_nouveau_${k}_2`, `conv_nouveau_${k}`, 'sel_nouveau', `buy_n_${k}`, l, 'seller', 'Yes, it is available: 180 x 45 x 80 cm.', 5 * DAY - HOUR));
  }
  await e.call('POST', '/v1/listings:batch', { items: listings });
  await e.call('POST', '/v1/messages:batch', { items: messages });
  await e.call('POST', '/v1/events:batch', { items: events });
  seeded.messages = messages.length;

  // The reviewer (the admin here) decides both English cases as violations.
  for (let i = 0; i < 2; i++) {
    const lease = await e.call('POST', '/v1/review/claims', { queue: 'review', lang: 'en' });
    await e.call('POST', `/v1/review/cases/${lease.case_id}/decisions`, { lease_token: lease.lease_token, decision: 'violation', clause_id: 'TP-2.1', note: 'Contact details offered to move the sale off the platform.' });
  }
  const violationOf = async (sellerId: string) => ((await e.call('GET', `/v1/violations?seller_id=${sellerId}`)).items as Json[])[0]!.id as string;
  const marchal = await e.call('POST', `/v1/violations/${await violationOf('sel_marchal')}/appeals`, { reason: 'The address is our accounts department for invoices.' });
  await e.call('POST', `/v1/violations/${await violationOf('sel_bastide')}/appeals`, { reason: 'The bank details were for a deposit.' });
  // A senior other than the reviewer decides the appeal.
  seniorToken = (await e.app.services.identity.createApiToken({ type: 'system', id: 'e2e' }, { name: 'e2e senior', role: 'senior' })).token;
  await asSenior('POST', `/v1/appeals/${marchal.appeal.case_id}/decision`, { decision: 'overturned', note: 'An invoice address the buyer asked for.' });

  const inv = ((await e.call('GET', '/v1/investigations?limit=50')).items as Json[]).find((i) => i.conversation_id === 'conv_bureau')!;
  await e.call('POST', `/v1/investigations/${inv.case_id}/artefacts`, { type: 'buyer_confirmation', filename: 'buyer.pdf', content_type: 'application/pdf', content_base64: Buffer.from('%PDF buyer').toString('base64') });
  await e.call('POST', `/v1/investigations/${inv.case_id}/confirm`, { note: 'The buyer confirmed paying the dealer directly.' });
}

beforeAll(async () => {
  e = await startE2E(Object.values(people));
  await seed();
}, 180_000);

afterAll(async () => {
  await e?.close();
});

const labelOf = async (region: string) => (await e.page.getByRole('region', { name: region }).getByRole('img').first().getAttribute('aria-label')) ?? '';

describe('the operations dashboard and the risk against peers', () => {
  it('shows a manager the period in charts with exact numbers, and the same numbers as tables', async () => {
    const page = e.page;
    await e.signIn(people.manager);
    await page.waitForURL((u) => u.pathname === '/dashboard');
    await page.getByRole('region', { name: 'Message volume' }).getByRole('img').first().waitFor();

    const report = await e.call('GET', `/v1/analytics/operations?${new URLSearchParams({ from: new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) })}`);
    expect(report.totals.messages.total).toBe(seeded.messages);
    expect(report.totals.messages.violation).toBe(seeded.violations);

    expect(await labelOf('Message volume')).toContain(`${seeded.messages} in all, ${seeded.messages - seeded.violations} clear, 0 for review, ${seeded.violations} violations`);
    // one automatic violation (the IBAN), two reviewer decisions: a third settled automatically
    expect(await labelOf('Automation rate')).toContain('33% settled automatically; 0 cleared automatically, 1 automatic violations, 2 reviewer decisions, 0 escalations');
    // four review cases, the investigation and two appeals opened; three reviews, the investigation and one appeal closed
    const cases = await labelOf('Cases opened and closed');
    expect(cases).toContain('7 opened (4 conversation review, 1 investigation, 2 appeal, 0 commission dispute)');
    expect(cases).toContain('5 closed (3 conversation review, 1 investigation, 1 appeal, 0 commission dispute)');
    // the sale, a severe violation after Lefèvre's first strike, skips to the third step
    const notices = await labelOf('Notices by ladder step');
    expect(notices).toContain('Education 3, Formal warning 0, Restriction 1, Suspension 0, Termination 0, Appeal filed 2, Appeal upheld 0, Appeal overturned 1');
    expect(await labelOf('Appeal outcomes')).toContain('Appeals filed from');
    expect(await labelOf('Appeal outcomes')).toContain(': 2; 0 upheld, 1 overturned, 0 withdrawn, 1 pending.');
    expect(await labelOf('Commission orders')).toContain('1 issued, 0 disputed');
    expect(await labelOf('Commission orders')).toContain('€576.00 commission');

    const stat = (label: string) => page.locator('.stat').filter({ has: page.locator('.stat-label', { hasText: label }) });
    expect(await stat('Investigations open').locator('.stat-value').textContent()).toBe('0');
    expect(await stat('Commission orders outstanding').locator('.stat-value').textContent()).toBe('1');
    expect(await stat('Commission orders outstanding').locator('.stat-note').textContent()).toBe('€576.00 owed');
    await e.shot('80-dashboard-operations');
    await page.setViewportSize({ width: 1366, height: 2300 });
    await e.shot('81-dashboard-operations-full');
    await page.setViewportSize({ width: 1366, height: 768 });

    // The same numbers as tables.
    const casesCard = page.getByRole('region', { name: 'Cases opened and closed' });
    await casesCard.getByRole('button', { name: 'Table' }).click();
    expect(await casesCard.getByRole('row', { name: /Conversation review/ }).getByRole('cell').allTextContents()).toEqual(['4', '3', '1']);
    expect(await casesCard.getByRole('row', { name: /Appeal/ }).getByRole('cell').allTextContents()).toEqual(['2', '1', '1']);
    const messagesCard = page.getByRole('region', { name: 'Message volume' });
    await messagesCard.getByRole('button', { name: 'Table' }).click();
    expect(await messagesCard.getByRole('row', { name: /Total/ }).getByRole('cell').allTextContents()).toEqual([String(seeded.messages), String(seeded.messages - seeded.violations), '0', String(seeded.violations)]);
    const commission = page.getByRole('region', { name: 'Commission orders' });
    await commission.getByRole('button', { name: 'Table' }).click();
    expect(await commission.getByRole('row', { name: /Issued/ }).getByRole('cell').allTextContents()).toEqual(['EUR', '1', '€576.00', '€4,800.00']);
    await messagesCard.scrollIntoViewIfNeeded();
    await e.shot('82-dashboard-operations-tables');

    // Ninety days, by week: the same totals.
    await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: '90 days' }).click();
    await page.getByText(/· by week/).waitFor();
    await messagesCard.getByRole('button', { name: 'Chart' }).click();
    expect(await labelOf('Message volume')).toContain(`${seeded.messages} in all`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).scrollIntoViewIfNeeded();
    await e.shot('83-dashboard-90-days');
  });

  it("says when the off-platform report has not been refreshed, and a manager refreshes it from the seller's profile", async () => {
    const page = e.page;
    await page.goto(`${e.base}/sellers/sel_lefevre`);
    await page.getByRole('heading', { name: /Maison Lefèvre/, level: 1 }).waitFor();
    const panel = page.getByRole('region', { name: 'Risk compared with peers' });
    await panel.getByText('The off-platform report has not been refreshed yet').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await e.shot('84-seller-risk-not-refreshed');
    await panel.getByRole('button', { name: 'Refresh the report' }).click();
    await panel.getByRole('table').waitFor();
  });

  it("shows a seller's rates against its peers, with the report's date", async () => {
    const page = e.page;
    const panel = page.getByRole('region', { name: 'Risk compared with peers' });
    const api = await e.call('GET', '/v1/analytics/off-platform/sellers/sel_lefevre');
    const s = api.seller;
    expect(s).toMatchObject({ category: 'furniture', country: 'FR', peer_group: { level: 'category_country', size: 7 }, conversations: 11, contact_conversations: 1, vanished_listings: 1, candidate: true });
    expect(await panel.textContent()).toContain('High: listings vanished after contact');
    expect(await panel.textContent()).toContain('7 furniture sellers in FR');
    const vanished = panel.getByRole('row', { name: /Listings vanished after contact/ });
    expect(await vanished.textContent()).toContain('1 of 1');
    expect(await vanished.getByRole('cell').first().textContent()).toBe('100%');
    expect(await vanished.textContent()).toContain('highest among peers');
    const z = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(1)}`;
    expect(await vanished.getByRole('cell').last().textContent()).toBe(z(s.vanished_rate.z));
    const conversion = panel.getByRole('row', { name: /Conversations ending in an order/ });
    expect(await conversion.textContent()).toContain('2 of 11');
    expect(await conversion.getByRole('cell').first().textContent()).toBe(`${Math.round(s.conversion.rate * 100)}%`);
    expect(await panel.textContent()).toContain(`${z(s.risk_score)} SD from peers`);
    await panel.scrollIntoViewIfNeeded();
    await e.shot('85-seller-risk-against-peers');
  });

  it('says so when a seller has too little data to compare', async () => {
    const page = e.page;
    await page.goto(`${e.base}/sellers/sel_nouveau`);
    await page.getByRole('heading', { name: /Nouveau Design/, level: 1 }).waitFor();
    const panel = page.getByRole('region', { name: 'Risk compared with peers' });
    await panel.getByText('Too little data to judge.').waitFor();
    expect(await panel.textContent()).toContain('Only 2 conversations');
    expect(await panel.getByRole('row', { name: /Listings vanished after contact/ }).textContent()).toContain('no contact exchange to judge');
    await panel.scrollIntoViewIfNeeded();
    await e.shot('86-seller-risk-too-little-data');
  });

  it("puts the seller's risk in the review screen's seller panel", async () => {
    const page = e.page;
    const klein = ((await e.call('GET', '/v1/cases?seller_id=sel_klein')).items as Json[])[0]!;
    await page.goto(`${e.base}/review/${klein.id}`);
    const risk = page.getByRole('group', { name: 'Off-platform risk' });
    await risk.waitFor();
    expect(await risk.textContent()).toContain('Too little data');
    await e.shot('87-review-seller-risk');
  });

  it('raised no script errors', () => {
    expect(e.pageErrors).toEqual([]);
  });
});
