/** Wire shapes of the API (snake_case, as the server sends them). */

export interface PageDto<T> {
  readonly items: readonly T[];
  readonly next_cursor: string | null;
}

export interface UserDto {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly vendor_org_id: string | null;
  readonly status: string;
  readonly created_at: string;
}

export interface VendorOrgDto {
  readonly id: string;
  readonly name: string;
}

export interface TokenDto {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly user_id: string | null;
  readonly created_at: string;
  readonly revoked_at: string | null;
}

export interface WebhookDto {
  readonly id: string;
  readonly url: string;
  readonly event_types: readonly string[];
  readonly active: boolean;
  readonly description: string;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface DeliveryDto {
  readonly id: string;
  readonly endpoint_id: string;
  readonly event_id: string;
  readonly event_type: string;
  readonly status: string;
  readonly attempts: number;
  readonly next_attempt_at: string | null;
  readonly last_status_code: number | null;
  readonly last_error: string | null;
  readonly last_attempt_at: string | null;
  readonly created_at: string;
  readonly delivered_at: string | null;
}

export interface AuditEntryDto {
  readonly seq: number;
  readonly id: string;
  readonly at: string;
  readonly actor_type: string;
  readonly actor_id: string;
  readonly action: string;
  readonly subject_type: string;
  readonly subject_id: string;
  readonly fields: readonly string[];
  readonly hash: string;
}

export interface AuditReportDto {
  readonly ok: boolean;
  readonly entries: number;
  readonly head: { seq: number; hash: string } | null;
  readonly checkpoint: { seq: number; hash: string; at: string } | null;
  readonly problem: { kind: string; seq: number; id?: string; detail: string } | null;
}

export interface ConversationDto {
  readonly id: string;
  readonly buyer_id: string;
  readonly seller_id: string;
  readonly listing_id: string | null;
  readonly first_message_at: string | null;
  readonly last_message_at: string | null;
  readonly message_count: number;
  readonly created_at: string;
}

export interface ScanHit {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly value?: string;
  readonly rule?: string;
  readonly clause?: string;
  readonly score?: number;
}

export interface ScanResult {
  readonly verdict?: 'clear' | 'review' | 'violation';
  readonly score?: number;
  readonly hits?: readonly ScanHit[];
}

export interface MessageDto {
  readonly id: string;
  readonly conversation_id: string;
  readonly sender_role: string;
  readonly body: string;
  readonly sent_at: string;
  readonly lang: string | null;
  readonly received_at: string;
  readonly scan: ScanResult | null;
  readonly rule_set_version: string | null;
}

export interface SellerDto {
  readonly id: string;
  readonly known: boolean;
  readonly name: string | null;
  readonly email: string | null;
  readonly country: string | null;
  readonly time_zone: string | null;
  readonly languages: readonly string[];
  readonly tier: string | null;
  readonly commission_rate_bps: number | null;
  readonly status: string;
  readonly source_updated_at: string | null;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface SellerDetailDto extends SellerDto {
  readonly commission_rates: readonly { tier: string; rate_bps: number; effective_from: string }[];
}

export interface ListingDto {
  readonly id: string;
  readonly known: boolean;
  readonly seller_id: string | null;
  readonly title: string | null;
  readonly category: string | null;
  readonly price_minor: number | null;
  readonly currency: string | null;
  readonly status: string;
  readonly period: string | null;
  readonly materials: string | null;
  readonly dimensions: string | null;
  readonly listed_at: string | null;
  readonly source_updated_at: string | null;
  readonly status_changed_at: string | null;
  readonly price_changed_at: string | null;
}

export interface ListingDetailDto extends ListingDto {
  readonly history: readonly { id: string; type: string; status: string | null; price_minor: number | null; currency: string | null; occurred_at: string; source: string }[];
}

export interface CaseSubjectsDto {
  readonly seller_id: string | null;
  readonly buyer_id: string | null;
  readonly listing_id: string | null;
  readonly order_id: string | null;
  readonly conversation_id: string | null;
  readonly message_id: string | null;
}

export interface CaseDto {
  readonly id: string;
  readonly type: string;
  readonly status: string;
  readonly closed: boolean;
  readonly priority: string;
  readonly queue: string;
  readonly assignee_id: string | null;
  readonly subjects: CaseSubjectsDto;
  readonly title: string;
  readonly jurisdiction: string;
  readonly sla_due_at: string;
  readonly first_response_due_at: string;
  readonly first_response_at: string | null;
  readonly opened_at: string;
  readonly closed_at: string | null;
  readonly updated_at: string;
  readonly version: number;
}

export interface ActorDto {
  readonly type: string;
  readonly id: string;
}

export interface TimelineEntryDto {
  readonly id: string;
  readonly at: string;
  readonly actor: ActorDto;
  readonly kind: string;
  readonly data: Record<string, unknown>;
}

export interface NoteDto {
  readonly id: string;
  readonly author: ActorDto;
  readonly body: string;
  readonly at: string;
}

export interface EvidenceDto {
  readonly id: string;
  readonly filename: string;
  readonly content_type: string;
  readonly size_bytes: number;
  readonly sha256: string;
  readonly added_by: ActorDto;
  readonly at: string;
}

export interface CaseDetailDto extends CaseDto {
  readonly next_states: readonly string[];
  readonly timeline: readonly TimelineEntryDto[];
  readonly notes: readonly NoteDto[];
  readonly evidence: readonly EvidenceDto[];
}

export interface CaseTypeDto {
  readonly type: string;
  readonly title: string;
  readonly initial: string;
  readonly statuses: readonly { name: string; closed: boolean; next: readonly string[] }[];
  readonly default_queue: string;
  readonly default_priority: string;
  readonly sla_business_hours: Record<string, { first_response_hours: number; resolution_hours: number }>;
  /** The API that moves cases of this type; the generic moves are refused for them. */
  readonly managed_by: string | null;
}

export interface QueueDto {
  readonly queue: string;
  readonly open: number;
  readonly overdue: number;
  readonly unassigned: number;
  readonly oldest_open_at: string | null;
  readonly oldest_open_age_seconds: number | null;
  readonly vendor_org_ids: readonly string[];
}

/* ---------- Review (/v1/review) ---------- */

export interface ReviewQueueLineDto {
  readonly queue: string;
  readonly lang: string;
  readonly priority: string;
  readonly open: number;
  readonly unclaimed: number;
  readonly overdue: number;
  readonly oldest_open_at: string | null;
  readonly oldest_age_seconds: number | null;
}

export interface LeaseDto {
  readonly case_id: string;
  readonly lease_token: string;
  readonly fence: number;
  readonly expires_at: string;
}

export interface ReviewHitDto {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly rule: string;
  readonly clause: string;
  readonly score: number;
}

export interface ReviewMessageDto {
  readonly id: string;
  readonly sender_role: string;
  readonly sent_at: string;
  readonly lang: string | null;
  readonly body: string;
  readonly verdict: string | null;
  readonly score: number | null;
  readonly historical: boolean;
  readonly hits: readonly ReviewHitDto[];
}

export interface ReviewDecisionDto {
  readonly id: string;
  readonly case_id: string;
  readonly reviewer_id: string;
  readonly reviewer_role: string;
  readonly vendor_org_id: string | null;
  readonly decision: 'violation' | 'no_violation' | 'escalate';
  readonly clause_id: string | null;
  readonly reason: string | null;
  readonly note: string | null;
  readonly rules: readonly string[];
  readonly rule_set_version: string | null;
  readonly automated: boolean;
  readonly recommendation: boolean;
  readonly confirmed_by: string | null;
  readonly reversed_by: string | null;
  readonly at: string;
}

export interface ReviewCaseDto {
  readonly case: {
    readonly id: string;
    readonly type: string;
    readonly status: string;
    readonly closed: boolean;
    readonly priority: string;
    readonly queue: string;
    readonly assignee_id: string | null;
    readonly title: string;
    readonly subjects: { seller_id: string | null; buyer_id: string | null; listing_id: string | null; conversation_id: string | null };
    readonly sla_due_at: string;
    readonly opened_at: string;
    readonly updated_at: string;
    readonly version: number;
    readonly next_states: readonly string[];
    readonly timeline: readonly TimelineEntryDto[];
  };
  readonly review: {
    readonly conversation_id: string;
    readonly seller_id: string;
    readonly buyer_id: string;
    readonly open: boolean;
    readonly lang: string;
    readonly max_score: number;
    readonly kinds: readonly string[];
    readonly rules: readonly string[];
    readonly flagged_message_ids: readonly string[];
    readonly first_flagged_at: string;
    readonly last_flagged_at: string;
  };
  readonly lease: { readonly reviewer_id: string | null; readonly expires_at: string | null };
  readonly parties: { readonly seller: string | null; readonly buyer: string | null; readonly listing_title: string | null };
  readonly messages: readonly ReviewMessageDto[];
  readonly decisions: readonly ReviewDecisionDto[];
  readonly seller_history: { readonly decisions: readonly ReviewDecisionDto[]; readonly open_case_ids: readonly string[] };
  readonly pair_decisions: readonly ReviewDecisionDto[];
  /** The seller's standing from enforcement, when it runs (the domain object as the server has it). */
  readonly enforcement?: unknown;
}

export interface DecisionResultDto {
  readonly decision: ReviewDecisionDto;
  readonly next_case_id: string | null;
}

/* ---------- Policies (/v1/policies, /v1/policy-clauses) ---------- */

export type PolicyVersionStatus = 'in_force' | 'superseded' | 'scheduled';

export interface PolicyVersionDto {
  readonly version: number;
  readonly title: string;
  readonly summary: string;
  readonly effective_from: string;
  readonly published_at: string;
  readonly published_by: string;
  readonly status: PolicyVersionStatus;
  readonly clause_count: number;
}

export interface PolicySummaryDto {
  readonly slug: string;
  readonly title: string;
  readonly current_version: number | null;
  readonly latest_version: number;
  readonly versions: readonly PolicyVersionDto[];
}

export interface PolicyDocumentDto extends PolicyVersionDto {
  readonly slug: string;
  readonly clauses: readonly { clause_id: string; number: string; title: string; text: string }[];
}

export interface ClauseDto {
  readonly clause_id: string;
  readonly policy_slug: string;
  readonly policy_title: string;
  readonly version: number;
  readonly number: string;
  readonly title: string;
  readonly text: string;
  readonly effective_from: string;
}

export interface ClauseHitDto {
  readonly clause: ClauseDto;
  readonly snippet: string;
  readonly matched_in: 'id' | 'title' | 'text';
}

/* ---------- Enforcement (/v1/sellers/:id/standing, /v1/notices) ---------- */

export interface StepDto {
  readonly step: number;
  readonly name: string;
}

export interface ViolationDto {
  readonly id: string;
  readonly seller_id: string;
  readonly clause: { readonly clause_id: string; readonly version: number; readonly title: string; readonly text: string };
  readonly severity: string;
  readonly case_id: string;
  readonly conversation_id: string | null;
  readonly message_ids: readonly string[];
  readonly excerpts: readonly string[];
  readonly decided_by: string;
  readonly automated_detection: boolean;
  readonly automated_decision: boolean;
  readonly step: StepDto;
  readonly decided_at: string;
  readonly strike_expires_at: string;
  readonly status: string;
  readonly overturned_at: string | null;
  readonly overturned_by: string | null;
}

export interface RestrictionDto {
  readonly id: string;
  readonly seller_id: string;
  readonly violation_id: string;
  readonly kind: string;
  readonly state: string;
  readonly applied_at: string;
  readonly effective_at: string;
  readonly ends_at: string | null;
  readonly lifted_at: string | null;
  readonly lifted_by: string | null;
}

export interface NoticeSummaryDto {
  readonly id: string;
  readonly seller_id: string;
  readonly violation_id: string;
  readonly appeal_case_id: string | null;
  readonly kind: string;
  readonly step: number | null;
  readonly lang: string;
  readonly to_email: string | null;
  readonly subject: string;
  readonly email_id: string | null;
  readonly created_at: string;
}

export interface NoticeDto extends NoticeSummaryDto {
  readonly text: string;
  readonly html: string;
  readonly statement_of_reasons: Record<string, unknown> | null;
}

export interface AppealDto {
  readonly case_id: string;
  readonly violation_id: string;
  readonly seller_id: string;
  readonly reason: string;
  readonly filed_by: ActorDto;
  readonly filed_at: string;
  readonly outcome: string | null;
  readonly decided_by: string | null;
  readonly decided_at: string | null;
  readonly note: string | null;
}

export interface StandingDto {
  readonly seller_id: string;
  readonly position: StepDto | null;
  readonly next_step: StepDto;
  readonly active_strikes: readonly { violation_id: string; step: StepDto; clause_id: string; decided_at: string; expires_at: string }[];
  readonly restrictions: readonly RestrictionDto[];
  readonly violations: readonly ViolationDto[];
  readonly notices: readonly NoticeSummaryDto[];
  readonly appeals: readonly AppealDto[];
}

/* ---------- Rules and automation (/v1/rules) ---------- */

export interface RulePrecisionDto {
  readonly rule_id: string;
  readonly mode: 'active' | 'shadow' | 'disabled' | 'unknown';
  readonly decided: number;
  readonly violations: number;
  readonly no_violations: number;
  readonly vendor_decided: number;
  readonly precision: number | null;
  readonly interval_95: { readonly low: number; readonly high: number } | null;
  readonly target: number;
  readonly below_target: boolean;
  readonly fired_hits: number;
  readonly fired_messages: number;
}

export interface PrecisionReportDto {
  readonly window_days: number;
  readonly since: string;
  readonly rule_set: string;
  readonly min_decisions: number;
  readonly items: readonly RulePrecisionDto[];
}

export interface AutomationDto {
  readonly auto_clear_below: number;
  readonly automatic_violation_rules: readonly string[];
  readonly circuit: {
    readonly open: boolean;
    readonly opened_at: string | null;
    readonly reason: string | null;
    readonly closed_by: string | null;
    readonly closed_at: string | null;
    readonly last_hour: number;
    readonly max_per_hour: number;
  };
}

/* ---------- Emails (/v1/emails) ---------- */

export interface EmailSummaryDto {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly status: string;
  readonly attempts: number;
  readonly last_error: string | null;
  readonly created_at: string;
  readonly sent_at: string | null;
}

/** GET /v1/rule-sets (items), /v1/rule-sets/current. */
export interface RuleSetInfoDto {
  readonly version: string;
  readonly source: 'builtin' | 'stored';
  readonly sha256: string;
  readonly active: boolean;
  readonly created_at: string | null;
  readonly activated_at: string | null;
}

/** GET /v1/rule-sets/:version/check. */
export interface RuleSetCheckDto {
  readonly version: string;
  readonly phrase_rules: number;
  readonly patterns: number;
  readonly trigger_words: number;
  readonly warnings: readonly { field: string; reason: string }[];
}

/** POST /v1/rule-sets/:version/replay: what a version would do over stored messages (nothing stored). */
export interface RuleSetReplayDto {
  readonly version: string;
  readonly since: string;
  readonly until: string | null;
  readonly scanned: number;
  readonly conversations: number;
  readonly would_open: number;
  readonly currently_open: number;
  readonly newly_opened: number;
  readonly no_longer_opened: number;
  readonly historical_flagged: number;
  readonly sample: readonly { conversation_id: string; verdict: 'review' | 'violation'; messages: number; rules: readonly string[]; already_flagged: boolean }[];
  readonly rules: readonly {
    rule_id: string;
    hits: number;
    messages: number;
    stored_hits: number;
    stored_messages: number;
    decided: number;
    expected_precision: number | null;
  }[];
  readonly expected_precision: number | null;
  readonly unknown_share: number;
  readonly unknown_rules: readonly string[];
}

/** GET /v1/rule-sets/activation-requests (items). */
export interface ActivationRequestDto {
  readonly id: string;
  readonly version: string;
  readonly status: 'pending' | 'approved' | 'rejected' | 'expired';
  readonly reason: string;
  readonly requested_by: string;
  readonly requested_by_name: string;
  readonly requested_at: string;
  readonly expires_at: string;
  readonly decided_by: string | null;
  readonly decided_at: string | null;
  readonly decision_note: string | null;
}

/** GET /v1/rule-sets/activations (items). */
export interface ActivationDto {
  readonly version: string;
  readonly previous_version: string;
  readonly how: 'approved' | 'rollback';
  readonly request_id: string | null;
  readonly by: string;
  readonly at: string;
}

/** GET /v1/rules/switches (items), PUT /v1/rules/:rule_id/switch. */
export interface RuleSwitchDto {
  readonly rule_id: string;
  readonly disabled: boolean;
  readonly reason: string;
  readonly changed_by: string;
  readonly changed_at: string;
}
