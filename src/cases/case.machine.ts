import { canTransition, err, nextStates, ok, type Result, type TransitionRefusal } from '../kernel';
import type { CaseTypeDefinition, TransitionFacts } from './case-type.registry';

/**
 * Decides a transition without touching anything: the type's table first, then its guards in order.
 * A refusal carries a stable reason (`<type>.transition_not_allowed`, `<type>.unknown_state`, or the
 * guard's own) and the statuses the table allows from here.
 */
export function decideTransition(def: CaseTypeDefinition, to: string, facts: TransitionFacts): Result<string, TransitionRefusal> {
  const from = facts.case.status;
  const table = canTransition(def.machine, from, to);
  if (!table.ok) return table;
  const allowed = nextStates(def.machine, from);
  for (const guard of def.guards ?? []) {
    const verdict = guard(from, to, facts);
    if (!verdict.ok) return err({ reason: verdict.error, from, to, allowed });
  }
  return ok(to);
}

/** Statuses reachable in one step, as the console's buttons need them. */
export function nextStatuses(def: CaseTypeDefinition, from: string): readonly string[] {
  return nextStates(def.machine, from);
}

export function isClosedStatus(def: CaseTypeDefinition, status: string): boolean {
  return def.closedStatuses.includes(status);
}
