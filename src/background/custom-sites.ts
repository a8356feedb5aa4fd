/**
 * Sites the user adds in the options page get the content script through a dynamic
 * registration (only for origins whose permission was granted), and open tabs of a newly added
 * site get it at once, so no reload is needed.
 */
import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_RUN_AT } from '../messaging/content-files';
import { CONTENT_SCRIPT_FILES, injectContentScript } from '../messaging/injection';
import type { Settings } from '../settings/settings';
import { originPattern } from '../settings/sites';
import { loadSettings, watchSettings } from '../settings/settings-item';

const SCRIPT_ID = 'custom-sites';

/** The match patterns of the added sites whose permission is granted. */
export async function grantedPatterns(settings: Settings): Promise<string[]> {
  const patterns = settings.customSites.map(originPattern);
  const granted = await Promise.all(patterns.map((origin) => browser.permissions.contains({ origins: [origin] }).catch(() => false)));
  return patterns.filter((_, index) => granted[index]);
}

async function syncCustomSites(settings: Settings): Promise<string[]> {
  const matches = await grantedPatterns(settings);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return matches;
  }
  const script = { id: SCRIPT_ID, matches, js: CONTENT_SCRIPT_FILES.map((file) => file.slice(1)), runAt: CONTENT_SCRIPT_RUN_AT, persistAcrossSessions: true };
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return matches;
}

/** Tabs already open on these sites get the content script now (where it is not running). */
export async function injectIntoOpenTabs(patterns: string[]): Promise<void> {
  if (patterns.length === 0) return;
  const tabs = await browser.tabs.query({ url: patterns });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : injectContentScript(tab.id, 0).catch(() => {}))));
}

export function registerCustomSites(): void {
  let known = new Set<string>();
  const sync = async (settings: Settings) => {
    const matches = await syncCustomSites(settings).catch(() => [] as string[]);
    const added = matches.filter((pattern) => !known.has(pattern));
    known = new Set(matches);
    return added;
  };
  // At start-up the registration is renewed; only sites added later are injected into open tabs.
  void loadSettings().then(sync);
  const syncAndInject = async (settings: Settings) => injectIntoOpenTabs(await sync(settings));
  watchSettings((settings) => void syncAndInject(settings));
  browser.permissions.onAdded.addListener(() => void loadSettings().then(syncAndInject));
}
