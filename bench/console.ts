/**
 * npx tsx bench/console.ts [--runs 7] [--seed 42] [--data DIR]   (npm run bench:console)
 *
 * How fast the console's screens are on the demo data, in Debian's chromium (playwright-core).
 * It starts the server the way `npm start` does on an empty folder (embedded database, demo data
 * loaded on the first start), signs in as the first admin, and for each main screen measures:
 *   - in the console (the "once loaded"): in a tab where the console is loaded, with the
 *     query cache cleared before each visit (so every visit fetches its data), the time from the
 *     in-place navigation to the screen being interactive — its heading drawn, no request in flight,
 *     no loading indicator; median and worst of `--runs` visits, screens visited in turn;
 *   - a cold load of the same URL (new document: HTML, script, session, data), once.
 * The baseline, measured the same way in the same run, is the navigation to a screen that fetches
 * nothing (the "page not found" screen): what rendering alone costs. Goal: every screen under 200 ms.
 * With `--data DIR` the data folder is kept (and reused when it holds a database already), so runs
 * after the first skip loading the demo.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { loadConfig } from '../src/config';
import { runServer } from '../src/app/server';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const RUNS = Number(arg('runs', '7'));
const SEED = arg('seed', '42');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const GOAL_MS = 200;

/** Counts requests in flight and exposes a readiness probe; installed before the console's own script. */
const PROBE = `(() => {
  let inflight = 0;
  const fetch0 = window.fetch.bind(window);
  window.fetch = (...args) => { inflight++; return fetch0(...args).finally(() => { inflight--; }); };
  window.__assayReady = () => {
    const main = document.querySelector('main');
    if (main === null || inflight > 0) return false;
    if (main.querySelector('.loading, [aria-busy="true"]') !== null) return false;
    return main.querySelector('h1') !== null;
  };
})();`;

async function api<T>(base: string, token: string, path: string): Promise<T> {
  const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** In-place navigation (the console's router listens to popstate) and the time until the screen is ready; runs in the page. */
const VISIT = `(to) => new Promise((resolve, reject) => {
  window.__TANSTACK_QUERY_CLIENT__.clear();
  performance.clearResourceTimings(); // the buffer holds 250 entries
  const t0 = performance.now();
  window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
  let frames = 0;
  // the first frames after the navigation have not started the new screen's requests yet
  const tick = () => {
    frames++;
    if (frames > 2 && window.__assayReady()) {
      const took = performance.now() - t0;
      // the slowest API request the screen made, for finding what to speed up
      const reqs = performance.getEntriesByType('resource').filter((e) => e.startTime >= t0 && e.name.includes('/v1/'));
      const slow = reqs.sort((a, b) => b.duration - a.duration)[0];
      resolve({ took, requests: reqs.length, slowest: slow === undefined ? null : { url: new URL(slow.name).pathname + new URL(slow.name).search, ms: slow.duration } });
    }
    else if (performance.now() - t0 > 10000) reject(new Error(to + ' was not ready after 10 s'));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

interface Visit {
  readonly took: number;
  readonly requests: number;
  readonly slowest: { readonly url: string; readonly ms: number } | null;
}

async function visit(page: Page, path: string): Promise<Visit> {
  return (await page.evaluate(`(${VISIT})(${JSON.stringify(path)})`)) as Visit;
}

async function coldLoad(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction('window.__assayReady()', undefined, { polling: 'raf', timeout: 15_000 });
  return (await page.evaluate('performance.now()')) as number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0).padStart(5)} ms`;

async function main(): Promise<void> {
  // the console as `npm start` serves it (built when missing or older than its sources)
  if (spawnSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' }).status !== 0) throw new Error('the console build failed');
  const keep = arg('data', '');
  const dataDir = keep !== '' ? keep : mkdtempSync(join(tmpdir(), 'assay-bench-console-'));
  const log: string[] = [];
  const t0 = Date.now();
  const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'error', ASSAY_DEMO: 'true', ASSAY_DEMO_SEED: SEED });
  const server = await runServer(config, { write: (s: string) => (log.push(s), true) } as unknown as NodeJS.WritableStream);
  const loaded = log.find((l) => l.includes('demo data loaded'))?.trim() ?? `demo data loaded earlier in ${dataDir}`;
  console.log(`server started on the demo data in ${((Date.now() - t0) / 1000).toFixed(1)} s (${loaded.replace(/^assay: /, '')})`);
  const [email, password] = readFileSync(join(dataDir, 'initial-admin.txt'), 'utf8').trim().split('\n') as [string, string];
  const token = readFileSync(join(dataDir, 'cli-token'), 'utf8').trim();
  const base = server.url;

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    // ids of real records to open: a review case, a seller with a record, an investigation, …
    type Page1<T> = { items: T[] };
    const reviewCases = await api<Page1<{ id: string; subjects: { seller_id?: string; conversation_id?: string; listing_id?: string } }>>(base, token, '/v1/cases?type=conversation_review&limit=1');
    const investigations = await api<Page1<{ case_id: string }>>(base, token, '/v1/investigations?limit=1');
    const rc = reviewCases.items[0];
    if (rc === undefined) throw new Error('the demo data opened no review case');
    const screens: [string, string][] = [
      ['Dashboard', '/dashboard'],
      ['Review queues', '/review'],
      ['Review (one case)', `/review/${rc.id}`],
      ['Cases', '/cases'],
      ['Case', `/cases/${rc.id}`],
      ['Investigations', '/investigations'],
      ...(investigations.items[0] === undefined ? [] : ([['Investigation', `/investigations/${investigations.items[0].case_id}`]] as [string, string][])),
      ['Conversation', `/conversations/${rc.subjects.conversation_id}`],
      ['Sellers', '/sellers'],
      ['Seller profile', `/sellers/${rc.subjects.seller_id}`],
      ...(rc.subjects.listing_id === undefined ? [] : ([['Listing', `/listings/${rc.subjects.listing_id}`]] as [string, string][])),
      ['Policies', '/policies'],
      ['Queues', '/queues'],
      ['Audit trail', '/admin/audit'],
    ];

    // bypassCSP: the probe's string predicates are evaluated in the page, which the console's CSP forbids
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
    await context.addInitScript(PROBE);
    const signIn = await context.newPage();
    await signIn.goto(base + '/');
    await signIn.getByLabel('Email').fill(email);
    await signIn.getByLabel('Password').fill(password);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await signIn.getByRole('navigation').waitFor();
    await signIn.close();

    const page = await context.newPage();
    await coldLoad(page, base + '/policies');
    /** From a screen that fetches nothing, with the query cache cleared, to `path`. */
    const fresh = async (path: string): Promise<Visit> => {
      await visit(page, '/bench-not-found');
      return visit(page, path);
    };

    // warm-up: every screen once (the server's and the browser's first runs of each code path)
    for (const [, path] of screens) await fresh(path);

    const baseline: number[] = [];
    const rows: { name: string; path: string; times: number[]; visits: Visit[] }[] = screens.map(([name, path]) => ({ name, path, times: [], visits: [] }));
    for (let r = 0; r < RUNS; r++) {
      baseline.push((await fresh('/bench-baseline-not-found')).took); // another not-found path: the screen is mounted anew
      for (const row of rows) {
        const v = await fresh(row.path);
        row.times.push(v.took);
        row.visits.push(v);
      }
    }
    const cold = new Map<string, number>();
    for (const row of rows) cold.set(row.path, await coldLoad(page, base + row.path));

    const b = median(baseline);
    console.log(`chromium, 1366×768, ${RUNS} visits per screen in turn, query cache cleared before each; demo seed ${SEED}`);
    console.log(`baseline: navigation to a screen that fetches nothing: median ${b.toFixed(1)} ms`);
    console.log('');
    console.log(`${'screen'.padEnd(20)} ${'median'.padStart(8)} ${'worst'.padStart(8)} ${'× base'.padStart(7)} ${'cold load'.padStart(10)}  requests, slowest (median visit)`);
    let over = 0;
    for (const row of rows) {
      const m = median(row.times);
      const worst = Math.max(...row.times);
      if (m > GOAL_MS) over++;
      const mv = row.visits.find((v) => v.took === m)!;
      const slow = mv.slowest === null ? '' : `${mv.slowest.ms.toFixed(0)} ms ${mv.slowest.url.length > 60 ? mv.slowest.url.slice(0, 57) + '…' : mv.slowest.url}`;
      console.log(`${row.name.padEnd(20)} ${ms(m)} ${ms(worst)} ${(m / b).toFixed(1).padStart(6)}× ${ms(cold.get(row.path)!).padStart(10)}  ${String(mv.requests).padStart(3)}, ${slow}${m > GOAL_MS ? '   OVER' : ''}`);
    }
    console.log('');
    console.log(over === 0 ? `every screen interactive within ${GOAL_MS} ms of navigating to it (median visit)` : `${over} screen(s) over ${GOAL_MS} ms (median visit)`);
  } finally {
    await browser.close();
    await server.stop();
    if (keep === '') rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
