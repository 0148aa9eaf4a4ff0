import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { defaultRuleSet } from '../../src/detection';
import { inTransaction, query, sql } from '../../src/db';
import { createTestApp, type TestApp } from '../helpers/app';
import { activateRuleSet } from '../helpers/rule-sets';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let t: TestApp;
/** A second manager (another person), and a second token of the first manager's own user. */
let otherManager: string;
let managerSecondToken: string;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  const system = { type: 'system' as const, id: 'test' };
  const ids = t.app.services.identity;
  const other = await ids.createUser(system, { email: 'manager2@example.test', name: 'Second Manager', role: 'manager', password: 'password-manager2-123' });
  otherManager = (await ids.createApiToken(system, { name: 'manager2 token', role: 'manager', userId: other.id })).token;
  const first = (await ids.listUsers()).find((u) => u.email === 'manager@example.test')!;
  managerSecondToken = (await ids.createApiToken(system, { name: 'manager laptop', role: 'manager', userId: first.id })).token;
});
afterAll(async () => {
  await t.close();
});

const withToken = (token: string, opts: InjectOptions) => t.app.http.inject({ ...opts, headers: { authorization: `Bearer ${token}` } } as InjectOptions);
const scan = async (text: string) => (await t.as('integration', { method: 'POST', url: '/v1/scan', payload: { id: 'm', text, country: 'FR' } })).json() as Json;
const current = async () => (await t.as('agent', { method: 'GET', url: '/v1/rule-sets/current' })).json() as Json;

async function auditActions(subjectType: string): Promise<string[]> {
  const res = await t.as('admin', { method: 'GET', url: `/v1/audit?subject_type=${subjectType}&limit=500` });
  expect(res.statusCode).toBe(200);
  return (res.json().items as Json[]).map((e) => e.action as string);
}

async function storeVariant(version: string): Promise<void> {
  const body = JSON.parse(JSON.stringify(defaultRuleSet)) as Json;
  body.version = version;
  const res = await t.as('admin', { method: 'POST', url: '/v1/rule-sets', payload: body });
  expect(res.statusCode, res.body).toBe(201);
}

describe('the kill switch', () => {
  const phone = 'WhatsApp me: +33 6 12 34 56 78';

  it('a rule switched off leaves every scan at once, and comes back when switched on, audited', async () => {
    expect((await scan(phone)).hits.map((h: Json) => h.rule)).toContain('phone.international');

    const off = await t.as('manager', { method: 'PUT', url: '/v1/rules/phone.international/switch', payload: { disabled: true, reason: 'false positives on auction house numbers' } });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ rule_id: 'phone.international', disabled: true, reason: 'false positives on auction house numbers' });
    expect((await scan(phone)).hits.map((h: Json) => h.rule)).not.toContain('phone.international');

    const list = (await t.as('senior', { method: 'GET', url: '/v1/rules/switches' })).json() as Json;
    expect(list.items).toEqual([expect.objectContaining({ rule_id: 'phone.international', disabled: true })]);

    expect((await t.as('admin', { method: 'PUT', url: '/v1/rules/phone.international/switch', payload: { disabled: false, reason: 'fixed in the detector' } })).statusCode).toBe(200);
    expect((await scan(phone)).hits.map((h: Json) => h.rule)).toContain('phone.international');
    expect(await auditActions('rule')).toEqual(expect.arrayContaining(['rule.disabled', 'rule.enabled']));
  });

  it('refuses a rule the active rule set does not know, naming the field', async () => {
    const res = await t.as('manager', { method: 'PUT', url: '/v1/rules/phone.carrier_pigeon/switch', payload: { disabled: true, reason: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'rule_id' })]);
  });

  it('is for managers and admins only', async () => {
    expect((await t.as('senior', { method: 'PUT', url: '/v1/rules/phone.bare/switch', payload: { disabled: true, reason: 'x' } })).statusCode).toBe(403);
  });
});

describe('four eyes on rule-set activation', () => {
  it('one manager asks, another approves: the version is active at once, the history and audit record both', async () => {
    await storeVariant('2099.5.0');
    const asked = await t.as('manager', { method: 'POST', url: '/v1/rule-sets/2099.5.0/activation-requests', payload: { reason: 'new intent rules' } });
    expect(asked.statusCode, asked.body).toBe(201);
    const req = asked.json() as Json;
    expect(req).toMatchObject({ version: '2099.5.0', status: 'pending', requested_by_name: 'manager token', expires_at: '2026-11-05T10:00:00.000Z' });
    expect((await current()).version).not.toBe('2099.5.0');

    const approved = await withToken(otherManager, { method: 'POST', url: `/v1/rule-sets/activation-requests/${req.id}/approve`, payload: { note: 'looked at the replay' } });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ request: { status: 'approved', decision_note: 'looked at the replay' }, rule_set: { version: '2099.5.0', active: true } });
    expect((await current()).version).toBe('2099.5.0');

    const history = (await t.as('senior', { method: 'GET', url: '/v1/rule-sets/activations' })).json() as Json;
    expect(history.items[0]).toMatchObject({ version: '2099.5.0', previous_version: 'builtin', how: 'approved', request_id: req.id });
    expect(await auditActions('rule_set_activation_request')).toEqual(expect.arrayContaining(['rule_set.activation_requested', 'rule_set.activation_approved']));
    expect(await auditActions('rule_set')).toContain('rule_set.activated');
  });

  it('the person who asked cannot approve, not even with another of their tokens', async () => {
    const req = (await t.as('manager', { method: 'POST', url: '/v1/rule-sets/builtin/activation-requests', payload: { reason: 'back to the checked-in rules' } })).json() as Json;
    for (const res of [
      await t.as('manager', { method: 'POST', url: `/v1/rule-sets/activation-requests/${req.id}/approve`, payload: {} }),
      await withToken(managerSecondToken, { method: 'POST', url: `/v1/rule-sets/activation-requests/${req.id}/approve`, payload: {} }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ reason: 'rule_set.four_eyes' });
      expect(res.json().detail).toContain('another manager or admin');
    }
    // another person may reject it; a decided request cannot be decided again
    const rejected = await t.as('admin', { method: 'POST', url: `/v1/rule-sets/activation-requests/${req.id}/reject`, payload: { note: 'not now' } });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', decision_note: 'not now' });
    const again = await withToken(otherManager, { method: 'POST', url: `/v1/rule-sets/activation-requests/${req.id}/approve`, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ reason: 'rule_set.request_rejected' });
    expect((await current()).version).toBe('2099.5.0');
  });

  it('a request expires after 72 hours', async () => {
    const req = (await t.as('manager', { method: 'POST', url: '/v1/rule-sets/builtin/activation-requests', payload: { reason: 'later' } })).json() as Json;
    t.clock.advance(72 * 3_600_000 + 1000);
    const res = await t.as('admin', { method: 'POST', url: `/v1/rule-sets/activation-requests/${req.id}/approve`, payload: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ reason: 'rule_set.request_expired' });
    expect((await t.as('senior', { method: 'GET', url: `/v1/rule-sets/activation-requests/${req.id}` })).json()).toMatchObject({ status: 'expired' });
    const pending = (await t.as('senior', { method: 'GET', url: '/v1/rule-sets/activation-requests?status=pending' })).json() as Json;
    expect(pending.items).toEqual([]);
  });

  it('refuses to ask for a version that does not exist', async () => {
    const res = await t.as('manager', { method: 'POST', url: '/v1/rule-sets/2099.404.0/activation-requests', payload: { reason: 'x' } });
    expect(res.statusCode).toBe(404);
  });
});

describe('rollback', () => {
  it('goes back one step to the version active before, without a second approval, audited; only one step', async () => {
    await storeVariant('2099.6.0');
    await activateRuleSet(t, '2099.6.0');
    expect((await current()).version).toBe('2099.6.0');

    const res = await t.as('manager', { method: 'POST', url: '/v1/rule-sets/rollback', payload: { reason: 'violations doubled overnight' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: '2099.5.0', active: true });
    expect((await current()).version).toBe('2099.5.0');
    const history = (await t.as('senior', { method: 'GET', url: '/v1/rule-sets/activations' })).json() as Json;
    expect(history.items[0]).toMatchObject({ version: '2099.5.0', previous_version: '2099.6.0', how: 'rollback', request_id: null });
    expect(await auditActions('rule_set')).toContain('rule_set.rolled_back');

    const twice = await t.as('admin', { method: 'POST', url: '/v1/rule-sets/rollback', payload: { reason: 'further' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ reason: 'rule_set.rollback_one_step' });
  });

  it('is for managers and admins', async () => {
    expect((await t.as('senior', { method: 'POST', url: '/v1/rule-sets/rollback', payload: { reason: 'x' } })).statusCode).toBe(403);
  });
});

describe('what reviewers teach the rules', () => {
  const decide = (caseId: string, decision: 'violation' | 'no_violation', rules: string[]) =>
    inTransaction(t.database.db, (tx) => t.app.services.automation.onDecision(tx, { caseId, decision, rules, reviewerId: 'usr_senior', vendor: false, at: t.clock.now() }));

  it('precision per rule over 30 and 90 days, with the rules below their target', async () => {
    for (let i = 0; i < 20; i++) await decide(`gov-case-${i}`, i < 10 ? 'violation' : 'no_violation', ['handle.contact_verb']);
    await decide('gov-case-x', 'violation', ['iban.valid']);

    const res = await t.as('senior', { method: 'GET', url: '/v1/rules/precision?window=90' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Json;
    expect(body).toMatchObject({ window_days: 90, min_decisions: 20 });
    const verb = (body.items as Json[]).find((r) => r.rule_id === 'handle.contact_verb')!;
    expect(verb).toMatchObject({ decided: 20, violations: 10, no_violations: 10, precision: 0.5, target: 0.8, below_target: true, mode: 'active' });
    expect(verb.interval_95.low).toBeLessThan(0.5);
    expect(verb.interval_95.high).toBeGreaterThan(0.5);

    const below = (await t.as('manager', { method: 'GET', url: '/v1/rules/below-target' })).json() as Json;
    expect((below.items as Json[]).map((r) => r.rule_id)).toEqual(['handle.contact_verb']);
    expect((await t.as('senior', { method: 'GET', url: '/v1/rules/precision?window=7' })).statusCode).toBe(400);
  });

  it('counts how often each rule fired on ingested messages', async () => {
    const items = [0, 1, 2].map((i) => ({
      id: `gov-m-${i}`,
      conversation_id: `gov-c-${i}`,
      buyer_id: 'gov-b',
      seller_id: 'gov-s',
      sender_role: 'seller',
      body: 'WhatsApp me: +33 6 12 34 56 78',
      sent_at: '2026-11-01T12:00:00Z',
      lang: 'en',
    }));
    expect((await t.as('integration', { method: 'POST', url: '/v1/messages:batch', payload: { items } })).statusCode).toBe(200);
    await t.app.services.ruleLearning.flushFirings();
    const body = (await t.as('senior', { method: 'GET', url: '/v1/rules/precision' })).json() as Json;
    expect((body.items as Json[]).find((r) => r.rule_id === 'phone.international')).toMatchObject({ fired_messages: 3, fired_hits: 3 });
  });
});

describe('the circuit breaker on automatic violations', () => {
  it('shows the automation state, opens past the bound with an alert and a metric, and a manager closes it', async () => {
    const state = (await t.as('senior', { method: 'GET', url: '/v1/rules/automation' })).json() as Json;
    expect(state).toMatchObject({ auto_clear_below: 0, automatic_violation_rules: ['iban.valid'], circuit: { open: false, max_per_hour: 50 } });

    const automation = t.app.services.automation;
    let allowed = 0;
    for (let i = 0; i < 52; i++) if (await inTransaction(t.database.db, (tx) => automation.allowAutomaticViolation(tx, { caseId: `gov-auto-${i}`, rules: ['iban.valid'] }))) allowed++;
    expect(allowed).toBe(50);
    const open = (await t.as('manager', { method: 'GET', url: '/v1/rules/automation' })).json() as Json;
    expect(open.circuit).toMatchObject({ open: true, last_hour: 50 });
    expect((await t.app.http.inject({ method: 'GET', url: '/metrics' })).body).toMatch(/assay_automation_circuit_open 1/);
    expect(await auditActions('automation_circuit')).toEqual(['automation.circuit_opened']);

    expect((await t.as('senior', { method: 'POST', url: '/v1/rules/automation/reset', payload: { note: 'x' } })).statusCode).toBe(403);
    const reset = await t.as('manager', { method: 'POST', url: '/v1/rules/automation/reset', payload: { note: 'a bulk import of IBANs, checked' } });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ open: false, last_hour: 0 });
    expect((await t.app.http.inject({ method: 'GET', url: '/metrics' })).body).toMatch(/assay_automation_circuit_open 0/);
  });
});

describe('replay of a version over history', () => {
  it('reports the conversations it would send to review against today, firings per rule and expected precision, storing nothing', async () => {
    const body = JSON.parse(JSON.stringify(defaultRuleSet)) as Json;
    body.version = '2099.7.0';
    (body.rules as Json[]).push({ id: 'intent.test_catalogue.en', kind: 'intent', lang: 'en', clause: 'TP-2.3', weight: 0.9, triggers: ['catalogue'], patterns: ['bring your catalogue'] });
    expect((await t.as('admin', { method: 'POST', url: '/v1/rule-sets', payload: body })).statusCode).toBe(201);

    const m = (id: string, conv: string, text: string) => ({ id, conversation_id: conv, buyer_id: 'rp-b', seller_id: 'rp-s', sender_role: 'seller', body: text, sent_at: '2026-10-15T12:00:00Z', lang: 'en' });
    const items = [
      m('rp-1', 'rp-phone', 'Phone: +33 6 12 34 56 78'),
      m('rp-2', 'rp-cat', 'Meet me at the fair and bring your catalogue'),
      m('rp-3', 'rp-clean', 'The frame is gilded oak, 19th century'),
    ];
    expect((await t.as('integration', { method: 'POST', url: '/v1/messages:batch', payload: { items } })).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) {
      await inTransaction(t.database.db, (tx) =>
        t.app.services.automation.onDecision(tx, { caseId: `rp-case-${i}`, decision: i < 3 ? 'violation' : 'no_violation', rules: ['phone.international'], reviewerId: 'usr_s', vendor: false, at: t.clock.now() }),
      );
    }

    expect((await t.as('agent', { method: 'POST', url: '/v1/rule-sets/2099.7.0/replay', payload: { since: '2026-10-10' } })).statusCode).toBe(403);
    const res = await t.as('senior', { method: 'POST', url: '/v1/rule-sets/2099.7.0/replay', payload: { since: '2026-10-10', until: '2026-10-20' } });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as Json;
    expect(r).toMatchObject({ version: '2099.7.0', scanned: 3, conversations: 3, would_open: 2, currently_open: 1, newly_opened: 1, no_longer_opened: 0 });
    expect(r.sample[0]).toMatchObject({ conversation_id: 'rp-cat', verdict: 'violation', rules: ['intent.test_catalogue.en'], already_flagged: false });
    expect(r.sample[1]).toMatchObject({ conversation_id: 'rp-phone', already_flagged: true });
    expect((r.rules as Json[]).find((x) => x.rule_id === 'intent.test_catalogue.en')).toMatchObject({ hits: 1, messages: 1, stored_hits: 0, expected_precision: null, decided: 0 });
    expect((r.rules as Json[]).find((x) => x.rule_id === 'phone.international')).toMatchObject({ hits: 1, stored_hits: 1, decided: 4, expected_precision: 0.75 });
    expect(r.unknown_rules).toEqual(['intent.test_catalogue.en']);
    expect(r.expected_precision).toBe(0.75);
    expect(r.unknown_share).toBe(0.5);

    // nothing stored: the messages keep their results and version
    const conv = (await t.as('admin', { method: 'GET', url: '/v1/conversations/rp-cat' })).json() as Json;
    expect(conv.messages[0]).toMatchObject({ verdict: 'clear' });
    expect(conv.messages[0].rule_set_version).not.toBe('2099.7.0');
  });

  it('refuses an unknown version and a bad date, naming the field', async () => {
    expect((await t.as('manager', { method: 'POST', url: '/v1/rule-sets/2099.404.0/replay', payload: { since: '2026-10-10' } })).statusCode).toBe(404);
    const bad = await t.as('manager', { method: 'POST', url: '/v1/rule-sets/builtin/replay', payload: { since: 'last tuesday' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'since' })]);
  });
});

describe('stored versions compiled once', () => {
  it('checking, replaying or activating a version again reuses its compiled form; other content is compiled anew', async () => {
    const body = JSON.parse(JSON.stringify(defaultRuleSet)) as Json;
    body.version = '2032.1.1';
    expect((await t.as('admin', { method: 'POST', url: '/v1/rule-sets', payload: body })).statusCode).toBe(201);
    const ruleSets = t.app.services.ruleSets;
    const first = await ruleSets.prepare('2032.1.1');
    expect((await t.as('manager', { method: 'GET', url: '/v1/rule-sets/2032.1.1/check' })).statusCode).toBe(200);
    const again = await ruleSets.prepare('2032.1.1');
    // the kill switches make a new rule-set object each time; what compiling makes is shared
    expect(again.compiled.phone).toBe(first.compiled.phone);
    expect(again.compiled.version).toBe('2032.1.1');
    body.version = '2032.1.2';
    expect((await t.as('admin', { method: 'POST', url: '/v1/rule-sets', payload: body })).statusCode).toBe(201);
    const other = await ruleSets.prepare('2032.1.2');
    expect(other.compiled.phone).not.toBe(first.compiled.phone);
    expect(other.compiled.version).toBe('2032.1.2');
  });
});

describe('shadow rules on ingested messages', () => {
  it('are stored with the message\'s scan apart from its hits, never change its verdict, and are counted', async () => {
    const body = JSON.parse(JSON.stringify(defaultRuleSet)) as Json;
    body.version = '2099.8.0';
    (body.rules as Json[]).push({ id: 'intent.trial_viewing.en', mode: 'shadow', kind: 'intent', lang: 'en', clause: 'TP-2.3', weight: 0.95, triggers: ['viewing'], patterns: ['private viewing at my place'] });
    expect((await t.as('admin', { method: 'POST', url: '/v1/rule-sets', payload: body })).statusCode).toBe(201);
    await activateRuleSet(t, '2099.8.0');

    const item = { id: 'sh-1', conversation_id: 'sh-c', buyer_id: 'sh-b', seller_id: 'sh-s', sender_role: 'seller', body: 'Happy to arrange a private viewing at my place', sent_at: '2026-11-02T09:00:00Z', lang: 'en' };
    expect((await t.as('integration', { method: 'POST', url: '/v1/messages:batch', payload: { items: [item] } })).statusCode).toBe(200);
    const [row] = await query<{ scan: Json }>(t.database.db, sql`SELECT scan FROM messages WHERE id = 'sh-1'`);
    expect(row!.scan).toMatchObject({ verdict: 'clear', hits: [], shadow_hits: [expect.objectContaining({ rule: 'intent.trial_viewing.en' })] });

    await t.app.services.ruleLearning.flushFirings();
    const precision = (await t.as('senior', { method: 'GET', url: '/v1/rules/precision' })).json() as Json;
    expect((precision.items as Json[]).find((r) => r.rule_id === 'intent.trial_viewing.en')).toMatchObject({ mode: 'shadow', fired_hits: 1, fired_messages: 1 });
  });
});

describe('warnings when a rule set is stored', () => {
  it('names a trigger never read and a pattern its triggers cannot wake, with an example match; the rule set is stored all the same', async () => {
    const body = JSON.parse(JSON.stringify(defaultRuleSet)) as Json;
    body.version = '2031.1.1';
    const rule = (body.rules as Json[]).find((r) => r.id === 'intent.better_price.fr')!;
    const index = (body.rules as Json[]).indexOf(rule);
    rule.triggers = [...(rule.triggers as string[]), 'prix-ami'];
    rule.patterns = [...(rule.patterns as string[]), "(?:prix|tarif) d'ami si (?:vous payez )?en liquide"];
    const res = await t.as('admin', { method: 'POST', url: '/v1/rule-sets', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    const warnings = (res.json() as Json).warnings as Json[];
    expect(warnings).toContainEqual({ field: `/rules/${index}/triggers`, reason: expect.stringContaining('"prix-ami" is never read') });
    const hole = warnings.find((w) => w.field === `/rules/${index}/patterns/${(rule.patterns as string[]).length - 1}`);
    expect(hole?.reason).toContain('"tarif d\'ami si en liquide"');
    // the checked-in rule set's own holes come back too, and again when the same version is stored once more
    expect(warnings.length).toBeGreaterThan(2);
    const again = await t.as('admin', { method: 'POST', url: '/v1/rule-sets', payload: body });
    expect(again.statusCode).toBe(200);
    expect((again.json() as Json).warnings).toEqual(warnings);
    expect((await t.as('admin', { method: 'GET', url: '/v1/rule-sets/2031.1.1' })).statusCode).toBe(200);

    // a stored version's warnings can be asked again later, as the console's Rules screen does
    const check = await t.as('senior', { method: 'GET', url: '/v1/rule-sets/2031.1.1/check' });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ version: '2031.1.1', warnings });
    const builtin = (await t.as('agent', { method: 'GET', url: '/v1/rule-sets/builtin/check' })).json() as Json;
    expect(builtin.warnings as Json[]).toHaveLength(warnings.length - 2);
    expect(builtin.patterns).toBe((check.json() as Json).patterns - 1);
    const unknown = await t.as('senior', { method: 'GET', url: '/v1/rule-sets/2099.1.1/check' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
  });
});
