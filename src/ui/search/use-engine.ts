/** The search engine for an extension page, built from its chunk (code and prebuilt index). */
import { useEffect, useState } from 'preact/hooks';
import type { SearchEngine } from '../../search/engine';

// The chunk starts loading with the page's module, not after its first render: it arrives while
// the page paints.
const shippedEngine = import('../../search/shipped-engine');
let built: SearchEngine | undefined;

export function useShippedEngine(): SearchEngine | undefined {
  const [engine, setEngine] = useState<SearchEngine | undefined>(built);
  useEffect(() => {
    if (built) return;
    let cancelled = false;
    void shippedEngine.then(({ createShippedEngine }) => {
      built ??= createShippedEngine();
      if (!cancelled) setEngine(built);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return engine;
}
