import { err, ok } from '../kernel';
import type { Role } from '../identity';
import type { CaseGuard } from './case-type.registry';

/**
 * Building blocks for case-type guards. Each applies to moves into `targets` (optionally only from
 * `from`) and refuses with the given stable reason, e.g. `appeal.decision_requires_reasons`.
 */
interface GuardScope<S extends string> {
  readonly targets: readonly S[];
  readonly from?: readonly S[];
  readonly reason: string;
}

function applies<S extends string>(scope: GuardScope<S>, from: S, to: S): boolean {
  return scope.targets.includes(to) && (scope.from === undefined || scope.from.includes(from));
}

/** A written note must accompany the move (the reasons for a decision). */
export function requireNote<S extends string>(scope: GuardScope<NoInfer<S>>): CaseGuard<S> {
  return (from, to, facts) => (applies(scope, from, to) && facts.note === undefined ? err(scope.reason) : ok(undefined));
}

/** Only these roles may make the move (the system is refused: a person must decide). */
export function requireRole<S extends string>(scope: GuardScope<NoInfer<S>> & { readonly roles: readonly Role[] }): CaseGuard<S> {
  return (from, to, facts) => (applies(scope, from, to) && (facts.caller.role === undefined || !scope.roles.includes(facts.caller.role)) ? err(scope.reason) : ok(undefined));
}

/** At least `min` evidence files must be attached before the move. */
export function requireEvidence<S extends string>(scope: GuardScope<NoInfer<S>> & { readonly min?: number }): CaseGuard<S> {
  return (from, to, facts) => (applies(scope, from, to) && facts.evidenceCount < (scope.min ?? 1) ? err(scope.reason) : ok(undefined));
}
