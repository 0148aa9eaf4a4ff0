import type { Role } from '../identity';
import type { Priority } from '../cases';

export const DECISIONS = ['violation', 'no_violation', 'escalate'] as const;
export type ReviewDecisionKind = (typeof DECISIONS)[number];

/** Why a flagged conversation was not a violation; feeds rule precision. */
export const NO_VIOLATION_REASONS = ['false_positive', 'allowed_after_order', 'marketplace_business_info', 'not_contact_detail', 'other'] as const;
export type NoViolationReason = (typeof NO_VIOLATION_REASONS)[number];

/** Roles that decide escalated cases, confirm vendor recommendations and see vendor agreement. */
export const SENIOR_ROLES: readonly Role[] = ['senior', 'manager', 'admin', 'legal'];

export interface QueueLine {
  readonly queue: string;
  readonly lang: string;
  readonly priority: Priority;
  readonly open: number;
  readonly unclaimed: number;
  readonly overdue: number;
  readonly oldestOpenAt: Date | undefined;
  readonly oldestAgeSeconds: number | undefined;
}

export interface Lease {
  readonly caseId: string;
  readonly token: string;
  readonly fence: number;
  readonly expiresAt: Date;
}

export interface ReviewDecision {
  readonly id: string;
  readonly caseId: string;
  readonly conversationId: string;
  readonly sellerId: string;
  readonly buyerId: string;
  readonly reviewerId: string;
  readonly reviewerRole: string;
  readonly vendorOrgId: string | undefined;
  readonly decision: ReviewDecisionKind;
  readonly clauseId: string | undefined;
  readonly reason: string | undefined;
  readonly note: string | undefined;
  readonly rules: readonly string[];
  readonly ruleSetVersion: string | undefined;
  readonly automated: boolean;
  readonly recommendation: boolean;
  readonly confirmedBy: string | undefined;
  readonly reversedBy: string | undefined;
  readonly resolvedAt: Date | undefined;
  readonly at: Date;
}

export interface ReviewCaseInfo {
  readonly caseId: string;
  readonly conversationId: string;
  readonly sellerId: string;
  readonly buyerId: string;
  readonly open: boolean;
  readonly lang: string;
  readonly maxScore: number;
  readonly kinds: readonly string[];
  readonly rules: readonly string[];
  readonly messageIds: readonly string[];
  readonly firstFlaggedAt: Date;
  readonly lastFlaggedAt: Date;
}

export interface VendorAgreement {
  readonly reviewerId: string;
  readonly vendorOrgId: string;
  readonly recommendations: number;
  readonly confirmed: number;
  readonly reversed: number;
  readonly pending: number;
  /** confirmed / (confirmed + reversed); undefined before any senior outcome. */
  readonly agreementRate: number | undefined;
}

/** A clause of the policy knowledge base, as review needs it to cite one. */
export interface ReviewClause {
  readonly clauseId: string;
  readonly title?: string;
  readonly text: string;
  readonly version?: number;
}
