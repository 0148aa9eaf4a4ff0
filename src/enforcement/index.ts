export { appealCaseType } from './appeal.case-type';
export { commissionDisputeCaseType } from './commission-dispute.case-type';
export * from './enforcement.model';
export { createEnforcementService, type EnforcementService, type EnforcementDeps } from './enforcement.service';
export { DEFAULT_LADDER, parseLadder, LadderError, ladderPosition, nextStep, RESTRICTION_KINDS, STEP_NOTICES, SEVERITIES } from './ladder';
export type { Ladder, LadderStep, RestrictionKind, RestrictionSpec, Severity, StepNotice, Strike } from './ladder';
export { renderNotice, chooseLanguage, validZone, type ClauseRef, type NoticeContext, type RenderedNotice, type StatementOfReasons } from './notice.render';
export { NOTICE_KINDS, NOTICE_LANGUAGES, type NoticeKind, type NoticeLanguage } from './notice.texts';
