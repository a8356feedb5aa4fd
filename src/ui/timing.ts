/** Waiting, for the surfaces: a time, or the next frame on screen. */

/** Resolves (with nothing) after `ms`: one side of a race against an answer that may be late. */
export const wait = (ms: number) => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms));

/** Resolves once the main thread has done its part of the next frame (a task queued from the frame's callback); the frame is rastered and shown after. */
export const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Resolves once the element marked `elementtiming={identifier}` is on screen (its element timing,
 * Chromium), or the page's first contentful paint is (Firefox has no element timing), or after
 * `maxMs`. Work started at `afterPaint` competes with the frame's raster for a core: the popup's
 * app loaded then put its first results on screen 12–16 ms later (30 paired openings).
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
    const type = types.includes('element') ? 'element' : types.includes('paint') ? 'paint' : undefined;
    if (!type) return;
    const shown = (entry: PerformanceEntry & { identifier?: string }) => (type === 'element' ? entry.identifier === identifier : entry.name === 'first-contentful-paint');
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some(shown)) done();
    });
    observer.observe({ type, buffered: true });
  });
}
