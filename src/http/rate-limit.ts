/**
 * A token bucket per key, in process memory: `perMinute` requests a minute with bursts up to the
 * same number. Several API processes on one PostgreSQL each keep their own buckets (documented).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token; returns 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    const t = this.now();
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: t };
    const tokens = Math.min(this.perMinute, b.tokens + (t - b.at) * rate);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: t });
      return Math.max(1, Math.ceil((1 - tokens) / rate / 1000));
    }
    this.buckets.set(key, { tokens: tokens - 1, at: t });
    if (this.buckets.size > 100_000) this.sweep(t);
    return 0;
  }

  private sweep(t: number): void {
    for (const [k, b] of this.buckets) if (t - b.at > 120_000) this.buckets.delete(k);
  }
}
