/**
 * The search engine for an extension page, built from its chunk (code and prebuilt index). The
 * engine is there as soon as its chunk is; its index loads after the first results are shown
 * (`first-results.ts`), or when a search needs it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SearchEngine } from '../../search/engine';
import { askBackground, BACKGROUND_WAIT_MS } from './first-results';

// The chunk starts loading with the page's module, not after its first render: it arrives while
// the page paints.
const shippedEngine = import('../../search/shipped-engine');
let built: SearchEngine | undefined;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `firstQuery`: the query the page opens on, as soon as it is known; the background is asked
 * for its hits while the chunk loads, and the engine waits for them a moment (not for ever: a
 * background that is asleep answers later than the index loads here).
 */
export function useShippedEngine(firstQuery?: Promise<string>): SearchEngine | undefined {
  const [engine, setEngine] = useState<SearchEngine | undefined>(built);
  useEffect(() => {
    if (built) return;
    let cancelled = false;
    const asked = firstQuery?.then(askBackground);
    void shippedEngine.then(async ({ createShippedEngine }) => {
      built ??= createShippedEngine();
      if (asked) await Promise.race([asked, wait(BACKGROUND_WAIT_MS)]);
      if (cancelled) return;
      setEngine(built);
      // After the first results are painted (a task after the next frame), so the next
      // keystroke finds the index loaded.
      requestAnimationFrame(() => setTimeout(() => built?.loadIndex(), 0));
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return engine;
}
