import type { Clock } from '../kernel';
import { inTransaction, recordChange, SYSTEM_ACTOR, type Actor, type Db } from '../db';
import { learningStore } from './learning.store';
import type { AutomationPolicyView, CircuitState, RuleDecision } from './learning.model';
import { createRuleLearning, type RuleLearning } from './learning.service';
import type { RuleSetService } from './rules.service';

const HOUR_MS = 3_600_000;

/** The sliding hour, cut at the last reset: what was counted before a reset never trips the circuit again. */
const windowStart = (now: Date, closedAt: Date | null): Date => new Date(Math.max(now.getTime() - HOUR_MS, closedAt === null ? 0 : closedAt.getTime() + 1));

export interface AutomationDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly ruleSets: Pick<RuleSetService, 'current'>;
  /** Where decisions are recorded (default: the rule learning on the same database). */
  readonly learning?: Pick<RuleLearning, 'recordDecision'>;
  readonly circuit: {
    /** Automatic violations allowed in any sliding hour; past it the circuit opens (`AUTOMATION_MAX_VIOLATIONS_PER_HOUR`). */
    readonly maxPerHour: number;
  };
}

/**
 * The hook the review module calls: what automation may do (auto-clear bound, rules that may give
 * an automatic violation), a permission per automatic violation guarded by a circuit breaker, and
 * every reviewer decision to learn from.
 *
 * @example
 *   const automation = createAutomation({ db, clock, ruleSets, learning, circuit: { maxPerHour: 50 } });
 *   await inTransaction(db, async (tx) => {
 *     if (await automation.allowAutomaticViolation(tx, { caseId, rules: ['iban.valid'] })) { … } else { … human review … }
 *   });
 */
export function createAutomation(deps: AutomationDeps) {
  const { db, clock } = deps;
  const maxPerHour = deps.circuit.maxPerHour;
  const learning = deps.learning ?? createRuleLearning({ db, clock, ruleSets: deps.ruleSets, minDecisions: 0 });

  async function policy(opts: { tx?: Db | undefined } = {}): Promise<AutomationPolicyView> {
    const rs = await deps.ruleSets.current(opts.tx === undefined ? {} : { tx: opts.tx });
    const circuit = await learningStore.readCircuit(opts.tx ?? db);
    const rules = rs.base.automation.automaticViolationRules.filter((id) => !rs.compiled.disabledRules.has(id) && !rs.base.shadowRules.has(id));
    return { autoClearBelow: rs.base.automation.autoClearBelow, automaticViolationRules: new Set(rules), paused: circuit?.open === true };
  }

  /**
   * Inside the caller's transaction: may this case become a violation without a reviewer? Only when
   * one of its rules is automatic in the active rule set and not switched off, and the circuit is
   * closed. Past `maxPerHour` automatic violations in the last hour the circuit opens (once: an
   * outbox event `automation.circuit_opened` and an audit entry) and stays open until a manager
   * resets it; the case then goes to human review.
   */
  async function allowAutomaticViolation(tx: Db, input: { caseId: string; rules: readonly string[] }): Promise<boolean> {
    const rs = await deps.ruleSets.current({ tx });
    const automatic = new Set(rs.base.automation.automaticViolationRules);
    const eligible = input.rules.filter((r) => automatic.has(r) && !rs.compiled.disabledRules.has(r) && !rs.base.shadowRules.has(r));
    if (eligible.length === 0) return false;
    const circuit = await learningStore.lockCircuit(tx);
    if (circuit.open) return false;
    const now = clock.now();
    const lastHour = await learningStore.countAutomaticSince(tx, windowStart(now, circuit.closedAt));
    if (lastHour >= maxPerHour) {
      const reason = `${lastHour} automatic violations in the last hour reached the bound of ${maxPerHour}`;
      await learningStore.setCircuit(tx, { open: true, openedAt: now, reason, closedBy: null, closedAt: null });
      await recordChange(tx, clock, {
        actor: SYSTEM_ACTOR,
        action: 'automation.circuit_opened',
        subject: { type: 'automation_circuit', id: 'automatic_violations' },
        fields: ['open'],
        data: { lastHour, maxPerHour, caseId: input.caseId },
        event: { type: 'automation.circuit_opened', payload: { last_hour: lastHour, max_per_hour: maxPerHour, opened_at: now.toISOString(), reason } },
      });
      return false;
    }
    await learningStore.addAutomatic(tx, input.caseId, now, eligible);
    return true;
  }

  /** A reviewer's decision, inside its transaction: recorded per rule for precision. */
  async function onDecision(tx: Db, d: RuleDecision): Promise<void> {
    await learning.recordDecision(tx, d);
  }

  async function state(): Promise<CircuitState> {
    const row = await learningStore.readCircuit(db);
    const lastHour = await learningStore.countAutomaticSince(db, windowStart(clock.now(), row?.closedAt ?? null));
    return {
      open: row?.open === true,
      openedAt: row?.openedAt ?? undefined,
      reason: row?.reason ?? undefined,
      closedBy: row?.closedBy ?? undefined,
      closedAt: row?.closedAt ?? undefined,
      lastHour,
      maxPerHour,
    };
  }

  /**
   * A manager closes the circuit after looking into it; automatic violations resume, and the hour
   * starts afresh (those counted before the reset no longer trip it again at once).
   */
  async function reset(actor: Actor, note: string): Promise<CircuitState> {
    await inTransaction(db, async (tx) => {
      const row = await learningStore.lockCircuit(tx);
      const now = clock.now();
      await learningStore.setCircuit(tx, { open: false, closedBy: `${actor.type}:${actor.id}`, closedAt: now });
      await recordChange(tx, clock, {
        actor,
        action: 'automation.circuit_closed',
        subject: { type: 'automation_circuit', id: 'automatic_violations' },
        fields: ['open'],
        data: { wasOpen: row.open, note },
        event: { type: 'automation.circuit_closed', payload: { was_open: row.open, closed_at: now.toISOString() } },
      });
    });
    return state();
  }

  return { policy, allowAutomaticViolation, onDecision, state, reset };
}

export type Automation = ReturnType<typeof createAutomation>;
