import type { ActorType } from '../db';
import type { Principal, Role } from '../identity';

export const PRIORITIES = ['p1', 'p2', 'p3', 'p4'] as const;
/** `p1` is the most urgent. */
export type Priority = (typeof PRIORITIES)[number];

export function isPriority(value: string): value is Priority {
  return (PRIORITIES as readonly string[]).includes(value);
}

export function priorityRank(p: Priority): number {
  return PRIORITIES.indexOf(p) + 1;
}

export function priorityOfRank(rank: number): Priority {
  const p = PRIORITIES[rank - 1];
  if (p === undefined) throw new Error(`no priority of rank ${rank}`);
  return p;
}

/** The marketplace objects a case is about; each is optional. */
export interface CaseSubjects {
  readonly sellerId?: string | undefined;
  readonly buyerId?: string | undefined;
  readonly listingId?: string | undefined;
  readonly orderId?: string | undefined;
  readonly conversationId?: string | undefined;
  readonly messageId?: string | undefined;
}

export const SUBJECT_KEYS = ['sellerId', 'buyerId', 'listingId', 'orderId', 'conversationId', 'messageId'] as const;

export interface Case {
  readonly id: string;
  readonly type: string;
  readonly status: string;
  readonly priority: Priority;
  readonly queue: string;
  readonly assigneeId: string | undefined;
  readonly subjects: CaseSubjects;
  readonly title: string;
  readonly jurisdiction: string;
  readonly slaDueAt: Date;
  readonly firstResponseDueAt: Date;
  readonly firstResponseAt: Date | undefined;
  readonly openedAt: Date;
  readonly closedAt: Date | undefined;
  readonly updatedAt: Date;
  readonly version: number;
}

/**
 * The engine writes the first six; modules append their own through `appendTimeline`
 * (`detection`: new hits on the conversation, `claim`: a reviewer's lease, `decision`, `recommendation`
 * (a vendor's), `reply`: the seller's, `enforcement`: a violation, notice or restriction, `link`: a related case).
 */
export const TIMELINE_KINDS = ['created', 'transition', 'note', 'evidence', 'assignment', 'priority', 'detection', 'claim', 'decision', 'recommendation', 'reply', 'enforcement', 'link'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  readonly id: string;
  readonly caseId: string;
  readonly at: Date;
  readonly actor: { readonly type: string; readonly id: string };
  readonly kind: TimelineKind;
  readonly data: Record<string, unknown>;
}

export interface CaseNote {
  readonly id: string;
  readonly caseId: string;
  readonly author: { readonly type: string; readonly id: string };
  readonly body: string;
  readonly at: Date;
}

export interface EvidenceInfo {
  readonly id: string;
  readonly caseId: string;
  readonly filename: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly addedBy: { readonly type: string; readonly id: string };
  readonly at: Date;
}

export interface Evidence extends EvidenceInfo {
  readonly bytes: Buffer;
}

/** A case with everything the console shows on its page. */
export interface CaseDetail {
  readonly case: Case;
  /** Statuses the machine allows next (guards are checked when a transition is asked for). */
  readonly nextStates: readonly string[];
  readonly closed: boolean;
  readonly timeline: readonly TimelineEntry[];
  readonly notes: readonly CaseNote[];
  readonly evidence: readonly EvidenceInfo[];
}

/**
 * Who acts on a case: a signed-in user or API token, or the system itself (flows such as
 * detection → case), which has full scope but is never a human decision-maker.
 */
export type CaseCaller = Principal | { readonly kind: 'system'; readonly id: string; readonly role?: undefined; readonly vendorOrgId?: undefined };

export const systemCaller = (id = 'assay'): CaseCaller => ({ kind: 'system', id });

export function callerActor(c: CaseCaller): { type: ActorType; id: string } {
  return { type: c.kind, id: c.id };
}

export type CaseSortKey = 'opened_at' | 'sla_due_at' | 'priority';

export interface CaseFilters {
  readonly type?: string | undefined;
  readonly status?: readonly string[] | undefined;
  readonly queue?: string | undefined;
  readonly priority?: Priority | undefined;
  /** A user id, or `none` for unassigned cases. */
  readonly assignee?: string | undefined;
  readonly sellerId?: string | undefined;
  readonly buyerId?: string | undefined;
  readonly listingId?: string | undefined;
  readonly orderId?: string | undefined;
  readonly conversationId?: string | undefined;
  readonly messageId?: string | undefined;
  /** Only cases not in a closed status. */
  readonly openOnly?: boolean | undefined;
  /** Only open cases whose SLA is due before now. */
  readonly overdueOnly?: boolean | undefined;
}

export interface CaseSort {
  readonly by: CaseSortKey;
  readonly dir: 'asc' | 'desc';
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque; pass back to get the next page. Undefined on the last page. */
  readonly nextCursor: string | undefined;
}

export interface QueueSummary {
  readonly queue: string;
  readonly open: number;
  readonly overdue: number;
  readonly unassigned: number;
  /** Opening time of the oldest open case, and its age in seconds. */
  readonly oldestOpenAt: Date | undefined;
  readonly oldestOpenAgeSeconds: number | undefined;
  /** Vendor organisations granted this queue (empty for vendor callers). */
  readonly vendorOrgIds: readonly string[];
}

export interface OpenCaseInput {
  readonly type: string;
  readonly title: string;
  readonly priority?: Priority | undefined;
  readonly queue?: string | undefined;
  readonly assigneeId?: string | undefined;
  readonly subjects?: CaseSubjects | undefined;
  /** Business-calendar key such as `GB`, `FR` or `US-NY`; defaults to the team's calendar. */
  readonly jurisdiction?: string | undefined;
  readonly note?: string | undefined;
  /** A client key: opening twice with the same key returns the first case. */
  readonly idempotencyKey?: string | undefined;
}

/** The staff roles; everyone else is scoped (vendor) or sees no cases (integration). */
export const STAFF_ROLES: readonly Role[] = ['admin', 'manager', 'senior', 'agent', 'legal'];
