import { defineCaseType, requireEvidence, requireNote, requireRole } from '../cases';

/**
 * A dealer disputes a commission order for a confirmed off-platform sale (DOMAIN §5.5): the order
 * is upheld, adjusted (the dealer rebutted the price with documents, which must be attached) or
 * cancelled; every outcome carries reasons and is decided by senior staff.
 */
export const commissionDisputeCaseType = defineCaseType({
  type: 'commission_dispute',
  title: 'Commission order dispute',
  machine: {
    name: 'commission_dispute',
    initial: 'received',
    transitions: {
      received: ['under_review', 'withdrawn'],
      under_review: ['upheld', 'adjusted', 'cancelled', 'withdrawn'],
      upheld: ['closed'],
      adjusted: ['closed'],
      cancelled: ['closed'],
      withdrawn: ['closed'],
      closed: [],
    },
    terminal: ['closed'],
  },
  closedStatuses: ['upheld', 'adjusted', 'cancelled', 'withdrawn', 'closed'],
  // an outcome changes the commission order: only through the commission-order API
  managedTargets: { statuses: ['upheld', 'adjusted', 'cancelled'], via: 'POST /v1/commission-orders/:id/disputes/:case_id/decision' },
  defaultQueue: 'commission-disputes',
  defaultPriority: 'p2',
  sla: {
    p1: { firstResponseHours: 4, resolutionHours: 16 },
    p2: { firstResponseHours: 8, resolutionHours: 40 },
    p3: { firstResponseHours: 16, resolutionHours: 80 },
    p4: { firstResponseHours: 24, resolutionHours: 120 },
  },
  guards: [
    requireNote({ targets: ['upheld', 'adjusted', 'cancelled'], reason: 'commission_dispute.decision_requires_reasons' }),
    requireRole({ targets: ['upheld', 'adjusted', 'cancelled'], roles: ['senior', 'manager', 'admin', 'legal'], reason: 'commission_dispute.decision_needs_senior' }),
    requireEvidence({ targets: ['adjusted'], reason: 'commission_dispute.adjustment_requires_documents' }),
  ],
});
