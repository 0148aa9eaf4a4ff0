export { conversationReviewCaseType } from './review.case-type';
