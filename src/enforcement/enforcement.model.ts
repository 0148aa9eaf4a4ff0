import type { Db } from '../db';
import type { Case } from '../cases';
import type { Clock } from '../kernel';
import type { RestrictionKind, Severity } from './ladder';
import type { ClauseRef, StatementOfReasons } from './notice.render';
import type { NoticeKind } from './notice.texts';

export type ViolationStatus = 'active' | 'overturned';

export interface Violation {
  readonly id: string;
  readonly sellerId: string;
  readonly clause: ClauseRef;
  readonly severity: Severity;
  readonly caseId: string;
  readonly conversationId: string | undefined;
  readonly messageIds: readonly string[];
  readonly excerpts: readonly string[];
  readonly excerptsSha256: string;
  readonly decidedBy: string;
  readonly automatedDetection: boolean;
  readonly automatedDecision: boolean;
  readonly step: number;
  readonly stepName: string;
  readonly decidedAt: Date;
  readonly strikeExpiresAt: Date;
  readonly status: ViolationStatus;
  readonly overturnedAt: Date | undefined;
  readonly overturnedBy: string | undefined;
}

/** Where a restriction stands at a moment: not yet in force, in force, run out, or lifted on appeal. */
export type RestrictionState = 'scheduled' | 'active' | 'ended' | 'lifted';

export interface Restriction {
  readonly id: string;
  readonly sellerId: string;
  readonly violationId: string;
  readonly kind: RestrictionKind;
  readonly appliedAt: Date;
  readonly effectiveAt: Date;
  readonly endsAt: Date | undefined;
  readonly liftedAt: Date | undefined;
  readonly liftedBy: string | undefined;
}

export function restrictionState(r: Restriction, now: Date): RestrictionState {
  if (r.liftedAt !== undefined) return 'lifted';
  if (r.effectiveAt.getTime() > now.getTime()) return 'scheduled';
  if (r.endsAt !== undefined && r.endsAt.getTime() <= now.getTime()) return 'ended';
  return 'active';
}

export type AppealOutcome = 'upheld' | 'overturned';
/** How an appeal ended: decided by a senior, or withdrawn by the seller before a decision. */
export type AppealResult = AppealOutcome | 'withdrawn';

export interface Appeal {
  readonly caseId: string;
  readonly violationId: string;
  readonly sellerId: string;
  readonly reason: string;
  readonly filedBy: { readonly type: string; readonly id: string };
  readonly filedAt: Date;
  readonly outcome: AppealResult | undefined;
  /** The senior who decided it, or who recorded the seller's withdrawal (the marketplace integration or staff). */
  readonly decidedBy: string | undefined;
  readonly decidedAt: Date | undefined;
  readonly note: string | undefined;
}

/** Which appeals a list shows: open ones in queue order (SLA due first), or closed / all, newest first. */
export const APPEAL_LIST_STATUSES = ['open', 'closed', 'all'] as const;
export type AppealListStatus = (typeof APPEAL_LIST_STATUSES)[number];

/** A person as the console names them; undefined name for ids that are no user (a token, a rule). */
export interface PersonRef {
  readonly id: string;
  readonly name: string | undefined;
  readonly role: string | undefined;
}

/** An appeal as a senior works it: the appeal, its case (queue, SLA), the violation and who decided it. */
export interface AppealWork {
  readonly appeal: Appeal;
  readonly case: Case;
  readonly closed: boolean;
  readonly violation: Violation;
  /** The language the seller was written to in the decision notice (the decision on appeal is sent in it too). */
  readonly lang: string | undefined;
  readonly sellerName: string | undefined;
  readonly violationDecider: PersonRef;
  readonly appealDecider: PersonRef | undefined;
}

/** Something the seller wrote about the violation, as the marketplace forwarded it. */
export interface SellerReply {
  readonly at: Date;
  readonly body: string;
  readonly via: { readonly type: string; readonly id: string };
  /** Written on the review case before the appeal was filed. */
  readonly beforeAppeal: boolean;
}

/** One appeal with everything needed to decide it. */
export interface AppealDetail extends AppealWork {
  readonly notices: readonly Notice[];
  readonly restrictions: readonly (Restriction & { readonly state: RestrictionState })[];
  readonly replies: readonly SellerReply[];
}

/** Names for user ids (src/identity); an id that is no user answers undefined. */
export interface PeopleDirectory {
  describe(id: string): Promise<{ readonly name: string; readonly role: string } | undefined>;
}

export interface Notice {
  readonly id: string;
  readonly sellerId: string;
  readonly violationId: string;
  readonly appealCaseId: string | undefined;
  readonly kind: NoticeKind;
  readonly step: number | undefined;
  readonly lang: string;
  readonly toEmail: string | undefined;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly sor: StatementOfReasons | undefined;
  readonly emailId: string | undefined;
  readonly createdAt: Date;
}

/** What a seller's standing is made of, evaluated at read time (strikes expire, restrictions end). */
export interface Standing {
  readonly sellerId: string;
  /** Highest step among active strikes; undefined in good standing. */
  readonly position: { readonly step: number; readonly name: string } | undefined;
  /** The step the next standard violation would reach. */
  readonly nextStep: { readonly step: number; readonly name: string };
  readonly activeStrikes: readonly Violation[];
  readonly restrictions: readonly (Restriction & { readonly state: RestrictionState })[];
  readonly violations: readonly Violation[];
  readonly notices: readonly Notice[];
  readonly appeals: readonly Appeal[];
}

export interface RecordViolationInput {
  readonly sellerId: string;
  readonly clauseId: string;
  readonly severity: Severity;
  /** The case the decision was taken on (its timeline gets the enforcement entry). */
  readonly caseId: string;
  readonly conversationId?: string | undefined;
  readonly messageIds: readonly string[];
  /** Short excerpts of what was found, as they may be shown to the seller. */
  readonly excerpts: readonly string[];
  readonly automatedDetection: boolean;
  readonly automatedDecision: boolean;
  /** Who decided (a user or token id; the rule id for an automatic violation). */
  readonly decidedBy: string;
}

export interface RecordedViolation {
  readonly violation: Violation;
  readonly step: { readonly step: number; readonly name: string };
  readonly notice: Notice;
  readonly restrictions: readonly Restriction[];
}

/** A clause as the knowledge base has it (src/policies `resolveClause`). */
export interface ClauseSource {
  /** The version in force at `at`; pass `tx` when inside a transaction (PGlite has one connection). */
  resolveClause(clauseId: string, at?: Date, opts?: { tx?: Db | undefined }): Promise<ClauseRef | undefined>;
}

export interface SellerContact {
  readonly id: string;
  readonly name: string | undefined;
  readonly email: string | undefined;
  readonly languages: readonly string[];
  readonly timeZone: string | undefined;
  readonly country: string | undefined;
}

export interface SellerDirectory {
  contact(id: string, opts?: { tx?: Db | undefined }): Promise<SellerContact | undefined>;
}

/** Email through the outbox (src/notify `queueEmail`): written in the caller's transaction. */
export interface Mailer {
  queueEmail(
    tx: Db,
    clock: Clock,
    email: { to: string; subject: string; text: string; html: string; lang?: string; ref: { type: string; id: string } },
  ): Promise<string>;
}
