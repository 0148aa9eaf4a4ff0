export * from './case.model';
export {
  createCaseTypeRegistry,
  checkCaseType,
  defineCaseType,
  CaseTypeError,
  type CaseTypeDefinition,
  type CaseTypeRegistry,
  type CaseGuard,
  type SlaPolicy,
  type SlaTarget,
  type TransitionFacts,
} from './case-type.registry';
export { decideTransition, nextStatuses, isClosedStatus } from './case.machine';
export { createCalendarResolver, parseHours, type CalendarResolver, type CalendarSettings } from './case.calendars';
export { createCaseService, scopeOf, type CaseService, type CaseDeps, type CaseDirectory, type TxOption, type ManagedOption } from './case.service';
export { requireNote, requireRole, requireEvidence } from './case.guards';
