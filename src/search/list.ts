/**
 * What a search list (popup, side panel, answer page) shows of a query's hits: the close matches
 * (at most SEARCH_LIMIT) first, then a few answers that are only the nearest, for orientation,
 * never a long list of misses. Imports nothing: the popup's first paint uses `SEARCH_LIMIT`.
 */
export const SEARCH_LIMIT = 20;
const NEAREST_LIMIT = 5;

/** Confident results first, each group in rank order: what a list shows as the answer. */
export function confidentFirst<T extends { confident: boolean }>(hits: readonly T[]): T[] {
  return [...hits.filter((hit) => hit.confident), ...hits.filter((hit) => !hit.confident)];
}

/** The hits a list shows, and how many close matches there are in all. */
export function shownHits<T extends { confident: boolean }>(hits: readonly T[]): { shown: T[]; total: number } {
  const close = hits.filter((hit) => hit.confident);
  return { shown: confidentFirst([...close.slice(0, SEARCH_LIMIT), ...hits.filter((hit) => !hit.confident).slice(0, NEAREST_LIMIT)]), total: close.length };
}
