/** What a reviewer decided about a case, as the review module tells the automation hook. */
export interface RuleDecision {
  readonly caseId: string;
  readonly decision: 'violation' | 'no_violation' | 'escalate';
  /** The rule ids of the hits the case was opened on (or extended with). */
  readonly rules: readonly string[];
  readonly reviewerId: string;
  /** The reviewer works for a vendor (their decisions are recommendations a senior confirms). */
  readonly vendor: boolean;
  readonly at: Date;
}

/** A 95 % Wilson score interval for a proportion. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** One rule's track record over a window. */
export interface RulePrecision {
  readonly ruleId: string;
  /** `disabled`: switched off by the kill switch; `unknown`: not in the active rule set. */
  readonly mode: 'active' | 'shadow' | 'disabled' | 'unknown';
  readonly decided: number;
  readonly violations: number;
  readonly noViolations: number;
  /** Decisions taken by vendor reviewers among `decided`. */
  readonly vendorDecided: number;
  /** violations / decided; undefined without decisions. */
  readonly precision: number | undefined;
  readonly interval: Interval | undefined;
  readonly target: number;
  /** Precision below target with at least the minimum number of decisions. */
  readonly belowTarget: boolean;
  /** Hits and messages the rule fired on (scans of stored messages) in the window. */
  readonly firedHits: number;
  readonly firedMessages: number;
}

export interface PrecisionReport {
  readonly windowDays: number;
  readonly since: Date;
  readonly ruleSet: string;
  readonly minDecisions: number;
  readonly rules: readonly RulePrecision[];
}

/** The circuit breaker on automatic violations. */
export interface CircuitState {
  readonly open: boolean;
  readonly openedAt: Date | undefined;
  readonly reason: string | undefined;
  readonly closedBy: string | undefined;
  readonly closedAt: Date | undefined;
  /** Automatic violations in the last hour, and the bound past which the circuit opens. */
  readonly lastHour: number;
  readonly maxPerHour: number;
}

/** What automation may do now, for the review module. */
export interface AutomationPolicyView {
  readonly autoClearBelow: number;
  /** Rules that may give an automatic violation: the rule set's, less those switched off. */
  readonly automaticViolationRules: ReadonlySet<string>;
  /** The circuit breaker is open: automatic violations are paused (cases go to human review). */
  readonly paused: boolean;
}

/** A 95 % Wilson score interval for `k` successes in `n` trials (undefined for n = 0). */
export function wilson(k: number, n: number, z = 1.96): Interval | undefined {
  if (n <= 0) return undefined;
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  const r = (x: number): number => Math.round(x * 10000) / 10000;
  return { low: r(Math.max(0, center - half)), high: r(Math.min(1, center + half)) };
}
