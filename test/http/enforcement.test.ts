import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/identity';
import { inTransaction } from '../../src/db';
import { systemCaller } from '../../src/cases';
import { createEmailSender, type EmailSender } from '../../src/notify';
import { startSmtpReceiver, type SmtpReceiver } from '../../src/notify/testing';
import { createTestApp, type TestApp } from '../helpers/app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DAY = 86_400_000;
let t: TestApp;
let smtp: SmtpReceiver;
let mailer: EmailSender;

beforeAll(async () => {
  t = await createTestApp({
    env: { RATE_LIMIT_PER_MINUTE: '1000000', MARKETPLACE_NAME: 'Maison & Antiques', SELLER_HELP_URL: 'https://sellers.example.test/appeals' },
  });
  smtp = await startSmtpReceiver();
  mailer = createEmailSender({ db: t.database.db, clock: t.clock, smtpUrl: smtp.url, from: 'Maison & Antiques <trust@maison.test>', maxAttempts: 2, pollMs: 20 });
  const res = await t.as('integration', {
    method: 'POST',
    url: '/v1/sellers:batch',
    payload: {
      items: [
        { id: 'sel_roux', name: 'Atelier Roux Antiquités', email: 'contact@roux.test', country: 'FR', time_zone: 'Europe/Paris', languages: ['fr', 'en'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: '2026-10-01T00:00:00Z' },
        { id: 'sel_vandijk', name: 'Van Dijk <Modern>', email: 'info@vandijk.test', country: 'NL', time_zone: 'Europe/Amsterdam', languages: ['nl'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: '2026-10-01T00:00:00Z' },
        { id: 'sel_kraus', name: 'Kunsthandel Kraus', email: 'info@kraus.test', country: 'DE', time_zone: 'Europe/Berlin', languages: ['de-DE'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: '2026-10-01T00:00:00Z' },
        { id: 'sel_lopez', name: 'Antigüedades López', email: 'hola@lopez.test', country: 'ES', time_zone: 'Europe/Madrid', languages: ['es'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: '2026-10-01T00:00:00Z' },
        { id: 'sel_tanaka', name: 'Tanaka Bijutsu', email: 'shop@tanaka.test', country: 'JP', time_zone: 'Asia/Tokyo', languages: ['ja'], tier: 'gold', commission_rate_bps: 1200, status: 'active', updated_at: '2026-10-01T00:00:00Z' },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().items.map((i: Json) => i.status), res.body).toEqual(['stored', 'stored', 'stored', 'stored', 'stored']);
});
afterAll(async () => {
  await mailer.stop();
  await smtp.close();
  await t.close();
});

async function openReviewCase(sellerId: string): Promise<string> {
  const res = await t.as('agent', { method: 'POST', url: '/v1/cases', payload: { type: 'conversation_review', title: `Contact details shared by ${sellerId}`, subjects: { seller_id: sellerId, conversation_id: `conv_${sellerId}` } } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function recordViolation(sellerId: string, extra: Json = {}, role: Role = 'senior'): Promise<Json> {
  const caseId = await openReviewCase(sellerId);
  const res = await t.as(role, {
    method: 'POST',
    url: '/v1/violations',
    payload: { seller_id: sellerId, clause_id: 'TP-2.1', case_id: caseId, conversation_id: `conv_${sellerId}`, message_ids: ['msg_1'], excerpts: ['write to me on WhatsApp [phone]'], ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function outbox(): Promise<Json[]> {
  const events: Json[] = [];
  let after = 0;
  for (;;) {
    const res = (await t.as('admin', { method: 'GET', url: `/v1/outbox?after_seq=${after}&limit=500` })).json();
    events.push(...res.items);
    if (res.next_after_seq === null) return events;
    after = res.next_after_seq;
  }
}

async function standing(sellerId: string): Promise<Json> {
  const res = await t.as('agent', { method: 'GET', url: `/v1/sellers/${sellerId}/standing` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function appeal(violationId: string, role: Role = 'integration') {
  return t.as(role, { method: 'POST', url: `/v1/violations/${violationId}/appeals`, payload: { reason: 'The number was our shop landline, shared for the delivery quote after the buyer asked.' } });
}

async function decide(caseId: string, decision: 'upheld' | 'overturned', role: Role, note = 'Reviewed the full conversation.') {
  return t.as(role, { method: 'POST', url: `/v1/appeals/${caseId}/decision`, payload: { decision, note } });
}

const roux: Json[] = [];

describe('the ladder through HTTP', () => {
  it('takes a seller from education to a formal warning, then restricts them with a webhook event', async () => {
    roux.push(await recordViolation('sel_roux'));
    roux.push(await recordViolation('sel_roux'));
    expect(roux.map((v) => v.step.name)).toEqual(['education', 'formal_warning']);
    expect(roux[0]!.restrictions).toEqual([]);

    roux.push(await recordViolation('sel_roux'));
    const third = roux[2]!;
    expect(third.step).toEqual({ step: 2, name: 'restriction' });
    expect(third.restrictions.map((r: Json) => r.kind)).toEqual(['messaging_limited', 'listing_demotion', 'payout_hold']);
    expect(third.restrictions.every((r: Json) => r.state === 'active')).toBe(true);

    // P2B: the marketplace hears of the restriction only once the notice with its reasons has gone
    expect((await outbox()).filter((e) => e.type === 'seller.restriction.applied')).toEqual([]);
    await mailer.drain();
    const sent = smtp.received.find((m) => m.subject === third.notice.subject)!;
    expect(sent.envelope.to).toEqual(['contact@roux.test']);
    expect(sent.text).toContain('Messagerie limitée aux acheteurs ayant une commande active');

    const events = await outbox();
    const applied = events.filter((e) => e.type === 'seller.restriction.applied');
    expect(applied.map((e) => e.subject.id).sort()).toEqual(third.restrictions.map((r: Json) => r.id).sort());
    expect(applied[0]!.data).toMatchObject({ schema_version: 1, seller_id: 'sel_roux', violation_id: third.violation.id, notice_id: third.notice.id });
    expect(events.filter((e) => e.type === 'violation.recorded').map((e) => e.subject.id)).toEqual(roux.map((v) => v.violation.id));

    const s = await standing('sel_roux');
    expect(s.position).toEqual({ step: 2, name: 'restriction' });
    expect(s.next_step).toEqual({ step: 3, name: 'temporary_suspension' });
    expect(s.active_strikes).toHaveLength(3);
    expect(s.notices).toHaveLength(3);
  });

  it('lets a severe first violation skip education', async () => {
    const v = await recordViolation('sel_vandijk', { severity: 'severe' });
    expect(v.step.name).toBe('formal_warning');
  });

  it('notes the violation on the case it was decided on', async () => {
    const detail = (await t.as('agent', { method: 'GET', url: `/v1/cases/${roux[0]!.violation.case_id}` })).json();
    expect(detail.timeline.find((e: Json) => e.kind === 'enforcement').data).toMatchObject({ violation_id: roux[0]!.violation.id, step_name: 'education' });
  });

  it('refuses an unknown clause, naming the field', async () => {
    const caseId = await openReviewCase('sel_roux');
    const res = await t.as('senior', { method: 'POST', url: '/v1/violations', payload: { seller_id: 'sel_roux', clause_id: 'TP-9.9', case_id: caseId } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: '/clause_id', reason: 'clause TP-9.9 is not known' }]);
    const unknownSeller = await t.as('senior', { method: 'POST', url: '/v1/violations', payload: { seller_id: 'sel_nobody', clause_id: 'TP-2.1', case_id: caseId } });
    expect(unknownSeller.json().errors[0].field).toBe('/seller_id');
  });
});

describe('notices', () => {
  it("are written in the seller's language with the statement of reasons, and kept exactly", async () => {
    const n = (await t.as('legal', { method: 'GET', url: `/v1/notices/${roux[1]!.notice.id}` })).json();
    expect(n.lang).toBe('fr');
    expect(n.subject).toBe('Maison & Antiques : avertissement formel – article TP-2.1');
    expect(n.text).toContain('Bonjour Atelier Roux Antiquités,');
    expect(n.text).toContain('> write to me on WhatsApp [phone]');
    expect(n.text).toContain('https://sellers.example.test/appeals');
    expect(n.html).toContain('Maison &amp; Antiques');
    expect(n.statement_of_reasons).toMatchObject({ decision: 'formal_warning', source: 'own_initiative', automated_detection: false, automated_decision: false, contractual_ground: { clause_id: 'TP-2.1' } });
    expect(n.email_id).toMatch(/^eml_/);
    await mailer.drain();
    const sent = smtp.received.find((m) => m.subject === n.subject)!;
    expect(sent.text?.trim()).toBe(n.text.trim());
  });

  it('escape what the seller record holds, and fall back to English', async () => {
    const vd = (await standing('sel_vandijk')).notices[0];
    const nl = (await t.as('agent', { method: 'GET', url: `/v1/notices/${vd.id}` })).json();
    expect(nl.lang).toBe('nl');
    expect(nl.html).toContain('Beste Van Dijk &lt;Modern&gt;,');
    expect(nl.html).not.toContain('<Modern>');
    const jp = await recordViolation('sel_tanaka');
    expect(jp.notice.lang).toBe('en');
    expect(jp.notice.text).toContain('Dear Tanaka Bijutsu,');
  });
});

describe('the top of the ladder', () => {
  it('terminates after the notice period, with the date in the notice', async () => {
    const steps: Json[] = [];
    for (let i = 0; i < 5; i++) steps.push(await recordViolation('sel_kraus'));
    expect(steps.map((v) => v.step.name)).toEqual(['education', 'formal_warning', 'restriction', 'temporary_suspension', 'termination']);
    const [termination] = steps[4]!.restrictions;
    expect(termination).toMatchObject({ kind: 'account_terminated', state: 'scheduled', applied_at: '2026-11-02T10:00:00.000Z', effective_at: '2026-12-02T10:00:00.000Z', ends_at: null });
    expect(steps[3]!.restrictions[0]).toMatchObject({ kind: 'selling_suspended', ends_at: '2026-11-16T10:00:00.000Z' });
    const n = steps[4]!.notice;
    expect(n.subject).toBe('Maison & Antiques: Kündigung Ihres Verkäuferkontos – Ziffer TP-2.1');
    expect(n.text).toContain('Die Kündigung wird am 2. Dezember 2026 um 11:00 MEZ wirksam.');
    expect(n.statement_of_reasons).toMatchObject({ decision: 'termination', end_date: null });
  });

  it('gives simultaneous decisions on one seller successive steps', async () => {
    const cases = await Promise.all([0, 1, 2, 3].map(() => openReviewCase('sel_lopez')));
    const results = await Promise.all(
      cases.map((caseId) => t.as('senior', { method: 'POST', url: '/v1/violations', payload: { seller_id: 'sel_lopez', clause_id: 'TP-2.2', case_id: caseId } })),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(results.map((r) => r.json().step.step).sort()).toEqual([0, 1, 2, 3]);
  });

  it("commits with the caller's transaction, and rolls back with it", async () => {
    const caseId = await openReviewCase('sel_lopez');
    const input = { sellerId: 'sel_lopez', clauseId: 'TP-2.3', severity: 'standard' as const, caseId, messageIds: [], excerpts: ['pay me by bank transfer'], automatedDetection: true, automatedDecision: true, decidedBy: 'rule:payment' };
    const before = (await standing('sel_lopez')).violations.length;
    await expect(
      inTransaction(t.database.db, async (tx) => {
        await t.app.services.enforcement.recordViolation(systemCaller('review'), input, { tx });
        throw new Error('the reviewer decision failed');
      }),
    ).rejects.toThrow('the reviewer decision failed');
    expect((await standing('sel_lopez')).violations).toHaveLength(before);
    const done = await inTransaction(t.database.db, (tx) => t.app.services.enforcement.recordViolation(systemCaller('review'), input, { tx }));
    expect(done.violation).toMatchObject({ automatedDecision: true, decidedBy: 'rule:payment' });
    expect((await standing('sel_lopez')).violations).toHaveLength(before + 1);
  });
});

describe('appeals', () => {
  let appealCaseId: string;

  it('are filed by the marketplace within the window and open an appeal case', async () => {
    const res = await appeal(roux[2]!.violation.id);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    appealCaseId = body.appeal.case_id;
    expect(body.notice.kind).toBe('appeal_received');
    expect(body.notice.lang).toBe('fr');
    const c = (await t.as('agent', { method: 'GET', url: `/v1/cases/${appealCaseId}` })).json();
    expect(c).toMatchObject({ type: 'appeal', queue: 'appeals', status: 'received', subjects: { seller_id: 'sel_roux', conversation_id: 'conv_sel_roux' } });
    expect(c.timeline.find((e: Json) => e.kind === 'link').data).toMatchObject({ violation_id: roux[2]!.violation.id });
  });

  it('allow one open appeal per violation', async () => {
    const res = await appeal(roux[2]!.violation.id, 'agent');
    expect(res.statusCode).toBe(409);
    expect(res.json().reason).toBe('appeal.already_open');
  });

  it('cannot be moved through the generic case route', async () => {
    const res = await t.as('manager', { method: 'POST', url: `/v1/cases/${appealCaseId}/transitions`, payload: { to: 'under_review' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().reason).toBe('case.managed_elsewhere');
  });

  it('take seller replies onto the violation case and the open appeal', async () => {
    const res = await t.as('integration', { method: 'POST', url: `/v1/violations/${roux[2]!.violation.id}/replies`, payload: { body: 'Please find the delivery note attached to the order.' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().case_ids).toEqual([roux[2]!.violation.case_id, appealCaseId]);
    const c = (await t.as('agent', { method: 'GET', url: `/v1/cases/${appealCaseId}` })).json();
    expect(c.timeline.filter((e: Json) => e.kind === 'reply').map((e: Json) => e.data.body)).toContain('Please find the delivery note attached to the order.');
  });

  it('refuse a decider who decided the violation, and anyone not senior', async () => {
    const own = await decide(appealCaseId, 'overturned', 'senior');
    expect(own.statusCode).toBe(403);
    expect(own.json().reason).toBe('appeal.decider_decided_violation');
    expect((await decide(appealCaseId, 'overturned', 'agent')).statusCode).toBe(403);
  });

  it('overturned: removes the strike, lifts the restrictions and tells the seller', async () => {
    const res = await decide(appealCaseId, 'overturned', 'manager', 'The number was shared after the order, for delivery.');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.violation.status).toBe('overturned');
    expect(body.lifted_restrictions).toHaveLength(3);

    const s = await standing('sel_roux');
    expect(s.position).toEqual({ step: 1, name: 'formal_warning' });
    expect(s.active_strikes.map((x: Json) => x.violation_id)).toEqual([roux[0]!.violation.id, roux[1]!.violation.id]);
    expect(s.restrictions.every((r: Json) => r.state === 'lifted')).toBe(true);

    const lifted = (await outbox()).filter((e) => e.type === 'seller.restriction.lifted');
    expect(lifted.map((e) => e.subject.id).sort()).toEqual(roux[2]!.restrictions.map((r: Json) => r.id).sort());
    expect(lifted[0]!.data).toMatchObject({ schema_version: 1, reason: 'appeal_overturned', appeal_case_id: appealCaseId });

    const n = (await t.as('agent', { method: 'GET', url: `/v1/notices/${body.notice.id}` })).json();
    expect(n.kind).toBe('appeal_overturned');
    expect(n.subject).toBe('Maison & Antiques : votre recours a été accepté (réf. ' + roux[2]!.violation.id + ')');
    expect(n.text).toContain('The number was shared after the order, for delivery.');

    const c = (await t.as('agent', { method: 'GET', url: `/v1/cases/${appealCaseId}` })).json();
    expect(c.status).toBe('overturned');
    expect((await decide(appealCaseId, 'upheld', 'admin')).json().reason).toBe('appeal.already_decided');
  });

  it('upheld: keeps the strike and gives the seller the reasons', async () => {
    const filed = (await appeal(roux[1]!.violation.id)).json();
    const res = await decide(filed.appeal.case_id, 'upheld', 'legal', 'The message offered a lower price for paying outside the platform.');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().violation.status).toBe('active');
    const n = (await t.as('agent', { method: 'GET', url: `/v1/notices/${res.json().notice.id}` })).json();
    expect(n.kind).toBe('appeal_upheld');
    expect(n.text).toContain('nous avons décidé de maintenir la décision');
    expect(n.text).toContain('> The message offered a lower price for paying outside the platform.');
  });

  it('are refused once the window has closed, and strikes expire', async () => {
    const late = await recordViolation('sel_tanaka');
    t.clock.advance(183 * DAY);
    expect((await appeal(late.violation.id)).statusCode).toBe(201);
    const later = await recordViolation('sel_vandijk');
    t.clock.advance(183 * DAY + 60_000);
    const res = await appeal(later.violation.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().reason).toBe('appeal.window_closed');
    expect((await standing('sel_roux')).position).toBeNull();
    expect((await standing('sel_roux')).next_step.name).toBe('education');
  });
});
