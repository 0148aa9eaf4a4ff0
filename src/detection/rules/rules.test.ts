import { describe, expect, it } from 'vitest';
import { checkLinearRegex, compileRuleSet, defaultRuleSet } from './index';

const clone = (): Record<string, unknown> => JSON.parse(JSON.stringify(defaultRuleSet)) as Record<string, unknown>;

describe('rule sets', () => {
  it('compiles the checked-in rule set, versioned', () => {
    const r = compileRuleSet(defaultRuleSet);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.version).toMatch(/^\d{4}\.\d+\.\d+$/);
      expect(r.value.phrases.length).toBeGreaterThan(30);
    }
  });
  it('rejects a rule whose pattern could backtrack catastrophically, naming the path', () => {
    const j = clone();
    (j.rules as Array<Record<string, unknown>>)[0]!.patterns = ['(a+)+b'];
    const r = compileRuleSet(j);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.path).toBe('/rules/0/patterns/0');
  });
  it('rejects unknown clauses, bad thresholds and duplicate ids', () => {
    const j = clone();
    const rules = j.rules as Array<Record<string, unknown>>;
    rules[1]!.clause = 'TP-9.9';
    rules[2]!.id = rules[3]!.id;
    (j.thresholds as Record<string, unknown>).review = 0.9;
    const r = compileRuleSet(j);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.error.map((e) => e.path);
      expect(paths).toContain('/rules/1/clause');
      expect(paths).toContain('/thresholds');
      expect(r.error.some((e) => e.message.includes('duplicate rule id'))).toBe(true);
    }
  });
  it('reads rule modes and the automation block, naming the path of each problem', () => {
    const j = clone();
    (j.rules as Array<Record<string, unknown>>)[0]!.mode = 'quiet';
    j.automation = { auto_clear_below: 1.5, automatic_violation_rules: ['iban.valid', 'phone.nonsense'], precision_targets: { default: 0.9, 'intent.nowhere': 0.5 } };
    j.shadow_rules = ['url.gopher'];
    const r = compileRuleSet(j);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toEqual(
        expect.arrayContaining([
          { path: '/rules/0/mode', message: "must be 'active' or 'shadow'" },
          { path: '/automation/auto_clear_below', message: 'must be a number between 0 and 1' },
          { path: '/automation/automatic_violation_rules/1', message: 'unknown rule id phone.nonsense' },
          { path: '/automation/precision_targets/intent.nowhere', message: 'unknown rule id intent.nowhere' },
          { path: '/shadow_rules/0', message: 'unknown rule id url.gopher' },
        ]),
      );
    }
  });
  it('refuses a shadow rule among the automatic ones: a rule in shadow never acts', () => {
    const j = clone();
    const rule = (j.rules as Array<Record<string, unknown>>)[0]!;
    rule.mode = 'shadow';
    j.automation = { auto_clear_below: 0, automatic_violation_rules: [rule.id], precision_targets: { default: 0.9 } };
    const r = compileRuleSet(j);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.path).toBe('/automation/automatic_violation_rules/0');
  });
  it('loads a rule set written before automation existed: nothing automatic, target 0.9', () => {
    const j = clone();
    delete j.automation;
    const r = compileRuleSet(j);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.automation).toEqual({ autoClearBelow: 0, automaticViolationRules: [], precisionTargets: { default: 0.9 } });
  });
  it('the checked-in rule set has an automation policy naming known rules', () => {
    const r = compileRuleSet(defaultRuleSet);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.automation.precisionTargets.default).toBe(0.9);
      for (const id of r.value.automation.automaticViolationRules) expect(r.value.ruleIds.has(id)).toBe(true);
      expect(r.value.ruleIds.has('intent.deal_directly.en')).toBe(true);
      expect(r.value.ruleIds.has('handle.whatsapp')).toBe(true);
    }
  });
  it('refuses input that is not a rule set at all', () => {
    expect(compileRuleSet(42).ok).toBe(false);
    expect(compileRuleSet({}).ok).toBe(false);
  });
});

describe('the linear-time regex check', () => {
  it.each([
    ['(a+)+$', 'unbounded'],
    ['(a{1,5}){1,9}', 'nested'],
    ['(\\w)\\1', 'backreference'],
    ['foo(?=bar)', 'lookaround'],
    ['(?<!x)y', 'lookaround'],
    ['a{1,1000}', 'exceeds'],
  ])('rejects %s (%s)', (src, why) => {
    const problems = checkLinearRegex(src);
    expect(problems.map((p) => p.reason).join(' ')).toContain(why);
  });
  it.each(['deal[\\s-]{1,3}direct(?:ly)?', "(?:my )?number[\\s'-]{1,3}is", 'a(?:b[ ]{1,3})?c', '[^.!?\\n]{1,40}'])('accepts %s', (src) => {
    expect(checkLinearRegex(src)).toEqual([]);
  });
});
