/**
 * Peer statistics: how one seller's rate compares with the sellers it is fairly compared with.
 * Pure functions, no I/O; the refresh feeds them each peer group's values.
 */

/** Where one value stands among its peers. */
export interface PeerPosition {
  /** 0..100: the share of peers below the value, counting ties as half (mid-rank percentile). */
  readonly percentile: number;
  /** Standard deviations from the peers' mean; 0 when the peers do not vary. */
  readonly z: number;
}

/** Z-scores are clipped here: one extreme seller should not drown every other signal in the risk score. */
export const Z_LIMIT = 6;

/**
 * The position of every value among all the values (the value itself included, as in a ranking).
 * Returned in the order given.
 */
export function peerPositions(values: readonly number[]): PeerPosition[] {
  const n = values.length;
  if (n === 0) return [];
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) * (v - mean), 0) / n;
  const sd = Math.sqrt(variance);
  const sorted = [...values].sort((a, b) => a - b);
  return values.map((v) => {
    const below = lowerBound(sorted, v);
    const equal = lowerBound(sorted, nextUp(v)) - below;
    const percentile = n === 1 ? 50 : (100 * (below + 0.5 * equal - 0.5)) / (n - 1);
    // relative tolerance: a spread that is only floating-point noise is no spread
    const z = sd <= 1e-12 * Math.max(1, Math.abs(mean)) ? 0 : clip((v - mean) / sd, Z_LIMIT);
    return { percentile: clip01(percentile / 100) * 100, z };
  });
}

/**
 * A rate pulled towards the peers' pooled rate when the seller has few observations (empirical
 * Bayes with `strength` pseudo-observations): one vanished listing out of one conversation is not a
 * 100% rate worth ranking first.
 */
export function smoothedRate(events: number, trials: number, prior: number, strength: number): number {
  return (events + prior * strength) / (trials + strength);
}

function lowerBound(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The smallest double above v (so `[lowerBound(v), lowerBound(nextUp(v)))` is the run equal to v). */
function nextUp(v: number): number {
  if (Number.isNaN(v) || v === Infinity) return v;
  if (v === 0) return Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, v);
  const bits = buf.getBigUint64(0);
  buf.setBigUint64(0, v > 0 ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
}

const clip = (x: number, limit: number): number => Math.max(-limit, Math.min(limit, x));
const clip01 = (x: number): number => Math.max(0, Math.min(1, x));
