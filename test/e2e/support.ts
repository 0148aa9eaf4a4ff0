import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing';
import { buildApp, ROOT_DIR, type App } from '../../src/app/build-app';
import { startBackgroundWork, type BackgroundWork } from '../../src/app/workers';
import type { Role } from '../../src/identity';
import { auditAccessibility } from './a11y';

/*
 * What the browser tests share: the real server in-process on a fresh database, Debian's chromium
 * through playwright-core (never a downloaded browser), sign-in, API calls with an admin token, and
 * screenshots under test-results/screens/ for a person to look at.
 */

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENS = resolve(ROOT_DIR, 'test-results/screens');
const system = { type: 'system' as const, id: 'e2e' };

export interface Person {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly role: Role;
  readonly vendorOrg?: string;
}

export interface E2E {
  readonly app: App;
  readonly base: string;
  readonly page: Page;
  readonly vendorOrgIds: Record<string, string>;
  /** Errors the page raised (uncaught exceptions, console errors other than expected 4xx). */
  readonly pageErrors: string[];
  call(method: 'GET' | 'POST', url: string, body?: unknown): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** A screenshot for a person to look at, and an accessibility audit of the screen (throws on a problem). */
  shot(name: string): Promise<void>;
  signIn(who: Person): Promise<void>;
  signOut(): Promise<void>;
  close(): Promise<void>;
}

export interface E2EOptions {
  /** Extra configuration, e.g. `SMTP_URL` for a test SMTP server. */
  readonly env?: Record<string, string>;
  /** Run what a server process runs beside HTTP (the email sender, the outbox relay, the audit sealer). */
  readonly backgroundWork?: boolean;
}

/** Debian's chromium, headless, with the flags this machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export async function startE2E(people: readonly Person[], opts: E2EOptions = {}): Promise<E2E> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
  mkdirSync(SCREENS, { recursive: true });
  const database: TestDatabase = await createTestDatabase();
  const scratch = mkdtempSync(join(tmpdir(), 'assay-e2e-'));
  const config = loadConfig({ NODE_ENV: 'test', ASSAY_DEMO: 'false', AUDIT_CHECKPOINT_FILE: join(scratch, 'checkpoint.json'), ...opts.env });
  const app = await buildApp({ config, database });
  const background: BackgroundWork | undefined = opts.backgroundWork === true ? startBackgroundWork(app.services, config, pino({ level: 'silent' })) : undefined;
  const id = app.services.identity;
  const vendorOrgIds: Record<string, string> = {};
  let adminUser: string | undefined;
  for (const p of people) {
    let vendorOrgId: string | undefined;
    if (p.vendorOrg !== undefined) {
      vendorOrgIds[p.vendorOrg] ??= (await id.createVendorOrg(system, p.vendorOrg)).id;
      vendorOrgId = vendorOrgIds[p.vendorOrg];
    }
    const u = await id.createUser(system, { email: p.email, name: p.name, password: p.password, role: p.role, ...(vendorOrgId !== undefined ? { vendorOrgId } : {}) });
    if (p.role === 'admin') adminUser = u.id;
  }
  if (adminUser === undefined) throw new Error('the browser tests need an admin among the people');
  const adminToken = (await id.createApiToken(system, { name: 'e2e setup', role: 'admin', userId: adminUser })).token;
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;

  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'Europe/London', locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (401|404|409|422|429|400)/.test(m.text())) pageErrors.push(m.text());
  });

  const e2e: E2E = {
    app,
    base,
    page,
    vendorOrgIds,
    pageErrors,
    async call(method, url, body) {
      const res = await app.http.inject({ method, url, headers: { authorization: `Bearer ${adminToken}` }, ...(body === undefined ? {} : { payload: body as Record<string, unknown> }) });
      if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
      return res.json();
    },
    async shot(name) {
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.screenshot({ path: join(SCREENS, `${name}.png`) });
      // every screen a test shows is also audited: contrast, names and labels, headings, focus rings
      const problems = await auditAccessibility(page);
      if (problems.length > 0) throw new Error(`accessibility problems on ${name}:\n${problems.join('\n')}`);
    },
    async signIn(who) {
      await page.goto(base + '/');
      await page.getByLabel('Email').fill(who.email);
      await page.getByLabel('Password').fill(who.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation').waitFor();
    },
    async signOut() {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to Assay' }).waitFor();
    },
    async close() {
      await browser.close();
      await background?.stop();
      await app.http.close();
      await database.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
  return e2e;
}
