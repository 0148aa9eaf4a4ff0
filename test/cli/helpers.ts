import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/assay.mjs');

/** A place for one test file's Assay: a temp DATA_DIR, and a fresh PostgreSQL database when DATABASE_URL is set. */
export interface CliWorld {
  readonly dir: string;
  readonly env: Record<string, string>;
  /** The PostgreSQL database (undefined on PGlite). */
  readonly database: TestDatabase | undefined;
  run(args: readonly string[], opts?: { env?: Record<string, string> }): Promise<CliResult>;
  spawn(args: readonly string[], opts?: { env?: Record<string, string> }): ChildProcess;
  close(): Promise<void>;
}

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function onPostgres(): boolean {
  const url = process.env['DATABASE_URL'];
  return url !== undefined && url !== '';
}

export async function createCliWorld(): Promise<CliWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'assay-cli-'));
  const database = onPostgres() ? await createTestDatabase() : undefined;
  if (database === undefined) await prepareEmbeddedDataDir(join(dir, 'data'));
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? dir,
    NODE_ENV: 'test',
    DATA_DIR: join(dir, 'data'),
    ASSAY_DEMO: 'false',
    LOG_LEVEL: 'silent',
    ...(database?.url === undefined ? {} : { DATABASE_URL: database.url }),
  };
  const children = new Set<ChildProcess>();
  const spawnIt = (args: readonly string[], opts: { env?: Record<string, string> } = {}) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    child.on('exit', () => children.delete(child));
    return child;
  };
  return {
    dir,
    env,
    database,
    spawn: spawnIt,
    run: (args, opts) => collect(spawnIt(args, opts)),
    close: async () => {
      // a failed test may leave a server or worker running: never leave it behind
      for (const child of children) child.kill('SIGKILL');
      await database?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits for a spawned process to end and returns what it printed. */
export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

/** Resolves when `predicate` holds on the text the stream printed so far. */
export function waitForOutput(stream: NodeJS.ReadableStream, predicate: (text: string) => boolean, timeoutMs = 30_000): Promise<string> {
  let text = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for output; got:\n${text}`)), timeoutMs);
    stream.on('data', (d: Buffer) => {
      text += d.toString();
      if (predicate(text)) {
        clearTimeout(timer);
        resolvePromise(text);
      }
    });
  });
}

/** A marketplace message in wire shape; `n` makes it unique and deterministic. */
export function wireMessage(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const conv = Math.floor(n / 5);
  return {
    id: `msg-${n}`,
    conversation_id: `conv-${conv}`,
    buyer_id: `buyer-${conv % 997}`,
    seller_id: `seller-${conv % 211}`,
    listing_id: `listing-${conv % 1499}`,
    sender_role: n % 2 === 0 ? 'buyer' : 'seller',
    body: `Message ${n}: is the walnut sideboard still available, and could you send more photos of the drawers?`,
    sent_at: new Date(Date.UTC(2026, 2, 1) + n * 60_000).toISOString(),
    lang: 'en',
    ...overrides,
  };
}

export function writeJsonl(path: string, records: readonly unknown[]): void {
  writeFileSync(path, records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n');
}

export function readJsonl<T = Record<string, unknown>>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** The numbers of the summary line `messages: stored N, duplicate N, rejected N…`. */
export function summaryOf(stdout: string, kind: string): Record<string, number> {
  const line = stdout.split('\n').find((l) => l.startsWith(`${kind}: `));
  if (line === undefined) throw new Error(`no ${kind} summary in:\n${stdout}`);
  const out: Record<string, number> = {};
  for (const m of line.matchAll(/(\w+) (\d+)/g)) out[m[1]!] = Number(m[2]);
  return out;
}

/**
 * Creates the embedded database in DATA_DIR from the migrated test template (0.5 s instead of an
 * initdb in the child process), so spawned commands open an existing folder.
 */
export async function prepareEmbeddedDataDir(dataDir: string): Promise<void> {
  const { openDatabase } = await import('../../src/db');
  const template = await createTestDatabase();
  try {
    const blob = await template.pglite!.dumpDataDir('none');
    const db = await openDatabase({ dataDir: join(dataDir, 'pglite'), loadDataDir: blob });
    await db.close();
  } finally {
    await template.close();
  }
}

/** Runs work on the world's database (PGlite: opens the folder, so no process may hold it then). */
export async function withWorldDb<T>(world: CliWorld, work: (db: import('../../src/db').Db) => Promise<T>): Promise<T> {
  const { openDatabase } = await import('../../src/db');
  const db = world.database ?? (await openDatabase({ dataDir: join(world.env['DATA_DIR']!, 'pglite') }));
  try {
    return await work(db.db);
  } finally {
    if (world.database === undefined) await db.close();
  }
}

/** Counts rows of a table in the world's database. */
export async function countRows(world: CliWorld, table: string, where?: import('drizzle-orm').SQL): Promise<number> {
  const { query, sql } = await import('../../src/db');
  return withWorldDb(world, async (db) => {
    const rows = await query<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} ${where === undefined ? sql`` : sql`WHERE ${where}`}`);
    return rows[0]!.n;
  });
}

/** Ingests items straight into the world's database through the marketplace service (no process spawned). */
export async function ingestDirect(world: CliWorld, kind: 'messages' | 'events' | 'sellers' | 'buyers' | 'listings', items: readonly unknown[]): Promise<void> {
  const { createMarketplaceService } = await import('../../src/marketplace');
  const { createRuleSetService } = await import('../../src/rules');
  const { messageScanner } = await import('../../src/app/build-app');
  const { systemClock } = await import('../../src/kernel');
  await withWorldDb(world, async (db) => {
    const marketplace = createMarketplaceService({ db, clock: systemClock, scanner: messageScanner(createRuleSetService({ db, clock: systemClock })) });
    for (let i = 0; i < items.length; i += 1000) await marketplace.ingestBatch({ type: 'system', id: 'test' }, kind, items.slice(i, i + 1000));
  });
}
