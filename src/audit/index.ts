export { createAuditService, type AuditService, type AuditDeps, type AuditEntryView } from './audit.service';
export type { AuditVerifyReport, AuditCheckpoint, AuditProblem } from '../db';
