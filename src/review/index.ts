export { conversationReviewCaseType } from './review.case-type';
export * from './review.model';
export { createReviewService, dominantLanguage, intakePriority, type ReviewService, type ReviewDeps, type ReviewEnforcement, type ReviewAutomation, type ReviewView, type DecisionInput } from './review.service';
export { maskText, maskSpans, maskJson, numberPlaceholder, partyIdsIn, partyMasker, reducedName, type KnownParty, type MaskSpan, type TextMasker } from './masking';
