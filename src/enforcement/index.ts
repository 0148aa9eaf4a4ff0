export { appealCaseType } from './appeal.case-type';
export { commissionDisputeCaseType } from './commission-dispute.case-type';
