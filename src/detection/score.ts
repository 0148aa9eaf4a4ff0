import type { CompiledRuleSet } from './rules';
import type { Hit, RawHit, ScanInput, Verdict } from './types';

/** Role from the sender field: `seller…` / `buyer…` ids, or the bare words. */
export function senderRole(sender: string | undefined): 'seller' | 'buyer' | undefined {
  if (sender === undefined) return undefined;
  const s = sender.toLowerCase();
  if (s.startsWith('seller') || s.startsWith('slr_') || s === 's') return 'seller';
  if (s.startsWith('buyer') || s.startsWith('byr_') || s === 'b') return 'buyer';
  return undefined;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * A hit's score is its rule weight times the context multipliers: an existing order lowers contact
 * kinds (delivery details may be allowed), the sender's role scales everything.
 */
export function scoreHit(rs: CompiledRuleSet, raw: RawHit, input: ScanInput): number {
  let s = raw.weight;
  if (input.order_exists === true) s *= rs.orderExists[raw.kind];
  const role = senderRole(input.sender);
  if (role !== undefined) s *= rs.senderRole[role] ?? 1;
  return round3(Math.min(1, Math.max(0, s)));
}

/** Independent evidence combines as a noisy-or: 1 − Π(1 − score). */
export function messageScore(hits: readonly Pick<Hit, 'score'>[]): number {
  let keep = 1;
  for (const h of hits) keep *= 1 - h.score;
  return round3(1 - keep);
}

export function verdictFor(rs: CompiledRuleSet, score: number): Verdict {
  if (score >= rs.thresholds.violation) return 'violation';
  if (score >= rs.thresholds.review) return 'review';
  return 'clear';
}
