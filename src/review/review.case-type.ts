import { defineCaseType, requireNote, requireRole } from '../cases';

const SENIORS = ['senior', 'manager', 'admin', 'legal'] as const;

/**
 * A conversation flagged by detection (or reported) that a reviewer reads and decides:
 * violation (naming what was seen) or no violation, escalating to a senior when unsure.
 * A decision closes the review; a senior can reopen it (QA), and `closed` archives it once
 * enforcement has run.
 */
export const conversationReviewCaseType = defineCaseType({
  type: 'conversation_review',
  title: 'Conversation review',
  machine: {
    name: 'conversation_review',
    initial: 'open',
    transitions: {
      open: ['in_review', 'escalated'],
      in_review: ['open', 'escalated', 'decided_violation', 'decided_no_violation'],
      escalated: ['in_review', 'decided_violation', 'decided_no_violation'],
      decided_violation: ['closed', 'in_review'],
      decided_no_violation: ['closed', 'in_review'],
      closed: [],
    },
    terminal: ['closed'],
  },
  closedStatuses: ['decided_violation', 'decided_no_violation', 'closed'],
  defaultQueue: 'review',
  // Claims, decisions and recommendations go through the review API (leases, enforcement).
  managedBy: '/v1/review',
  // Only through /v1/review: a vendor's claim moves the case to in_review, a release back to open,
  // a recommendation to escalated (where a senior decides).
  vendorTransitions: ['in_review', 'open', 'escalated'],
  defaultPriority: 'p3',
  sla: {
    p1: { firstResponseHours: 1, resolutionHours: 4 },
    p2: { firstResponseHours: 2, resolutionHours: 8 },
    p3: { firstResponseHours: 4, resolutionHours: 16 },
    p4: { firstResponseHours: 8, resolutionHours: 40 },
  },
  guards: [
    requireNote({ targets: ['decided_violation'], reason: 'conversation_review.violation_requires_note' }),
    requireRole({ from: ['escalated'], targets: ['decided_violation', 'decided_no_violation'], roles: SENIORS, reason: 'conversation_review.escalation_needs_senior' }),
    requireRole({ from: ['decided_violation', 'decided_no_violation'], targets: ['in_review'], roles: SENIORS, reason: 'conversation_review.reopen_needs_senior' }),
    requireNote({ from: ['decided_violation', 'decided_no_violation'], targets: ['in_review'], reason: 'conversation_review.reopen_requires_note' }),
  ],
});
