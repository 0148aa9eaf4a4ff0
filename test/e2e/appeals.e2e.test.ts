import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpReceiver, type ReceivedEmail, type SmtpReceiver } from '../../src/notify/testing';
import { startE2E, type E2E, type Person } from './support';

/*
 * The appeal journey in a real browser against a real server that sends its e-mail to a real SMTP
 * server (the server's own email sender, polling as in production): a senior decides a violation with
 * the keyboard, the notice e-mail leaves and the console shows it sent; the seller appeals; the senior
 * who decided cannot decide the appeal, another senior overturns it; the strike is removed, the
 * restrictions lifted, and the seller receives the decision by e-mail.
 */

const HOUR = 3600_000;
const people = {
  admin: { email: 'priya.natarajan@assay.test', name: 'Priya Natarajan', password: 'admin-password-2026', role: 'admin' },
  sofia: { email: 'sofia.bianchi@assay.test', name: 'Sofia Bianchi', password: 'senior-password-2026', role: 'senior' },
  marco: { email: 'marco.rossi@assay.test', name: 'Marco Rossi', password: 'senior2-password-2026', role: 'senior' },
} satisfies Record<string, Person>;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let e: E2E;
let smtp: SmtpReceiver;
let marketplaceToken: string;

/** A call as the marketplace makes it, with an integration token. */
async function asMarketplace(method: 'POST', url: string, body: unknown): Promise<Json> {
  const res = await e.app.http.inject({ method, url, headers: { authorization: `Bearer ${marketplaceToken}` }, payload: body as Record<string, unknown> });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json();
}

async function seed(): Promise<void> {
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  await e.call('POST', '/v1/sellers:batch', {
    items: [
      { id: 'sel_roux', name: 'Atelier Roux Antiquités', email: 'contact@roux-antiques.test', country: 'FR', time_zone: 'Europe/Paris', languages: ['fr', 'en'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: iso(30 * 24 * HOUR) },
      { id: 'sel_hale', name: 'Hale & Finch Silver', email: 'shop@halefinch.test', country: 'GB', time_zone: 'Europe/London', languages: ['en'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: iso(30 * 24 * HOUR) },
    ],
  });
  await e.call('POST', '/v1/listings:batch', {
    items: [
      { id: 'lst_commode', seller_id: 'sel_roux', title: 'Louis XV walnut commode with marble top', category: 'furniture', price_minor: 1_850_000, currency: 'EUR', status: 'active', created_at: iso(40 * 24 * HOUR), updated_at: iso(40 * 24 * HOUR) },
      { id: 'lst_teaset', seller_id: 'sel_hale', title: 'George III silver tea service, London 1790', category: 'silver', price_minor: 720_000, currency: 'GBP', status: 'active', created_at: iso(20 * 24 * HOUR), updated_at: iso(20 * 24 * HOUR) },
    ],
  });
  // Roux already has two strikes (recorded weeks ago on other cases): the next one restricts the account.
  for (const n of [1, 2]) {
    const c = await e.call('POST', '/v1/cases', { type: 'conversation_review', title: `Earlier contact details from Atelier Roux (${n})`, subjects: { seller_id: 'sel_roux', conversation_id: `conv_roux_old_${n}` } });
    await e.call('POST', '/v1/violations', { seller_id: 'sel_roux', clause_id: 'TP-2.1', case_id: c.id, conversation_id: `conv_roux_old_${n}`, message_ids: [`msg_roux_old_${n}`], excerpts: ['write to me at [email]'] });
  }
  const conversation = (id: string, seller: string, buyer: string, listing: string, lines: [string, string, number][]) =>
    lines.map(([role, body, ago], i) => ({ id: `${id}_${i + 1}`, conversation_id: id, buyer_id: buyer, seller_id: seller, listing_id: listing, sender_role: role, body, sent_at: iso(ago), lang: 'en' }));
  await e.call('POST', '/v1/messages:batch', {
    items: [
      ...conversation('conv_commode', 'sel_roux', 'buy_hartley', 'lst_commode', [
        ['buyer', 'Good afternoon, is the commode still available? What would shipping to London cost?', 6 * HOUR],
        ['seller', 'Around €900 with our usual transporter. Call me on WhatsApp +33 6 12 34 56 78 and I give you a better price without the platform fee.', 5.8 * HOUR],
      ]),
      ...conversation('conv_teaset', 'sel_hale', 'buy_osei', 'lst_teaset', [
        ['buyer', 'Does the tea service come with its original box?', 3 * HOUR],
        ['seller', 'No box, but full hallmarks. For a condition report write to shop.halefinch@gmail.com, I answer quickly.', 2.9 * HOUR],
      ]),
    ],
  });
}

/** The messages the SMTP server received for one address, oldest first. */
function mailTo(address: string): ReceivedEmail[] {
  return smtp.received.filter((m) => m.envelope.to.includes(address));
}

async function currentReviewCase(): Promise<string> {
  await e.page.waitForURL(/\/review\/[^/]+$/);
  await e.page.getByRole('heading', { name: 'Decision', exact: true }).waitFor();
  await e.page.locator('.msg-focused').waitFor();
  return decodeURIComponent(new URL(e.page.url()).pathname.split('/').pop()!);
}

/** On the review screen: v, the clause typed into the picker, Enter. */
async function violationByKeyboard(): Promise<void> {
  const page = e.page;
  await page.keyboard.press('v');
  await page.getByRole('dialog', { name: 'Violation' }).waitFor();
  await page.getByRole('option').first().waitFor();
  await page.keyboard.type('TP-2.1');
  await expect.poll(() => page.locator('.clause-option.active .clause-id').textContent()).toBe('TP-2.1');
  await page.keyboard.press('Enter');
}

async function onlyViolation(sellerId: string, caseId?: string): Promise<Json> {
  const items = (await e.call('GET', `/v1/violations?seller_id=${sellerId}`)).items as Json[];
  return caseId === undefined ? items[0]! : items.find((v) => v.case_id === caseId)!;
}

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  // Hale & Finch's mailbox is full: their notices fail, and the console must say why
  smtp.answerRecipient = (address) => (address === 'shop@halefinch.test' ? { code: 452, message: '4.2.2 Mailbox full' } : 'accept');
  e = await startE2E(Object.values(people), {
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Maison & Antiques <trust@maison.test>', MARKETPLACE_NAME: 'Maison & Antiques', OUTBOX_POLL_MS: '100' },
    backgroundWork: true,
  });
  marketplaceToken = (await e.app.services.identity.createApiToken({ type: 'system', id: 'e2e' }, { name: 'marketplace', role: 'integration' })).token;
  await seed();
}, 180_000);

afterAll(async () => {
  await e?.close();
  await smtp?.close();
});

const decided: Record<string, Json> = {};
const appeals: Record<string, string> = {};

describe('an appeal, from the keyboard decision to the overturn e-mail', () => {
  it('a senior decides two violations with the keyboard alone', async () => {
    const page = e.page;
    await e.signIn(people.sofia);
    await page.locator('tr[data-line^="review|en|"]').first().getByRole('button', { name: /Start reviewing/ }).focus();
    await page.keyboard.press('Enter');
    const first = await currentReviewCase();
    await violationByKeyboard();
    await page.waitForURL((u) => !u.pathname.endsWith(first));
    const second = await currentReviewCase();
    await violationByKeyboard();
    await page.waitForURL((u) => u.pathname === '/review');

    const sofia = (await e.call('GET', '/v1/users')).items.find((u: Json) => u.email === people.sofia.email);
    for (const [seller, conv] of [['sel_roux', 'conv_commode'], ['sel_hale', 'conv_teaset']] as const) {
      const v = ((await e.call('GET', `/v1/violations?seller_id=${seller}`)).items as Json[]).find((x) => x.conversation_id === conv)!;
      expect([first, second]).toContain(v.case_id);
      expect(v).toMatchObject({ clause: { clause_id: 'TP-2.1' }, decided_by: sofia.id, status: 'active' });
      decided[seller] = v;
    }
    expect(decided['sel_roux']!.step.name).toBe('restriction');
  });

  it('sends the restriction notice to the SMTP server, and the console shows it sent', async () => {
    const roux = decided['sel_roux']!;
    // two earlier notices, then this one
    await expect.poll(() => mailTo('contact@roux-antiques.test').length, { timeout: 15_000 }).toBe(3);
    const notice = mailTo('contact@roux-antiques.test').find((m) => m.subject.includes('restrictions appliquées'))!;
    expect(notice.envelope.to).toEqual(['contact@roux-antiques.test']);
    expect(notice.envelope.from).toBe('trust@maison.test');
    expect(notice.subject).toBe('Maison & Antiques : restrictions appliquées à votre compte vendeur – article TP-2.1');
    expect(notice.text).toContain('TP-2.1');
    expect(notice.text).toContain(roux.id);

    const page = e.page;
    await page.goto(`${e.base}/sellers/sel_roux`);
    const notices = page.getByRole('region', { name: 'Notices sent' });
    const row = notices.getByRole('row', { name: /restrictions appliquées/ });
    await row.locator('[data-delivery="sent"]').waitFor();
    expect(await row.textContent()).toContain('Sent');
    await notices.scrollIntoViewIfNeeded();
    await e.shot('40-seller-notices-delivery');
    await row.getByRole('button', { name: /View the email/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Notice email' });
    await dialog.locator('[data-delivery="sent"]').waitFor();
    expect(await dialog.locator('.email-text').textContent()).toContain('TP-2.1');
    await e.shot('40-seller-notice-email');
    await page.keyboard.press('Escape');

    // the notice to a full mailbox: failed, with the mail server's reason, and retried later
    await page.goto(`${e.base}/sellers/sel_hale`);
    const failed = page.getByRole('region', { name: 'Notices sent' }).locator('[data-delivery="failed"]');
    await failed.waitFor({ timeout: 15_000 });
    expect(await failed.textContent()).toMatch(/Failed.*retry.*452.*Mailbox full/);
    expect(mailTo('shop@halefinch.test')).toEqual([]);
    await page.getByRole('region', { name: 'Notices sent' }).scrollIntoViewIfNeeded();
    await e.shot('40-seller-notice-failed');
  });

  it('takes the sellers’ appeals from the marketplace', async () => {
    // Sellers do not use the console: the marketplace forwards their appeal and replies through the API.
    for (const [seller, reason] of [
      ['sel_roux', 'La cliente avait déjà commandé la commode sur la plateforme ; le numéro servait uniquement à fixer le rendez-vous de livraison avec le transporteur.'],
      ['sel_hale', 'The address was for the condition report the buyer asked for; we never offered to sell outside the platform.'],
    ] as const) {
      const res = await asMarketplace('POST', `/v1/violations/${decided[seller]!.id}/appeals`, { reason });
      appeals[seller] = res.appeal.case_id;
    }
    await asMarketplace('POST', `/v1/violations/${decided['sel_roux']!.id}/replies`, { body: 'Le numéro de commande est ord_5521, réglée par carte sur la plateforme.' });
    // the acknowledgement reaches the seller too
    await expect.poll(() => mailTo('contact@roux-antiques.test').length, { timeout: 15_000 }).toBe(4);
  });

  it('does not let the senior who decided the violation decide the appeal', async () => {
    const page = e.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Appeals' }).click();
    await page.getByRole('heading', { name: 'Appeals', level: 1 }).waitFor();
    const rows = page.locator('tbody tr[data-case-id]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('not yours to decide');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/appeals\/[^/]+$/);
    await page.getByText('You decided this violation').waitFor();
    expect(await page.getByRole('button', { name: /Overturn/ }).isDisabled()).toBe(true);
    await page.keyboard.press('o');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await e.signOut();
  });

  it('lets another senior overturn it with the keyboard, giving reasons', async () => {
    const page = e.page;
    await e.signIn(people.marco);
    const nav = await page.getByRole('navigation').getByRole('link').allTextContents();
    expect(nav).toContain('Appeals');
    await page.getByRole('navigation').getByRole('link', { name: 'Appeals' }).click();
    const rows = page.locator('tbody tr[data-case-id]');
    await rows.first().waitFor();
    // queue order: the Roux appeal was filed first, so it is due first
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-case-id')))).toEqual([appeals['sel_roux'], appeals['sel_hale']]);
    expect(await rows.first().textContent()).toContain('Sofia Bianchi');
    expect(await rows.first().textContent()).toContain('FR');
    await e.shot('41-appeals-list');

    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === `/appeals/${appeals['sel_roux']}`);
    await page.getByRole('heading', { name: 'The seller’s appeal' }).waitFor();
    const cited = page.getByRole('log', { name: 'Cited messages' });
    await cited.locator('mark.hit').first().waitFor();
    expect(await cited.textContent()).toContain('+33 6 12 34 56 78');
    const notice = page.getByRole('region', { name: 'The notice the seller received' });
    await notice.locator('[data-delivery="sent"]').waitFor();
    expect(await notice.locator('.email-text').textContent()).toContain('TP-2.1');
    expect(await page.getByTestId('original-decider').textContent()).toBe('Sofia Bianchi, senior reviewer');
    expect(await page.getByRole('region', { name: 'The seller’s appeal' }).textContent()).toContain('ord_5521');
    await e.shot('42-appeal-detail');
    // j moves to the cited message, as on the review screen
    await page.keyboard.press('j');
    expect(await cited.locator('.msg-focused').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await e.shot('42-appeal-detail-cited');

    await page.keyboard.press('o');
    const dialog = page.getByRole('dialog', { name: 'Overturn the decision' });
    await dialog.waitFor();
    // Enter with no reasons: refused in place, nothing sent
    await page.keyboard.press('Enter');
    await dialog.getByText('Write the reasons').waitFor();
    await page.keyboard.type('La commande ord_5521 existait déjà : partager un numéro pour organiser la livraison est permis par l’article TP-3.1.');
    await e.shot('43-appeal-overturn-dialog');
    await page.keyboard.press('Enter');
    await page.getByText(/Appeal overturned\. The strike is removed, 3 restrictions lifted/).waitFor();
    await page.getByText(/Overturned by you,/).waitFor();
    // the next appeal this senior may decide is one key away
    const next = page.getByRole('link', { name: /Next appeal: Hale & Finch Silver/ });
    await next.waitFor();
    expect(await next.getAttribute('href')).toBe(`/appeals/${appeals['sel_hale']}`);

    const v = await onlyViolation('sel_roux', decided['sel_roux']!.case_id);
    expect(v.status).toBe('overturned');
    const marco = (await e.call('GET', '/v1/users')).items.find((u: Json) => u.email === people.marco.email);
    expect(v.overturned_by).toBe(marco.id);
  });

  it('e-mails the decision to the seller, and the console shows it sent', async () => {
    const roux = decided['sel_roux']!;
    await expect.poll(() => mailTo('contact@roux-antiques.test').length, { timeout: 15_000 }).toBe(5);
    const overturn = mailTo('contact@roux-antiques.test').at(-1)!;
    expect(overturn.subject).toBe(`Maison & Antiques : votre recours a été accepté (réf. ${roux.id})`);
    expect(overturn.text).toContain('La commande ord_5521 existait déjà');
    expect(overturn.text).toContain('TP-2.1');

    const page = e.page;
    const row = page.getByRole('region', { name: 'All notices about this violation' }).locator('tr[data-notice-kind="appeal_overturned"]');
    await row.locator('[data-delivery="sent"]').waitFor({ timeout: 15_000 });
    await page.getByRole('region', { name: 'Decision' }).locator('[data-delivery="sent"]').waitFor();
    await e.shot('44-appeal-overturned');
  });

  it('shows the strike removed and the restrictions lifted on the seller profile', async () => {
    const page = e.page;
    await page.getByRole('link', { name: 'Seller profile' }).click();
    await page.getByRole('heading', { name: 'Enforcement ladder' }).waitFor();
    const ladder = page.getByRole('region', { name: 'Enforcement ladder' });
    await expect.poll(() => ladder.locator('.card-header .badge').textContent()).toBe('Step 2 of 5');
    const violations = page.getByRole('region', { name: /Violations/ });
    expect(await violations.getByText('Overturned').count()).toBe(1);
    const restrictions = page.getByRole('region', { name: 'Restrictions' });
    const states = await restrictions.locator('li .badge').allTextContents();
    expect(states).toEqual(['Lifted', 'Lifted', 'Lifted']);
    const standing = await e.call('GET', '/v1/sellers/sel_roux/standing');
    expect(standing.position).toMatchObject({ step: 1 });
    expect(standing.restrictions.every((r: Json) => r.state === 'lifted')).toBe(true);
    await e.shot('45-appeal-seller-after');
  });

  it('shows the server’s refusal when someone else decided the appeal first', async () => {
    const page = e.page;
    await page.goto(`${e.base}/appeals/${appeals['sel_hale']}`);
    await page.getByRole('heading', { name: 'The seller’s appeal' }).waitFor();
    // meanwhile an administrator upholds it through the API
    await e.call('POST', `/v1/appeals/${appeals['sel_hale']}/decision`, { decision: 'upheld', note: 'A private e-mail address before any order breaches TP-2.1.' });
    await page.keyboard.press('u');
    await page.getByRole('dialog', { name: 'Uphold the decision' }).waitFor();
    await page.keyboard.type('The address was offered before any order.');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('dialog').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Already decided.*already decided \(upheld\)/);
    await e.shot('46-appeal-already-decided');
    await page.keyboard.press('Escape');
    await page.getByText(/Upheld by Priya Natarajan/).waitFor();
  });

  it('shows an appeal the seller withdrew, with their words, out of the open list', async () => {
    const page = e.page;
    const again = await asMarketplace('POST', `/v1/violations/${decided['sel_hale']!.id}/appeals`, { reason: 'We would like to explain again with the buyer’s e-mail.' });
    const caseId = again.appeal.case_id as string;
    await asMarketplace('POST', `/v1/appeals/${caseId}/withdraw`, { note: 'We have talked to the buyer and withdraw our appeal.' });
    await page.goto(`${e.base}/appeals/${caseId}`);
    const decision = page.getByRole('region', { name: 'Decision' });
    await decision.getByText(/Withdrawn by the seller/).waitFor();
    const replies = page.getByRole('region', { name: 'The seller’s appeal' });
    expect(await replies.textContent()).toContain('We have talked to the buyer and withdraw our appeal.');
    expect(await page.getByRole('button', { name: /Overturn/ }).count()).toBe(0);
    await e.shot('47-appeal-withdrawn');
    await page.goto(`${e.base}/appeals`);
    await page.getByRole('heading', { name: 'Appeals', level: 1 }).waitFor();
    expect(await page.locator(`tr[data-case-id="${caseId}"]`).count()).toBe(0);
  });

  it('raised no script errors', () => {
    expect(e.pageErrors).toEqual([]);
  });
});
