import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing';
import { buildApp, ROOT_DIR, type App } from '../../src/app/build-app';
import type { Clock } from '../../src/kernel';

/*
 * The console in a real browser against the real server: Debian's chromium driven by playwright-core
 * (never a downloaded browser). Each main screen is saved to test-results/screens/ for a person to look at.
 */

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SCREENS = resolve(ROOT_DIR, 'test-results/screens');
const HOUR = 3600_000;
const system = { type: 'system' as const, id: 'e2e' };

const people = {
  admin: { email: 'priya.natarajan@assay.test', name: 'Priya Natarajan', password: 'admin-password-2026' },
  agent: { email: 'maya.laurent@assay.test', name: 'Maya Laurent', password: 'agent-password-2026' },
  vendor: { email: 'tom.okafor@northwind.test', name: 'Tom Okafor', password: 'vendor-password-2026' },
};

/** A clock the test can move back to open cases "days ago", then return to the present. */
function shiftableClock(): Clock & { offsetMs: number } {
  const c = { offsetMs: 0, now: () => new Date(Date.now() + c.offsetMs) };
  return c;
}

let app: App;
let database: TestDatabase;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let adminToken: string;
let checkpointDir: string;
const caseIds: Record<string, string> = {};
const pageErrors: string[] = [];

async function call(method: 'GET' | 'POST', url: string, body?: unknown): Promise<unknown> {
  const res = await app.http.inject({ method, url, headers: { authorization: `Bearer ${adminToken}` }, ...(body === undefined ? {} : { payload: body as Record<string, unknown> }) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json();
}

async function shot(name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

async function signIn(who: { email: string; password: string }): Promise<void> {
  await page.goto(base + '/');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation').waitFor();
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to Assay' }).waitFor();
}

async function seed(clock: Clock & { offsetMs: number }): Promise<void> {
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  await call('POST', '/v1/sellers:batch', {
    items: [
      { id: 'sel_roux', name: 'Atelier Roux Antiquités', email: 'contact@roux-antiques.test', country: 'FR', time_zone: 'Europe/Paris', languages: ['fr', 'en'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: iso(30 * 24 * HOUR) },
      { id: 'sel_vandijk', name: 'Van Dijk Modern', email: 'info@vandijk-modern.test', country: 'NL', time_zone: 'Europe/Amsterdam', languages: ['nl', 'en', 'de'], tier: 'silver', commission_rate_bps: 1500, status: 'active', updated_at: iso(10 * 24 * HOUR) },
    ],
  });
  await call('POST', '/v1/listings:batch', {
    items: [
      { id: 'lst_commode', seller_id: 'sel_roux', title: 'Louis XV walnut commode with marble top', category: 'furniture', price_minor: 1_850_000, currency: 'EUR', status: 'active', period: 'c. 1760', materials: 'Walnut, Rouge Royal marble, gilt bronze', dimensions: '128 × 62 × 87 cm', created_at: iso(40 * 24 * HOUR), updated_at: iso(40 * 24 * HOUR) },
      { id: 'lst_lamp', seller_id: 'sel_vandijk', title: 'Gino Sarfatti model 2097/30 chandelier', category: 'lighting', price_minor: 960_000, currency: 'EUR', status: 'active', period: '1958', materials: 'Brass, steel', dimensions: 'Ø 90 cm', created_at: iso(20 * 24 * HOUR), updated_at: iso(20 * 24 * HOUR) },
    ],
  });
  const thread: [string, string, number][] = [
    ['buyer', 'Good afternoon, is the commode still available? Could you tell me more about its condition and the marble top?', 27 * HOUR],
    ['seller', 'Bonjour! Yes, it is available. The marble is original with a small restored chip at the back left corner. The bronzes are all original.', 26.5 * HOUR],
    ['buyer', 'Lovely. What would shipping to London cost, with white-glove delivery?', 26 * HOUR],
    ['seller', 'Around €900 with our usual transporter. To be honest it is simpler to arrange directly: write to me on WhatsApp +33 6 12 34 56 78 and I can give you a better price without the platform fee.', 3 * HOUR],
    ['buyer', 'I would rather keep everything on the platform, for the buyer protection.', 2.5 * HOUR],
    ['seller', 'Of course, as you wish. I will prepare an offer here.', 2 * HOUR],
  ];
  await call('POST', '/v1/messages:batch', {
    items: thread.map(([role, body, ago], i) => ({
      id: `msg_roux_${i + 1}`,
      conversation_id: 'conv_roux_commode',
      buyer_id: 'buy_hartley',
      seller_id: 'sel_roux',
      listing_id: 'lst_commode',
      sender_role: role,
      body,
      sent_at: iso(ago),
      lang: role === 'seller' && i === 1 ? 'en' : 'en',
    })),
  });
  await call('POST', '/v1/messages:batch', {
    items: [
      { id: 'msg_vd_1', conversation_id: 'conv_vd_lamp', buyer_id: 'buy_keller', seller_id: 'sel_vandijk', listing_id: 'lst_lamp', sender_role: 'buyer', body: 'Is the wiring original? We would need it rewired for the US.', sent_at: iso(5 * HOUR), lang: 'en' },
      { id: 'msg_vd_2', conversation_id: 'conv_vd_lamp', buyer_id: 'buy_keller', seller_id: 'sel_vandijk', listing_id: 'lst_lamp', sender_role: 'seller', body: 'It was rewired in 2019 to EU standard. Message me on WhatsApp +31 6 12 34 56 78 and I ship tomorrow, no platform fee.', sent_at: iso(4 * HOUR), lang: 'en' },
    ],
  });

  const open = async (key: string, body: Record<string, unknown>) => {
    const d = (await call('POST', '/v1/cases', body)) as { id: string };
    caseIds[key] = d.id;
  };
  // Opened ten days ago: past its SLA (40 business hours) by now.
  clock.offsetMs = -10 * 24 * HOUR;
  // The flagged conversations opened their review cases at ingest; these are opened by hand.
  await open('overdue', {
    type: 'investigation',
    title: 'Seller moves buyer to WhatsApp to avoid the platform fee',
    priority: 'p2',
    subjects: { seller_id: 'sel_roux', buyer_id: 'buy_hartley', listing_id: 'lst_commode', conversation_id: 'conv_roux_commode', message_id: 'msg_roux_4' },
    note: 'Flagged by detection: phone number and off-platform intent in the same message.',
  });
  clock.offsetMs = -26 * HOUR;
  await open('investigation', { type: 'investigation', title: 'Commode marked sold without an order', priority: 'p3', subjects: { seller_id: 'sel_roux', listing_id: 'lst_commode' } });
  clock.offsetMs = -40 * 60_000;
  await open('appeal', { type: 'appeal', title: 'Appeal against warning for shared email address', priority: 'p4', subjects: { seller_id: 'sel_vandijk' } });
  clock.offsetMs = 0;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
  mkdirSync(SCREENS, { recursive: true });
  checkpointDir = mkdtempSync(join(tmpdir(), 'assay-e2e-'));
  database = await createTestDatabase();
  const clock = shiftableClock();
  const config = loadConfig({ NODE_ENV: 'test', ASSAY_DEMO: 'false', LOGIN_MAX_ATTEMPTS_PER_MINUTE: '4', AUDIT_CHECKPOINT_FILE: join(checkpointDir, 'checkpoint.json') });
  app = await buildApp({ config, database, clock });
  const id = app.services.identity;
  const admin = await id.createUser(system, { ...people.admin, role: 'admin' });
  await id.createUser(system, { ...people.agent, role: 'agent' });
  const org = await id.createVendorOrg(system, 'Northwind Review Ltd');
  await id.createUser(system, { ...people.vendor, role: 'vendor', vendorOrgId: org.id });
  adminToken = (await id.createApiToken(system, { name: 'e2e setup', role: 'admin', userId: admin.id })).token;
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
  await seed(clock);
  await call('POST', '/v1/queues/review/grants', { vendor_org_id: org.id });

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  // A viewer far from the server and the sellers: times must show in this zone.
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'America/New_York', locale: 'en-US' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (401|404|409|422|429|400)/.test(m.text())) pageErrors.push(m.text());
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.http.close();
  await database?.close();
  if (checkpointDir !== undefined) rmSync(checkpointDir, { recursive: true, force: true });
});

describe('the console in a browser', () => {
  it('signs in after explaining a wrong password', async () => {
    await page.goto(base + '/');
    await page.getByRole('heading', { name: 'Sign in to Assay' }).waitFor();
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByText('Enter your work email.').isVisible()).toBe(true);
    await page.getByLabel('Email').fill(people.agent.email);
    await page.getByLabel('Password').fill('not-my-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That email and password do not match').waitFor();
    await shot('01-sign-in-error');
    await page.getByLabel('Password').fill(people.agent.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // An agent starts on the review overview.
    await page.getByRole('heading', { name: 'Review', level: 1 }).waitFor();
    expect(await page.getByText('Maya Laurent').isVisible()).toBe(true);
  });

  it('shows the queues with counts, overdue work and the oldest open case', async () => {
    await page.getByRole('link', { name: 'Queues', exact: true }).click();
    await page.getByRole('heading', { name: 'Queues', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: /Investigations/ });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toMatch(/10d/); // the oldest investigation opened ten days ago
    expect(await page.locator('.stat-value.danger').textContent()).not.toBe('0');
    // An agent sees no administration.
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await shot('02-queues');
  });

  it('lists cases, filters them, and moves with j/k and opens with Enter', async () => {
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await page.locator('tr[data-case-id]').first().waitFor();
    // Two investigations, an appeal and the two review cases detection opened at ingest.
    await expect.poll(() => page.locator('tr[data-case-id]').count()).toBe(5);
    // Sorted by SLA: the overdue investigation comes first.
    expect(await page.locator('tr[data-case-id]').first().getAttribute('data-case-id')).toBe(caseIds['overdue']);
    await shot('03-cases');

    await page.getByLabel('Type').selectOption('investigation');
    await expect.poll(() => page.locator('tr[data-case-id]').count()).toBe(2);
    await page.getByLabel('Priority').selectOption('p2');
    await expect.poll(() => page.locator('tr[data-case-id]').count()).toBe(1);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('tr[data-case-id]').count()).toBe(5);

    await page.locator('main').focus();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const selected = await page.locator('tr.selected').getAttribute('data-case-id');
    expect(selected).toBe(await page.locator('tr[data-case-id]').nth(1).getAttribute('data-case-id'));
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/cases/${caseIds['overdue']}`);
    await page.getByText('SLA breached').waitFor();
  });

  it('works a case from the keyboard: assign, note, transition', async () => {
    await page.getByRole('heading', { name: /WhatsApp/ }).waitFor();
    await shot('04-case-overdue');
    await page.keyboard.press('a');
    await page.getByText('Assigned to you.').waitFor();

    await page.keyboard.press('c');
    await page.keyboard.type('Phone number and an explicit offer to skip the platform fee in message 4.');
    await page.keyboard.press('Control+Enter');
    await page.locator('.tl-note-body', { hasText: 'explicit offer to skip' }).waitFor();

    await page.locator('#evidence-file').setInputFiles({ name: 'whatsapp-screenshot.txt', mimeType: 'text/plain', buffer: Buffer.from('Seller message 4, captured by the reviewer.') });
    await page.getByText('whatsapp-screenshot.txt attached.').waitFor();
    await page.locator('.evidence-list').getByRole('link', { name: 'whatsapp-screenshot.txt' }).waitFor();

    // "1" is the first move the state machine allows from signal: triage.
    await page.locator('main').focus();
    await page.keyboard.press('1');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Move to triage');
    await page.keyboard.type('Taking this one.');
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Moved to triage.').waitFor();
    expect(await page.locator('h1 .badge-status').textContent()).toBe('Triage');

    // A finding needs a note: the refusal is explained in the dialog.
    const moves = await Promise.all((await page.locator('[data-transition]').all()).map((b) => b.getAttribute('data-transition')));
    const dismissIndex = moves.indexOf('dismissed');
    expect(dismissIndex).toBeGreaterThanOrEqual(0);
    await page.locator('main').focus();
    await page.keyboard.press(String(dismissIndex + 1));
    await dialog.waitFor();
    await page.keyboard.press('Control+Enter');
    await page.getByText('This move is not allowed').waitFor();
    await shot('05-case-transition-refused');
    await page.keyboard.type('No sale outside checkout: the buyer kept to the platform; the contact attempt goes to review.');
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator('h1 .badge-status').textContent()).toBe('Dismissed');
    expect(await page.locator('.timeline li').count()).toBeGreaterThanOrEqual(6);
    await shot('06-case-decided');
  });

  it('shows the conversation as a thread, in the viewer\'s time zone', async () => {
    await page.getByRole('link', { name: 'conv_roux_commode' }).click();
    await page.getByRole('log', { name: 'Conversation messages' }).waitFor();
    expect(await page.locator('.msg-buyer').count()).toBe(3);
    expect(await page.locator('.msg-seller').count()).toBe(3);
    expect(await page.getByText('Times in America/New_York').isVisible()).toBe(true);
    // The message the case is about is in view and marked.
    expect(await page.locator('#msg-msg_roux_4 .bubble').textContent()).toContain('WhatsApp');
    await shot('07-conversation');
  });

  it('opens the seller page with its cases and conversations', async () => {
    await page.getByRole('link', { name: 'Atelier Roux Antiquités' }).first().click();
    await page.getByRole('heading', { name: /Atelier Roux Antiquités/, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Commode marked sold without an order' }).waitFor();
    expect(await page.getByText('Europe/Paris').count()).toBeGreaterThan(0);
    await shot('08-seller');
  });

  it('signs out', async () => {
    await signOut();
    await page.goto(base + '/cases');
    await page.getByRole('heading', { name: 'Sign in to Assay' }).waitFor();
  });

  it('gives an administrator users, API tokens, webhooks and audit', async () => {
    await signIn(people.admin);
    for (const name of ['Users', 'API tokens', 'Webhooks', 'Audit']) expect(await page.getByRole('link', { name, exact: true }).count()).toBe(1);

    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('cell', { name: 'maya.laurent@assay.test' }).waitFor();
    await page.getByRole('button', { name: 'New user' }).click();
    await page.getByLabel('Full name').fill('Sofia Bianchi');
    await page.getByLabel('Email').fill('sofia.bianchi@assay.test');
    await page.getByLabel('Role').selectOption('senior');
    await page.getByLabel('Initial password').fill('short');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.locator('.field-error').first().waitFor();
    await page.getByLabel('Initial password').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('Sofia Bianchi (sofia.bianchi@assay.test) can now sign in').waitFor();
    await shot('09-admin-users');

    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('button', { name: 'New token' }).click();
    await page.getByLabel('Name').fill('Marketplace sync (staging)');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByLabel('Secret').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await shot('10-admin-token-secret');
    await page.getByRole('button', { name: 'I have stored the secret' }).click();
    await page.getByRole('cell', { name: /Marketplace sync \(staging\)/ }).waitFor();
    expect(await page.content()).not.toContain(secret);

    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('button', { name: 'New endpoint' }).click();
    await page.getByLabel('URL').fill('https://marketplace.example/hooks/assay');
    await page.getByLabel('Events').fill('case.*');
    await page.getByLabel('Description (optional)').fill('Marketplace trust events');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByLabel('Signing secret').waitFor();
    await page.getByRole('button', { name: 'I have stored the secret' }).click();
    await page.getByRole('cell', { name: 'https://marketplace.example/hooks/assay' }).waitFor();
    await page.getByRole('heading', { name: 'Delivery log' }).waitFor();
    await shot('11-admin-webhooks');

    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByText('The chain is intact').waitFor();
    await shot('12-admin-audit');
    await signOut();
  });

  it('shows a vendor reviewer only Review, Cases and Policies', async () => {
    await signIn(people.vendor);
    const links = await page.getByRole('navigation').getByRole('link').allTextContents();
    expect(links).toEqual(['Review', 'Cases', 'Policies']);
    await page.getByRole('row', { name: /Review/ }).waitFor();
    await shot('13-vendor-review');
    // Only the granted queue's open cases, and a case page works without the staff-only calls.
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await expect.poll(() => page.locator('tr[data-case-id]').count()).toBe(2);
    await page.locator('main').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Conversation conv_/ }).waitFor();
    expect(await page.getByRole('button', { name: /Assign to me/ }).count()).toBe(0);
    await signOut();
  });

  it('tells the person to wait after too many sign-in attempts', async () => {
    await page.goto(base + '/');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Email').fill('someone@assay.test');
      await page.getByLabel('Password').fill(`guess-${i}`);
      await page.getByRole('button', { name: /Sign in|Try again/ }).click();
      await page.locator('#signin-error').waitFor();
      if ((await page.locator('#signin-error').textContent())?.includes('Too many')) break;
    }
    await page.getByText(/Too many sign-in attempts\. Wait \d+ seconds?/).waitFor();
    expect(await page.getByRole('button', { name: /Try again in/ }).isDisabled()).toBe(true);
    await shot('14-sign-in-rate-limited');
  });

  it('raised no script errors and no CSP violations', () => {
    expect(pageErrors).toEqual([]);
  });
});
