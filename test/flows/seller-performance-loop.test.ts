import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailSender, SIGNATURE_HEADER, verifyWebhookSignature, type EmailSender } from '../../src/notify';
import { startSmtpReceiver, startWebhookReceiver, type SmtpReceiver, type WebhookReceiver } from '../../src/notify/testing';
import { createTestApp, type TestApp } from '../helpers/app';

/*
 * The Seller Performance loop end to end, through HTTP only, with a real SMTP server and a real
 * webhook receiver: a dealer's messages → detection → review case → claim → violation → notice
 * e-mailed → the ladder climbs → the dealer appeals → a senior overturns → strike removed,
 * restriction lifted, the marketplace told by a signed webhook and the dealer by e-mail.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let t: TestApp;
let smtp: SmtpReceiver;
let hooks: WebhookReceiver;
let mailer: EmailSender;
let webhookSecret: string;

const SELLER = 'sel-loop-atelier';
const BUYER = 'buy-loop-1';

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000', MARKETPLACE_NAME: 'Maison & Antiques' } });
  smtp = await startSmtpReceiver();
  hooks = await startWebhookReceiver();
  mailer = createEmailSender({ db: t.database.db, clock: t.clock, smtpUrl: smtp.url, from: 'Maison & Antiques <trust@maison.test>', maxAttempts: 3, pollMs: 20 });

  const seller = await t.as('integration', {
    method: 'POST',
    url: '/v1/sellers:batch',
    payload: {
      items: [
        { id: SELLER, name: 'Atelier Roux Antiquités', email: 'contact@roux.test', country: 'FR', time_zone: 'Europe/Paris', languages: ['fr'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: '2026-10-01T00:00:00Z' },
      ],
    },
  });
  expect(seller.statusCode, seller.body).toBe(200);
  const hook = await t.as('admin', { method: 'POST', url: '/v1/webhooks', payload: { url: hooks.url, event_types: ['seller.*', 'violation.*', 'appeal.*'] } });
  expect(hook.statusCode, hook.body).toBe(201);
  webhookSecret = hook.json().secret;
});

afterAll(async () => {
  await mailer.stop();
  await smtp.close();
  await hooks.close();
  await t.close();
});

const DAY = 86_400_000;
let n = 0;
async function dealerWrites(conversation: string, bodies: string[]): Promise<void> {
  const items = bodies.map((body) => {
    n++;
    return {
      id: `loop-msg-${n}`,
      conversation_id: conversation,
      buyer_id: BUYER,
      seller_id: SELLER,
      sender_role: 'seller',
      body,
      sent_at: new Date(t.clock.now().getTime() - 3_600_000 + n * 1000).toISOString(),
      lang: 'fr',
    };
  });
  const res = await t.as('integration', { method: 'POST', url: '/v1/messages:batch', payload: { items } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().stored).toBe(items.length);
}

/** The agent claims the conversation's case through the queue and decides it a violation of TP-2.1. */
async function reviewAsViolation(conversation: string, expectKinds: readonly string[]): Promise<Json> {
  const claim = await t.as('agent', { method: 'POST', url: '/v1/review/claims', payload: { lang: 'fr' } });
  expect(claim.statusCode, claim.body).toBe(201);
  const lease = claim.json();
  const view = await t.as('agent', { method: 'GET', url: `/v1/review/cases/${lease.case_id}` });
  expect(view.statusCode, view.body).toBe(200);
  expect(view.json().review.conversation_id).toBe(conversation);
  const kinds = new Set(view.json().messages.flatMap((m: Json) => m.hits.map((h: Json) => h.kind)));
  for (const k of expectKinds) expect([...kinds]).toContain(k);

  const decided = await t.as('agent', {
    method: 'POST',
    url: `/v1/review/cases/${lease.case_id}/decisions`,
    payload: { lease_token: lease.lease_token, decision: 'violation', clause_id: 'TP-2.1', note: 'Phone number spelled out to take the sale off the platform and avoid the fees.' },
  });
  expect(decided.statusCode, decided.body).toBe(201);
  return { caseId: lease.case_id, decision: decided.json().decision };
}

async function standing(): Promise<Json> {
  const res = await t.as('agent', { method: 'GET', url: `/v1/sellers/${SELLER}/standing` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function latestViolation(): Promise<Json> {
  const res = await t.as('agent', { method: 'GET', url: `/v1/violations?seller_id=${SELLER}` });
  expect(res.statusCode, res.body).toBe(200);
  const items = res.json().items as Json[];
  return items.reduce((a, b) => (a.step.step >= b.step.step ? a : b));
}

/** Sends what is queued: e-mails first, then the webhooks (some wait for those e-mails). */
async function deliver(): Promise<void> {
  await mailer.drain();
  await t.app.services.relay.drain();
}

function webhooksOf(type: string): Json[] {
  return hooks.received.filter((w) => w.json.type === type).map((w) => w.json as Json);
}

describe('the Seller Performance loop', () => {
  it('takes an obfuscated phone number and "avoid the fees" from detection to an overturned appeal', async () => {
    // 1. The dealer spells a number out and proposes to skip the fees: a review case opens.
    await dealerWrites('loop-conv-1', ['Bonjour, pour cette commode appelez-moi au zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit', 'let us avoid the fees and deal directly']);
    const cases = (await t.as('agent', { method: 'GET', url: '/v1/cases?conversation_id=loop-conv-1&type=conversation_review' })).json().items as Json[];
    expect(cases).toHaveLength(1);

    // 2. Claim → violation → an educational notice, in French, received by SMTP.
    const first = await reviewAsViolation('loop-conv-1', ['phone', 'intent']);
    expect(first.decision.decision).toBe('violation');
    await deliver();
    expect(smtp.received).toHaveLength(1);
    const education = smtp.received[0]!;
    expect(education.envelope.to).toEqual(['contact@roux.test']);
    expect(education.text).toContain('TP-2.1');
    expect((await standing()).position).toMatchObject({ step: 0 });

    t.clock.advance(3 * DAY);
    // 3. A second violation in another conversation → a formal warning.
    await dealerWrites('loop-conv-2', ['Mon numéro: +33 6 98 76 54 32 — on évite la commission, payez-moi par virement']);
    await reviewAsViolation('loop-conv-2', ['phone', 'payment']);
    await deliver();
    expect(smtp.received).toHaveLength(2);
    expect((await standing()).position).toMatchObject({ step: 1 });

    t.clock.advance(3 * DAY);
    // 4. A third → a restriction: the notice e-mail leaves before the restriction webhook.
    await dealerWrites('loop-conv-3', ['Écrivez-moi sur WhatsApp au 06 55 44 33 22, sans frais de la plateforme']);
    await reviewAsViolation('loop-conv-3', ['phone']);
    await t.app.services.relay.drain();
    expect(webhooksOf('seller.restriction.applied')).toHaveLength(0); // held until the reasons reach the dealer
    await deliver();
    expect(smtp.received).toHaveLength(3);
    const applied = webhooksOf('seller.restriction.applied');
    expect(applied.length).toBeGreaterThan(0);
    const restricted = await standing();
    expect(restricted.position).toMatchObject({ step: 2 });
    expect(restricted.restrictions.filter((r: Json) => r.state === 'active').length).toBe(applied.length);

    // 5. The dealer appeals (through the marketplace) and a senior who did not decide overturns.
    const violation = await latestViolation();
    const appeal = await t.as('integration', {
      method: 'POST',
      url: `/v1/violations/${violation.id}/appeals`,
      payload: { reason: 'The buyer had already paid through checkout; the number was for the delivery appointment.' },
    });
    expect(appeal.statusCode, appeal.body).toBe(201);
    const appealCase = appeal.json().appeal.case_id as string;
    const decided = await t.as('senior', {
      method: 'POST',
      url: `/v1/appeals/${appealCase}/decision`,
      payload: { decision: 'overturned', note: 'An order existed: contact details for delivery are allowed by TP-3.1.' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    await deliver();

    // 6. Strike removed, restriction lifted, the marketplace told (signed webhook), the dealer told.
    const after = await standing();
    expect(after.position).toMatchObject({ step: 1 });
    expect(after.restrictions.filter((r: Json) => r.state === 'active')).toHaveLength(0);
    expect(after.restrictions.every((r: Json) => r.lifted_at !== null)).toBe(true);
    const lifted = hooks.received.filter((w) => w.json.type === 'seller.restriction.lifted');
    expect(lifted.length).toBe(applied.length);
    for (const w of lifted) {
      const check = verifyWebhookSignature(webhookSecret, String(w.headers[SIGNATURE_HEADER]), w.rawBody, Math.floor(t.clock.now().getTime() / 1000), 300);
      expect(check.ok).toBe(true);
      expect((w.json.data as Json).seller_id).toBe(SELLER);
    }
    const subjects = smtp.received.map((e) => e.subject);
    expect(subjects).toHaveLength(5); // three notices, appeal received, appeal overturned
    expect(webhooksOf('violation.overturned')).toHaveLength(1);
  });
});
