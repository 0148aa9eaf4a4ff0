export { investigationCaseType } from './investigation.case-type';
export { createInvestigationService, type InvestigationService, type InvestigationDeps, type InvestigationMailer, type ScanReport, type ConfirmInput } from './investigations.service';
export * from './investigations.model';
export { COMMISSION_STATUSES, commissionMachine, type CommissionStatus } from './commission.machine';
export { SIGNAL_NAMES, SIGNAL_WEIGHTS, scoreConversation, type Signal, type SignalName, type ConversationFacts, type Scored } from './signals';
export { findAmounts, type FoundAmount } from './price.parse';
export { measureOnTruth, type TruthMeasure } from './eval';
