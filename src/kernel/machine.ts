import { err, ok, type Result } from './result';

/**
 * A state machine is a table of allowed transitions: `Record<State, State[]>`.
 * Both the API and the console's buttons ask it, through {@link canTransition} and {@link nextStates}.
 */
export type TransitionTable<S extends string> = { readonly [K in S]: readonly S[] };

export interface MachineDefinition<S extends string> {
  readonly name: string;
  readonly initial: S;
  readonly transitions: TransitionTable<S>;
  /** States where work is finished; they may have no outgoing transitions. */
  readonly terminal: readonly S[];
}

export interface TransitionRefusal {
  /** Stable code such as `case.transition_not_allowed`. */
  readonly reason: string;
  readonly from: string;
  readonly to: string;
  readonly allowed: readonly string[];
}

export function nextStates<S extends string>(m: MachineDefinition<S>, from: S): readonly S[] {
  return m.transitions[from] ?? [];
}

export function canTransition<S extends string>(m: MachineDefinition<S>, from: S, to: string): Result<S, TransitionRefusal> {
  const allowed = nextStates(m, from);
  if (!(to in m.transitions)) {
    return err({ reason: `${m.name}.unknown_state`, from, to, allowed });
  }
  if (!allowed.includes(to as S)) {
    return err({ reason: `${m.name}.transition_not_allowed`, from, to, allowed });
  }
  return ok(to as S);
}

/**
 * Checks a definition at startup: every target is a known state, every state is reachable from the
 * initial one, and every non-terminal state has a way out. Returns the problems found (empty = sound).
 */
export function checkMachine<S extends string>(m: MachineDefinition<S>): string[] {
  const problems: string[] = [];
  const states = Object.keys(m.transitions) as S[];
  if (!states.includes(m.initial)) problems.push(`${m.name}: initial state '${m.initial}' is not in the table`);
  for (const t of m.terminal) if (!states.includes(t)) problems.push(`${m.name}: terminal state '${t}' is not in the table`);
  for (const s of states) {
    for (const target of m.transitions[s]) {
      if (!states.includes(target)) problems.push(`${m.name}: '${s}' → unknown state '${target}'`);
    }
    if (m.transitions[s].length === 0 && !m.terminal.includes(s)) {
      problems.push(`${m.name}: '${s}' has no outgoing transition and is not terminal`);
    }
  }
  const seen = new Set<S>([m.initial]);
  const queue: S[] = [m.initial];
  while (queue.length > 0) {
    const s = queue.shift()!;
    for (const target of m.transitions[s] ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  for (const s of states) if (!seen.has(s)) problems.push(`${m.name}: state '${s}' is unreachable from '${m.initial}'`);
  return problems;
}
