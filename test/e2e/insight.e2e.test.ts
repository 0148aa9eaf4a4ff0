import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E, type Person } from './support';

/*
 * What a manager sees beyond the queues, in a real browser: the dashboard's charts drawn from the
 * live API, a seller's profile with its place on the enforcement ladder and the notice email text
 * exactly as sent, and the header search going straight to a case from its id.
 */

const HOUR = 3600_000;
const people = {
  admin: { email: 'priya.natarajan@assay.test', name: 'Priya Natarajan', password: 'admin-password-2026', role: 'admin' },
  manager: { email: 'elena.rossi@assay.test', name: 'Elena Rossi', password: 'manager-password-2026', role: 'manager' },
} satisfies Record<string, Person>;

let e: E2E;
/** The review cases decided as violations against Atelier Roux, oldest first. */
const decided: string[] = [];

async function seed(): Promise<void> {
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  await e.call('POST', '/v1/sellers:batch', {
    items: [
      { id: 'sel_roux', name: 'Atelier Roux Antiquités', email: 'contact@roux-antiques.test', country: 'FR', time_zone: 'Europe/Paris', languages: ['fr', 'en'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: iso(30 * 24 * HOUR) },
      { id: 'sel_moreau', name: 'Galerie Moreau', email: 'bonjour@galerie-moreau.test', country: 'FR', time_zone: 'Europe/Paris', languages: ['fr'], tier: 'silver', commission_rate_bps: 1500, status: 'active', updated_at: iso(30 * 24 * HOUR) },
      { id: 'sel_brandt', name: 'Kunsthandel Brandt', email: 'info@brandt-kunst.test', country: 'DE', time_zone: 'Europe/Berlin', languages: ['de'], tier: 'silver', commission_rate_bps: 1500, status: 'active', updated_at: iso(30 * 24 * HOUR) },
    ],
  });
  const conversation = (id: string, seller: string, buyer: string, lang: string, lines: [string, string, number][]) =>
    lines.map(([role, body, ago], i) => ({ id: `${id}_${i + 1}`, conversation_id: id, buyer_id: buyer, seller_id: seller, sender_role: role, body, sent_at: iso(ago), lang }));
  await e.call('POST', '/v1/messages:batch', {
    items: [
      ...conversation('conv_commode', 'sel_roux', 'buy_hartley', 'en', [
        ['buyer', 'Is the commode still available? What would shipping to London cost?', 30 * HOUR],
        ['seller', 'Around €900. Simpler to arrange directly: call me on WhatsApp +33 6 12 34 56 78 and I give you a better price without the platform fee.', 29 * HOUR],
      ]),
      ...conversation('conv_bergere', 'sel_roux', 'buy_osei', 'en', [
        ['buyer', 'Does the bergère come with its original upholstery?', 6 * HOUR],
        ['seller', 'Re-covered in 1990. Write to roux.antiques@gmail.com and we settle it off the platform, cheaper for you.', 5 * HOUR],
      ]),
      ...conversation('conv_miroir', 'sel_moreau', 'buy_durand', 'fr', [
        ['buyer', 'Bonjour, le miroir est-il toujours disponible ?', 2 * HOUR],
        ['seller', 'Oui. Appelez-moi au 06 12 34 56 78 pour éviter les frais de la plateforme.', 1.9 * HOUR],
      ]),
      ...conversation('conv_uhr', 'sel_brandt', 'buy_keller', 'de', [
        ['buyer', 'Ist die Uhr noch zu haben?', 3 * HOUR],
        ['seller', 'Ja. Rufen Sie mich an unter 0171 2345678, dann sparen wir uns die Gebühren der Plattform.', 2.8 * HOUR],
      ]),
    ],
  });
  // Both English conversations are Atelier Roux's: two violations put it on the second step.
  for (let i = 0; i < 2; i++) {
    const lease = await e.call('POST', '/v1/review/claims', { queue: 'review', lang: 'en' });
    await e.call('POST', `/v1/review/cases/${lease.case_id}/decisions`, { lease_token: lease.lease_token, decision: 'violation', clause_id: 'TP-2.1', note: 'Contact details offered to move the sale off the platform.' });
    decided.push(lease.case_id);
  }
}

beforeAll(async () => {
  e = await startE2E(Object.values(people));
  await seed();
}, 180_000);

afterAll(async () => {
  await e?.close();
});

describe('the dashboard, seller profiles and search', () => {
  it('lands a manager on the dashboard with its charts drawn from the API', async () => {
    const page = e.page;
    await e.signIn(people.manager);
    await page.waitForURL((u) => u.pathname === '/dashboard');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();

    const queueChart = page.getByRole('region', { name: 'Review queue by language' }).getByRole('img');
    await queueChart.waitFor();
    const queueLabel = (await queueChart.getAttribute('aria-label')) ?? '';
    expect(queueLabel).toContain('French 1 open');
    expect(queueLabel).toContain('German 1 open');
    expect(queueLabel).not.toContain('English');

    const precisionChart = page.getByRole('region', { name: 'Rule precision' }).getByRole('img');
    await precisionChart.waitFor();
    const precision = await e.call('GET', '/v1/rules/precision?window=30');
    const decidedRules = (precision.items as { rule_id: string; decided: number; precision: number | null }[]).filter((r) => r.decided > 0);
    expect(decidedRules.length).toBeGreaterThan(0);
    const precisionLabel = (await precisionChart.getAttribute('aria-label')) ?? '';
    for (const r of decidedRules) expect(precisionLabel).toContain(`${r.rule_id} ${Math.round(r.precision! * 100)}%`);

    const automation = page.getByRole('region', { name: 'Automation', exact: true });
    await automation.getByRole('img').waitFor();
    const circuit = (await e.call('GET', '/v1/rules/automation')).circuit;
    expect(await automation.textContent()).toContain(`${circuit.last_hour} of ${circuit.max_per_hour}`);

    // Two notices were written for the seller; their emails wait in the queue (no SMTP here).
    const email = page.getByRole('region', { name: 'Email delivery' });
    expect(await email.getByRole('img').getAttribute('aria-label')).toContain('2 queued');
    await e.shot('30-dashboard');

    // The same numbers as a table, for reading exact values and for screen readers.
    const queues = page.getByRole('region', { name: 'Review queue by language' });
    await queues.getByRole('button', { name: 'Table' }).click();
    const french = queues.getByRole('row', { name: /French/ });
    expect(await french.getByRole('cell').allTextContents()).toContain('1');
    await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: '90 days' }).click();
    await page.getByText(/over 90 days/).waitFor();
    await e.shot('31-dashboard-table-90-days');
  });

  it("shows a seller's step on the ladder and the notice email exactly as sent", async () => {
    const page = e.page;
    await page.goto(`${e.base}/sellers/sel_roux`);
    await page.getByRole('heading', { name: /Atelier Roux Antiquités/, level: 1 }).waitFor();
    const standing = await e.call('GET', '/v1/sellers/sel_roux/standing');
    expect(standing.position).toMatchObject({ step: 1, name: 'formal_warning' });

    const ladder = page.getByRole('list', { name: /At step 2 of 5, Formal warning/ });
    await ladder.waitFor();
    expect(await ladder.locator('[aria-current="step"]').textContent()).toContain('Formal warning');
    expect(await ladder.locator('.ladder-step-next').textContent()).toContain('Restriction');
    expect(await page.locator('.strike-list li').count()).toBe(2);
    const violations = page.getByRole('region', { name: /Violations/ });
    expect(await violations.getByRole('row').count()).toBe(3); // header + two violations
    expect(await page.getByRole('region', { name: /Open cases/ }).textContent()).toContain('No open cases');
    expect(await page.getByRole('region', { name: /Past cases/ }).getByRole('row').count()).toBe(3);
    await e.shot('32-seller-profile');

    const notices = page.getByRole('region', { name: 'Notices sent' });
    expect(await notices.getByRole('button', { name: /View the email/ }).count()).toBe(2);
    const newest = standing.notices.reduce((a: { created_at: string }, b: { created_at: string }) => (a.created_at >= b.created_at ? a : b));
    const notice = await e.call('GET', `/v1/notices/${newest.id}`);
    await notices.getByRole('button', { name: `View the email: ${notice.subject}` }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Notice email' });
    await dialog.waitFor();
    const shown = dialog.getByLabel('Email text as sent');
    await shown.waitFor();
    expect(await shown.textContent()).toBe(notice.text);
    expect(await dialog.textContent()).toContain('contact@roux-antiques.test');
    expect(await dialog.textContent()).toContain('Queued');
    await e.shot('33-seller-notice-email');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('finds a case by its id from the header search and opens it', async () => {
    const page = e.page;
    await page.goto(`${e.base}/dashboard`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    // "/" focuses the search from anywhere that is not a text field.
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: /Search/ });
    expect(await box.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    await page.keyboard.type('roux');
    const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await options.first().waitFor();
    expect(await options.first().textContent()).toContain('Atelier Roux Antiquités');
    await e.shot('34-search-by-name');

    await box.fill('');
    await page.keyboard.type(decided[0]!);
    await page.getByRole('option', { name: /Exact id/ }).first().waitFor();
    await e.shot('35-search-by-case-id');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === `/cases/${decided[0]}`);
    const c = await e.call('GET', `/v1/cases/${decided[0]}`);
    await page.getByRole('heading', { name: new RegExp(c.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), level: 1 }).waitFor();

    // A conversation id goes straight to the conversation.
    await page.keyboard.press('/');
    await page.keyboard.type('conv_uhr');
    await page.getByRole('option').filter({ has: page.locator('.gsearch-kind-conversation') }).filter({ hasText: 'Exact id' }).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/conversations/conv_uhr');
  });

  it('fetches a screen’s data once when the navigation opens it', async () => {
    // A screen mounted twice makes each request twice, the first cancelled: so it was when the test
    // runner's NODE_ENV made Vite build React's development version (strict mode). A page loaded
    // directly (its query cache empty), then screens opened from the navigation, each for the first
    // time in this document, the dashboard from a chunk of its own.
    const page = e.page;
    const requested: string[] = [];
    const inFlight = new Set<object>();
    const started = (r: { url(): string }) => {
      if (!r.url().includes('/v1/')) return;
      inFlight.add(r);
      requested.push(new URL(r.url()).pathname + new URL(r.url()).search);
    };
    const ended = (r: object) => inFlight.delete(r);
    page.on('request', started);
    page.on('requestfinished', ended);
    page.on('requestfailed', ended);
    try {
      await page.goto(`${e.base}/policies`);
      await page.getByRole('heading', { name: 'Policies', level: 1 }).waitFor();
      await expect.poll(() => inFlight.size).toBe(0);
      for (const [link, heading] of [
        ['Sellers', 'Sellers'],
        ['Cases', 'Cases'],
        ['Investigations', 'Investigations'],
        ['Dashboard', 'Dashboard'],
      ] as const) {
        requested.length = 0;
        await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        await expect.poll(() => inFlight.size).toBe(0);
        const twice = requested.filter((p, i) => requested.indexOf(p) !== i);
        expect(requested.length, link).toBeGreaterThan(0);
        expect(twice, `${link}: ${requested.join(', ')}`).toEqual([]);
      }
    } finally {
      page.off('request', started);
      page.off('requestfinished', ended);
      page.off('requestfailed', ended);
    }
  });

  it('raised no script errors', () => {
    expect(e.pageErrors).toEqual([]);
  });
});
