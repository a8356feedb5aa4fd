/**
 * Recent searches and the last query, kept on this device only (`storage.local`). What is read
 * back is checked like a message: a content script can write `storage.local` too, so a value of
 * the wrong type or size is dropped and replaced by a valid one, never shown or saved again.
 */
import { useEffect, useState } from 'preact/hooks';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { MAX_QUERY_CHARS } from '../../messaging/validate';

export const MAX_RECENT = 8;
const MAX_RECENT_CHARS = 200;
/** How much of a stored list is looked at, however long it is. */
const MAX_RECENT_READ = 100;

export const recentSearchesItem = storage.defineItem<string[]>('local:recentSearches', { fallback: [] });
export const lastQueryItem = storage.defineItem<string>('local:lastQuery', { fallback: '' });

const normalize = (query: string) => query.trim().replace(/\s+/g, ' ');

/** Adds a query to the front of the recent list, without duplicates (case and spacing ignored). */
export function withRecent(recent: readonly string[], query: string): string[] {
  const normalized = normalize(query);
  if (normalized === '' || normalized.length > MAX_RECENT_CHARS) return [...recent];
  const key = normalized.toLowerCase();
  return [normalized, ...recent.filter((item) => item.toLowerCase() !== key)].slice(0, MAX_RECENT);
}

/** A stored recent list as it should be: strings only, each once, at most `MAX_RECENT`. */
export function validRecentSearches(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  let recent: string[] = [];
  for (const item of value.slice(0, MAX_RECENT_READ).reverse()) if (typeof item === 'string') recent = withRecent(recent, item);
  return recent;
}

/** A stored query as it should be: text, cut to a search box's worth. */
export function validQuery(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_QUERY_CHARS) : '';
}

/** Reads an item through its check; a stored value that fails it is replaced by the checked one. */
async function readChecked<T>(item: WxtStorageItem<T, Record<string, unknown>>, check: (value: unknown) => T): Promise<T> {
  const stored: unknown = await item.getValue().catch(() => undefined);
  const valid = check(stored);
  if (stored !== undefined && JSON.stringify(stored) !== JSON.stringify(valid)) await item.setValue(valid).catch(() => {});
  return valid;
}

export const readRecentSearches = (): Promise<string[]> => readChecked(recentSearchesItem, validRecentSearches);
export const readLastQuery = (): Promise<string> => readChecked(lastQueryItem, validQuery);

/** The recent searches, shared by the popup and the side panel. */
export function useRecentSearches(): { recent: string[]; remember(query: string): void; clear(): void } {
  const [recent, setRecent] = useState<string[]>([]);
  useEffect(() => {
    void readRecentSearches().then(setRecent);
    return recentSearchesItem.watch((value) => setRecent(validRecentSearches(value)));
  }, []);
  return {
    recent,
    remember(query) {
      setRecent((current) => {
        const next = withRecent(current, query);
        void recentSearchesItem.setValue(next).catch(() => {});
        return next;
      });
    },
    clear() {
      setRecent([]);
      void recentSearchesItem.setValue([]).catch(() => {});
    },
  };
}
