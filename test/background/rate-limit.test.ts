import { describe, expect, it } from 'vitest';
import { PerTabRateLimiter } from '../../src/background/rate-limit';

describe('the per-tab rate limit on what a content script may open', () => {
  it('lets a few requests through, refuses a burst, and lets the tab ask again once the window has passed', () => {
    let now = 0;
    const limiter = new PerTabRateLimiter({ max: 3, windowMs: 10_000 }, () => now);
    for (let i = 0; i < 3; i++) limiter.take(7);
    expect(() => limiter.take(7)).toThrow(/too many requests/);
    // Another tab has its own allowance.
    expect(() => limiter.take(8)).not.toThrow();
    now = 10_001;
    expect(() => limiter.take(7)).not.toThrow();
  });

  it('keeps refusing while a tab goes on asking within the window', () => {
    let now = 0;
    const limiter = new PerTabRateLimiter({ max: 3, windowMs: 10_000 }, () => now);
    let allowed = 0;
    for (let i = 0; i < 30; i++) {
      now += 100;
      try {
        limiter.take(1);
        allowed++;
      } catch {
        // refused
      }
    }
    expect(allowed).toBe(3);
  });

  it('remembers a bounded number of tabs', () => {
    const limiter = new PerTabRateLimiter({ max: 1, windowMs: 10_000 }, () => 0);
    for (let tab = 0; tab < 1000; tab++) limiter.take(tab);
    // The earliest tabs were forgotten, so they may ask again; the latest are still counted.
    expect(() => limiter.take(0)).not.toThrow();
    expect(() => limiter.take(999)).toThrow();
  });
});
