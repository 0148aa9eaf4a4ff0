import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing';
import { inTransaction, openDatabase, query, recordChange, sql, SYSTEM_ACTOR, type Database } from '../../src/db';
import { fixedClock } from '../../src/kernel';
import { createOutboxRelay, createWebhookService, verifyWebhookSignature, type OutboxRelay } from '../../src/notify';
import { startWebhookReceiver, type WebhookReceiver } from '../../src/notify/testing';

const clock = fixedClock('2026-11-02T10:00:00Z');
let main: TestDatabase;
let second: Database | undefined;
let receiver: WebhookReceiver;

/**
 * Lets timers and sockets run. PGlite answers without real I/O, so loops that only await it never
 * let the receiver answer; the relay's own loop yields between rounds the same way.
 */
const yieldToIo = () => new Promise((r) => setImmediate(r));

beforeAll(async () => {
  main = await createTestDatabase();
  // On PostgreSQL the second relay gets its own pool, as a second process would; PGlite has one connection.
  if (main.url !== undefined) second = await openDatabase({ databaseUrl: main.url, poolSize: 4 });
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await second?.close();
  await main.close();
});

function relayOn(db: Database['db']): OutboxRelay {
  return createOutboxRelay({ db, clock, maxAttempts: 5, timeoutMs: 10_000, pollMs: 10, fanOutBatch: 7, deliveryBatch: 5, concurrency: 3 });
}

describe('two relays on one database', () => {
  it('deliver each event to each endpoint exactly once while events keep arriving', async () => {
    const webhooks = createWebhookService({ db: main.db, clock });
    const a = await webhooks.createEndpoint(SYSTEM_ACTOR, { url: receiver.url, eventTypes: ['case.*'] });
    const b = await webhooks.createEndpoint(SYSTEM_ACTOR, { url: `${receiver.url}?copy=2`, eventTypes: ['*'] });
    const secrets = new Map([
      [a.endpoint.id, a.secret],
      [b.endpoint.id, b.secret],
    ]);

    const relays = [relayOn(main.db), relayOn((second ?? main).db)];
    const attempted = [0, 0];
    const EVENTS = 150;
    let writing = true;
    const writer = (async () => {
      for (let i = 0; i < EVENTS; i++) {
        await inTransaction(main.db, (tx) =>
          recordChange(tx, clock, { actor: SYSTEM_ACTOR, action: 'case.noted', subject: { type: 'case', id: `case_${i}` }, event: { type: 'case.noted', payload: { n: i } } }),
        );
        await yieldToIo();
      }
      writing = false;
    })();
    const outstanding = async () => {
      const [row] = await query<{ n: number }>(
        main.db,
        sql`SELECT (SELECT count(*) FROM outbox_events WHERE relayed_at IS NULL) + (SELECT count(*) FROM webhook_deliveries WHERE status <> 'delivered') AS n`,
      );
      return Number(row!.n);
    };
    await Promise.all([
      writer,
      ...relays.map(async (relay, k) => {
        for (let round = 0; round < 5000; round++) {
          const r = await relay.runOnce();
          attempted[k]! += r.attempted;
          if (r.relayed === 0 && r.attempted === 0 && !writing && (await outstanding()) === 0) return;
          await yieldToIo();
        }
      }),
    ]);

    expect(receiver.received).toHaveLength(2 * EVENTS);
    expect(attempted[0]! + attempted[1]!).toBe(2 * EVENTS);
    const deliveries = await query<{ id: string; endpoint_id: string; status: string; attempts: number }>(main.db, sql`SELECT id, endpoint_id, status, attempts FROM webhook_deliveries`);
    expect(deliveries).toHaveLength(2 * EVENTS);
    expect(deliveries.every((d) => d.status === 'delivered' && Number(d.attempts) === 1)).toBe(true);

    const endpointOf = new Map(deliveries.map((d) => [d.id, d.endpoint_id]));
    const targets = new Set<string>();
    for (const w of receiver.received) {
      const endpointId = endpointOf.get(w.headers['x-assay-delivery'] as string)!;
      targets.add(`${w.json.id} → ${endpointId}`);
      const check = verifyWebhookSignature(secrets.get(endpointId)!, w.headers['x-assay-signature'] as string, w.rawBody, Math.floor(clock.now().getTime() / 1000), 300);
      expect(check.ok).toBe(true);
    }
    expect(targets.size).toBe(2 * EVENTS); // every (event, endpoint) pair arrived, none twice
  });
});
