import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixedClock } from '../kernel';
import { inTransaction, openDatabase, query, sql, type Db } from '../db';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { createEmailSender, type EmailSender } from './email.sender';
import { createEmailService, queueEmail } from './email.service';
import type { EmailInput } from './email.model';
import { startSmtpReceiver, type SmtpReceiver } from './testing';

const FROM = 'Assay Trust <no-reply@trust.example>';
const notice: EmailInput = {
  to: 'anna@autohaus-berger.example',
  subject: 'Förmliche Verwarnung – Ihre Nachricht vom 1. November',
  text: 'Guten Tag,\n\nIhre Nachricht an einen Käufer enthielt eine Telefonnummer (Klausel TP-2.1).\nSie können innerhalb von 6 Monaten Widerspruch einlegen.\n',
  html: '<p>Guten Tag,</p><p>Ihre Nachricht an einen Käufer enthielt eine Telefonnummer (Klausel <b>TP-2.1</b>).</p>',
  lang: 'de',
  ref: { type: 'notice', id: 'ntc_0001' },
};

let t: TestDatabase;
let smtp: SmtpReceiver;
let clock: ReturnType<typeof fixedClock>;
const senders: EmailSender[] = [];

function sender(db: Db = t.db, maxAttempts = 5): EmailSender {
  const s = createEmailSender({ db, clock, smtpUrl: smtp.url, from: FROM, maxAttempts, pollMs: 20, random: () => 0.5, timeoutMs: 5000 });
  senders.push(s);
  return s;
}
const queue = (e: EmailInput = notice) => inTransaction(t.db, (tx) => queueEmail(tx, clock, e));
const emails = () => createEmailService({ db: t.db, clock });

beforeEach(async () => {
  clock = fixedClock('2026-11-02T10:00:00Z');
  t = await createTestDatabase();
  smtp = await startSmtpReceiver();
});
afterEach(async () => {
  for (const s of senders.splice(0)) await s.stop();
  await smtp.close();
  await t.close();
});

describe('sending an email', () => {
  it('delivers exactly the stored subject and bodies to the dealer, and records the SMTP message id', async () => {
    const id = await queue();
    expect(await sender().drain()).toMatchObject({ attempted: 1, sent: 1, failed: 0 });

    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0]!;
    expect(got.envelope).toEqual({ from: 'no-reply@trust.example', to: ['anna@autohaus-berger.example'] });
    expect(got.subject).toBe(notice.subject);
    expect(got.text?.replace(/\r\n/g, '\n')).toBe(notice.text);
    expect(got.html).toBe(notice.html);
    expect(got.headers['content-language']).toBe('de');
    expect(got.headers['from']).toContain('no-reply@trust.example');

    const email = await emails().get(id);
    expect(email).toMatchObject({ status: 'sent', attempts: 1, sentAt: clock.now() });
    expect(email.smtpMessageId).toBe(got.headers['message-id']);
    expect(email.smtpMessageId).toContain(id);
  });

  it('sends an email once: later rounds find nothing to do', async () => {
    await queue();
    const s = sender();
    await s.drain();
    clock.advance(24 * 3600_000);
    expect(await s.drain()).toMatchObject({ attempted: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('announces the sending as an event and audits it, with ids only — no address, no body', async () => {
    const id = await queue();
    await sender().drain();
    const events = await query(t.db, sql`SELECT type, subject_type, subject_id, payload FROM outbox_events WHERE subject_id = ${id}`);
    expect(events).toEqual([{ type: 'email.sent', subject_type: 'email', subject_id: id, payload: { id, ref: notice.ref, status: 'sent', attempts: 1 } }]);
    const audit = await query(t.db, sql`SELECT action FROM audit_pending WHERE subject_id = ${id} ORDER BY pos`);
    expect(audit.map((a) => a['action'])).toEqual(['email.queued', 'email.sent']);
    const everything = JSON.stringify([events, await query(t.db, sql`SELECT * FROM audit_pending`)]);
    expect(everything).not.toContain('autohaus-berger');
    expect(everything).not.toContain('Verwarnung');
  });

  it('retries after the SMTP server refuses the recipient, with a backoff, then delivers', async () => {
    const id = await queue();
    smtp.answerRecipient = () => ({ code: 451, message: '4.3.0 mailbox temporarily unavailable' });
    const s = sender();
    expect(await s.runOnce()).toMatchObject({ attempted: 1, failed: 1 });
    const failed = await emails().get(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('451');
    expect(failed.nextAttemptAt.getTime() - clock.now().getTime()).toBe(10_000);

    smtp.answerRecipient = () => 'accept';
    clock.advance(9_000);
    expect(await s.runOnce()).toMatchObject({ attempted: 0 });
    clock.advance(1_000);
    expect(await s.runOnce()).toMatchObject({ attempted: 1, sent: 1 });
    expect(await emails().get(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: undefined });
    expect(smtp.received).toHaveLength(1);
    const audit = await query(t.db, sql`SELECT action FROM audit_pending WHERE subject_id = ${id} ORDER BY pos`);
    expect(audit.map((a) => a['action'])).toEqual(['email.queued', 'email.failed', 'email.sent']);
  });

  it('gives up after the last attempt (dead, announced), and an admin can queue it again', async () => {
    const id = await queue();
    smtp.answerData = () => ({ code: 554, message: '5.7.1 message refused' });
    const s = sender(t.db, 3);
    for (let i = 0; i < 3; i++) {
      await s.runOnce();
      clock.advance(3_600_000);
    }
    const dead = await emails().get(id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 3 });
    expect(dead.lastError).toContain('554');
    expect(await s.runOnce()).toMatchObject({ attempted: 0 });
    const events = await query(t.db, sql`SELECT type, payload FROM outbox_events WHERE subject_id = ${id}`);
    expect(events).toEqual([{ type: 'email.dead', payload: { id, ref: notice.ref, status: 'dead', attempts: 3 } }]);

    await expect(emails().redeliver({ type: 'user', id: 'usr_admin' }, id)).resolves.toMatchObject({ status: 'queued', attempts: 0 });
    smtp.answerData = () => 'accept';
    expect(await s.drain()).toMatchObject({ sent: 1 });
    expect(await emails().get(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('refuses to queue again an email that was sent or is waiting', async () => {
    const id = await queue();
    await expect(emails().redeliver({ type: 'user', id: 'usr_admin' }, id)).rejects.toMatchObject({ code: 'conflict', reason: 'email.in_progress' });
    await sender().drain();
    await expect(emails().redeliver({ type: 'user', id: 'usr_admin' }, id)).rejects.toMatchObject({ code: 'conflict', reason: 'email.already_sent' });
  });

  it('counts an unreachable SMTP server as a failed attempt, without the URL in the reason', async () => {
    const id = await queue();
    await smtp.close();
    const s = createEmailSender({ db: t.db, clock, smtpUrl: 'smtp://user:s3cret@127.0.0.1:1', from: FROM, maxAttempts: 5, pollMs: 20, random: () => 0.5, timeoutMs: 2000 });
    expect(await s.runOnce()).toMatchObject({ failed: 1 });
    const e = await emails().get(id);
    expect(e.status).toBe('failed');
    expect(e.lastError).toBe('could not connect to the SMTP server');
    await s.stop();
    smtp = await startSmtpReceiver();
  });

  it('finishes the send in flight before stopping', async () => {
    const id = await queue();
    smtp.answerData = () => ({ afterMs: 300 });
    const s = sender();
    s.start();
    await vi_waitFor(() => smtp.received.length === 1);
    await s.stop();
    expect(await emails().get(id)).toMatchObject({ status: 'sent' });
  });
});

describe('an email under any sequence of SMTP answers', () => {
  it('is sent once at the first acceptance, or is dead after the last refusal, and its audit trail says so', async () => {
    const MAX = 4;
    const s = sender(t.db, MAX);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: MAX, maxLength: MAX }), async (accepts) => {
        const to = `dealer${++run}@example.com`;
        const id = await queue({ ...notice, to, ref: { type: 'notice', id: `ntc_p${run}` } });
        for (const accept of accepts) {
          smtp.answerRecipient = () => (accept ? 'accept' : { code: 452, message: '4.2.2 over quota' });
          await s.runOnce();
          clock.advance(8 * 3_600_000); // past the longest backoff
        }
        const e = await emails().get(id);
        const first = accepts.indexOf(true);
        const delivered = smtp.received.filter((m) => m.envelope.to[0] === to);
        const actions = (await query(t.db, sql`SELECT action FROM audit_pending WHERE subject_id = ${id} ORDER BY pos`)).map((a) => a['action']);
        if (first >= 0) {
          expect(e).toMatchObject({ status: 'sent', attempts: first + 1 });
          expect(delivered).toHaveLength(1);
          expect(actions).toEqual(['email.queued', ...Array<string>(first).fill('email.failed'), 'email.sent']);
        } else {
          expect(e).toMatchObject({ status: 'dead', attempts: MAX });
          expect(delivered).toHaveLength(0);
          expect(actions).toEqual(['email.queued', ...Array<string>(MAX - 1).fill('email.failed'), 'email.dead']);
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe(`two senders sharing the database (${process.env['DATABASE_URL'] ? 'PostgreSQL, two connection pools' : 'PGlite'})`, () => {
  it('send each email exactly once', async () => {
    for (let i = 0; i < 24; i++) await queue({ ...notice, to: `dealer${i}@example.com`, ref: { type: 'notice', id: `ntc_${i}` } });
    const other = t.url === undefined ? undefined : await openDatabase({ databaseUrl: t.url, poolSize: 4 });
    try {
      smtp.answerData = () => ({ afterMs: 5 });
      const a = createEmailSender({ db: t.db, clock, smtpUrl: smtp.url, from: FROM, maxAttempts: 5, pollMs: 20, batch: 5, concurrency: 3 });
      const b = createEmailSender({ db: other?.db ?? t.db, clock, smtpUrl: smtp.url, from: FROM, maxAttempts: 5, pollMs: 20, batch: 5, concurrency: 3 });
      const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
      await Promise.all([a.stop(), b.stop()]);
      expect(ra.sent + rb.sent).toBe(24);
      if (other !== undefined) expect(Math.min(ra.sent, rb.sent)).toBeGreaterThan(0);
      const recipients = smtp.received.map((m) => m.envelope.to[0]);
      expect(recipients).toHaveLength(24);
      expect(new Set(recipients).size).toBe(24);
      const statuses = await query(t.db, sql`SELECT status, count(*)::int AS n FROM emails GROUP BY status`);
      expect(statuses).toEqual([{ status: 'sent', n: 24 }]);
    } finally {
      await other?.close();
    }
  });
});

async function vi_waitFor(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
