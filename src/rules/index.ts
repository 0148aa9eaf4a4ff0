export * from './rules.model';
export * from './learning.model';
export { createRuleSetService, SCAN_MAX_ITEMS, type RuleSetService, type RuleSetDeps, type RuleSetCaller } from './rules.service';
export { createRuleLearning, countFirings, PRECISION_WINDOWS, type RuleLearning, type LearningDeps, type PrecisionWindow } from './learning.service';
export { createAutomation, type Automation, type AutomationDeps } from './automation.service';
export { createReplay, type Replay, type ReplayDeps, type ReplayReport, type ReplayRule, type ReplayConversation } from './replay.service';
