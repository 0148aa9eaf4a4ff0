/**
 * npm run bench:ingest [-- --messages 100000]
 *
 * Messages per second stored through the HTTP API (POST /v1/messages:batch, batches of 1,000, over a
 * real socket) and through `assay import` (a JSONL file, a separate CLI process), on PGlite (a data
 * folder on disk, as `npm start` uses) and on PostgreSQL (a fresh database; needs a server at
 * BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test to create it from). The baseline,
 * measured in the same run on the same database, is a bare multi-row INSERT of the same rows with no
 * API, validation or conversation bookkeeping.
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { loadConfig } from '../src/config';
import { openDatabase, migrate, sql, type Database } from '../src/db';
import { buildApp } from '../src/app/build-app';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('messages', 100_000);
const BATCH = 1000;
const adminUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const LANGS = ['en', 'fr', 'it', 'de', 'es', 'nl'] as const;
function messages(prefix: string, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const conv = Math.floor(i / 5);
    out.push({
      id: `${prefix}-m${i}`,
      conversation_id: `${prefix}-c${conv}`,
      buyer_id: `${prefix}-b${conv % 2000}`,
      seller_id: `${prefix}-s${conv % 200}`,
      listing_id: `${prefix}-l${conv % 5000}`,
      sender_role: i % 2 === 0 ? 'buyer' : 'seller',
      body: `Hello, is the walnut sideboard (lot ${i}) still available? Could you quote shipping to Lyon, white glove? Merci.`,
      sent_at: new Date(Date.UTC(2026, 9, 1) + i * 1000).toISOString(),
      lang: LANGS[i % 6],
    });
  }
  return out;
}

async function freshPg(name: string): Promise<string> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
async function dropPg(name: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.end();
}

async function countMessages(db: Database): Promise<number> {
  const r = (await db.db.execute(sql`SELECT count(*)::int AS n FROM messages`)) as unknown as { rows: { n: number }[] };
  return r.rows[0]!.n;
}

async function baseline(db: Database, rows: ReturnType<typeof messages>): Promise<number> {
  await db.db.execute(sql`CREATE TEMP TABLE IF NOT EXISTS bench_plain (id text PRIMARY KEY, conversation_id text, sender_role text, body text, sent_at timestamptz, lang text)`);
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const values = sql.join(chunk.map((m) => sql`(${m.id}, ${m.conversation_id}, ${m.sender_role}, ${m.body}, ${m.sent_at}, ${m.lang})`), sql`, `);
    await db.db.execute(sql`INSERT INTO bench_plain VALUES ${values} ON CONFLICT DO NOTHING`);
  }
  return rows.length / ((performance.now() - t0) / 1000);
}

async function throughApi(db: Database, rows: ReturnType<typeof messages>, concurrency: number): Promise<number> {
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', ASSAY_DEMO: 'false', RATE_LIMIT_PER_MINUTE: '10000000' });
  const app = await buildApp({ config, database: db });
  const { token } = await app.services.identity.createApiToken({ type: 'system', id: 'bench' }, { name: 'bench', role: 'integration' });
  const url = await app.http.listen({ host: '127.0.0.1', port: 0 });
  const batches: string[] = [];
  for (let i = 0; i < rows.length; i += BATCH) batches.push(JSON.stringify({ items: rows.slice(i, i + BATCH) }));
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) {
        const body = batches[next++]!;
        const res = await fetch(`${url}/v1/messages:batch`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
        if (res.status !== 200) throw new Error(`batch failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
        await res.arrayBuffer();
      }
    }),
  );
  const rate = rows.length / ((performance.now() - t0) / 1000);
  await app.http.close();
  return rate;
}

function throughImport(env: Record<string, string>, file: string, n: number): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['bin/assay.mjs', 'import', file, '--kind', 'messages'], { env: { ...process.env, ...env, LOG_LEVEL: 'silent', ASSAY_DEMO: 'false' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`assay import failed: ${r.stderr}`);
  return n / ((performance.now() - t0) / 1000);
}

const results: { backend: string; path: string; rate: number; baseline: number }[] = [];
const work = mkdtempSync(join(tmpdir(), 'assay-bench-'));
try {
  const apiRows = messages('api', N);
  const importRows = messages('imp', N);
  const file = join(work, 'messages.jsonl');
  writeFileSync(file, importRows.map((m) => JSON.stringify(m)).join('\n') + '\n');

  // PGlite, a data folder on disk
  {
    const dir = join(work, 'pglite');
    const db = await openDatabase({ dataDir: join(dir, 'pglite') });
    await migrate(db);
    const base = await baseline(db, apiRows);
    const rate = await throughApi(db, apiRows, 2);
    if ((await countMessages(db)) !== N) throw new Error('PGlite: stored count is wrong');
    await db.close();
    results.push({ backend: 'PGlite', path: 'HTTP API', rate, baseline: base });
    const importDir = join(work, 'pglite-import');
    const prep = await openDatabase({ dataDir: join(importDir, 'pglite') });
    await migrate(prep);
    await prep.close();
    results.push({ backend: 'PGlite', path: 'assay import', rate: throughImport({ DATA_DIR: importDir }, file, N), baseline: base });
  }
  // PostgreSQL, a fresh database
  {
    const name = `assay_bench_${process.pid}`;
    const url = await freshPg(name);
    try {
      const db = await openDatabase({ databaseUrl: url, poolSize: 16 });
      await migrate(db);
      const base = await baseline(db, apiRows);
      const rate = await throughApi(db, apiRows, 8);
      if ((await countMessages(db)) !== N) throw new Error('PostgreSQL: stored count is wrong');
      results.push({ backend: 'PostgreSQL', path: 'HTTP API', rate, baseline: base });
      await db.close();
      results.push({ backend: 'PostgreSQL', path: 'assay import', rate: throughImport({ DATABASE_URL: url }, file, N), baseline: base });
    } finally {
      await dropPg(name);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\ningest of ${N.toLocaleString('en')} distinct messages, batches of ${BATCH}`);
console.log('backend     path           messages/s   bare INSERT/s   ratio');
for (const r of results) {
  console.log(`${r.backend.padEnd(11)} ${r.path.padEnd(14)} ${Math.round(r.rate).toString().padStart(10)}   ${Math.round(r.baseline).toString().padStart(13)}   ${(r.rate / r.baseline).toFixed(2)}`);
}
