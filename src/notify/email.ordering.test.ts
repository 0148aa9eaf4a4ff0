import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../kernel';
import { inTransaction, recordChange, SYSTEM_ACTOR } from '../db';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { createOutboxRelay, type OutboxRelay } from './relay';
import { createWebhookService } from './webhook.service';
import { createEmailSender, type EmailSender } from './email.sender';
import { createEmailService, queueEmail } from './email.service';
import { startSmtpReceiver, startWebhookReceiver, type SmtpReceiver, type WebhookReceiver } from './testing';

/**
 * P2B: a dealer learns the reasons for a restriction before, or together with, the restriction. The
 * marketplace applies a restriction when it hears `seller.restriction.applied`, so that webhook must
 * wait until the notice email has gone.
 */
let t: TestDatabase;
let smtp: SmtpReceiver;
let hooks: WebhookReceiver;
let clock: ReturnType<typeof fixedClock>;
let relay: OutboxRelay;
let sender: EmailSender;

beforeEach(async () => {
  clock = fixedClock('2026-11-02T10:00:00Z');
  t = await createTestDatabase();
  smtp = await startSmtpReceiver();
  hooks = await startWebhookReceiver();
  await createWebhookService({ db: t.db, clock }).createEndpoint(SYSTEM_ACTOR, { url: hooks.url, eventTypes: ['seller.*', 'case.*'] });
  relay = createOutboxRelay({ db: t.db, clock, maxAttempts: 5, timeoutMs: 5000, pollMs: 20 });
  sender = createEmailSender({ db: t.db, clock, smtpUrl: smtp.url, from: 'Assay <no-reply@assay.invalid>', maxAttempts: 2, pollMs: 20, random: () => 0.5 });
});
afterEach(async () => {
  await relay.stop();
  await sender.stop();
  await hooks.close();
  await smtp.close();
  await t.close();
});

/** The enforcement flow in miniature: the notice and the restriction in one transaction. */
async function restrictWithNotice(sellerId: string): Promise<string> {
  return inTransaction(t.db, async (tx) => {
    const emailId = await queueEmail(tx, clock, {
      to: 'dealer@motors-rossi.example',
      subject: 'Restriction of your account',
      text: 'Your listings are hidden for 14 days because …',
      html: '<p>Your listings are hidden for 14 days because …</p>',
      lang: 'en',
      ref: { type: 'notice', id: `ntc_${sellerId}` },
    });
    await recordChange(tx, clock, {
      actor: SYSTEM_ACTOR,
      action: 'seller.restriction.applied',
      subject: { type: 'seller', id: sellerId },
      event: { type: 'seller.restriction.applied', payload: { seller_id: sellerId, restriction: 'listings_hidden' }, afterEmailId: emailId },
    });
    return emailId;
  });
}

async function caseOpened(id: string): Promise<void> {
  await inTransaction(t.db, (tx) =>
    recordChange(tx, clock, { actor: SYSTEM_ACTOR, action: 'case.opened', subject: { type: 'case', id }, event: { type: 'case.opened', payload: { id } } }),
  );
}

const heard = () => hooks.received.map((w) => `${w.json.type} ${w.json.subject.id}`);

describe('a restriction waits for the notice giving its reasons', () => {
  it('is not announced to webhooks until the email has gone; later events are not held up meanwhile', async () => {
    await restrictWithNotice('slr_rossi');
    smtp.answerRecipient = () => ({ code: 451, message: '4.2.1 try again later' });
    expect(await sender.runOnce()).toMatchObject({ failed: 1 });
    await relay.drain();
    expect(heard()).toEqual([]);

    await caseOpened('cas_later');
    await relay.drain();
    expect(heard()).toEqual(['case.opened cas_later']);
    const outbox = await createWebhookService({ db: t.db, clock }).readOutbox({});
    expect(outbox.items.map((e) => e.type)).not.toContain('seller.restriction.applied');

    smtp.answerRecipient = () => 'accept';
    clock.advance(10_000);
    expect(await sender.runOnce()).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
    await relay.drain();
    expect(heard()).toEqual(['case.opened cas_later', 'seller.restriction.applied slr_rossi']);
    expect(hooks.received[1]!.json.data).toEqual({ seller_id: 'slr_rossi', restriction: 'listings_hidden' });
    const after = await createWebhookService({ db: t.db, clock }).readOutbox({});
    expect(after.items.map((e) => e.type)).toContain('seller.restriction.applied');
  });

  it('stays held while the email is dead, and goes out once an admin has it sent again', async () => {
    const emailId = await restrictWithNotice('slr_bauer');
    smtp.answerData = () => ({ code: 550, message: '5.1.1 mailbox unavailable' });
    await sender.runOnce();
    clock.advance(60_000);
    await sender.runOnce();
    const emails = createEmailService({ db: t.db, clock });
    expect(await emails.get(emailId)).toMatchObject({ status: 'dead' });
    await relay.drain();
    expect(heard()).toEqual([]);

    smtp.answerData = () => 'accept';
    await emails.redeliver({ type: 'user', id: 'usr_admin' }, emailId);
    await sender.drain();
    await relay.drain();
    expect(heard()).toEqual(['seller.restriction.applied slr_bauer']);
  });

  it('goes out after the email when the sender and the relay run as background loops', async () => {
    await restrictWithNotice('slr_nowak');
    relay.start();
    sender.start();
    const until = Date.now() + 5000;
    while (hooks.received.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(heard()).toEqual(['seller.restriction.applied slr_nowak']);
    expect(smtp.received).toHaveLength(1);
  });
});
