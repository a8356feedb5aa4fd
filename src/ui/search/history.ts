/** Recent searches and the last query, kept on this device only (`storage.local`). */
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
