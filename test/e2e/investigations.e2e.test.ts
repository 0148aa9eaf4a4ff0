import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E, type Person } from './support';

/*
 * A senior works an off-platform sale in a real browser: the dealer gave a phone number, the buyer
 * said OK, and the listing went sold with no order. Scoring opens an investigation; the senior opens
 * it from the list, reads the signals, attaches the invoice, checks the amount preview and confirms,
 * and the commission order is issued exactly once.
 */

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const people = {
  admin: { email: 'priya.natarajan@assay.test', name: 'Priya Natarajan', password: 'admin-password-2026', role: 'admin' },
  senior: { email: 'tomas.lindqvist@assay.test', name: 'Tomas Lindqvist', password: 'senior-password-2026', role: 'senior' },
  agent: { email: 'amara.okafor@assay.test', name: 'Amara Okafor', password: 'agent-password-2026', role: 'agent' },
} satisfies Record<string, Person>;

let e: E2E;
let caseId: string;
let lampCaseId: string;

async function seed(): Promise<void> {
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  const dealer = { id: 'sel_wegner', name: 'Galerie Nordlys', email: 'post@nordlys.test', country: 'DK', time_zone: 'Europe/Copenhagen', languages: ['en', 'da'], status: 'active' };
  // Silver (12%) when the buyer first writes; gold (15%) since yesterday: the order uses 12%.
  await e.call('POST', '/v1/sellers:batch', { items: [{ ...dealer, tier: 'silver', commission_rate_bps: 1200, updated_at: iso(60 * DAY) }] });
  await e.call('POST', '/v1/sellers:batch', { items: [{ ...dealer, tier: 'gold', commission_rate_bps: 1500, updated_at: iso(1 * DAY) }] });
  await e.call('POST', '/v1/buyers:batch', { items: [{ id: 'buy_hansen', name: 'Mette Hansen', email: 'mette@buyer.test', country: 'GB', updated_at: iso(60 * DAY) }] });
  await e.call('POST', '/v1/listings:batch', {
    items: [{ id: 'lst_chairs', seller_id: 'sel_wegner', title: 'Pair of Wegner CH24 chairs', category: 'furniture', price_minor: 480_000, currency: 'EUR', status: 'active', updated_at: iso(20 * DAY) }],
  });
  const m = (i: number, role: 'buyer' | 'seller', body: string, ago: number) => ({
    id: `msg_chairs_${i}`,
    conversation_id: 'conv_chairs',
    buyer_id: 'buy_hansen',
    seller_id: 'sel_wegner',
    listing_id: 'lst_chairs',
    sender_role: role,
    body,
    sent_at: iso(ago),
    lang: 'en',
  });
  await e.call('POST', '/v1/messages:batch', {
    items: [
      m(1, 'buyer', 'Hello, are the chairs still available? Would you take €4,200?', 5 * DAY),
      m(2, 'seller', 'I can do 4.500 €. Easier by phone: call me on +45 20 12 34 56', 5 * DAY - HOUR),
      m(3, 'buyer', 'OK, I will call you', 5 * DAY - 2 * HOUR),
    ],
  });
  // A second lead on the same dealer: an email address given, the lamp marked sold soon after.
  await e.call('POST', '/v1/buyers:batch', { items: [{ id: 'buy_berg', name: 'Lars Berg', email: 'lars@buyer.test', country: 'SE', updated_at: iso(60 * DAY) }] });
  await e.call('POST', '/v1/listings:batch', {
    items: [{ id: 'lst_lamp', seller_id: 'sel_wegner', title: 'Poul Henningsen PH5 lamp', category: 'lighting', price_minor: 120_000, currency: 'EUR', status: 'active', updated_at: iso(20 * DAY) }],
  });
  await e.call('POST', '/v1/messages:batch', {
    items: [
      { ...m(1, 'buyer', 'Is the PH5 original? Would you take €1,000?', 4 * DAY), id: 'msg_lamp_1', conversation_id: 'conv_lamp', buyer_id: 'buy_berg', listing_id: 'lst_lamp' },
      { ...m(2, 'seller', 'Yes, 1958. Write to me at nordlys.lars@gmail.com and we agree it there.', 4 * DAY - HOUR), id: 'msg_lamp_2', conversation_id: 'conv_lamp', buyer_id: 'buy_berg', listing_id: 'lst_lamp' },
    ],
  });
  await e.call('POST', '/v1/events:batch', { items: [{ id: 'evt_lamp_sold', type: 'listing.status_changed', occurred_at: iso(2 * DAY), listing_id: 'lst_lamp', status: 'sold' }] });
  await e.call('POST', '/v1/events:batch', { items: [{ id: 'evt_chairs_sold', type: 'listing.status_changed', occurred_at: iso(3 * DAY), listing_id: 'lst_chairs', status: 'sold' }] });
  await e.call('POST', '/v1/investigations/scan', {});
  const list = await e.call('GET', '/v1/investigations?limit=200');
  const inv = list.items.find((i: { conversation_id: string }) => i.conversation_id === 'conv_chairs');
  if (inv === undefined) throw new Error('scoring opened no investigation for conv_chairs');
  caseId = inv.case_id;
  const lamp = list.items.find((i: { conversation_id: string }) => i.conversation_id === 'conv_lamp');
  if (lamp === undefined) throw new Error('scoring opened no investigation for conv_lamp');
  lampCaseId = lamp.case_id;
}

beforeAll(async () => {
  e = await startE2E(Object.values(people));
  await seed();
}, 180_000);

afterAll(async () => {
  await e?.close();
});

describe('an off-platform sale investigation', () => {
  it('lists the investigation by score with its top signals, seller and listing', async () => {
    const page = e.page;
    await e.signIn(people.senior);
    // The list names sellers and listings itself: no request per row for them.
    const perRow: string[] = [];
    const watch = (r: { url(): string }) => {
      if (/\/v1\/(sellers|listings)\//.test(new URL(r.url()).pathname)) perRow.push(r.url());
    };
    page.on('request', watch);
    await page.getByRole('navigation').getByRole('link', { name: 'Investigations' }).click();
    await page.getByRole('heading', { name: 'Investigations', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: /Pair of Wegner CH24 chairs/ });
    await row.waitFor();
    await row.getByText('Galerie Nordlys').waitFor();
    await page.waitForLoadState('networkidle');
    page.off('request', watch);
    expect(perRow).toEqual([]);
    // Highest score first.
    const scores = (await page.getByRole('meter').evaluateAll((els) => els.map((el) => el.getAttribute('aria-valuenow')))).map(Number);
    expect(scores).toHaveLength(2);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(await row.textContent()).toContain('Contact exchanged');
    expect(await row.textContent()).toContain('Listing changed after contact');
    const inv = await e.call('GET', `/v1/investigations/${caseId}`);
    expect(await row.getByRole('meter').getAttribute('aria-label')).toBe(`Score ${inv.score.toFixed(2)}`);
    await e.shot('60-investigations-list');
    await row.getByRole('link', { name: /Open the investigation of Galerie Nordlys, Pair of Wegner/ }).click();
    await page.waitForURL((u) => u.pathname === `/investigations/${caseId}`);
  });

  it('shows the evidence timeline with the phone number highlighted and the signals with their contributions', async () => {
    const page = e.page;
    await page.getByRole('heading', { name: /Galerie Nordlys/, level: 1 }).waitFor();
    const timeline = page.getByRole('list', { name: 'Evidence in time order' });
    const phone = timeline.locator('mark.hit-phone');
    await phone.waitFor();
    expect(await phone.textContent()).toContain('+45 20 12 34 56');
    expect(await timeline.textContent()).toContain('Listing marked sold');

    const inv = await e.call('GET', `/v1/investigations/${caseId}`);
    const signals = page.getByRole('list', { name: 'Signals and their contributions to the score' });
    for (const s of inv.signals.filter((x: { contribution: number }) => x.contribution > 0)) {
      expect(await signals.textContent()).toContain(`+${s.contribution.toFixed(2)}`);
      expect((await signals.textContent())?.toLowerCase()).toContain(s.explanation.toLowerCase()); // shown as a sentence
    }
    // Signals alone do not confirm: the button waits for a hard artefact and says why.
    const confirm = page.getByRole('button', { name: 'Confirm off-platform sale…' });
    expect(await confirm.isDisabled()).toBe(true);
    expect(await page.locator('#confirm-blocked').textContent()).toMatch(/Attach a hard artefact first/);
    await e.shot('61-investigation');
  });

  it('attaches the invoice, previews the commission at the rate of first contact, confirms and shows the order', async () => {
    const page = e.page;
    const form = page.getByRole('form', { name: 'Attach artefact' });
    await form.getByLabel('Artefact type').selectOption('invoice');
    await form.getByLabel('File').setInputFiles({ name: 'invoice-nordlys-0412.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 Invoice 0412: 2 × CH24, EUR 4,500.00') });
    await form.getByRole('button', { name: 'Attach artefact' }).click();
    await page.getByRole('list', { name: 'Attached artefacts' }).getByText('Invoice').waitFor();

    const confirm = page.getByRole('button', { name: 'Confirm off-platform sale…' });
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    await confirm.click();
    const dialog = page.getByRole('dialog', { name: 'Confirm off-platform sale' });
    await dialog.waitFor();
    await dialog.getByLabel('Price source').selectOption('invoice');
    await dialog.getByLabel(/Evidenced price/).fill('4,500.00');
    const preview = dialog.getByRole('definition').filter({ hasText: '%' });
    await preview.first().waitFor();
    const text = (await dialog.locator('.amount-preview').textContent()) ?? '';
    expect(text).toContain('Invoice');
    expect(text).toContain('€4,500.00');
    expect(text).toContain('12% · Silver tier');
    expect(text).toContain('€540.00');
    expect(text).toContain('EUR');
    await dialog.getByLabel('Statement of reasons').fill('Invoice 0412 for both chairs, paid by bank transfer after the buyer called the number given in the chat.');
    await e.shot('62-investigation-confirm-preview');
    await dialog.getByRole('button', { name: 'Confirm and issue the commission order' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const order = page.getByRole('region', { name: 'Commission order' });
    await order.waitFor();
    expect(await order.textContent()).toContain('€540.00');
    expect(await order.textContent()).toContain('Issued');
    await e.shot('63-investigation-commission-order');
    await page.locator('.inv-case-entry').last().scrollIntoViewIfNeeded();
    expect(await page.getByRole('list', { name: 'Evidence in time order' }).textContent()).toMatch(/issued commission order cmo_\w+ for €540.00/);
    await e.shot('66-investigation-case-entries');

    const orders = await e.call('GET', '/v1/commission-orders?seller_id=sel_wegner');
    expect(orders.items).toHaveLength(1);
    expect(orders.items[0]).toMatchObject({ case_id: caseId, status: 'issued', commission_rate_bps: 1200, commission: { amount_minor: 54_000, currency: 'EUR' }, sale_price: { amount_minor: 450_000, source: 'invoice' } });
    expect(await order.textContent()).toContain(orders.items[0].id);
  });

  it("lists the order on the seller's profile, linked to its investigation, and counts it on the dashboard", async () => {
    const page = e.page;
    await page.goto(`${e.base}/sellers/sel_wegner`);
    await page.getByRole('heading', { name: /Galerie Nordlys/, level: 1 }).waitFor();
    const orders = page.getByRole('region', { name: /Commission orders/ });
    await orders.getByRole('cell', { name: /€540.00/ }).waitFor();
    expect(await orders.getByRole('row').count()).toBe(2); // header + the one order
    expect(await orders.textContent()).toContain('Issued');
    const investigations = page.getByRole('region', { name: /Investigations/ });
    expect(await investigations.textContent()).toContain('Confirmed');
    await orders.scrollIntoViewIfNeeded();
    await e.shot('64-seller-commission-orders');
    await orders.getByRole('link', { name: /Investigation of commission order/ }).click();
    await page.waitForURL((u) => u.pathname === `/investigations/${caseId}`);
    await page.getByRole('region', { name: 'Commission order' }).waitFor();

    await page.goto(`${e.base}/dashboard`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    const open = page.locator('.stat').filter({ hasText: 'Investigations open' });
    await expect.poll(async () => (await open.locator('.stat-value').textContent()) ?? '').toBe('1'); // the lamp
    const outstanding = page.locator('.stat').filter({ hasText: 'Commission orders outstanding' });
    await expect.poll(async () => (await outstanding.locator('.stat-value').textContent()) ?? '').toBe('1');
    await e.shot('65-dashboard-investigations');
    // g i goes to the investigations from anywhere.
    await page.keyboard.press('g');
    await page.keyboard.press('i');
    await page.waitForURL((u) => u.pathname === '/investigations');
  });

  it('lets an agent dismiss with a reason but not confirm', async () => {
    const page = e.page;
    await e.signOut();
    await e.signIn(people.agent);
    await page.goto(`${e.base}/investigations`);
    await page.getByRole('row', { name: /Poul Henningsen PH5 lamp/ }).getByRole('link', { name: /Open the investigation/ }).click();
    await page.waitForURL((u) => u.pathname === `/investigations/${lampCaseId}`);
    await page.locator('mark.hit-email').waitFor();
    const confirm = page.getByRole('button', { name: 'Confirm off-platform sale…' });
    expect(await confirm.isDisabled()).toBe(true);
    expect(await page.locator('#confirm-blocked').textContent()).toMatch(/Only a senior/);

    await page.getByRole('button', { name: 'Dismiss…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dismiss the investigation' });
    await dialog.getByRole('button', { name: 'Dismiss' }).click();
    await dialog.getByText('Choose why the investigation is dismissed.').waitFor();
    await dialog.getByLabel('Reason').selectOption('sold_to_someone_else');
    await dialog.getByLabel('Note').fill('The lamp went to a walk-in customer at the shop; receipt seen on a video call.');
    await e.shot('67-investigation-dismiss');
    await dialog.getByRole('button', { name: 'Dismiss' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Dismissed: Sold to someone else.').waitFor();
    const inv = await e.call('GET', `/v1/investigations/${lampCaseId}`);
    expect(inv).toMatchObject({ open: false, outcome: 'dismissed', dismiss_reason: 'sold_to_someone_else', commission_order: null });
    expect((await e.call('GET', '/v1/commission-orders?seller_id=sel_wegner')).items).toHaveLength(1);
  });

  it('raised no script errors', () => {
    expect(e.pageErrors).toEqual([]);
  });
});
