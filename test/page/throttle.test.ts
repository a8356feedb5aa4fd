import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttled } from '../../src/page/throttle';

describe('throttled', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once, folds the calls of an interval into one at its end, and sets no timer when quiet', () => {
    const run = vi.fn();
    const call = throttled(run, 500);
    call();
    expect(run).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 20; i++) {
      call();
      vi.advanceTimersByTime(10);
    }
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('drops a folded call once cancelled', () => {
    const run = vi.fn();
    const call = throttled(run, 500);
    call();
    call();
    call.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
