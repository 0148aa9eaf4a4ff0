/**
 * npx tsx bench/audit.ts [--seconds 5]   (npm run bench:audit)
 *
 * Audited state changes per second: a transaction with one small UPDATE plus `recordChange` (outbox
 * event + hash-chained audit entry), against the baseline of the same transaction without the audit
 * append (UPDATE + outbox event), and the bare UPDATE for scale. On PGlite in memory (one writer: it
 * has one connection) and, when DATABASE_URL (or BENCH_DATABASE_URL) is set, on a fresh PostgreSQL
 * database with 1 and with 8 concurrent writers, each on its own rows. Ends by verifying the chain
 * the concurrent writers built.
 *
 * The audited transaction appends its entry without the chain's lock; the sealer (src/db/audit.ts
 * `sealAudit`, as the server runs it) links committed entries in batches beside the writers, and the
 * chain it builds is verified at the end.
 */
import pg from 'pg';
import { systemClock, ulid } from '../src/kernel';
import {
  enqueueOutbox,
  inTransaction,
  migrate,
  openDatabase,
  recordChange,
  sealAudit,
  sql,
  verifyAuditChain,
  SYSTEM_ACTOR,
  type Database,
  type Db,
} from '../src/db';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 6);
/** Variants take turns in short slices, so a change in machine load hits all of them alike. */
const ROUNDS = arg('rounds', 3);
const ROWS_PER_WRITER = 1000;
const clock = systemClock;

type Work = (tx: Db, row: number, i: number) => Promise<unknown>;

const bump = (tx: Db, row: number) => tx.execute(sql`UPDATE bench_items SET counter = counter + 1, updated_at = ${clock.now().toISOString()} WHERE id = ${row}`);
const change = (row: number) => ({
  actor: SYSTEM_ACTOR,
  action: 'bench_item.bumped',
  subject: { type: 'bench_item', id: `itm_${row}` },
  fields: ['counter'],
  data: { row },
  event: { type: 'bench_item.bumped', payload: { id: `itm_${row}` } },
});

/** The sealer as the server runs it (src/app/workers.ts), beside the writers; reports what it linked. */
function startSealer(db: Db): { stop(): Promise<{ linked: number; maxBatch: number }> } {
  let running = true;
  let linked = 0;
  let maxBatch = 0;
  const loop = (async () => {
    while (running) {
      const n = await sealAudit(db);
      linked += n;
      maxBatch = Math.max(maxBatch, n);
      await new Promise((r) => setTimeout(r, n === 0 ? 20 : 0));
    }
    for (let n = await sealAudit(db); n > 0; n = await sealAudit(db)) linked += n;
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { linked, maxBatch };
    },
  };
}

const AUDITED = 'UPDATE + recordChange (audited)';

const VARIANTS: { name: string; work: Work }[] = [
  { name: 'UPDATE only', work: (tx, row) => bump(tx, row) },
  {
    name: 'UPDATE + outbox event (baseline)',
    work: async (tx, row) => {
      await bump(tx, row);
      const c = change(row);
      await enqueueOutbox(tx, clock, { type: c.event.type, subject: c.subject, payload: c.event.payload });
    },
  },
  {
    name: AUDITED,
    work: async (tx, row) => {
      await bump(tx, row);
      await recordChange(tx, clock, change(row));
    },
  },
];

interface Figure {
  readonly backend: string;
  readonly writers: number;
  readonly variant: string;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

function pct(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(db: Db, writers: number, seconds: number, work: Work): Promise<{ done: number; latencies: number[] }> {
  const latencies: number[] = [];
  const start = Date.now() + 300; // warm-up
  const end = start + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      let i = 0;
      for (;;) {
        const now = Date.now();
        if (now >= end) return;
        const row = w * ROWS_PER_WRITER + (i % ROWS_PER_WRITER) + 1;
        const t0 = performance.now();
        await inTransaction(db, (tx) => work(tx, row, i));
        const ms = performance.now() - t0;
        i++;
        if (now >= start) {
          latencies.push(ms);
          done++;
        }
        // PGlite answers without real I/O: let the event loop breathe as a server would.
        if (writers > 1 && i % 64 === 0) await new Promise((r) => setImmediate(r));
      }
    }),
  );
  return { done, latencies };
}

async function prepare(database: Database, writers: number): Promise<void> {
  await migrate(database);
  await database.db.execute(sql`CREATE TABLE IF NOT EXISTS bench_items (id integer PRIMARY KEY, counter integer NOT NULL, updated_at timestamptz)`);
  await database.db.execute(sql`INSERT INTO bench_items (id, counter) SELECT g, 0 FROM generate_series(1, ${writers * ROWS_PER_WRITER}) g ON CONFLICT DO NOTHING`);
}

async function run(backend: string, database: Database, writerCounts: number[]): Promise<Figure[]> {
  await prepare(database, Math.max(...writerCounts));
  const out: Figure[] = [];
  for (const writers of writerCounts) {
    const acc = VARIANTS.map(() => ({ done: 0, latencies: [] as number[] }));
    const sealerStats = { linked: 0, maxBatch: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [k, v] of VARIANTS.entries()) {
        await database.db.execute(sql`VACUUM bench_items`);
        const sealer = v.name === AUDITED ? startSealer(database.db) : undefined;
        const r = await measure(database.db, writers, SECONDS / ROUNDS, v.work);
        acc[k]!.done += r.done;
        acc[k]!.latencies.push(...r.latencies);
        if (sealer !== undefined) {
          const c = await sealer.stop();
          sealerStats.linked += c.linked;
          sealerStats.maxBatch = Math.max(sealerStats.maxBatch, c.maxBatch);
        }
      }
    }
    for (const [k, v] of VARIANTS.entries()) {
      const lat = acc[k]!.latencies.sort((a, b) => a - b);
      const f = { backend, writers, variant: v.name, perSecond: acc[k]!.done / SECONDS, p50: pct(lat, 50), p99: pct(lat, 99) };
      out.push(f);
      const note = v.name === AUDITED ? ` (the sealer linked ${sealerStats.linked} entries, at most ${sealerStats.maxBatch} per batch)` : '';
      process.stderr.write(`  ${backend} ${writers}w ${v.name}: ${f.perSecond.toFixed(0)}/s${note}\n`);
    }
  }
  const report = await verifyAuditChain(database.db);
  process.stderr.write(`  ${backend}: audit chain of ${report.entries} entries written by concurrent writers verifies: ${report.ok}\n`);
  if (!report.ok) throw new Error(`the chain is broken: ${report.problem?.detail}`);
  return out;
}

function print(figures: Figure[]): void {
  const rows = figures.map((f) => [f.backend, String(f.writers), f.variant, f.perSecond.toFixed(0), f.p50.toFixed(2), f.p99.toFixed(2)]);
  const head = ['backend', 'writers', 'transaction', 'tx/s', 'p50 ms', 'p99 ms'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log('');
  const groups = new Map<string, Figure[]>();
  for (const f of figures) groups.set(`${f.backend} ${f.writers}`, [...(groups.get(`${f.backend} ${f.writers}`) ?? []), f]);
  for (const [key, fs] of groups) {
    const base = fs.find((f) => f.variant.includes('baseline'))!;
    const audited = fs.find((f) => f.variant.includes('audited'))!;
    const [backend, writers] = key.split(' ');
    console.log(
      `${backend}, ${writers} writer(s): audited ${audited.perSecond.toFixed(0)}/s vs baseline ${base.perSecond.toFixed(0)}/s → ratio ${(audited.perSecond / base.perSecond).toFixed(2)}`,
    );
  }
}

async function main(): Promise<void> {
  const figures: Figure[] = [];
  console.error(`bench/audit: ${SECONDS} s per figure, in ${ROUNDS} interleaved slices (each after a 0.3 s warm-up)`);

  const lite = await openDatabase({});
  try {
    figures.push(...(await run('PGlite(memory)', lite, [1])));
  } finally {
    await lite.close();
  }

  const url = process.env['DATABASE_URL'] || process.env['BENCH_DATABASE_URL'];
  if (url) {
    const name = `assay_bench_audit_${ulid().toLowerCase()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const settings = await admin.query(`SELECT name, setting FROM pg_settings WHERE name IN ('synchronous_commit', 'fsync', 'server_version')`);
    console.error(`  PostgreSQL: ${settings.rows.map((r: { name: string; setting: string }) => `${r.name}=${r.setting}`).join(', ')}`);
    await admin.query(`CREATE DATABASE "${name}"`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: u.toString(), poolSize: 10 });
    try {
      figures.push(...(await run('PostgreSQL', db, [1, 8])));
    } finally {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  } else {
    console.error('  PostgreSQL: skipped (set DATABASE_URL to include it)');
  }
  print(figures);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
