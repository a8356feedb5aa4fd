import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterShown } from '../../src/ui/timing';

/** A PerformanceObserver whose entries the test delivers, with the entry types a browser supports. */
function fakeObserver(supported: string[]) {
  const observers: { callback: PerformanceObserverCallback; type?: string; disconnected: boolean }[] = [];
  class FakeObserver {
    static supportedEntryTypes = supported;
    private readonly record: (typeof observers)[number];
    constructor(callback: PerformanceObserverCallback) {
      this.record = { callback, disconnected: false };
      observers.push(this.record);
    }
    observe(options: { type: string }) {
      this.record.type = options.type;
    }
    disconnect() {
      this.record.disconnected = true;
    }
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  const deliver = (...entries: Partial<PerformanceEntry & { identifier: string }>[]) => {
    for (const observer of observers) if (!observer.disconnected) observer.callback({ getEntries: () => entries } as unknown as PerformanceObserverEntryList, observer as never);
  };
  return { observers, deliver };
}

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
};

describe('afterShown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it.each([
    // Chromium: the element timing of the named element, not of another one.
    { browser: 'Chromium', supported: ['element', 'paint'], type: 'element', other: { entryType: 'element', identifier: 'something-else' }, named: { entryType: 'element', identifier: 'result-count' } },
    // Firefox has no element timing: the first contentful paint.
    { browser: 'Firefox', supported: ['paint', 'mark'], type: 'paint', other: { entryType: 'paint', name: 'first-paint' }, named: { entryType: 'paint', name: 'first-contentful-paint' } },
  ])('waits for what shows the element on screen ($browser: $type entries)', async ({ supported, type, other, named }) => {
    const { observers, deliver } = fakeObserver(supported);
    const shown = afterShown('result-count', 150);
    expect(observers[0]!.type).toBe(type);
    deliver(other);
    expect(await settled(shown)).toBe(false);
    deliver(named);
    expect(await settled(shown)).toBe(true);
    expect(observers[0]!.disconnected).toBe(true);
  });

  it('gives up after its time when nothing is reported, and observes nothing where it cannot', async () => {
    const { observers } = fakeObserver(['element']);
    const shown = afterShown('result-count', 150);
    await vi.advanceTimersByTimeAsync(149);
    expect(await settled(shown)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(shown)).toBe(true);
    expect(observers[0]!.disconnected).toBe(true);

    const none = fakeObserver([]);
    const unobserved = afterShown('result-count', 50);
    expect(none.observers).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(await settled(unobserved)).toBe(true);
  });
});
