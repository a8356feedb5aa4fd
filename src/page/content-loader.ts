/**
 * The content script's loader: what the browser runs on a page, at `document_start`. The app
 * (ContentApp, `content-app.js`) comes after it: imported as a module in Chromium, which parses a
 * module on a background thread where it parses a content script on the page's main thread; run
 * as the next script in Firefox (src/messaging/content-files.ts). The loader adopts the marks'
 * sheets first, on a page marked from the start, so the app, coming in late, does not have the
 * page restyled (mark-styles.ts). Where a page must first prove it is about Istio (GitHub outside
 * the mesh organisations), the app waits until the page names Istio or Envoy (content-gate.ts).
 *
 * Its own parse is on the main thread, so it carries nothing else: the browser API without the
 * polyfill (`@wxt-dev/browser`, WXT's own, for `runtime.getURL` alone), and no
 * ContentScriptContext (the app makes its own).
 */
import { browser } from '@wxt-dev/browser';
import mentionSpellings from 'virtual:mention-spellings';
import { mentionPattern } from '../glossary/mention';
import { appStarted, CONTENT_APP, CONTENT_APP_GATE } from '../messaging/content-files';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { markedFromStart } from '../settings/site-status';
import { appGate } from './content-gate';
import { adoptEarlySheets } from './mark-styles';

/**
 * Starts the app in this frame, once, when the page needs it (`appGate`). Settles once the app
 * listens, so whoever injected the loader (`injectContentScript`, which waits for
 * `executeScript`'s result) may message it at once.
 */
export async function loadContentApp(doc: Document = document): Promise<void> {
  if (appStarted()) return;
  // As far as the address tells before the settings are read: most pages of a built-in site.
  if (doc.readyState === 'loading' && markedFromStart(doc.location.href, DEFAULT_SETTINGS)) adoptEarlySheets(doc);
  const gate = appGate(doc, () => mentionPattern(mentionSpellings));
  // For an app that runs as the next script (Firefox), which waits for it (`afterAppGate`).
  (globalThis as Record<string, unknown>)[CONTENT_APP_GATE] = gate;
  if (!gate.open) {
    await gate.opened;
    // The extension was updated or removed while this copy waited: the new one has its own loader.
    if (!browser.runtime?.id) return;
  }
  // In Firefox the app runs next, as a script of its own; the build leaves no import() there.
  if (!import.meta.env?.FIREFOX) await import(/* @vite-ignore */ browser.runtime.getURL(CONTENT_APP));
}
