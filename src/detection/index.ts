/**
 * The detection engine: pure (no I/O, no clock), imports only `src/kernel`.
 *
 * @example
 *   import { compileRuleSet, defaultRuleSet, scanMessage } from '../detection';
 *   const rs = compileRuleSet(defaultRuleSet);
 *   if (rs.ok) scanMessage(rs.value, { id: 'm1', text: 'WhatsApp me: +33 6 12 34 56 78' });
 */
export { HIT_KINDS, type Hit, type HitKind, type ScanInput, type ScanResult, type Verdict, type ConversationContext } from './types';
export { compileRuleSet, defaultRuleSet, defaultCompiledRuleSet, checkLinearRegex, checkRuleSet, ruleSetWarnings, withDisabledRules, DETECTOR_RULE_IDS, type CompiledRuleSet, type RuleSetError, type RuleMode, type AutomationPolicy, type RuleSetCheck } from './rules';
export { scanMessage, regionHints } from './scan';
export { scanConversation, createConversationScanner, CONTEXT_MESSAGES, type ConversationScanOptions } from './conversation';
export { redact } from './redact';
export { parseScanInput, describeScanInputProblems, MAX_SCAN_TEXT, type ScanInputProblem, type ScanInputRefusal } from './input';
export { createContractScanner, type ScanOutcome, type ContractScanOptions } from './contract';
export { messageScore, verdictFor } from './score';
export { evaluate, type LabelledCase, type ExpectedHit, type EvalReport, type EvalCell } from './eval';
export { labelMappings, mapSourceCase, sourceReasons, type MappedCase } from './eval-sources';
