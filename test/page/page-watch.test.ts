// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADDRESS_CHECK_MS, watchAddress } from '../../src/page/page-watch';

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

/** A window whose `navigation` is a plain event target (happy-dom has no Navigation API). */
function windowWithNavigation(): Window & { navigation: EventTarget } {
  return Object.assign(Object.create(window) as Window, {
    navigation: new EventTarget(),
    addEventListener: window.addEventListener.bind(window),
    document,
  }) as Window & { navigation: EventTarget };
}

describe('watchAddress', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sets no timer where the browser tells of navigations, and hears each one', () => {
    const lifetime = fakeLifetime();
    const win = windowWithNavigation();
    const changes = vi.fn();
    const stop = new AbortController();
    watchAddress(changes, lifetime, stop.signal, win);
    expect(lifetime.timers).toEqual([]);
    win.navigation.dispatchEvent(new Event('currententrychange'));
    expect(changes).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(ADDRESS_CHECK_MS);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(changes).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(ADDRESS_CHECK_MS);
    stop.abort();
    win.navigation.dispatchEvent(new Event('currententrychange'));
    window.dispatchEvent(new PopStateEvent('popstate'));
    vi.advanceTimersByTime(ADDRESS_CHECK_MS);
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('checks a flood of navigations once at once and once after, not once each', () => {
    const lifetime = fakeLifetime();
    const win = windowWithNavigation();
    const changes = vi.fn();
    const stop = new AbortController();
    watchAddress(changes, lifetime, stop.signal, win);
    // A page that calls replaceState every 20 ms.
    for (let i = 0; i < 10; i++) {
      win.navigation.dispatchEvent(new Event('currententrychange'));
      vi.advanceTimersByTime(20);
    }
    expect(changes).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(ADDRESS_CHECK_MS);
    expect(changes).toHaveBeenCalledTimes(2);
    // Quiet again: the next navigation is checked at once.
    vi.advanceTimersByTime(ADDRESS_CHECK_MS);
    win.navigation.dispatchEvent(new Event('currententrychange'));
    expect(changes).toHaveBeenCalledTimes(3);
    stop.abort();
  });

  it('checks on a timer where the Navigation API is missing', () => {
    const lifetime = fakeLifetime();
    const changes = vi.fn();
    const win = Object.assign(Object.create(window) as Window, { navigation: undefined, addEventListener: window.addEventListener.bind(window), document });
    watchAddress(changes, lifetime, new AbortController().signal, win);
    expect(lifetime.timers).toHaveLength(1);
    vi.advanceTimersByTime(ADDRESS_CHECK_MS * 3);
    expect(changes).toHaveBeenCalledTimes(3);
  });

  it('looks at its own lifetime when the reader comes back to the tab, and does nothing once orphaned', () => {
    const lifetime = fakeLifetime();
    const win = windowWithNavigation();
    const changes = vi.fn();
    const stop = new AbortController();
    watchAddress(changes, lifetime, stop.signal, win);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(lifetime.reads).toBe(1);
    expect(changes).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(ADDRESS_CHECK_MS);
    // The extension was removed: reading the lifetime notices it, and nothing else runs.
    lifetime.valid = false;
    win.navigation.dispatchEvent(new Event('currententrychange'));
    expect(lifetime.reads).toBe(2);
    expect(changes).toHaveBeenCalledTimes(1);
    stop.abort();
  });
});
