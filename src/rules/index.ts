export * from './rules.model';
export { createRuleSetService, SCAN_MAX_ITEMS, type RuleSetService, type RuleSetDeps } from './rules.service';
