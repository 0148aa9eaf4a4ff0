import { checkMachine, type MachineDefinition, type Result } from '../kernel';
import type { Role } from '../identity';
import { PRIORITIES, type Case, type Priority } from './case.model';

/** Business hours to the first response and to resolution (a closed status). */
export interface SlaTarget {
  readonly firstResponseHours: number;
  readonly resolutionHours: number;
}

export type SlaPolicy = { readonly [P in Priority]: SlaTarget };

/** What a guard knows when a transition is asked for. */
export interface TransitionFacts {
  /** The case as it is before the transition. */
  readonly case: Case;
  readonly caller: { readonly kind: 'user' | 'token' | 'system'; readonly id: string; readonly role: Role | undefined };
  /** The note sent with the transition, trimmed; undefined when none. */
  readonly note: string | undefined;
  readonly noteCount: number;
  readonly evidenceCount: number;
}

/**
 * A guard refuses a transition the table allows, with a stable reason such as
 * `investigation.confirmation_requires_evidence`; it returns `ok(undefined)` to let it pass.
 */
export type CaseGuard<S extends string> = (from: S, to: S, facts: TransitionFacts) => Result<void, string>;

/**
 * Everything the engine needs to run a kind of case. Modules declare one in `<x>.case-type.ts` and
 * the app registers it; `src/cases` names no concrete type.
 */
export interface CaseTypeDefinition<S extends string = string> {
  /** Stable snake_case name, e.g. `conversation_review`; equals `machine.name`. */
  readonly type: string;
  /** Human name for the console. */
  readonly title: string;
  readonly machine: MachineDefinition<S>;
  /** Statuses in which the work is done (sets `closed_at`, stops the SLA); include every terminal state. */
  readonly closedStatuses: readonly NoInfer<S>[];
  readonly defaultQueue: string;
  readonly defaultPriority: Priority;
  readonly sla: SlaPolicy;
  readonly guards?: readonly CaseGuard<NoInfer<S>>[];
  /**
   * The API that changes this type's status (e.g. `/v1/review`), when a module owns the decisions:
   * the generic transition route is then refused with `case.managed_elsewhere`, so nothing skips
   * what the module does with a decision (leases, enforcement).
   */
  readonly managedBy?: string;
  /**
   * Outcomes only the module reaches (e.g. confirming an investigation issues a commission order):
   * the generic route may move the case otherwise, but a move to one of these statuses that the
   * table and guards would allow is refused with `case.managed_elsewhere`, naming `via`.
   */
  readonly managedTargets?: { readonly statuses: readonly NoInfer<S>[]; readonly via: string };
  /** Targets a vendor reviewer may move a case to; none unless listed. */
  readonly vendorTransitions?: readonly NoInfer<S>[];
}

/** Identity function that keeps the status names typed while writing a definition. */
export function defineCaseType<S extends string>(def: CaseTypeDefinition<S>): CaseTypeDefinition<S> {
  return def;
}

const TYPE_NAME = /^[a-z][a-z0-9_]{1,47}$/;
export const QUEUE_NAME = /^[a-z0-9][a-z0-9_.-]{0,62}$/;

/** Problems with a definition (empty when sound): the machine check plus the engine's own rules. */
export function checkCaseType(def: CaseTypeDefinition): string[] {
  const problems: string[] = [];
  const name = typeof def.type === 'string' ? def.type : String(def.type);
  if (!TYPE_NAME.test(name)) problems.push(`${name}: the type must be snake_case (2–48 characters)`);
  if (def.machine.name !== def.type) problems.push(`${name}: machine.name '${def.machine.name}' must equal the type`);
  problems.push(...checkMachine(def.machine));
  const states = Object.keys(def.machine.transitions);
  if (def.closedStatuses.length === 0) problems.push(`${name}: at least one status must close the case`);
  for (const s of def.closedStatuses) if (!states.includes(s)) problems.push(`${name}: closed status '${s}' is not in the table`);
  for (const s of def.machine.terminal) if (!def.closedStatuses.includes(s)) problems.push(`${name}: terminal status '${s}' must be a closed status`);
  if (def.closedStatuses.includes(def.machine.initial)) problems.push(`${name}: the initial status '${def.machine.initial}' must not be closed`);
  // From every status some closed status must be reachable, or a case could never finish.
  for (const s of states) {
    const seen = new Set<string>([s]);
    const todo = [s];
    let closes = def.closedStatuses.includes(s);
    while (!closes && todo.length > 0) {
      for (const next of def.machine.transitions[todo.shift()!] ?? []) {
        if (def.closedStatuses.includes(next)) closes = true;
        if (!seen.has(next)) {
          seen.add(next);
          todo.push(next);
        }
      }
    }
    if (!closes) problems.push(`${name}: no closed status can be reached from '${s}'`);
  }
  if (!QUEUE_NAME.test(def.defaultQueue)) problems.push(`${name}: default queue '${def.defaultQueue}' is not a valid queue name`);
  if (!PRIORITIES.includes(def.defaultPriority)) problems.push(`${name}: default priority '${def.defaultPriority}' is not one of ${PRIORITIES.join(', ')}`);
  for (const p of PRIORITIES) {
    const target = def.sla?.[p];
    if (target === undefined) {
      problems.push(`${name}: no SLA for priority ${p}`);
      continue;
    }
    const valid = (h: number) => Number.isFinite(h) && h > 0;
    if (!valid(target.firstResponseHours) || !valid(target.resolutionHours)) problems.push(`${name}: SLA hours for ${p} must be positive numbers`);
    else if (target.firstResponseHours > target.resolutionHours) problems.push(`${name}: SLA for ${p} wants a first response after resolution`);
  }
  for (const s of def.vendorTransitions ?? []) if (!states.includes(s)) problems.push(`${name}: vendor transition target '${s}' is not in the table`);
  return problems;
}

export class CaseTypeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`case type refused:\n  ${problems.join('\n  ')}`);
    this.name = 'CaseTypeError';
  }
}

/** The case types one process runs. Registration happens at startup; a bad definition stops it. */
export interface CaseTypeRegistry {
  /**
   * Adds a type after checking it ({@link checkCaseType}); throws {@link CaseTypeError} for an
   * unsound definition or a type already registered.
   */
  registerCaseType<S extends string>(def: CaseTypeDefinition<S>): void;
  get(type: string): CaseTypeDefinition | undefined;
  list(): readonly CaseTypeDefinition[];
}

export function createCaseTypeRegistry(): CaseTypeRegistry {
  const types = new Map<string, CaseTypeDefinition>();
  const registry: CaseTypeRegistry = {
    registerCaseType<S extends string>(def: CaseTypeDefinition<S>): void {
      const generic = def as unknown as CaseTypeDefinition;
      if (types.has(generic.type)) throw new CaseTypeError([`${generic.type}: a case type of that name is already registered`]);
      const problems = checkCaseType(generic);
      if (problems.length > 0) throw new CaseTypeError(problems);
      types.set(generic.type, Object.freeze({ ...generic }));
    },
    get: (type) => types.get(type),
    list: () => [...types.values()],
  };
  return registry;
}
