export * from './rules.model';
export { createRuleSetService, SCAN_MAX_ITEMS, type RuleSetService, type RuleSetDeps, type RuleSetCaller } from './rules.service';
