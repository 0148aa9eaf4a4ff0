import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { inTransaction, recordChange, sql, SYSTEM_ACTOR } from '../../src/db';
import { BACKOFF_STEPS_MS, createOutboxRelay, verifyWebhookSignature } from '../../src/notify';
import { startWebhookReceiver, type WebhookReceiver } from '../../src/notify/testing';

let t: TestApp;
let receiver: WebhookReceiver;

beforeAll(async () => {
  t = await createTestApp({ env: { WEBHOOK_MAX_ATTEMPTS: '4', WEBHOOK_TIMEOUT_MS: '5000', OUTBOX_POLL_MS: '20' } });
  await t.app.services.relay.drain(); // the setup's own events (users, tokens) go nowhere
});
afterAll(async () => {
  await t.app.services.relay.stop();
  await t.close();
});
beforeEach(async () => {
  receiver = await startWebhookReceiver();
  t.clock.advance(1000);
});
afterEach(async () => {
  await receiver.close();
  // Each test's endpoints go with it, so one test's retries do not show up in the next one's rounds.
  for (const e of (await t.as('admin', { method: 'GET', url: '/v1/webhooks' })).json().items as { id: string }[]) {
    await t.as('admin', { method: 'DELETE', url: `/v1/webhooks/${e.id}` });
  }
});

const relay = () => t.app.services.relay;
/** A relay with a short timeout on the same database, for receivers that never answer. */
const impatientRelay = () => createOutboxRelay({ db: t.database.db, clock: t.clock, maxAttempts: 4, timeoutMs: 300, pollMs: 20 });
const nowSeconds = () => Math.floor(t.clock.now().getTime() / 1000);

/** A state change somewhere in Assay: its audit entry and outbox event, as every module writes them. */
async function change(type: string, subjectId: string, payload: unknown = { id: subjectId }): Promise<string> {
  const res = await inTransaction(t.database.db, (tx) =>
    recordChange(tx, t.clock, { actor: SYSTEM_ACTOR, action: type, subject: { type: 'case', id: subjectId }, event: { type, payload } }),
  );
  return res.eventId!;
}

async function addEndpoint(eventTypes: string[], url = receiver.url): Promise<{ id: string; secret: string }> {
  const res = await t.as('admin', { method: 'POST', url: '/v1/webhooks', payload: { url, event_types: eventTypes, description: 'marketplace' } });
  expect(res.statusCode).toBe(201);
  return { id: res.json().endpoint.id, secret: res.json().secret };
}

async function deliveriesOf(endpointId: string) {
  const res = await t.as('admin', { method: 'GET', url: `/v1/webhooks/deliveries?endpoint_id=${endpointId}&limit=500` });
  expect(res.statusCode).toBe(200);
  return res.json().items as { id: string; event_id: string; status: string; attempts: number; next_attempt_at: string | null; last_status_code: number | null; last_error: string | null }[];
}

async function auditActions(subjectType: string): Promise<string[]> {
  const res = await t.as('admin', { method: 'GET', url: `/v1/audit?subject_type=${subjectType}&limit=1000` });
  expect(res.statusCode).toBe(200);
  return (res.json().items as { action: string }[]).map((e) => e.action);
}

describe('delivering events to webhook endpoints', () => {
  it('delivers an event written with recordChange once, signed so the receiver can verify it', async () => {
    const endpoint = await addEndpoint(['case.*']);
    const eventId = await change('case.opened', 'case_1', { id: 'case_1', queue: 'conversation-review' });

    const round = await relay().runOnce();
    expect(round).toMatchObject({ queued: 1, attempted: 1, delivered: 1 });
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-assay-event']).toBe('case.opened');
    expect(got.headers['x-assay-delivery']).toMatch(/^whd_/);
    expect(got.json).toEqual({
      id: eventId,
      type: 'case.opened',
      created_at: t.clock.now().toISOString(),
      subject: { type: 'case', id: 'case_1' },
      data: { id: 'case_1', queue: 'conversation-review' },
    });
    const check = verifyWebhookSignature(endpoint.secret, got.headers['x-assay-signature'] as string, got.rawBody, nowSeconds(), 300);
    expect(check).toEqual({ ok: true, timestamp: nowSeconds() });

    const [d] = await deliveriesOf(endpoint.id);
    expect(d).toMatchObject({ event_id: eventId, status: 'delivered', attempts: 1, last_status_code: 204, last_error: null, next_attempt_at: null });

    await relay().runOnce();
    expect(receiver.received).toHaveLength(1);
  });

  it('retries a receiver that answers 500 with growing backoff, then dead-letters it after the last attempt', async () => {
    receiver.answer = () => 500;
    const endpoint = await addEndpoint(['payout.*']);
    await change('payout.held', 'case_2');
    const auditBefore = (await auditActions('webhook_delivery')).length;

    const waits: number[] = [];
    expect(await relay().runOnce()).toMatchObject({ attempted: 1, failed: 1 });
    for (let attempt = 2; attempt <= 4; attempt++) {
      const [d] = await deliveriesOf(endpoint.id);
      expect(d).toMatchObject({ status: 'failed', attempts: attempt - 1, last_status_code: 500, last_error: 'HTTP 500' });
      const wait = new Date(d!.next_attempt_at!).getTime() - t.clock.now().getTime();
      waits.push(wait);
      t.clock.advance(wait - 1);
      expect(await relay().runOnce()).toMatchObject({ attempted: 0 }); // not due yet
      t.clock.advance(1);
      expect((await relay().runOnce()).attempted).toBe(1);
    }
    expect(waits[0]).toBeGreaterThanOrEqual(BACKOFF_STEPS_MS[0]! * 0.8);
    expect(waits[0]).toBeLessThanOrEqual(BACKOFF_STEPS_MS[0]! * 1.2);
    expect(waits[1]).toBeGreaterThan(waits[0]!);
    expect(waits[2]).toBeGreaterThan(waits[1]!);

    const [dead] = await deliveriesOf(endpoint.id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 4, last_status_code: 500, last_error: 'HTTP 500', next_attempt_at: null });
    t.clock.advance(7 * 24 * 3600_000);
    await relay().runOnce();
    expect(receiver.received).toHaveLength(4);
    const deadLog = await t.as('manager', { method: 'GET', url: '/v1/webhooks/deliveries?status=dead' });
    expect(deadLog.json().items.map((i: { id: string }) => i.id)).toContain(dead!.id);
    // Attempts are not state changes of the domain: none of them entered the audit trail.
    expect((await auditActions('webhook_delivery')).length).toBe(auditBefore);

    // An admin redelivers once the receiver is fixed.
    receiver.answer = () => 200;
    expect((await t.as('manager', { method: 'POST', url: `/v1/webhooks/deliveries/${dead!.id}/redeliver` })).statusCode).toBe(403);
    const again = await t.as('admin', { method: 'POST', url: `/v1/webhooks/deliveries/${dead!.id}/redeliver` });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await t.as('admin', { method: 'POST', url: `/v1/webhooks/deliveries/${dead!.id}/redeliver` })).json()).toMatchObject({ code: 'conflict', reason: 'webhook.delivery_in_progress' });
    expect(await relay().runOnce()).toMatchObject({ attempted: 1, delivered: 1 });
    const [done] = await deliveriesOf(endpoint.id);
    expect(done).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 200, last_error: null });
    expect(receiver.received).toHaveLength(5);
    expect(new Set(receiver.received.map((r) => r.headers['x-assay-delivery']))).toEqual(new Set([dead!.id]));
    expect(await auditActions('webhook_delivery')).toContain('webhook_delivery.redelivered');
  });

  it('marks events that match no endpoint relayed without creating a delivery', async () => {
    await addEndpoint(['case.escalated']);
    const before = await t.as('admin', { method: 'GET', url: '/v1/outbox?limit=1' });
    expect(before.statusCode).toBe(200);
    const eventId = await change('listing.flagged', 'case_3');
    const round = await relay().runOnce();
    expect(round).toMatchObject({ relayed: 1, queued: 0, attempted: 0 });

    let item: { id: string; relayed_at: string | null } | undefined;
    for (let after = 0, pages = 0; item === undefined && pages < 100; pages++) {
      const page = (await t.as('integration', { method: 'GET', url: `/v1/outbox?after_seq=${after}&limit=500` })).json();
      item = page.items.find((i: { id: string }) => i.id === eventId);
      if (page.next_after_seq === null) break;
      after = page.next_after_seq;
    }
    expect(item).toMatchObject({ type: 'listing.flagged', subject: { type: 'case', id: 'case_3' }, relayed_at: t.clock.now().toISOString() });
    const all = (await t.as('admin', { method: 'GET', url: '/v1/webhooks/deliveries?limit=500' })).json().items as { event_id: string }[];
    expect(all.some((d) => d.event_id === eventId)).toBe(false);
    expect(receiver.received).toHaveLength(0);
  });

  it('sends an endpoint only the events that happen after it was created', async () => {
    await change('dispute.opened', 'case_4');
    t.clock.advance(1000);
    const endpoint = await addEndpoint(['dispute.*']);
    await relay().runOnce();
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
    await change('dispute.closed', 'case_4');
    await relay().runOnce();
    expect(receiver.received.map((r) => r.json.type)).toEqual(['dispute.closed']);
  });

  it('sends a paused endpoint nothing of what happens during the pause, and resumes with the next event', async () => {
    const endpoint = await addEndpoint(['notice.*']);
    expect((await t.as('admin', { method: 'PATCH', url: `/v1/webhooks/${endpoint.id}`, payload: { active: false } })).json()).toMatchObject({ active: false });
    await change('notice.sent', 'case_5');
    await relay().runOnce();
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);

    expect((await t.as('admin', { method: 'PATCH', url: `/v1/webhooks/${endpoint.id}`, payload: { active: true } })).statusCode).toBe(200);
    await change('notice.bounced', 'case_5');
    expect(await relay().runOnce()).toMatchObject({ delivered: 1 });
    expect(receiver.received.map((r) => r.json.type)).toEqual(['notice.bounced']);
  });

  it('keeps a delivery queued before a pause waiting until the endpoint resumes', async () => {
    const endpoint = await addEndpoint(['strike.*']);
    await change('strike.added', 'case_6');
    receiver.answer = () => 503;
    await relay().runOnce();
    await t.as('admin', { method: 'PATCH', url: `/v1/webhooks/${endpoint.id}`, payload: { active: false } });
    receiver.answer = () => 204;
    t.clock.advance(3600_000);
    expect(await relay().runOnce()).toMatchObject({ attempted: 0 });
    await t.as('admin', { method: 'PATCH', url: `/v1/webhooks/${endpoint.id}`, payload: { active: true } });
    expect(await relay().runOnce()).toMatchObject({ attempted: 1, delivered: 1 });
    expect(receiver.received.map((r) => r.json.type)).toEqual(['strike.added', 'strike.added']);
  });

  it('records a receiver that does not answer in time as a short, secret-free timeout', async () => {
    receiver.answer = () => 'hang';
    const endpoint = await addEndpoint(['slow.*'], `${receiver.url}?token=s3cret-in-query`);
    await change('slow.thing', 'case_7');
    const started = Date.now();
    expect(await impatientRelay().runOnce()).toMatchObject({ attempted: 1, failed: 1 });
    expect(Date.now() - started).toBeLessThan(5000);
    const [d] = await deliveriesOf(endpoint.id);
    expect(d).toMatchObject({ status: 'failed', last_status_code: null, last_error: 'timed out after 300 ms' });
  });

  it('records a refused connection without the URL', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const endpoint = await addEndpoint(['gone.*'], `http://127.0.0.1:${port}/hook`);
    await change('gone.away', 'case_8');
    await relay().runOnce();
    const [d] = await deliveriesOf(endpoint.id);
    expect(d).toMatchObject({ status: 'failed', last_error: 'connection refused' });
  });

  it('treats a redirect as a failure rather than following it with the signed body', async () => {
    receiver.answer = () => 302;
    const endpoint = await addEndpoint(['moved.*']);
    await change('moved.here', 'case_9');
    await relay().runOnce();
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: 'failed', last_status_code: 302, last_error: 'HTTP 302' });
  });

  it('takes over a delivery whose relay died mid-attempt once its lease has run out', async () => {
    const endpoint = await addEndpoint(['orphan.*']);
    await change('orphan.event', 'case_10');
    receiver.answer = () => 'hang';
    await impatientRelay().runOnce(); // times out: failed, attempt 1
    receiver.answer = () => 204;
    const [d] = await deliveriesOf(endpoint.id);
    // Simulate a relay that claimed attempt 2 and then crashed.
    const lease = new Date(t.clock.now().getTime() + 60_000).toISOString();
    await t.database.db.execute(sql`UPDATE webhook_deliveries SET status = 'delivering', attempts = 2, lease_expires_at = ${lease} WHERE id = ${d!.id}`);
    t.clock.advance(30_000);
    expect(await relay().runOnce()).toMatchObject({ attempted: 0 });
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: 'delivering', attempts: 2 });
    t.clock.advance(30_000);
    expect(await relay().runOnce()).toMatchObject({ attempted: 1, delivered: 1 });
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: 'delivered', attempts: 3 });
  });
});

describe('managing webhook endpoints', () => {
  it('shows the secret once, audits create, update and delete, and never lists the secret', async () => {
    const created = await t.as('admin', { method: 'POST', url: '/v1/webhooks', payload: { url: 'https://marketplace.example/hooks/assay' } });
    expect(created.statusCode).toBe(201);
    const { endpoint, secret } = created.json();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(endpoint).toMatchObject({ url: 'https://marketplace.example/hooks/assay', event_types: ['*'], active: true });

    const list = await t.as('manager', { method: 'GET', url: '/v1/webhooks' });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(secret);
    expect(list.json().items.map((e: { id: string }) => e.id)).toContain(endpoint.id);
    const one = await t.as('manager', { method: 'GET', url: `/v1/webhooks/${endpoint.id}` });
    expect(one.body).not.toContain(secret);

    const patched = await t.as('admin', { method: 'PATCH', url: `/v1/webhooks/${endpoint.id}`, payload: { event_types: ['case.*', 'restriction.applied'], url: 'https://marketplace.example/v2/hooks' } });
    expect(patched.json()).toMatchObject({ event_types: ['case.*', 'restriction.applied'], url: 'https://marketplace.example/v2/hooks' });

    expect((await t.as('admin', { method: 'DELETE', url: `/v1/webhooks/${endpoint.id}` })).statusCode).toBe(204);
    expect((await t.as('admin', { method: 'GET', url: `/v1/webhooks/${endpoint.id}` })).statusCode).toBe(404);
    expect((await t.as('admin', { method: 'DELETE', url: `/v1/webhooks/${endpoint.id}` })).statusCode).toBe(404);

    const trail = await t.as('admin', { method: 'GET', url: `/v1/audit?subject_type=webhook_endpoint&subject_id=${endpoint.id}` });
    expect(trail.json().items.map((e: { action: string }) => e.action)).toEqual(['webhook_endpoint.created', 'webhook_endpoint.updated', 'webhook_endpoint.deleted']);
    expect(trail.body).not.toContain(secret);
  });

  it('lets a manager read but not change, and refuses other roles', async () => {
    const payload = { url: 'https://marketplace.example/hooks' };
    expect((await t.as('manager', { method: 'POST', url: '/v1/webhooks', payload })).statusCode).toBe(403);
    for (const role of ['agent', 'senior', 'legal', 'vendor', 'integration'] as const) {
      expect((await t.as(role, { method: 'GET', url: '/v1/webhooks' })).statusCode).toBe(403);
      expect((await t.as(role, { method: 'GET', url: '/v1/webhooks/deliveries' })).statusCode).toBe(403);
    }
    expect((await t.as('agent', { method: 'GET', url: '/v1/outbox' })).statusCode).toBe(403);
    expect((await t.as('manager', { method: 'GET', url: '/v1/outbox' })).statusCode).toBe(200);
  });

  it('refuses a URL that is not http(s) and a malformed event pattern, naming the field', async () => {
    const ftp = await t.as('admin', { method: 'POST', url: '/v1/webhooks', payload: { url: 'ftp://files.example/drop' } });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.json().errors).toEqual([{ field: '/url', reason: 'must use http or https' }]);
    const relative = await t.as('admin', { method: 'POST', url: '/v1/webhooks', payload: { url: '/hooks' } });
    expect(relative.json().errors[0].field).toBe('/url');
    const creds = await t.as('admin', { method: 'POST', url: '/v1/webhooks', payload: { url: 'https://user:pw@marketplace.example/hooks' } });
    expect(creds.json().errors[0].field).toBe('/url');
    const pattern = await t.as('admin', { method: 'POST', url: '/v1/webhooks', payload: { url: 'https://m.example/h', event_types: ['case.opened', 'Case Opened'] } });
    expect(pattern.statusCode).toBe(400);
    expect(pattern.json().errors).toEqual([{ field: '/event_types/1', reason: expect.stringContaining('case.*') }]);
  });

  it('pages through the delivery log with a cursor, newest first', async () => {
    const endpoint = await addEndpoint(['page.*']);
    for (let i = 0; i < 5; i++) await change(`page.turned`, `case_p${i}`);
    await relay().runOnce();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `/v1/webhooks/deliveries?endpoint_id=${endpoint.id}&status=delivered&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`;
      const res = await t.as('manager', { method: 'GET', url: q });
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((d: { id: string }) => d.id));
      cursor = res.json().next_cursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(5);
    expect([...seen].sort().reverse()).toEqual(seen);
    const bad = await t.as('manager', { method: 'GET', url: '/v1/webhooks/deliveries?cursor=bm9wZQ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('/cursor');
  });
});

describe('the relay loop', () => {
  it('delivers in the background and, on stop, finishes the delivery in flight', async () => {
    const endpoint = await addEndpoint(['loop.*']);
    receiver.answer = () => ({ status: 200, afterMs: 250 });
    relay().start();
    expect(relay().running).toBe(true);
    await change('loop.tick', 'case_l1');
    for (let i = 0; i < 200 && receiver.received.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(receiver.received).toHaveLength(1);
    await relay().stop(); // the receiver has not answered yet
    expect(relay().running).toBe(false);
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });
});
