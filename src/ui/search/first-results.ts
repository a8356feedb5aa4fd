/**
 * The popup's first results without waiting for its own index: loading the index is most of
 * what the popup's engine costs (tens of milliseconds), while the background's engine usually
 * has it loaded already (it answers the cards). The popup asks the background for the hits of
 * the query it opens on; the same data and code give the same hits its own index would. Any
 * other query, or once the index is loaded, is searched here.
 */
import { backgroundMessaging } from '../../messaging/protocol';
import { MAX_QUERY_CHARS } from '../../messaging/validate';
import { listHits } from '../../search/cards';
import type { SearchEngine, SearchHit } from '../../search/engine';

/** How long the popup waits for the background before loading its own index. */
export const BACKGROUND_WAIT_MS = 40;

const answered = new Map<string, SearchHit[]>();

/** Asks the background for `query`'s hits; resolves when they are in, or at once for no query. */
export async function askBackground(query: string): Promise<void> {
  if (query.trim() === '' || query.length > MAX_QUERY_CHARS) return;
  const hits = await backgroundMessaging.sendMessage('listHits', { query }).catch(() => undefined);
  if (hits) answered.set(query, hits);
}

export function hitsFor(engine: SearchEngine, query: string): SearchHit[] {
  return (!engine.indexLoaded && answered.get(query)) || listHits(engine, query);
}
