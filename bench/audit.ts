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
 * A fourth row measures a proposal, not the shipped code: the transaction appends its entry
 * unchained (no lock), and one chainer links committed entries in batches in the background
 * ("chained later"); its chain is verified too, and the chainer's lag is printed.
 */
import pg from 'pg';
import { canonicalJson, sha256Hex, systemClock, ulid } from '../src/kernel';
import {
  enqueueOutbox,
  GENESIS_HASH,
  hashAuditEntry,
  inTransaction,
  migrate,
  openDatabase,
  query,
  queryOne,
  recordChange,
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

/** The proposal: an entry is appended without the chain's lock; {@link chainPending} links it after commit. */
async function appendUnchained(tx: Db, row: number): Promise<void> {
  const c = change(row);
  await tx.execute(sql`INSERT INTO bench_audit_pending (id, at, actor_type, actor_id, action, subject_type, subject_id, fields, data_hash)
    VALUES (${`aud_${ulid()}`}, ${clock.now().toISOString()}, ${c.actor.type}, ${c.actor.id}, ${c.action}, ${c.subject.type}, ${c.subject.id},
            ${JSON.stringify(c.fields)}::jsonb, ${sha256Hex(canonicalJson(c.data))})`);
}

/**
 * Links up to `limit` committed, unchained entries onto the chain in one transaction: one lock and
 * one commit for the whole batch. The chain position is given here, in the order the chainer sees
 * committed entries, so an entry that commits late cannot fall into a gap behind the head.
 */
async function chainPending(db: Db, limit = 1000): Promise<number> {
  return inTransaction(db, async (tx) => {
    const head = await queryOne<{ seq: number; hash: string }>(tx, sql`SELECT seq, hash FROM bench_audit_head WHERE id = 1 FOR UPDATE`);
    const rows = await query(tx, sql`SELECT * FROM bench_audit_pending ORDER BY pos LIMIT ${limit}`);
    if (rows.length === 0) return 0;
    let seq = Number(head!.seq);
    let prevHash = head!.hash;
    const chained = rows.map((r) => {
      const base = {
        seq: ++seq,
        id: String(r['id']),
        at: new Date(r['at'] as string),
        actorType: String(r['actor_type']),
        actorId: String(r['actor_id']),
        action: String(r['action']),
        subjectType: String(r['subject_type']),
        subjectId: String(r['subject_id']),
        fields: (typeof r['fields'] === 'string' ? JSON.parse(r['fields']) : r['fields']) as string[],
        dataHash: String(r['data_hash']),
        prevHash,
      };
      const e = { ...base, hash: hashAuditEntry(base) };
      prevHash = e.hash;
      return { seq: e.seq, id: e.id, at: e.at.toISOString(), actor_type: e.actorType, actor_id: e.actorId, action: e.action, subject_type: e.subjectType, subject_id: e.subjectId, fields: e.fields, data_hash: e.dataHash, prev_hash: e.prevHash, hash: e.hash };
    });
    await tx.execute(sql`INSERT INTO bench_audit_log (seq, id, at, actor_type, actor_id, action, subject_type, subject_id, fields, data_hash, prev_hash, hash)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(chained)}::jsonb) AS x(seq bigint, id text, at timestamptz, actor_type text, actor_id text, action text,
        subject_type text, subject_id text, fields jsonb, data_hash text, prev_hash text, hash text)`);
    await tx.execute(sql`DELETE FROM bench_audit_pending WHERE pos <= ${Number(rows[rows.length - 1]!['pos'])} AND id IN (SELECT jsonb_array_elements_text(${JSON.stringify(chained.map((c) => c.id))}::jsonb))`);
    await tx.execute(sql`UPDATE bench_audit_head SET seq = ${seq}, hash = ${prevHash} WHERE id = 1`);
    return rows.length;
  });
}

/** Runs the chainer beside the writers, as the relay loop would; reports the largest backlog it saw. */
function startChainer(db: Db): { stop(): Promise<{ chained: number; maxBacklog: number }> } {
  let running = true;
  let chained = 0;
  let maxBacklog = 0;
  const loop = (async () => {
    while (running) {
      const n = await chainPending(db);
      chained += n;
      maxBacklog = Math.max(maxBacklog, n);
      await new Promise((r) => setTimeout(r, n === 0 ? 20 : 0));
    }
    for (let n = await chainPending(db); n > 0; n = await chainPending(db)) chained += n;
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { chained, maxBacklog };
    },
  };
}

const PROPOSAL = 'UPDATE + outbox + entry chained later (proposal)';

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
    name: 'UPDATE + recordChange (audited)',
    work: async (tx, row) => {
      await bump(tx, row);
      await recordChange(tx, clock, change(row));
    },
  },
  {
    name: PROPOSAL,
    work: async (tx, row) => {
      await bump(tx, row);
      const c = change(row);
      await enqueueOutbox(tx, clock, { type: c.event.type, subject: c.subject, payload: c.event.payload });
      await appendUnchained(tx, row);
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
  await database.db.execute(sql`CREATE TABLE IF NOT EXISTS bench_audit_log (LIKE audit_log INCLUDING ALL)`);
  await database.db.execute(sql`CREATE TABLE IF NOT EXISTS bench_audit_head (LIKE audit_head INCLUDING ALL)`);
  await database.db.execute(sql`INSERT INTO bench_audit_head (id, seq, hash) VALUES (1, 0, ${GENESIS_HASH}) ON CONFLICT DO NOTHING`);
  await database.db.execute(sql`CREATE TABLE IF NOT EXISTS bench_audit_pending (pos bigserial PRIMARY KEY, id text NOT NULL, at timestamptz NOT NULL,
    actor_type text NOT NULL, actor_id text NOT NULL, action text NOT NULL, subject_type text NOT NULL, subject_id text NOT NULL, fields jsonb NOT NULL, data_hash text NOT NULL)`);
}

/** The proposal's chain, verified with the same code as the real one (on a copy under the real names). */
async function verifyBenchChain(db: Db): Promise<{ ok: boolean; entries: number }> {
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`CREATE TEMP TABLE audit_log (LIKE bench_audit_log INCLUDING ALL) ON COMMIT DROP`);
    await tx.execute(sql`INSERT INTO audit_log SELECT * FROM bench_audit_log`);
    // pg_temp comes first in the search path only when named; the temp table shadows public.audit_log here.
    await tx.execute(sql`SET LOCAL search_path = pg_temp, public`);
    const r = await verifyAuditChain(tx);
    return { ok: r.ok, entries: r.entries };
  });
}

async function run(backend: string, database: Database, writerCounts: number[]): Promise<Figure[]> {
  await prepare(database, Math.max(...writerCounts));
  const out: Figure[] = [];
  for (const writers of writerCounts) {
    const acc = VARIANTS.map(() => ({ done: 0, latencies: [] as number[] }));
    const chainerStats = { chained: 0, maxBacklog: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [k, v] of VARIANTS.entries()) {
        await database.db.execute(sql`VACUUM bench_items`);
        const chainer = v.name === PROPOSAL ? startChainer(database.db) : undefined;
        const r = await measure(database.db, writers, SECONDS / ROUNDS, v.work);
        acc[k]!.done += r.done;
        acc[k]!.latencies.push(...r.latencies);
        if (chainer !== undefined) {
          const c = await chainer.stop();
          chainerStats.chained += c.chained;
          chainerStats.maxBacklog = Math.max(chainerStats.maxBacklog, c.maxBacklog);
        }
      }
    }
    for (const [k, v] of VARIANTS.entries()) {
      const lat = acc[k]!.latencies.sort((a, b) => a - b);
      const f = { backend, writers, variant: v.name, perSecond: acc[k]!.done / SECONDS, p50: pct(lat, 50), p99: pct(lat, 99) };
      out.push(f);
      const note = v.name === PROPOSAL ? ` (the chainer linked ${chainerStats.chained} entries, at most ${chainerStats.maxBacklog} per batch)` : '';
      process.stderr.write(`  ${backend} ${writers}w ${v.name}: ${f.perSecond.toFixed(0)}/s${note}\n`);
    }
  }
  const report = await verifyAuditChain(database.db);
  process.stderr.write(`  ${backend}: audit chain of ${report.entries} entries written by concurrent writers verifies: ${report.ok}\n`);
  if (!report.ok) throw new Error(`the chain is broken: ${report.problem?.detail}`);
  const proposal = await verifyBenchChain(database.db);
  process.stderr.write(`  ${backend}: the proposal's chain of ${proposal.entries} entries verifies: ${proposal.ok}\n`);
  if (!proposal.ok) throw new Error('the proposal chain is broken');
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
    const later = fs.find((f) => f.variant === PROPOSAL)!;
    const [backend, writers] = key.split(' ');
    console.log(
      `${backend}, ${writers} writer(s): audited ${audited.perSecond.toFixed(0)}/s vs baseline ${base.perSecond.toFixed(0)}/s → ratio ${(audited.perSecond / base.perSecond).toFixed(2)}` +
        `; chained later ${later.perSecond.toFixed(0)}/s → ratio ${(later.perSecond / base.perSecond).toFixed(2)}`,
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
