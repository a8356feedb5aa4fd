/** Recent searches and the last query, kept on this device only (`storage.local`). */
import { useEffect, useState } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';

const MAX_RECENT = 8;

export const recentSearchesItem = storage.defineItem<string[]>('local:recentSearches', { fallback: [] });
export const lastQueryItem = storage.defineItem<string>('local:lastQuery', { fallback: '' });

/** Adds a query to the front of the recent list, without duplicates (case and spacing ignored). */
export function withRecent(recent: readonly string[], query: string): string[] {
  const normalized = query.trim().replace(/\s+/g, ' ');
  if (normalized === '' || normalized.length > 200) return [...recent];
  const key = normalized.toLowerCase();
  return [normalized, ...recent.filter((item) => item.toLowerCase() !== key)].slice(0, MAX_RECENT);
}

/** The recent searches, shared by the popup and the side panel. */
export function useRecentSearches(): { recent: string[]; remember(query: string): void; clear(): void } {
  const [recent, setRecent] = useState<string[]>([]);
  useEffect(() => {
    void recentSearchesItem.getValue().then(setRecent);
    return recentSearchesItem.watch((value) => setRecent(value ?? []));
  }, []);
  return {
    recent,
    remember(query) {
      setRecent((current) => {
        const next = withRecent(current, query);
        void recentSearchesItem.setValue(next);
        return next;
      });
    },
    clear() {
      setRecent([]);
      void recentSearchesItem.setValue([]);
    },
  };
}
