import { canTransition, type MachineDefinition } from '../kernel';

/** The lifecycle of a commission order (DOMAIN §5.5); orders are issued directly (no draft is stored). */
export const COMMISSION_STATUSES = ['issued', 'disputed', 'confirmed', 'cancelled', 'collected', 'written_off'] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];

export const commissionMachine: MachineDefinition<CommissionStatus> = {
  name: 'commission_order',
  initial: 'issued',
  transitions: {
    // issued: the seller may dispute within the due period; the buyer may still check out (→ cancelled)
    issued: ['disputed', 'confirmed', 'cancelled', 'collected', 'written_off'],
    disputed: ['confirmed', 'cancelled'],
    confirmed: ['collected', 'written_off', 'cancelled'],
    cancelled: [],
    collected: [],
    written_off: [],
  },
  terminal: ['cancelled', 'collected', 'written_off'],
};

/** Statuses in which the order still claims money: a checkout by the same buyer cancels it. */
export const OUTSTANDING: readonly CommissionStatus[] = ['issued', 'disputed', 'confirmed'];

export function mayMove(from: CommissionStatus, to: CommissionStatus): boolean {
  return canTransition(commissionMachine, from, to).ok;
}
