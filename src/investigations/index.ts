export { investigationCaseType } from './investigation.case-type';
