import defaultRules from './default.rules.json' with { type: 'json' };
import { compileRuleSet, type CompiledRuleSet } from './compile';

export { compileRuleSet, expandPattern, withDisabledRules, WORD_FLAG, DETECTOR_RULE_IDS, type CompiledRuleSet, type PhraseRule, type RuleSetError, type RuleMode, type AutomationPolicy } from './compile';
export { checkLinearRegex, DEFAULT_REGEX_LIMITS, type RegexProblem } from './regex-check';
export { mayContainMatch, requiredLiterals } from './required';
export { checkRuleSet, ruleSetWarnings, type RuleSetCheck } from './coverage';
export { buildLiteralIndex, entriesMet, entryMet, findLiterals, findLiteralsIn, holds, literalIndex, needsMet, type LiteralIndex } from './literals';

/** The rule set checked in with the code (plain JSON, as an operator would edit it). */
export const defaultRuleSet: unknown = defaultRules;

let compiledDefault: CompiledRuleSet | undefined;

/** The default rule set, compiled on first use. Throws only if the checked-in JSON is broken. */
export function defaultCompiledRuleSet(): CompiledRuleSet {
  if (compiledDefault === undefined) {
    const res = compileRuleSet(defaultRuleSet);
    if (!res.ok) throw new Error(`default rule set is invalid: ${res.error.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    compiledDefault = res.value;
  }
  return compiledDefault;
}
