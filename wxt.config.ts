import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { eagerCompile } from './src/build/eager-compile';
import { firstPaintChunk } from './src/build/first-paint-chunk';
import { noInnerHtml } from './src/build/no-inner-html';
import { polyfillAsEsm } from './src/build/polyfill-as-esm';
import { MIN_CHROME, MIN_FIREFOX } from './src/build/targets';
import { datasetPlugin } from './src/data/vite-plugin';
import { CONTENT_APP, CONTENT_SCRIPT_RUN_AT, contentScriptFiles } from './src/messaging/content-files';
import { DEFAULT_SITE_MATCHES } from './src/settings/sites';

// The manifest is written here; every permission is justified in README.md#permissions.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  vite: () => ({
    plugins: [preact(), datasetPlugin(), noInnerHtml(), polyfillAsEsm(), firstPaintChunk(/[\\/]src[\\/]ui[\\/]popup[\\/]start\.ts$/, 'ui-shell'), eagerCompile(CONTENT_APP.slice(1))],
    // Both targets preload modules themselves: the polyfill for it was a script on every page.
    build: { target: [`chrome${MIN_CHROME}`, `firefox${MIN_FIREFOX}`], modulePreload: { polyfill: false } },
  }),
  zip: {
    // The Firefox store reviews the sources zip: everything `npm ci && npm run build` needs.
    excludeSources: ['test/e2e/artifacts/**', '.scratch/**', 'stats.html'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    host_permissions: DEFAULT_SITE_MATCHES,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'lookup-selection': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: '__MSG_commandLookupSelection__',
      },
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+I' },
      },
      // Three suggested shortcuts of the four Chromium allows an extension.
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandOpenSidePanel__',
      },
    },
    // The content script: a loader and its app (src/messaging/content-files.ts), as unlisted scripts.
    content_scripts: [{ matches: DEFAULT_SITE_MATCHES, run_at: CONTENT_SCRIPT_RUN_AT, js: contentScriptFiles(browser === 'firefox').map((file) => file.slice(1)) }],
    // Chromium: the content script's app, imported as a module by its loader on any page the
    // loader runs on (built-in sites, added ones, a page looked up through activeTab), served only
    // at an address that changes every session (src/messaging/content-files.ts, README#permissions).
    ...(browser === 'firefox' ? {} : { web_accessible_resources: [{ resources: [CONTENT_APP.slice(1)], matches: ['<all_urls>'], use_dynamic_url: true }] }),
    // Not "istio": typed with a space it would take every "istio …" search from the user's search engine (README).
    omnibox: { keyword: 'iqa' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'istio-expert-answers@istio-big-talk.example',
              strict_min_version: `${MIN_FIREFOX}.0`,
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android learned data_collection_permissions in 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: String(MIN_CHROME) }),
  }),
});
