/**
 * The search engine of an extension page. Its chunk (code and prebuilt index) loads beside the
 * page's module, off the path to the first paint; the engine is cheap to make (its index loads
 * on first use), and the index loads once the page has painted, so the next keystroke finds it
 * loaded. The popup, opening on a query (`prepareShippedEngine(firstQuery)`), shows the hits
 * known for it as soon as the chunk is in (`first-results.ts`); without any, it asks the
 * background and waits for it a moment, not for ever (a background that is asleep answers later
 * than the index loads here).
 */
import { useEffect, useState } from 'preact/hooks';
import type { SearchEngine } from '../../search/engine';
import { afterPaint, wait } from '../timing';
import { askBackground, BACKGROUND_WAIT_MS, knownHits } from './first-results';

// The chunk starts loading with the page's module, not after its first render.
const shippedEngine = import('../../search/shipped-engine');
let built: SearchEngine | undefined;

/**
 * The engine, once its chunk is in and the first query's hits are known (kept, or asked of the
 * background for a moment); its index loads after the next paint.
 */
export async function prepareShippedEngine(firstQuery?: Promise<string>): Promise<SearchEngine> {
  // Asked as soon as the query is known, while the chunk loads.
  const asked = firstQuery?.then(async (query) => {
    if (!knownHits(query)) await Promise.race([askBackground(query), wait(BACKGROUND_WAIT_MS)]);
  });
  const { createShippedEngine } = await shippedEngine;
  const engine = (built ??= createShippedEngine());
  await asked;
  void afterPaint().then(() => engine.loadIndex());
  return engine;
}

export function useShippedEngine(): SearchEngine | undefined {
  const [engine, setEngine] = useState<SearchEngine | undefined>(built);
  useEffect(() => {
    if (built) return;
    let cancelled = false;
    void prepareShippedEngine().then((prepared) => {
      if (!cancelled) setEngine(prepared);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return engine;
}
