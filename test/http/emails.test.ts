import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction, query, recordChange, sql, SYSTEM_ACTOR } from '../../src/db';
import { queueEmail, type EmailInput } from '../../src/notify';
import { startSmtpReceiver, type SmtpReceiver } from '../../src/notify/testing';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
let smtp: SmtpReceiver;

const notice = (n: number, over: Partial<EmailInput> = {}): EmailInput => ({
  to: `dealer${n}@example.com`,
  subject: `Formal warning ${n}`,
  text: `Your message on listing ${n} broke clause TP-2.1.`,
  html: `<p>Your message on listing ${n} broke clause <b>TP-2.1</b>.</p>`,
  lang: 'en',
  ref: { type: 'notice', id: `ntc_${n}` },
  ...over,
});
const queue = (e: EmailInput) => inTransaction(t.database.db, (tx) => queueEmail(tx, t.clock, e));
const sender = () => t.app.services.emailSender!;

beforeEach(async () => {
  smtp = await startSmtpReceiver();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Assay Trust <trust@marketplace.example>', EMAIL_MAX_ATTEMPTS: '2' } });
});
afterEach(async () => {
  await sender().stop();
  await t.close();
  await smtp.close();
});

describe('GET /v1/emails', () => {
  it('finds the emails about one notice, newest first, without their bodies', async () => {
    const first = await queue(notice(1));
    await queue(notice(2));
    const second = await queue(notice(1, { subject: 'Formal warning 1 (reminder)' }));
    await sender().drain();

    const res = await t.as('agent', { method: 'GET', url: '/v1/emails?ref_type=notice&ref_id=ntc_1' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((e: { id: string }) => e.id)).toEqual([second, first]);
    expect(body.items[0]).toMatchObject({ to: 'dealer1@example.com', subject: 'Formal warning 1 (reminder)', status: 'sent', attempts: 1, ref: { type: 'notice', id: 'ntc_1' }, next_attempt_at: null });
    expect(body.items[0].smtp_message_id).toContain(second);
    expect(body.items[0]).not.toHaveProperty('text');
    expect(body.next_cursor).toBeNull();
  });

  it('pages with a cursor and filters by status', async () => {
    for (let i = 0; i < 5; i++) await queue(notice(i));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.as('legal', { method: 'GET', url: `/v1/emails?status=queued&limit=2${cursor === null ? '' : `&cursor=${cursor}`}` });
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((e: { id: string }) => e.id));
      cursor = res.json().next_cursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect((await t.as('legal', { method: 'GET', url: '/v1/emails?status=sent' })).json().items).toEqual([]);
  });

  it('refuses an unknown status or a made-up cursor, naming the field', async () => {
    const bad = await t.as('agent', { method: 'GET', url: '/v1/emails?status=bounced' });
    expect(bad.statusCode).toBe(400);
    const cursor = await t.as('agent', { method: 'GET', url: '/v1/emails?cursor=bm90LWFuLWlk' });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors).toEqual([{ field: '/cursor', reason: 'unknown cursor' }]);
  });

  it('is for staff: vendors and integrations are refused', async () => {
    for (const role of ['vendor', 'integration'] as const) expect((await t.as(role, { method: 'GET', url: '/v1/emails' })).statusCode).toBe(403);
    for (const role of ['admin', 'manager', 'senior', 'agent', 'legal'] as const) expect((await t.as(role, { method: 'GET', url: '/v1/emails' })).statusCode).toBe(200);
  });
});

describe('GET /v1/emails/:id', () => {
  it('shows the subject and bodies exactly as the dealer received them, and logs who read them', async () => {
    const id = await queue(notice(7, { subject: 'Avertissement — annonce nº 7', lang: 'fr' }));
    await sender().drain();
    const res = await t.as('senior', { method: 'GET', url: `/v1/emails/${id}` });
    expect(res.statusCode).toBe(200);
    const got = smtp.received[0]!;
    expect(res.json()).toMatchObject({ id, subject: got.subject, html: got.html, lang: 'fr', status: 'sent', sent_at: t.clock.now().toISOString() });
    expect(res.json().text).toBe(got.text);
    const reads = await query(t.database.db, sql`SELECT resource_type, resource_id, actor_type FROM access_log WHERE resource_id = ${id}`);
    expect(reads).toEqual([{ resource_type: 'email', resource_id: id, actor_type: 'token' }]);
  });

  it('names the events that wait for the email, until it is sent', async () => {
    const id = await inTransaction(t.database.db, async (tx) => {
      const emailId = await queueEmail(tx, t.clock, notice(8));
      await recordChange(tx, t.clock, {
        actor: SYSTEM_ACTOR,
        action: 'seller.restriction.applied',
        subject: { type: 'seller', id: 'slr_8' },
        event: { type: 'seller.restriction.applied', payload: { seller_id: 'slr_8' }, afterEmailId: emailId },
      });
      return emailId;
    });
    const before = await t.as('agent', { method: 'GET', url: `/v1/emails/${id}` });
    expect(before.json().waiting_events).toEqual([{ id: expect.stringMatching(/^evt_/), type: 'seller.restriction.applied' }]);
    await sender().drain();
    expect((await t.as('agent', { method: 'GET', url: `/v1/emails/${id}` })).json().waiting_events).toEqual([]);
  });

  it('answers 404 for an email that does not exist', async () => {
    const res = await t.as('agent', { method: 'GET', url: '/v1/emails/eml_01JZZZZZZZZZZZZZZZZZZZZZZZ' });
    expect(res.statusCode).toBe(404);
  });
});

describe('POST /v1/emails/:id/redeliver', () => {
  it('lets an admin queue a dead email again; it is then sent, and the redelivery is audited', async () => {
    const id = await queue(notice(3));
    smtp.answerRecipient = () => ({ code: 550, message: '5.1.1 mailbox full' });
    await sender().runOnce();
    t.clock.advance(3_600_000);
    await sender().runOnce();
    const dead = await t.as('agent', { method: 'GET', url: `/v1/emails/${id}` });
    expect(dead.json()).toMatchObject({ status: 'dead', attempts: 2 });
    expect(dead.json().last_error).toContain('550');

    expect((await t.as('manager', { method: 'POST', url: `/v1/emails/${id}/redeliver` })).statusCode).toBe(403);
    const res = await t.as('admin', { method: 'POST', url: `/v1/emails/${id}/redeliver` });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ id, status: 'queued', attempts: 0, next_attempt_at: t.clock.now().toISOString() });

    smtp.answerRecipient = () => 'accept';
    await sender().drain();
    expect((await t.as('agent', { method: 'GET', url: `/v1/emails/${id}` })).json()).toMatchObject({ status: 'sent', attempts: 1 });
    const audit = await query(t.database.db, sql`SELECT action, actor_type FROM audit_pending WHERE subject_id = ${id} ORDER BY pos`);
    expect(audit.map((a) => a['action'])).toEqual(['email.queued', 'email.failed', 'email.dead', 'email.redelivered', 'email.sent']);
  });

  it('refuses to send an email twice', async () => {
    const id = await queue(notice(4));
    await sender().drain();
    const res = await t.as('admin', { method: 'POST', url: `/v1/emails/${id}/redeliver` });
    expect(res.statusCode).toBe(409);
    expect(res.json().reason).toBe('email.already_sent');
    expect(smtp.received).toHaveLength(1);
  });
});

describe('email metrics', () => {
  it('count what was sent and what failed, and show what waits', async () => {
    await queue(notice(1));
    await queue(notice(2));
    smtp.answerRecipient = (address) => (address === 'dealer2@example.com' ? { code: 451, message: '4.2.0 later' } : 'accept');
    await sender().drain();
    await queue(notice(3));
    const res = await t.app.http.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toMatch(/^assay_emails_sent_total 1$/m);
    expect(res.body).toMatch(/^assay_emails_failed_total 1$/m);
    expect(res.body).toMatch(/^assay_emails\{status="queued"\} 1$/m);
    expect(res.body).toMatch(/^assay_emails\{status="failed"\} 1$/m);
    expect(res.body).toMatch(/^assay_emails\{status="sent"\} 1$/m);
  });
});
