import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../kernel';
import { inTransaction, query, sql } from '../db';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { createAutomation, createRuleLearning, createRuleSetService, type Automation, type RuleLearning, type RuleSetService } from './index';

/**
 * The automation hook as the review module calls it: inside the decision's transaction, with a
 * real rule set holder on a real database.
 */
let database: TestDatabase;
let clock: ReturnType<typeof fixedClock>;
let ruleSets: RuleSetService;
let learning: RuleLearning;
let automation: Automation;
const manager = { actor: { type: 'user' as const, id: 'usr_m1' }, person: 'usr_m1', name: 'Mia Manager' };

beforeEach(async () => {
  database = await createTestDatabase();
  clock = fixedClock('2026-11-02T10:00:00Z');
  ruleSets = createRuleSetService({ db: database.db, clock });
  learning = createRuleLearning({ db: database.db, clock, ruleSets, minDecisions: 3 });
  automation = createAutomation({ db: database.db, clock, ruleSets, learning, circuit: { maxPerHour: 3 } });
});
afterEach(async () => {
  await database.close();
});

const allow = (caseId: string, rules: string[]) => inTransaction(database.db, (tx) => automation.allowAutomaticViolation(tx, { caseId, rules }));
const events = async (type: string) => (await query<{ id: string }>(database.db, sql`SELECT id FROM outbox_events WHERE type = ${type}`)).length;

describe('the automation policy', () => {
  it('comes from the active rule set: the auto-clear bound and the automatic rules', async () => {
    const p = await automation.policy();
    expect(p.autoClearBelow).toBe(0);
    expect([...p.automaticViolationRules]).toEqual(['iban.valid']);
    expect(p.paused).toBe(false);
  });

  it('never makes a rule switched off by the kill switch automatic', async () => {
    await ruleSets.setSwitch(manager, 'iban.valid', { disabled: true, reason: 'checksum bug' });
    expect([...(await automation.policy()).automaticViolationRules]).toEqual([]);
    expect(await allow('cas_1', ['iban.valid'])).toBe(false);
  });
});

describe('allowAutomaticViolation', () => {
  it('allows only cases with an automatic rule among their rules', async () => {
    expect(await allow('cas_1', ['phone.international', 'intent.deal_directly.en'])).toBe(false);
    expect(await allow('cas_2', ['phone.international', 'iban.valid'])).toBe(true);
  });

  it('opens the circuit past the hourly bound, alerts once, and pauses until a manager resets it', async () => {
    for (const id of ['cas_1', 'cas_2', 'cas_3']) expect(await allow(id, ['iban.valid'])).toBe(true);
    expect(await allow('cas_4', ['iban.valid'])).toBe(false);
    expect(await allow('cas_5', ['iban.valid'])).toBe(false);
    const state = await automation.state();
    expect(state).toMatchObject({ open: true, lastHour: 3, maxPerHour: 3 });
    expect(state.reason).toContain('3 automatic violations in the last hour');
    expect(await events('automation.circuit_opened')).toBe(1);
    expect((await automation.policy()).paused).toBe(true);

    // an hour later the volume has passed, but the circuit stays open until someone looks
    clock.advance(2 * 3_600_000);
    expect(await allow('cas_6', ['iban.valid'])).toBe(false);

    const closed = await automation.reset(manager.actor, 'checked: a bulk import of bank details, handled');
    expect(closed).toMatchObject({ open: false, closedBy: 'user:usr_m1', lastHour: 0 });
    expect(await allow('cas_7', ['iban.valid'])).toBe(true);
    expect(await events('automation.circuit_closed')).toBe(1);
  });

  it('counts a sliding hour: automatic violations an hour old no longer count', async () => {
    for (const id of ['cas_1', 'cas_2']) expect(await allow(id, ['iban.valid'])).toBe(true);
    clock.advance(61 * 60_000);
    for (const id of ['cas_3', 'cas_4', 'cas_5']) expect(await allow(id, ['iban.valid'])).toBe(true);
    expect((await automation.state()).open).toBe(false);
  });

  it('records nothing when the caller\'s transaction rolls back', async () => {
    await inTransaction(database.db, async (tx) => {
      expect(await automation.allowAutomaticViolation(tx, { caseId: 'cas_1', rules: ['iban.valid'] })).toBe(true);
      throw new Error('the decision failed');
    }).catch(() => undefined);
    expect((await automation.state()).lastHour).toBe(0);
  });
});

describe('onDecision and precision', () => {
  const decide = (caseId: string, decision: 'violation' | 'no_violation' | 'escalate', rules: string[], vendor = false) =>
    inTransaction(database.db, (tx) => automation.onDecision(tx, { caseId, decision, rules, reviewerId: 'usr_r1', vendor, at: clock.now() }));

  it('records one outcome per rule; escalations record nothing; a later decision replaces the earlier one', async () => {
    await decide('cas_1', 'violation', ['phone.international', 'intent.deal_directly.en', 'phone.international']);
    await decide('cas_2', 'no_violation', ['phone.international']);
    await decide('cas_3', 'escalate', ['phone.international']);
    let report = await learning.precision(30);
    expect(report.rules.find((r) => r.ruleId === 'phone.international')).toMatchObject({ decided: 2, violations: 1, precision: 0.5, mode: 'active', target: 0.9 });
    expect(report.rules.find((r) => r.ruleId === 'intent.deal_directly.en')).toMatchObject({ decided: 1, violations: 1, precision: 1 });

    // the senior reverses case 2
    await decide('cas_2', 'violation', ['phone.international']);
    report = await learning.precision(30);
    expect(report.rules.find((r) => r.ruleId === 'phone.international')).toMatchObject({ decided: 2, violations: 2, precision: 1 });
  });

  it('reports precision with a Wilson interval over 30 and 90 days, and the rules below target', async () => {
    await decide('cas_old', 'no_violation', ['phone.bare']);
    clock.advance(40 * 86_400_000);
    for (const [i, d] of (['violation', 'no_violation', 'no_violation', 'violation'] as const).entries()) await decide(`cas_${i}`, d, ['phone.bare'], i === 0);
    await decide('cas_x', 'violation', ['iban.valid']);

    const d30 = await learning.precision(30);
    const bare = d30.rules.find((r) => r.ruleId === 'phone.bare')!;
    expect(bare).toMatchObject({ decided: 4, violations: 2, noViolations: 2, vendorDecided: 1, precision: 0.5, target: 0.8, belowTarget: true });
    expect(bare.interval!.low).toBeLessThan(0.5);
    expect(bare.interval!.high).toBeGreaterThan(0.5);
    expect((await learning.precision(90)).rules.find((r) => r.ruleId === 'phone.bare')).toMatchObject({ decided: 5, violations: 2 });

    // iban.valid: one decision, fewer than the minimum → not judged
    const below = await learning.belowTarget(30);
    expect(below.rules.map((r) => r.ruleId)).toEqual(['phone.bare']);
  });
});

describe('rule firings', () => {
  it('counts hits and messages per rule and day, shadow apart, a batch at a time', async () => {
    const hit = (rule: string) => ({ kind: 'phone' as const, start: 0, end: 1, value: 'x', normalized: 'x', rule, clause: 'TP-2.1', score: 0.5 });
    learning.recordFirings([{ hits: [hit('phone.bare'), hit('phone.bare')] }, { hits: [hit('phone.bare')], shadow_hits: [hit('intent.trial.en')] }, { hits: [] }]);
    learning.recordFirings([{ hits: [hit('phone.bare')] }]);
    await learning.flushFirings();
    const report = await learning.precision(30);
    expect(report.rules.find((r) => r.ruleId === 'phone.bare')).toMatchObject({ firedHits: 4, firedMessages: 3, decided: 0, precision: undefined, belowTarget: false });
    expect(report.rules.find((r) => r.ruleId === 'intent.trial.en')).toMatchObject({ firedHits: 1, firedMessages: 1, mode: 'unknown' });
  });
});

describe('the kill switch across processes', () => {
  it('a rule switched off in one process leaves the other\'s scans within its refresh interval', async () => {
    const other = createRuleSetService({ db: database.db, clock, refreshMs: 1000 });
    const text = { id: 'm', text: 'WhatsApp me: +33 6 12 34 56 78', country: 'FR' };
    expect((await other.scanOne(text)).result.hits.map((h) => h.rule)).toContain('phone.international');
    await ruleSets.setSwitch(manager, 'phone.international', { disabled: true, reason: 'noise' });
    expect((await ruleSets.scanOne(text)).result.hits.map((h) => h.rule)).not.toContain('phone.international');
    clock.advance(1500);
    await other.current(); // starts the background refresh
    // the refresh reads the database in the background: a few milliseconds, more on a loaded
    // machine; the scans follow as soon as it is read (a refresh that never lands fails at the deadline)
    const rules = async (): Promise<string[]> => (await other.scanOne(text)).result.hits.map((h) => h.rule);
    const deadline = Date.now() + 10_000;
    while ((await rules()).includes('phone.international') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await rules()).not.toContain('phone.international');
  });
});
