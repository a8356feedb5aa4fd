/**
 * The content script's read-only view of the settings: the same `storage.sync` key as
 * `settings-item.ts`, read without the storage library, which would double the script's code on
 * every page. Migrations run where settings are written; `normalizeSettings` accepts any shape.
 */
import { browser } from 'wxt/browser';
import { normalizeSettings, SETTINGS_KEY, type Settings } from './settings';

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY).catch(() => ({}) as Record<string, unknown>);
  return normalizeSettings(stored[SETTINGS_KEY]);
}

export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) callback(normalizeSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
