import { randomBytes } from 'node:crypto';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { connect, type NatsConnection, type JsMsg } from 'nats';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { sql } from '../../src/db';
import { collect, countRows, createCliWorld, onPostgres, waitForOutput, wireMessage, withWorldDb, type CliWorld } from '../cli/helpers';

const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
// A stream, durable and subject prefix of our own: parallel runs (PGlite and PostgreSQL) never meet.
const run = randomBytes(5).toString('hex');
const prefix = `assaytest${run}`;
const stream = `ASSAYTEST_${run}`;
const durable = `test-${run}`;

let w: CliWorld;
let nc: NatsConnection;
beforeAll(async () => {
  w = await createCliWorld();
  nc = await connect({ servers: NATS_URL });
});
afterAll(async () => {
  try {
    const jsm = await nc?.jetstreamManager();
    await jsm?.streams.delete(stream).catch(() => undefined);
  } finally {
    await nc?.close();
    await w?.close();
  }
});

function workerEnv(): Record<string, string> {
  return { NATS_URL, NATS_STREAM: stream, NATS_DURABLE: durable };
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('condition not met in time');
}

async function deadLetters(): Promise<JsMsg[]> {
  const js = nc.jetstream();
  const c = await js.consumers.get(stream, { filterSubjects: `${prefix}.dlq.>` });
  const out: JsMsg[] = [];
  const it = await c.fetch({ max_messages: 50, expires: 1000 });
  for await (const m of it) out.push(m);
  return out;
}

describe('assay worker --source nats', () => {
  it('stores good items once, dead-letters poison with its reason, and redelivers what failed to commit', async () => {
    // A database failure on the first two attempts at one message: nothing is acknowledged until a commit.
    await withWorldDb(w, async (db) => {
      await db.execute(sql.raw(`CREATE SEQUENCE test_ingest_failures`));
      await db.execute(
        sql.raw(`CREATE FUNCTION test_fail_twice() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF NEW.body LIKE '%FAIL-TWICE%' AND nextval('test_ingest_failures') <= 2 THEN
              RAISE EXCEPTION 'injected failure: the database went away';
            END IF;
            RETURN NEW;
          END $$`),
      );
      await db.execute(sql.raw(`CREATE TRIGGER test_fail_twice BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION test_fail_twice()`));
    });

    const worker = w.spawn(['worker', '--source', 'nats', '--subject-prefix', prefix, '--fetch-batch', '50'], { env: workerEnv() });
    const exited = collect(worker);
    onTestFinished(() => {
      if (worker.exitCode === null) worker.kill('SIGKILL');
    });
    await waitForOutput(worker.stderr!, (t) => t.includes('assay worker: consuming'), 45_000);

    const js = nc.jetstream();
    const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
    await js.publish(`${prefix}.messages.marketplace`, enc(wireMessage(1)));
    await js.publish(`${prefix}.messages.marketplace`, enc(wireMessage(2)));
    await js.publish(`${prefix}.messages.bulk`, enc([wireMessage(3), wireMessage(4), wireMessage(5)]));
    await js.publish(`${prefix}.messages.marketplace`, enc(wireMessage(1))); // a duplicate
    await js.publish(`${prefix}.messages.marketplace`, enc('{"id": "m-broken", "body": '));
    await js.publish(`${prefix}.messages.marketplace`, enc(wireMessage(6, { sent_at: 'yesterday' })));
    await js.publish(`${prefix}.messages.marketplace`, enc(wireMessage(7, { body: 'FAIL-TWICE: please call me' })));
    await js.publish(
      `${prefix}.events.orders`,
      enc({ id: 'ev-1', type: 'order.created', occurred_at: '2026-03-02T10:00:00Z', order_id: 'ord-1', listing_id: 'listing-0', buyer_id: 'buyer-0', seller_id: 'seller-0', amount_minor: 125_000, currency: 'EUR' }),
    );

    // On PGlite the worker holds the folder: wait for the dead letters and the retries, then stop it.
    await until(async () => (await deadLetters()).length >= 2, 60_000);
    // The failed message comes back after 1 s, then 2 s: wait until both consumers have nothing pending
    // or unacknowledged (asked of NATS, so it holds on a slow machine too).
    const jsm = await nc.jetstreamManager();
    await until(async () => {
      for (const kind of ['messages', 'events']) {
        const info = await jsm.consumers.info(stream, `${durable}-${kind}`);
        if (info.num_pending > 0 || info.num_ack_pending > 0) return false;
      }
      return true;
    }, 60_000);
    worker.kill('SIGTERM');
    const out = await exited;
    expect(out.code).toBe(0);
    const totals = /(\d+) messages received, (\d+) acknowledged, (\d+) dead-lettered, (\d+) left for redelivery; items stored (\d+), duplicate (\d+)/.exec(out.stderr);
    expect(totals, out.stderr).not.toBeNull();
    const [, , acked, dead, retried] = totals!.map(Number);
    expect(dead).toBe(2);
    expect(acked).toBe(6); // m1, m2, the bulk message, the duplicate, m7, the event
    expect(retried).toBeGreaterThanOrEqual(2); // m7's batch, twice

    expect(await countRows(w, 'messages')).toBe(6); // msg-1..5 and msg-7, each once
    expect(await countRows(w, 'messages', sql`id = 'msg-7'`)).toBe(1);
    expect(await countRows(w, 'orders')).toBe(1);
    const attempts = await withWorldDb(w, async (db) => (await db.execute(sql`SELECT last_value::int AS n FROM test_ingest_failures`)) as unknown as { rows: { n: number }[] });
    expect(attempts.rows[0]!.n).toBeGreaterThanOrEqual(3); // two failed attempts, then the one that committed

    const dlq = await deadLetters();
    expect(dlq.map((m) => m.subject)).toEqual([`${prefix}.dlq.${prefix}.messages.marketplace`, `${prefix}.dlq.${prefix}.messages.marketplace`]);
    const [notJson, invalid] = dlq;
    expect(notJson!.headers!.get('Assay-Dlq-Reason')).toMatch(/^not JSON/);
    expect(notJson!.headers!.get('Assay-Original-Subject')).toBe(`${prefix}.messages.marketplace`);
    expect(new TextDecoder().decode(notJson!.data)).toBe('{"id": "m-broken", "body": ');
    expect(invalid!.headers!.get('Assay-Dlq-Reason')).toMatch(/^rejected by validation: sent_at must be an ISO 8601/);
    expect(JSON.parse(invalid!.headers!.get('Assay-Dlq-Errors'))).toEqual([expect.objectContaining({ index: 0, id: 'msg-6', field: 'sent_at' })]);
  }, 180_000);

  it.skipIf(onPostgres())('refuses to start while a server holds the embedded data folder', async () => {
    const lock = join(w.env['DATA_DIR']!, 'assay.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), url: 'http://127.0.0.1:9' }));
    try {
      const r = await w.run(['worker', '--source', 'nats', '--subject-prefix', prefix], { env: workerEnv() });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toMatch(/^assay: the embedded database in .* is held by the server at http:\/\/127\.0\.0\.1:9 .*DATABASE_URL/);
    } finally {
      rmSync(lock, { force: true });
    }
  });
});
