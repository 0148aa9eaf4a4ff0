import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('the per-token rate limiter', () => {
  it('allows a burst up to the limit, then asks the caller to wait', () => {
    let now = 0;
    const rl = new RateLimiter(3, () => now);
    expect([rl.take('a'), rl.take('a'), rl.take('a')]).toEqual([0, 0, 0]);
    expect(rl.take('a')).toBe(20); // one token comes back every 20 s at 3/min
    expect(rl.take('b')).toBe(0); // other tokens are not affected
    now += 20_000;
    expect(rl.take('a')).toBe(0);
  });
});
