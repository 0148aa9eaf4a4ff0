/* The JSON shapes of enforcement records, shared by the routes and the review screen's seller card (plain mappers: no schema library). */
import type { Appeal, AppealDetail, AppealWork, PersonRef, Standing, Notice, Restriction, RestrictionState, Violation } from '../enforcement';

export function violationToDto(v: Violation) {
  return {
    id: v.id,
    seller_id: v.sellerId,
    clause: { clause_id: v.clause.clauseId, version: v.clause.version, title: v.clause.title, text: v.clause.text },
    severity: v.severity,
    case_id: v.caseId,
    conversation_id: v.conversationId ?? null,
    message_ids: [...v.messageIds],
    excerpts: [...v.excerpts],
    excerpts_sha256: v.excerptsSha256,
    decided_by: v.decidedBy,
    automated_detection: v.automatedDetection,
    automated_decision: v.automatedDecision,
    step: { step: v.step, name: v.stepName },
    decided_at: v.decidedAt.toISOString(),
    strike_expires_at: v.strikeExpiresAt.toISOString(),
    status: v.status,
    overturned_at: v.overturnedAt?.toISOString() ?? null,
    overturned_by: v.overturnedBy ?? null,
  };
}

export function restrictionToDto(r: Restriction & { state: RestrictionState }) {
  return {
    id: r.id,
    seller_id: r.sellerId,
    violation_id: r.violationId,
    kind: r.kind,
    state: r.state,
    applied_at: r.appliedAt.toISOString(),
    effective_at: r.effectiveAt.toISOString(),
    ends_at: r.endsAt?.toISOString() ?? null,
    lifted_at: r.liftedAt?.toISOString() ?? null,
    lifted_by: r.liftedBy ?? null,
  };
}

export function noticeSummaryToDto(n: Notice) {
  return {
    id: n.id,
    seller_id: n.sellerId,
    violation_id: n.violationId,
    appeal_case_id: n.appealCaseId ?? null,
    kind: n.kind,
    step: n.step ?? null,
    lang: n.lang,
    to_email: n.toEmail ?? null,
    subject: n.subject,
    email_id: n.emailId ?? null,
    created_at: n.createdAt.toISOString(),
  };
}

export function noticeToDto(n: Notice) {
  return { ...noticeSummaryToDto(n), text: n.text, html: n.html, statement_of_reasons: (n.sor ?? null) as Record<string, unknown> | null };
}

export function appealToDto(a: Appeal) {
  return {
    case_id: a.caseId,
    violation_id: a.violationId,
    seller_id: a.sellerId,
    reason: a.reason,
    filed_by: { type: a.filedBy.type, id: a.filedBy.id },
    filed_at: a.filedAt.toISOString(),
    outcome: a.outcome ?? null,
    decided_by: a.decidedBy ?? null,
    decided_at: a.decidedAt?.toISOString() ?? null,
    note: a.note ?? null,
  };
}

export function personToDto(p: PersonRef) {
  return { id: p.id, name: p.name ?? null, role: p.role ?? null };
}

export function appealWorkToDto(w: AppealWork) {
  return {
    case_id: w.case.id,
    status: w.case.status,
    closed: w.closed,
    priority: w.case.priority,
    queue: w.case.queue,
    assignee_id: w.case.assigneeId ?? null,
    sla_due_at: w.case.slaDueAt.toISOString(),
    opened_at: w.case.openedAt.toISOString(),
    closed_at: w.case.closedAt?.toISOString() ?? null,
    lang: w.lang ?? null,
    seller: { id: w.violation.sellerId, name: w.sellerName ?? null },
    appeal: appealToDto(w.appeal),
    violation: violationToDto(w.violation),
    violation_decided_by: personToDto(w.violationDecider),
    appeal_decided_by: w.appealDecider === undefined ? null : personToDto(w.appealDecider),
  };
}

export function appealDetailToDto(d: AppealDetail) {
  return {
    ...appealWorkToDto(d),
    notices: d.notices.map(noticeSummaryToDto),
    restrictions: d.restrictions.map(restrictionToDto),
    replies: d.replies.map((r) => ({ at: r.at.toISOString(), body: r.body, via: { type: r.via.type, id: r.via.id }, before_appeal: r.beforeAppeal })),
  };
}

/** A seller's standing on the wire (also shown on the review page). */
export function standingToDto(s: Standing) {
  return {
    seller_id: s.sellerId,
    position: s.position ?? null,
    next_step: s.nextStep,
    active_strikes: s.activeStrikes.map((v) => ({
      violation_id: v.id,
      step: { step: v.step, name: v.stepName },
      clause_id: v.clause.clauseId,
      decided_at: v.decidedAt.toISOString(),
      expires_at: v.strikeExpiresAt.toISOString(),
    })),
    restrictions: s.restrictions.map(restrictionToDto),
    violations: s.violations.map(violationToDto),
    notices: s.notices.map(noticeSummaryToDto),
    appeals: s.appeals.map(appealToDto),
  };
}
