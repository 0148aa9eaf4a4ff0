import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/identity';
import { verifyAuditChain } from '../../src/db';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
const userIds = {} as Record<Role, string>;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  for (const u of await t.app.services.identity.listUsers()) userIds[u.role] = u.id;
});
afterAll(async () => {
  await t.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function openCase(body: Json, role: Role = 'agent', headers: Record<string, string> = {}): Promise<Json> {
  const res = await t.as(role, { method: 'POST', url: '/v1/cases', payload: body, headers });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function move(id: string, to: string, extra: Json = {}, role: Role = 'agent') {
  return t.as(role, { method: 'POST', url: `/v1/cases/${id}/transitions`, payload: { to, ...extra } });
}

async function auditActions(caseId: string): Promise<string[]> {
  const res = await t.as('admin', { method: 'GET', url: `/v1/audit?subject_type=case&subject_id=${caseId}` });
  expect(res.statusCode).toBe(200);
  return res.json().items.map((e: Json) => e.action);
}

async function outboxTypes(caseId: string): Promise<string[]> {
  const types: string[] = [];
  let after = 0;
  for (;;) {
    const res = (await t.as('admin', { method: 'GET', url: `/v1/outbox?after_seq=${after}&limit=500` })).json();
    for (const e of res.items) if (e.subject.type === 'case' && e.subject.id === caseId) types.push(e.type);
    if (res.next_after_seq === null) return types;
    after = res.next_after_seq;
  }
}

describe('case types', () => {
  it('lists the registered types with their machines, so the console can draw buttons', async () => {
    const res = await t.as('vendor', { method: 'GET', url: '/v1/case-types' });
    expect(res.statusCode).toBe(200);
    const types = res.json().items as Json[];
    expect(types.map((x) => x.type).sort()).toEqual(['appeal', 'commission_dispute', 'conversation_review', 'investigation']);
    const review = types.find((x) => x.type === 'conversation_review')!;
    expect(review.initial).toBe('open');
    expect(review.statuses.find((s: Json) => s.name === 'open').next).toEqual(['in_review', 'escalated']);
    expect(review.statuses.find((s: Json) => s.name === 'closed')).toMatchObject({ closed: true, next: [] });
    expect(review.sla_business_hours.p2).toEqual({ first_response_hours: 2, resolution_hours: 8 });
  });
});

describe('opening a case', () => {
  it('opens in the initial status with SLA due times on the team calendar, a timeline, an audit entry and an event', async () => {
    // Monday 2 November 2026, 10:00 in London.
    const c = await openCase({
      type: 'conversation_review',
      title: 'Dealer shares a phone number before purchase',
      priority: 'p2',
      subjects: { seller_id: 'sel_1001', buyer_id: 'buy_2002', conversation_id: 'conv_3003', message_id: 'msg_4004' },
    });
    expect(c).toMatchObject({
      type: 'conversation_review',
      status: 'open',
      closed: false,
      priority: 'p2',
      queue: 'review',
      jurisdiction: 'GB',
      version: 1,
      assignee_id: null,
      next_states: ['in_review', 'escalated'],
      subjects: { seller_id: 'sel_1001', buyer_id: 'buy_2002', listing_id: null, conversation_id: 'conv_3003', message_id: 'msg_4004' },
      opened_at: '2026-11-02T10:00:00.000Z',
      first_response_due_at: '2026-11-02T12:00:00.000Z',
      // 8 business hours: 7.5 on Monday (to 17:30), 0.5 on Tuesday.
      sla_due_at: '2026-11-03T09:30:00.000Z',
    });
    expect(c.id).toMatch(/^case_/);
    expect(c.timeline).toHaveLength(1);
    expect(c.timeline[0]).toMatchObject({ kind: 'created', actor: { type: 'token' }, data: { status: 'open', queue: 'review' } });
    expect(await auditActions(c.id)).toEqual(['case.opened']);
    expect(await outboxTypes(c.id)).toEqual(['case.opened']);
  });

  it('runs the SLA over Christmas and the Boxing Day substitute holiday in London', async () => {
    t.clock.set('2026-12-24T16:00:00Z');
    try {
      const c = await openCase({ type: 'conversation_review', title: 'Urgent before the holidays', priority: 'p1' });
      // 4 h: 1.5 h on Thursday 24th; 25th Christmas, weekend, 28th Boxing Day (substitute); 2.5 h on Tuesday 29th.
      expect(c.sla_due_at).toBe('2026-12-29T11:30:00.000Z');
    } finally {
      t.clock.set('2026-11-02T10:00:00Z');
    }
  });

  it('runs the SLA on the calendar of the jurisdiction the case names', async () => {
    t.clock.set('2026-11-25T21:00:00Z'); // Wednesday 16:00 in New York
    try {
      const us = await openCase({ type: 'conversation_review', title: 'US buyer', priority: 'p1', jurisdiction: 'US' });
      // 1.5 h on Wednesday, Thanksgiving Thursday off, 2.5 h on Friday from 09:00 EST.
      expect(us.sla_due_at).toBe('2026-11-27T16:30:00.000Z');
      expect(us.jurisdiction).toBe('US');
    } finally {
      t.clock.set('2026-11-02T10:00:00Z');
    }
  });

  it('refuses an unknown type or jurisdiction, naming the field', async () => {
    const res = await t.as('agent', { method: 'POST', url: '/v1/cases', payload: { type: 'parking_ticket', title: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: '/type' })]);
    const bad = await t.as('agent', { method: 'POST', url: '/v1/cases', payload: { type: 'appeal', title: 'x', jurisdiction: 'XX' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: '/jurisdiction' })]);
  });

  it('opens once per Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'detection:conv_9:review' };
    const first = await t.as('agent', { method: 'POST', url: '/v1/cases', payload: { type: 'conversation_review', title: 'Once' }, headers });
    const again = await t.as('agent', { method: 'POST', url: '/v1/cases', payload: { type: 'conversation_review', title: 'Once' }, headers });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const other = await t.as('agent', { method: 'POST', url: '/v1/cases', payload: { type: 'appeal', title: 'Once' }, headers });
    expect(other.statusCode).toBe(409);
  });

  it('is refused to vendor and integration callers', async () => {
    expect((await t.as('vendor', { method: 'POST', url: '/v1/cases', payload: { type: 'appeal', title: 'x' } })).statusCode).toBe(403);
    expect((await t.as('integration', { method: 'POST', url: '/v1/cases', payload: { type: 'appeal', title: 'x' } })).statusCode).toBe(403);
  });
});

describe('transitions', () => {
  it('moves along the table, records the move, and stops the first-response clock', async () => {
    const c = await openCase({ type: 'investigation', title: 'Moves' });
    t.clock.advance(15 * 60_000);
    const res = await move(c.id, 'triage', { expected_version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const moved = res.json();
    expect(moved).toMatchObject({ status: 'triage', version: 2, first_response_at: '2026-11-02T10:15:00.000Z', closed: false });
    expect(moved.next_states).toEqual(['investigating', 'dismissed']);
    expect(moved.timeline.at(-1)).toMatchObject({ kind: 'transition', data: { from: 'signal', to: 'triage' } });
    t.clock.set('2026-11-02T10:00:00Z');
  });

  it('refuses a move the table does not allow with a typed reason and the allowed states', async () => {
    const c = await openCase({ type: 'investigation', title: 'Refused' });
    const res = await move(c.id, 'closed');
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'invalid_transition',
      type: 'urn:assay:problem:invalid-transition',
      reason: 'investigation.transition_not_allowed',
      allowed: ['triage', 'dismissed'],
    });
    const unknown = await move(c.id, 'teleported');
    expect(unknown.json()).toMatchObject({ code: 'invalid_transition', reason: 'investigation.unknown_state' });
    const after = (await t.as('agent', { method: 'GET', url: `/v1/cases/${c.id}` })).json();
    expect(after).toMatchObject({ status: 'signal', version: 1 });
    expect(await auditActions(c.id)).toEqual(['case.opened']);
  });

  it("refuses a decision the type's guards refuse: a finding needs a note, a confirmation a senior", async () => {
    const c = await openCase({ type: 'investigation', title: 'Guarded' });
    expect((await move(c.id, 'triage')).statusCode).toBe(200);
    const noNote = await move(c.id, 'dismissed');
    expect(noNote.json()).toMatchObject({ code: 'invalid_transition', reason: 'investigation.finding_requires_note' });
    const dismissed = await move(c.id, 'dismissed', { note: 'The buyer withdrew the report' });
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', closed: true });
    expect(dismissed.json().closed_at).toBe('2026-11-02T10:00:00.000Z');
    expect(dismissed.json().notes.map((n: Json) => n.body)).toEqual(['The buyer withdrew the report']);
  });

  it('refuses to move a conversation review here: its decisions go through /v1/review', async () => {
    const c = await openCase({ type: 'conversation_review', title: 'Managed' });
    const res = await move(c.id, 'in_review');
    expect(res.statusCode).toBe(409);
    expect(res.json().reason).toBe('case.managed_elsewhere');
  });

  it('refuses a stale expected_version with 409', async () => {
    const c = await openCase({ type: 'commission_dispute', title: 'Versioned' });
    expect((await move(c.id, 'under_review', { expected_version: 1 })).statusCode).toBe(200);
    const stale = await move(c.id, 'withdrawn', { expected_version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().reason).toBe('case.version_mismatch');
  });

  it('eight simultaneous moves of one case: exactly one wins, the others are refused', async () => {
    const c = await openCase({ type: 'investigation', title: 'Raced' });
    const results = await Promise.all(Array.from({ length: 8 }, () => move(c.id, 'triage', { expected_version: 1 })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((s) => s === 200)).toHaveLength(1);
    expect(codes.every((s) => s === 200 || s === 409)).toBe(true);
    expect(await auditActions(c.id)).toEqual(['case.opened', 'case.transitioned']);
  });

  it('eight simultaneous opens with one Idempotency-Key make one case', async () => {
    const headers = { 'idempotency-key': 'raced-open-1' };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => t.as('agent', { method: 'POST', url: '/v1/cases', payload: { type: 'investigation', title: 'Raced open' }, headers })),
    );
    expect(results.map((r) => r.statusCode).filter((s) => s === 201)).toHaveLength(1);
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 201)).toBe(true);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
  });

  it('a commission dispute decision needs reasons and senior staff, and is taken where the order changes', async () => {
    const c = await openCase({ type: 'commission_dispute', title: 'Dispute of a commission order' });
    await move(c.id, 'under_review');
    expect((await move(c.id, 'cancelled', { note: 'The sale went through checkout' })).json().reason).toBe('commission_dispute.decision_needs_senior');
    expect((await move(c.id, 'cancelled', {}, 'legal')).json().reason).toBe('commission_dispute.decision_requires_reasons');
    // allowed by the table and the guards, but an outcome changes the commission order: not here
    const generic = await move(c.id, 'cancelled', { note: 'The sale went through checkout' }, 'legal');
    expect(generic.statusCode).toBe(409);
    expect(generic.json()).toMatchObject({ reason: 'case.managed_elsewhere' });
    expect(generic.json().detail).toContain('/v1/commission-orders/');
    expect((await move(c.id, 'withdrawn', { note: 'The dealer withdrew the dispute' }, 'legal')).statusCode).toBe(200);
  });

  it('appeals change status only through /v1/appeals, which acts on the decision', async () => {
    const c = await openCase({ type: 'appeal', title: 'Appeal against a restriction' });
    const res = await move(c.id, 'under_review', {}, 'legal');
    expect(res.statusCode).toBe(409);
    expect(res.json().reason).toBe('case.managed_elsewhere');
  });
});

describe('assignment, notes and evidence', () => {
  it('assigns to a reviewer and back to nobody, on the timeline', async () => {
    const c = await openCase({ type: 'investigation', title: 'Listing sold off-platform?' });
    const res = await t.as('manager', { method: 'POST', url: `/v1/cases/${c.id}/assignment`, payload: { assignee_id: userIds.agent } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ assignee_id: userIds.agent, version: 2 });
    const listed = (await t.as('agent', { method: 'GET', url: `/v1/cases?assignee=${userIds.agent}` })).json();
    expect(listed.items.map((x: Json) => x.id)).toContain(c.id);
    const cleared = await t.as('manager', { method: 'POST', url: `/v1/cases/${c.id}/assignment`, payload: { assignee_id: null } });
    expect(cleared.json().assignee_id).toBeNull();
    expect(cleared.json().timeline.filter((e: Json) => e.kind === 'assignment').map((e: Json) => e.data)).toEqual([
      { from: null, to: userIds.agent },
      { from: userIds.agent, to: null },
    ]);
  });

  it('refuses an unknown assignee (404) and a vendor reviewer whose organisation lacks the queue', async () => {
    const c = await openCase({ type: 'investigation', title: 'Assign checks' });
    const ghost = await t.as('manager', { method: 'POST', url: `/v1/cases/${c.id}/assignment`, payload: { assignee_id: 'usr_01JD3Z8X9K2M4N6P8Q0R2S4T6V' } });
    expect(ghost.statusCode).toBe(404);
    const vendor = await t.as('manager', { method: 'POST', url: `/v1/cases/${c.id}/assignment`, payload: { assignee_id: userIds.vendor } });
    expect(vendor.statusCode).toBe(400);
    expect(vendor.json().reason).toBe('case.assignee_not_granted');
  });

  it('adds notes; the first human action stops the first-response clock', async () => {
    const c = await openCase({ type: 'commission_dispute', title: 'Dealer disputes the sale price' });
    t.clock.advance(3_600_000);
    const res = await t.as('agent', { method: 'POST', url: `/v1/cases/${c.id}/notes`, payload: { body: 'Asked the dealer for the invoice.' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ body: 'Asked the dealer for the invoice.', author: { type: 'token' } });
    const after = (await t.as('agent', { method: 'GET', url: `/v1/cases/${c.id}` })).json();
    expect(after.first_response_at).toBe('2026-11-02T11:00:00.000Z');
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'note', data: { note_id: res.json().id } });
    t.clock.set('2026-11-02T10:00:00Z');
    const blank = await t.as('agent', { method: 'POST', url: `/v1/cases/${c.id}/notes`, payload: { body: '   ' } });
    expect(blank.statusCode).toBe(400);
  });

  it('stores evidence bytes with their SHA-256 and size, and serves them back', async () => {
    const c = await openCase({ type: 'investigation', title: 'Invoice evidence' });
    const bytes = Buffer.from('%PDF-1.7\n invoice #4411, Louis XV commode, EUR 48,000 \n%%EOF\n', 'utf8');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const res = await t.as('senior', {
      method: 'POST',
      url: `/v1/cases/${c.id}/evidence`,
      payload: { filename: '../../Invoice 4411 – Dupré.pdf', content_type: 'application/pdf', content_base64: bytes.toString('base64') },
    });
    expect(res.statusCode, res.body).toBe(201);
    const info = res.json();
    expect(info).toMatchObject({ filename: 'Invoice 4411 – Dupré.pdf', content_type: 'application/pdf', size_bytes: bytes.length, sha256: sha });
    const file = await t.as('agent', { method: 'GET', url: `/v1/cases/${c.id}/evidence/${info.id}` });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(bytes)).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-sha256']).toBe(sha);
    expect(String(file.headers['content-disposition'])).toContain("filename*=UTF-8''Invoice%204411%20%E2%80%93%20Dupr%C3%A9.pdf");
    const detail = (await t.as('agent', { method: 'GET', url: `/v1/cases/${c.id}` })).json();
    expect(detail.evidence).toEqual([expect.objectContaining({ id: info.id, sha256: sha })]);
    expect(detail.timeline.at(-1)).toMatchObject({ kind: 'evidence', data: { evidence_id: info.id, sha256: sha, size_bytes: bytes.length } });
    const other = await openCase({ type: 'investigation', title: 'Another case' });
    expect((await t.as('agent', { method: 'GET', url: `/v1/cases/${other.id}/evidence/${info.id}` })).statusCode).toBe(404);
  });

  it('confirms an investigation only with a hard artefact attached, and only through the investigations API', async () => {
    const c = await openCase({ type: 'investigation', title: 'Confirmed sale' });
    await move(c.id, 'triage');
    await move(c.id, 'investigating');
    const early = await move(c.id, 'confirmed', { note: 'Buyer confirmed paying by wire' }, 'senior');
    expect(early.json()).toMatchObject({ code: 'invalid_transition', reason: 'investigation.confirmation_requires_evidence' });
    await t.as('senior', { method: 'POST', url: `/v1/cases/${c.id}/evidence`, payload: { filename: 'statement.txt', content_type: 'text/plain', content_base64: Buffer.from('I paid by wire.').toString('base64') } });
    // with the artefact the guards pass, but confirming issues a commission order: only the investigations API does it
    const generic = await move(c.id, 'confirmed', { note: 'Buyer confirmed paying by wire' }, 'senior');
    expect(generic.statusCode).toBe(409);
    expect(generic.json()).toMatchObject({ reason: 'case.managed_elsewhere' });
    expect(generic.json().detail).toContain('/v1/investigations/');
  });

  it('refuses content that is not base64', async () => {
    const c = await openCase({ type: 'investigation', title: 'Bad upload' });
    const res = await t.as('agent', { method: 'POST', url: `/v1/cases/${c.id}/evidence`, payload: { filename: 'a.txt', content_type: 'text/plain', content_base64: 'not base64!' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: '/content_base64' })]);
  });

  it('writes an audit entry and an outbox event with every change, in order', async () => {
    const c = await openCase({ type: 'commission_dispute', title: 'Every change recorded' });
    await move(c.id, 'under_review');
    await t.as('manager', { method: 'POST', url: `/v1/cases/${c.id}/assignment`, payload: { assignee_id: userIds.senior } });
    await t.as('senior', { method: 'POST', url: `/v1/cases/${c.id}/notes`, payload: { body: 'Invoice shows EUR 31,000, not the listed EUR 38,000.' } });
    await t.as('senior', { method: 'POST', url: `/v1/cases/${c.id}/evidence`, payload: { filename: 'invoice.pdf', content_type: 'application/pdf', content_base64: Buffer.from('%PDF').toString('base64') } });
    await t.as('senior', { method: 'POST', url: `/v1/cases/${c.id}/priority`, payload: { priority: 'p1' } });
    await move(c.id, 'withdrawn', { note: 'The dealer accepts the invoiced price.' }, 'senior');
    const expected = ['case.opened', 'case.transitioned', 'case.assigned', 'case.note_added', 'case.evidence_added', 'case.priority_changed', 'case.transitioned'];
    expect(await auditActions(c.id)).toEqual(expected);
    expect(await outboxTypes(c.id)).toEqual(expected);
    const detail = (await t.as('agent', { method: 'GET', url: `/v1/cases/${c.id}` })).json();
    expect(detail.timeline.map((e: Json) => e.kind)).toEqual(['created', 'transition', 'assignment', 'note', 'evidence', 'priority', 'transition']);
    expect(detail).toMatchObject({ status: 'withdrawn', closed: true, priority: 'p1', version: 7 });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});

describe('an evidence file over the size limit', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await createTestApp({ env: { EVIDENCE_MAX_BYTES: '1024' } });
  });
  afterAll(async () => {
    await small.close();
  });

  it('is refused with 413 payload_too_large, whether just over or far over', async () => {
    const c = (await small.as('agent', { method: 'POST', url: '/v1/cases', payload: { type: 'investigation', title: 'Big file' } })).json();
    const fits = await small.as('agent', { method: 'POST', url: `/v1/cases/${c.id}/evidence`, payload: { filename: 'ok.bin', content_type: 'application/octet-stream', content_base64: Buffer.alloc(1024, 7).toString('base64') } });
    expect(fits.statusCode).toBe(201);
    for (const size of [1025, 200_000]) {
      const res = await small.as('agent', { method: 'POST', url: `/v1/cases/${c.id}/evidence`, payload: { filename: 'big.bin', content_type: 'application/octet-stream', content_base64: Buffer.alloc(size, 7).toString('base64') } });
      expect(res.statusCode, `${size} bytes`).toBe(413);
      expect(res.json().code).toBe('payload_too_large');
    }
    const detail = (await small.as('agent', { method: 'GET', url: `/v1/cases/${c.id}` })).json();
    expect(detail.evidence).toHaveLength(1);
  });
});
