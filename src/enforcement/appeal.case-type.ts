import { defineCaseType, requireNote, requireRole } from '../cases';

/**
 * An appeal against a decision (DSA Art. 20 internal complaint, P2B Art. 11). "Upheld" keeps the
 * original decision, "overturned" reverses it. The decision is taken by qualified staff, never by
 * the system alone, and always carries its reasons.
 */
export const appealCaseType = defineCaseType({
  type: 'appeal',
  title: 'Appeal',
  machine: {
    name: 'appeal',
    initial: 'received',
    transitions: {
      received: ['under_review', 'withdrawn'],
      under_review: ['upheld', 'overturned', 'withdrawn'],
      upheld: ['closed'],
      overturned: ['closed'],
      withdrawn: ['closed'],
      closed: [],
    },
    terminal: ['closed'],
  },
  closedStatuses: ['upheld', 'overturned', 'withdrawn', 'closed'],
  defaultQueue: 'appeals',
  // decided through POST /v1/appeals/:case_id/decision, which lifts restrictions and notifies the seller
  managedBy: '/v1/appeals',
  defaultPriority: 'p2',
  sla: {
    p1: { firstResponseHours: 4, resolutionHours: 16 },
    p2: { firstResponseHours: 8, resolutionHours: 40 },
    p3: { firstResponseHours: 16, resolutionHours: 80 },
    p4: { firstResponseHours: 24, resolutionHours: 120 },
  },
  guards: [
    requireNote({ targets: ['upheld', 'overturned'], reason: 'appeal.decision_requires_reasons' }),
    requireRole({ targets: ['upheld', 'overturned'], roles: ['senior', 'manager', 'admin', 'legal'], reason: 'appeal.decision_needs_qualified_staff' }),
  ],
});
