// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADDRESS_CHECK_MS, watchAddress } from '../../src/page/page-watch';

/** Past the interval in which further checks are folded into one. */
const QUIET_MS = ADDRESS_CHECK_MS + 1;

/** A lifetime as WXT's context gives it: its timers run only while it is valid. */
function fakeLifetime() {
  const lifetime = {
    valid: true,
    reads: 0,
    timers: [] as number[],
    get isValid() {
      this.reads++;
      return this.valid;
    },
    setInterval(handler: () => void, timeout?: number) {
      const id = window.setInterval(() => lifetime.valid && handler(), timeout);
      this.timers.push(id);
      return id;
    },
  };
  return lifetime;
}

/**
 * `watchAddress` on a window whose `navigation` is a plain event target (happy-dom has no
 * Navigation API), or that has none; `navigate` dispatches what a same-document navigation fires.
 */
function watched(withNavigation = true) {
  const lifetime = fakeLifetime();
  const navigation = withNavigation ? new EventTarget() : undefined;
  const win = Object.assign(Object.create(window) as Window, { navigation, addEventListener: window.addEventListener.bind(window), document });
  const changes = vi.fn();
  const stop = new AbortController();
  watchAddress(changes, lifetime, stop.signal, win);
  return { lifetime, changes, stop, navigate: () => navigation!.dispatchEvent(new Event('currententrychange')) };
}

describe('watchAddress', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sets no timer where the browser tells of navigations, and hears each one', () => {
    const { lifetime, changes, stop, navigate } = watched();
    expect(lifetime.timers).toEqual([]);
    navigate();
    expect(changes).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(QUIET_MS);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(changes).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(QUIET_MS);
    stop.abort();
    navigate();
    window.dispatchEvent(new PopStateEvent('popstate'));
    vi.advanceTimersByTime(QUIET_MS);
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('checks a flood of navigations once at once and once after, not once each', () => {
    const { changes, stop, navigate } = watched();
    // A page that calls replaceState every 20 ms.
    for (let i = 0; i < 10; i++) {
      navigate();
      vi.advanceTimersByTime(20);
    }
    expect(changes).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(ADDRESS_CHECK_MS);
    expect(changes).toHaveBeenCalledTimes(2);
    // Quiet again: the next navigation is checked at once.
    vi.advanceTimersByTime(QUIET_MS);
    navigate();
    expect(changes).toHaveBeenCalledTimes(3);
    stop.abort();
  });

  it('checks on a timer where the Navigation API is missing', () => {
    const { lifetime, changes, stop } = watched(false);
    expect(lifetime.timers).toHaveLength(1);
    vi.advanceTimersByTime(ADDRESS_CHECK_MS * 3);
    expect(changes).toHaveBeenCalledTimes(3);
    stop.abort();
  });

  it('looks at its own lifetime when the reader comes back to the tab, and does nothing once orphaned', () => {
    const { lifetime, changes, stop, navigate } = watched();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(lifetime.reads).toBe(1);
    expect(changes).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(QUIET_MS);
    // The extension was removed: reading the lifetime notices it, and nothing else runs.
    lifetime.valid = false;
    navigate();
    expect(lifetime.reads).toBe(2);
    expect(changes).toHaveBeenCalledTimes(1);
    stop.abort();
  });
});
