/** Waiting, for the surfaces: a time, or the next frame on screen. */

/** Resolves (with nothing) after `ms`: one side of a race against an answer that may be late. */
export const wait = (ms: number) => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms));

/** Resolves after the next frame is shown: a task queued from the frame's callback runs once it is. */
export const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Resolves once the element marked `elementtiming={identifier}` is on screen (its element timing,
 * Chromium), or the page's first contentful paint is (Firefox has no element timing), or after
 * `maxMs`. `afterPaint` resolves once the main thread has done its part of a frame; the frame is
 * rastered and shown after that, and work started then competes with it for a core.
 */
export function afterShown(identifier: string, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    let observer: PerformanceObserver | undefined;
    const done = () => {
      observer?.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    const types = typeof PerformanceObserver === 'undefined' ? [] : (PerformanceObserver.supportedEntryTypes ?? []);
    const shown = types.includes('element')
      ? (entry: PerformanceEntry) => entry.entryType === 'element' && (entry as PerformanceEntry & { identifier?: string }).identifier === identifier
      : types.includes('paint')
        ? (entry: PerformanceEntry) => entry.name === 'first-contentful-paint'
        : undefined;
    if (!shown) return;
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some(shown)) done();
    });
    observer.observe({ type: types.includes('element') ? 'element' : 'paint', buffered: true });
  });
}
