/**
 * After an install or an update, tabs already open on the user's sites get the new content script
 * at once, so marks and cards work there without a reload. (The old script, if one is left, has
 * stood down: see content-app.ts. Firefox also re-runs declared scripts itself; the injection
 * probes first, so a frame never runs two.)
 */
import { browser } from 'wxt/browser';
import { loadSettings } from '../settings/settings-item';
import { DEFAULT_SITE_MATCHES } from '../settings/sites';
import { grantedPatterns, injectIntoOpenTabs } from './custom-sites';

export function injectIntoOpenTabsOnInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    void loadSettings()
      .then(async (settings) => injectIntoOpenTabs([...DEFAULT_SITE_MATCHES, ...(await grantedPatterns(settings))]))
      .catch(() => {});
  });
}
