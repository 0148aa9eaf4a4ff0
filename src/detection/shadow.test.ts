import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, defaultCompiledRuleSet, defaultRuleSet, scanMessage, withDisabledRules, type CompiledRuleSet, type ScanInput } from './index';

/**
 * Shadow rules and the kill switch: a rule in shadow is evaluated and its hits reported apart, but
 * the verdict, score and hits are exactly those of the same rule set without that rule.
 */
const DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const corpus: string[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(DIR, f), 'utf8').split('\n'))
  .filter((l) => l.trim() !== '' && !l.startsWith('%'))
  .map((l) => l.replace(/^\[[^\]]*\]\s*/, '').replace(/\\n/g, '\n'));

type Json = { rules: Array<Record<string, unknown>>; [k: string]: unknown };
const json = (): Json => JSON.parse(JSON.stringify(defaultRuleSet)) as Json;
const compile = (j: unknown): CompiledRuleSet => {
  const r = compileRuleSet(j);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const base = defaultCompiledRuleSet();
const phraseIds = base.phrases.map((p) => p.id);
const detectorIds = [...base.ruleIds].filter((id) => !phraseIds.includes(id));

/** The rule set with phrase rule `id` in shadow, and the same rule set without that rule at all. */
function shadowAndRemoved(id: string): { shadow: CompiledRuleSet; removed: CompiledRuleSet } {
  const s = json();
  s.rules.find((r) => r.id === id)!.mode = 'shadow';
  const r = json();
  r.rules = r.rules.filter((x) => x.id !== id);
  // the automation block may name the removed rule
  return { shadow: compile(s), removed: compile({ ...r, automation: undefined }) };
}
const cache = new Map<string, ReturnType<typeof shadowAndRemoved>>();
const pair = (id: string) => cache.get(id) ?? cache.set(id, shadowAndRemoved(id)).get(id)!;

const detectorShadow = new Map<string, CompiledRuleSet>();

const message = fc.oneof(
  fc.constantFrom(...corpus),
  fc.tuple(fc.subarray(corpus, { minLength: 1, maxLength: 3 }), fc.string({ maxLength: 40 })).map(([ls, s]) => `${ls.join(' ')} ${s}`),
);
const input = (text: string, orderExists: boolean): ScanInput => ({ id: 'm', text, country: 'FR', sender: 'seller:s1', order_exists: orderExists });
const active = (r: ReturnType<typeof scanMessage>) => ({ verdict: r.verdict, score: r.score, hits: r.hits });

describe('shadow rules', () => {
  it('never change a verdict: a phrase rule in shadow scores exactly as the rule set without it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...phraseIds), message, fc.boolean(), (id, text, order) => {
        const { shadow, removed } = pair(id);
        const s = scanMessage(shadow, input(text, order));
        expect(active(s)).toEqual(active(scanMessage(removed, input(text, order))));
        expect(s.hits.some((h) => h.rule === id)).toBe(false);
        for (const h of s.shadow_hits ?? []) expect(h.rule).toBe(id);
      }),
      // each rule drawn costs two rule-set compilations (~50 ms each with the default rule set's 150
      // phrase rules): 150 runs draw most of them once and keep the file near 10 s
      { numRuns: 150 },
    );
  });

  it('report what the rule would have found, apart from the hits', () => {
    const { shadow } = pair('intent.deal_directly.en');
    const r = scanMessage(shadow, input('We could deal directly and skip the middleman.', false));
    expect(scanMessage(base, input('We could deal directly and skip the middleman.', false)).hits.map((h) => h.rule)).toContain('intent.deal_directly.en');
    expect(r.shadow_hits?.map((h) => h.rule)).toEqual(['intent.deal_directly.en']);
    expect(r.hits.map((h) => h.rule)).not.toContain('intent.deal_directly.en');
  });

  it('leave the scan contract unchanged when nothing fires in shadow', () => {
    const r = scanMessage(base, input('WhatsApp me: +33 6 12 34 56 78', false));
    expect(Object.keys(r).sort()).toEqual(['hits', 'id', 'score', 'verdict']);
  });

  it('also work for detector rules named in shadow_rules: the active part equals the rule switched off', () => {
    fc.assert(
      fc.property(fc.constantFrom(...detectorIds), message, (id, text) => {
        const shadow = detectorShadow.get(id) ?? detectorShadow.set(id, compile({ ...json(), shadow_rules: [id], automation: undefined })).get(id)!;
        const off = withDisabledRules(base, [id]);
        const s = scanMessage(shadow, input(text, false));
        expect(active(s)).toEqual(active(scanMessage(off, input(text, false))));
        for (const h of s.shadow_hits ?? []) expect(h.rule).toBe(id);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the kill switch', () => {
  it('a switched-off phrase rule scores exactly as the rule set without it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...phraseIds), message, (id, text) => {
        const off = withDisabledRules(base, [id]);
        expect(active(scanMessage(off, input(text, false)))).toEqual(active(scanMessage(pair(id).removed, input(text, false))));
      }),
      { numRuns: 200 },
    );
  });

  it('drops the hits of a switched-off detector rule', () => {
    const text = 'WhatsApp me: +33 6 12 34 56 78';
    expect(scanMessage(base, input(text, false)).hits.map((h) => h.rule)).toContain('phone.international');
    const off = scanMessage(withDisabledRules(base, ['phone.international']), input(text, false));
    expect(off.hits.map((h) => h.rule)).not.toContain('phone.international');
    expect(off.shadow_hits).toBeUndefined();
  });
});

describe('rule ids', () => {
  it('every hit on the fixtures carries a rule id the rule set enumerates', () => {
    for (const text of corpus) {
      for (const h of scanMessage(base, input(text, false)).hits) expect(base.ruleIds.has(h.rule), h.rule).toBe(true);
    }
  });
});
