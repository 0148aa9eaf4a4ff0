import type { Role } from './session';
import type { AppealDto, NoticeSummaryDto, RestrictionDto, ViolationDto } from '../types';

/* ---------- Appeals (/v1/appeals) ---------- */

export interface PersonRefDto {
  readonly id: string;
  readonly name: string | null;
  readonly role: string | null;
}

/** An appeal as the work list has it: the appeal case (queue, SLA), the violation and who decided it. */
export interface AppealWorkDto {
  readonly case_id: string;
  readonly status: string;
  readonly closed: boolean;
  readonly priority: string;
  readonly queue: string;
  readonly assignee_id: string | null;
  readonly sla_due_at: string;
  readonly opened_at: string;
  readonly closed_at: string | null;
  /** The language of the decision notice; the decision on appeal goes out in it too. */
  readonly lang: string | null;
  readonly seller: { readonly id: string; readonly name: string | null };
  readonly appeal: AppealDto;
  readonly violation: ViolationDto;
  readonly violation_decided_by: PersonRefDto;
  readonly appeal_decided_by: PersonRefDto | null;
}

export interface SellerReplyDto {
  readonly at: string;
  readonly body: string;
  readonly via: { readonly type: string; readonly id: string };
  readonly before_appeal: boolean;
}

export interface AppealDetailDto extends AppealWorkDto {
  readonly notices: readonly NoticeSummaryDto[];
  readonly restrictions: readonly RestrictionDto[];
  readonly replies: readonly SellerReplyDto[];
}

export interface AppealDecisionResultDto {
  readonly appeal: AppealDto;
  readonly violation: ViolationDto;
  readonly lifted_restrictions: readonly RestrictionDto[];
  readonly notice: NoticeSummaryDto;
}

export type AppealOutcome = 'upheld' | 'overturned';

/** Who may decide an appeal (the API's `/v1/appeals/:case_id/decision` access list); the four-eyes check is the server's. */
export const APPEAL_DECIDERS: readonly Role[] = ['senior', 'manager', 'admin', 'legal'];
export const mayDecideAppeals = (r: Role): boolean => APPEAL_DECIDERS.includes(r);

export const APPEAL_STATUS_TONE: Record<string, 'neutral' | 'accent' | 'success' | 'warning' | 'danger'> = {
  received: 'warning',
  under_review: 'accent',
  overturned: 'success',
  upheld: 'danger',
  withdrawn: 'neutral',
  closed: 'neutral',
};

export const APPEAL_STATUS_LABEL: Record<string, string> = {
  received: 'Waiting',
  under_review: 'Under review',
  overturned: 'Overturned',
  upheld: 'Upheld',
  withdrawn: 'Withdrawn',
  closed: 'Closed',
};

/** A person by name when the API could name them, else a short id; "You" for the viewer. */
export function personLabel(p: PersonRefDto | null | undefined, meId: string): string {
  if (p === null || p === undefined) return '—';
  if (p.id === meId) return 'You';
  if (p.name !== null) return p.name;
  const i = p.id.indexOf('_');
  return i >= 0 && p.id.length > i + 9 ? `${p.id.slice(0, i + 1)}…${p.id.slice(-6)}` : p.id;
}

const ROLE_NAME: Record<string, string> = { admin: 'administrator', manager: 'manager', senior: 'senior reviewer', agent: 'agent', legal: 'legal', vendor: 'vendor reviewer', integration: 'integration' };

export function roleName(role: string | null): string | undefined {
  return role === null ? undefined : (ROLE_NAME[role] ?? role);
}
