import type { Clock } from '../kernel';
import type { Db } from '../db';
import type { ScanResult } from '../detection';
import { learningStore, type FiringCount } from './learning.store';
import { wilson, type PrecisionReport, type RuleDecision, type RulePrecision } from './learning.model';
import type { RuleSetService } from './rules.service';

const DAY_MS = 86_400_000;
export const PRECISION_WINDOWS = [30, 90] as const;
export type PrecisionWindow = (typeof PRECISION_WINDOWS)[number];

export interface LearningDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly ruleSets: Pick<RuleSetService, 'current'>;
  /** A rule is judged against its target only with at least this many decisions (`RULE_PRECISION_MIN_DECISIONS`). */
  readonly minDecisions: number;
}

/** Adds one scan's hits to per-rule counts (a message counts once per rule). */
export function countFirings(results: Iterable<Pick<ScanResult, 'hits' | 'shadow_hits'>>): FiringCount[] {
  const counts = new Map<string, { ruleId: string; shadow: boolean; hits: number; messages: number }>();
  const add = (rule: string, shadow: boolean, seen: Set<string>): void => {
    const key = `${shadow ? 's' : 'a'}|${rule}`;
    let c = counts.get(key);
    if (c === undefined) counts.set(key, (c = { ruleId: rule, shadow, hits: 0, messages: 0 }));
    c.hits++;
    if (!seen.has(key)) {
      seen.add(key);
      c.messages++;
    }
  };
  for (const r of results) {
    if (r.hits.length === 0 && r.shadow_hits === undefined) continue;
    const seen = new Set<string>();
    for (const h of r.hits) add(h.rule, false, seen);
    for (const h of r.shadow_hits ?? []) add(h.rule, true, seen);
  }
  return [...counts.values()];
}

/**
 * What reviewers teach the rules: their decisions per rule (`rule_outcomes`), how often each rule
 * fires (`rule_firings`), and the precision that follows, against each rule's target.
 */
export function createRuleLearning(deps: LearningDeps) {
  const { db, clock } = deps;
  let pending: Promise<void> = Promise.resolve();

  /**
   * A reviewer's decision on a case, inside the decision's transaction: one outcome per rule of the
   * case, replacing an earlier decision's; an escalation decides nothing and records nothing.
   */
  async function recordDecision(tx: Db, d: RuleDecision): Promise<void> {
    if (d.decision === 'escalate') return;
    const rules = [...new Set(d.rules)];
    await learningStore.replaceOutcomes(
      tx,
      d.caseId,
      rules.map((ruleId) => ({ caseId: d.caseId, ruleId, outcome: d.decision, reviewerId: d.reviewerId, vendor: d.vendor, decidedAt: d.at })),
    );
  }

  /**
   * Counts a batch's firings (shadow rules too), aggregated in memory and added with one statement
   * after the scan, off the ingest's path; a failure to count never fails a scan.
   */
  function recordFirings(results: readonly Pick<ScanResult, 'hits' | 'shadow_hits'>[]): void {
    const counts = countFirings(results);
    if (counts.length === 0) return;
    const day = clock.now().toISOString().slice(0, 10);
    pending = pending.then(() => learningStore.addFirings(db, day, counts)).catch(() => {
      // counters are statistics: losing one batch's counts is better than failing ingest
    });
  }

  /** Resolves when the firings counted so far are stored. */
  function flushFirings(): Promise<void> {
    return pending;
  }

  /** Per-rule precision over the last `windowDays` (30 or 90): violations / decided, with a Wilson interval and the rule's target. */
  async function precision(windowDays: PrecisionWindow): Promise<PrecisionReport> {
    const now = clock.now();
    const since = new Date(now.getTime() - windowDays * DAY_MS);
    const rs = await deps.ruleSets.current();
    const [outcomes, firings] = await Promise.all([learningStore.outcomesSince(db, since), learningStore.firingsSince(db, since.toISOString().slice(0, 10))]);
    const ids = new Set<string>([...outcomes.map((o) => o.ruleId), ...firings.map((f) => f.ruleId)]);
    const targets = rs.base.automation.precisionTargets;
    const rules: RulePrecision[] = [...ids].sort().map((ruleId) => {
      const o = outcomes.find((x) => x.ruleId === ruleId);
      const decided = o?.decided ?? 0;
      const violations = o?.violations ?? 0;
      const p = decided === 0 ? undefined : Math.round((violations / decided) * 10000) / 10000;
      const target = targets[ruleId] ?? targets.default;
      const fired = firings.filter((f) => f.ruleId === ruleId);
      const mode = rs.compiled.disabledRules.has(ruleId) ? 'disabled' : rs.base.shadowRules.has(ruleId) ? 'shadow' : rs.base.ruleIds.has(ruleId) ? 'active' : 'unknown';
      return {
        ruleId,
        mode,
        decided,
        violations,
        noViolations: decided - violations,
        vendorDecided: o?.vendorDecided ?? 0,
        precision: p,
        interval: wilson(violations, decided),
        target,
        belowTarget: p !== undefined && decided >= deps.minDecisions && p < target,
        firedHits: fired.reduce((s, f) => s + f.hits, 0),
        firedMessages: fired.reduce((s, f) => s + f.messages, 0),
      };
    });
    return { windowDays, since, ruleSet: rs.info.version, minDecisions: deps.minDecisions, rules };
  }

  /** Rules whose precision is below their target, with at least the minimum number of decisions. */
  async function belowTarget(windowDays: PrecisionWindow): Promise<PrecisionReport> {
    const report = await precision(windowDays);
    return { ...report, rules: report.rules.filter((r) => r.belowTarget) };
  }

  /** Past decisions per rule (all time), for replay's expected precision. */
  async function history(): Promise<Map<string, { violations: number; decided: number }>> {
    const rows = await learningStore.outcomesSince(db, new Date(0));
    return new Map(rows.map((r) => [r.ruleId, { violations: r.violations, decided: r.decided }]));
  }

  return { recordDecision, recordFirings, flushFirings, precision, belowTarget, history };
}

export type RuleLearning = ReturnType<typeof createRuleLearning>;
