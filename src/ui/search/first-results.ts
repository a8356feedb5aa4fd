/**
 * A page's first results without waiting for its index: loading the index is most of what the
 * engine costs (tens of milliseconds), and the page paints first. The hits for the query a page
 * opens on come from what is already known: the last query's hits, kept in `localStorage`
 * (a popup reopened on its last query shows them as soon as its engine is in), or the background's
 * engine, which has its index loaded while it answers the cards. The same data, code and
 * ranking (`SHIPPED_INDEX_VERSION`) give the same hits the page's own index would. Any other
 * query, or any once the index is loaded, is searched here.
 */
import { backgroundMessaging } from '../../messaging/protocol';
import { MAX_QUERY_CHARS } from '../../messaging/validate';
import { listHits } from '../../search/cards';
import type { SearchEngine, SearchHit } from '../../search/engine';
import { SHIPPED_INDEX_VERSION } from '../../search/shipped-engine';

/** How long a page waits for the background before loading its own index. */
export const BACKGROUND_WAIT_MS = 40;
/** A list shows the close matches and this many nearest (`results.ts`): what is kept of a query's hits. */
const NEAREST_KEPT = 5;
const LAST_HITS_KEY = 'istio-experts:last-hits';

const answered = new Map<string, SearchHit[]>();

interface LastHits {
  version: string;
  query: string;
  hits: SearchHit[];
}

function lastHits(query: string): SearchHit[] | undefined {
  try {
    const kept = JSON.parse(localStorage.getItem(LAST_HITS_KEY) ?? 'null') as LastHits | null;
    return kept?.version === SHIPPED_INDEX_VERSION && kept.query === query && Array.isArray(kept.hits) ? kept.hits : undefined;
  } catch {
    return undefined;
  }
}

function keepLastHits(query: string, hits: readonly SearchHit[]): void {
  const kept = [...hits.filter((hit) => hit.confident), ...hits.filter((hit) => !hit.confident).slice(0, NEAREST_KEPT)];
  try {
    localStorage.setItem(LAST_HITS_KEY, JSON.stringify({ version: SHIPPED_INDEX_VERSION, query, hits: kept } satisfies LastHits));
  } catch {
    // (storage full or refused: the next opening searches)
  }
}

/** The hits known for `query` without the index, if any. */
export function knownHits(query: string): SearchHit[] | undefined {
  return answered.get(query) ?? lastHits(query);
}

/** Asks the background for `query`'s hits; resolves when they are in, or at once for no query. */
export async function askBackground(query: string): Promise<void> {
  if (query.trim() === '' || query.length > MAX_QUERY_CHARS) return;
  const hits = await backgroundMessaging.sendMessage('listHits', { query }).catch(() => undefined);
  if (hits) rememberHits(query, hits);
}

/** Hits the background gave for `query` another way (the popup's first paint asked for its list). */
export function rememberHits(query: string, hits: SearchHit[]): void {
  answered.set(query, hits);
}

export function hitsFor(engine: SearchEngine, query: string): SearchHit[] {
  const known = engine.indexLoaded ? undefined : knownHits(query);
  if (known) return known;
  const hits = listHits(engine, query);
  keepLastHits(query, hits);
  return hits;
}
