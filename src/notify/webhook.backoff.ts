/** Waits after the 1st, 2nd, … failed attempt; the last one repeats. */
export const BACKOFF_STEPS_MS: readonly number[] = [10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 3 * 3_600_000, 6 * 3_600_000];

/** ±20 %: retries of many deliveries that failed together spread out instead of arriving together. */
export const JITTER = 0.2;

/**
 * How long to wait before the next attempt, after `failedAttempts` (≥ 1) attempts failed.
 * `random` is in [0, 1); the steps are far enough apart that jitter never makes a later wait shorter.
 * @example backoffMs(1, 0.5) // 10000
 */
export function backoffMs(failedAttempts: number, random: number): number {
  const index = Math.min(Math.max(failedAttempts, 1), BACKOFF_STEPS_MS.length) - 1;
  const base = BACKOFF_STEPS_MS[index]!;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random));
}
