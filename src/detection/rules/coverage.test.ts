import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanMessage } from '../scan';
import type { CompiledRuleSet } from './compile';
import { ruleSetWarnings, uncoveredWitness } from './coverage';
import { compileRuleSet, defaultCompiledRuleSet, defaultRuleSet, expandPattern } from './index';

type Rule = Record<string, unknown>;

/** The default rule set with its phrase rules replaced by `rules`. */
function withRules(rules: Rule[]): CompiledRuleSet {
  const j = JSON.parse(JSON.stringify(defaultRuleSet)) as Record<string, unknown>;
  j.rules = rules;
  j.automation = undefined;
  const r = compileRuleSet(j);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const rule = (triggers: string[], patterns: string[]): Rule => ({ id: 'intent.test.en', kind: 'intent', lang: 'en', clause: 'TP-2.3', weight: 0.7, triggers, patterns });

/**
 * The holes left in the checked-in rule set, by rule and pattern: each needs a word common in
 * everyday chat as a trigger ("good" or "off" for "good deal if you pay off the site", "no" for
 * "send me your no.", "tape" for "tapé ainsi pour que ça passe", which dealers write of a tape
 * measure), which would wake the rule on a large share of all messages. A change that opens a new
 * hole, or closes one, updates this list.
 */
const KNOWN_HOLES = [
  'intent.better_price.en/0',
  'intent.better_price.en/2',
  'intent.ask_contact.en/0',
  'intent.evasion.fr/2',
];

describe('rule-set coverage warnings', () => {
  it('the checked-in rule set: every trigger is read, and the only holes are the known ones', () => {
    const rs = defaultCompiledRuleSet();
    const warnings = ruleSetWarnings(rs);
    expect(warnings.filter((w) => w.path.endsWith('/triggers'))).toEqual([]);
    const holes = warnings.map((w) => {
      const [, , i, , j] = w.path.split('/');
      return `${rs.phrases[Number(i)]!.id}/${j}`;
    });
    expect(holes.sort()).toEqual([...KNOWN_HOLES].sort());
  });

  it('names a pattern that can match without its triggers, with a match the rule misses in a message of its own', () => {
    const rs = withRules([rule(['cheaper', 'better'], ['(?:cheaper|better|good) price if you pay direct', 'cheaper if cash'])]);
    const warnings = ruleSetWarnings(rs);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.path).toBe('/rules/0/patterns/0');
    const witness = JSON.parse(/e\.g\. (".*?"):/.exec(warnings[0]!.message)![1]!) as string;
    expect(witness).toBe('good price if you pay direct');
    // the hole is real: the engine finds nothing in it, and finds it once a trigger stands beside it
    expect(scanMessage(rs, { id: 'm', text: witness }).hits).toEqual([]);
    expect(scanMessage(rs, { id: 'm', text: `better: ${witness}` }).hits.map((h) => h.rule)).toContain('intent.test.en');
    // covered once the word is a trigger
    expect(ruleSetWarnings(withRules([rule(['cheaper', 'better', 'good'], ['(?:cheaper|better|good) price if you pay direct'])]))).toEqual([]);
  });

  it('names triggers the prefilter never reads, and the words it reads there instead', () => {
    const warnings = ruleSetWarnings(withRules([rule(['e-mail', '06', 'mail'], ['(?:e-mail|mail) me'])]));
    expect(warnings.map((w) => w.path)).toEqual(['/rules/0/triggers', '/rules/0/triggers']);
    expect(warnings[0]!.message).toContain('"e" and "mail"');
    expect(warnings[1]!.message).toContain('"06" is never read');
  });

  it('reads prefix triggers (word*) as the prefilter does', () => {
    expect(ruleSetWarnings(withRules([rule(['intermedia*'], ['senza intermediari[oi]?'])]))).toEqual([]);
    expect(ruleSetWarnings(withRules([rule(['intermediario'], ['senza intermediari[oi]?'])]))).toHaveLength(1);
  });

  it('property: a hole is reported exactly when an alternative of words lies outside the triggers, and its witness matches the pattern', () => {
    const word = fc.stringMatching(/^[a-z]{3,8}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), fc.option(word, { nil: undefined }), (options, chosen, tail) => {
        const triggers = options.filter((_, k) => chosen[k]);
        const pattern = expandPattern(`(?:${options.join('|')})${tail === undefined ? '' : ` ${tail}`}`);
        const tr = { words: new Set(triggers), prefixes: [] };
        const witness = uncoveredWitness(pattern, tr);
        const tailIsTrigger = tail !== undefined && triggers.includes(tail);
        const allCovered = triggers.length === options.length || tailIsTrigger;
        expect(witness === undefined).toBe(allCovered);
        if (witness !== undefined) {
          expect(new RegExp(`^(?:${pattern})$`).test(witness)).toBe(true);
          expect(witness.split(/[^a-z]+/).some((w) => tr.words.has(w))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
