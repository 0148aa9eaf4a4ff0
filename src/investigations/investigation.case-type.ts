import { defineCaseType, requireEvidence, requireNote, requireRole } from '../cases';

/**
 * An off-platform sale investigation (DOMAIN §5.3): signal → triage → investigating → finding.
 * Confirming needs at least one hard artefact attached as evidence (seller admission, buyer
 * confirmation, invoice or payment proof, shipping record), written reasons and a senior.
 * A dismissed investigation can be reopened by a new signal.
 */
export const investigationCaseType = defineCaseType({
  type: 'investigation',
  title: 'Off-platform sale investigation',
  machine: {
    name: 'investigation',
    initial: 'signal',
    transitions: {
      signal: ['triage', 'dismissed'],
      triage: ['investigating', 'dismissed'],
      investigating: ['confirmed', 'dismissed', 'triage'],
      confirmed: ['closed'],
      dismissed: ['closed', 'triage'],
      closed: [],
    },
    terminal: ['closed'],
  },
  closedStatuses: ['confirmed', 'dismissed', 'closed'],
  // confirming issues the commission order: only through the investigations API
  managedTargets: { statuses: ['confirmed'], via: 'POST /v1/investigations/:case_id/confirm' },
  defaultQueue: 'investigations',
  defaultPriority: 'p3',
  sla: {
    p1: { firstResponseHours: 4, resolutionHours: 24 },
    p2: { firstResponseHours: 8, resolutionHours: 40 },
    p3: { firstResponseHours: 16, resolutionHours: 80 },
    p4: { firstResponseHours: 24, resolutionHours: 160 },
  },
  guards: [
    requireEvidence({ targets: ['confirmed'], reason: 'investigation.confirmation_requires_evidence' }),
    requireNote({ targets: ['confirmed', 'dismissed'], reason: 'investigation.finding_requires_note' }),
    requireRole({ targets: ['confirmed'], roles: ['senior', 'manager', 'admin', 'legal'], reason: 'investigation.confirmation_needs_senior' }),
  ],
});
