import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { afterAppGate } from '../src/messaging/content-files';
import { ContentApp } from '../src/page/content-app';

// The content script's app, after its loader (src/page/content-loader.ts): imported as a module in
// Chromium, the loader's next script in Firefox, where it waits for the loader's gate (content-gate.ts).
export default defineUnlistedScript(() => afterAppGate(() => {
  // WXT's started message would tell every page the extension's id (window.postMessage).
  const ctx = new ContentScriptContext('content', { noScriptStartedPostMessage: true });
  // WXT also tells older copies of the script, with a DOM event, that a new one started; a page
  // can dispatch that event too, so only a copy whose extension context is really gone obeys it.
  const isNewerScript = ctx.verifyScriptStartedEvent.bind(ctx);
  ctx.verifyScriptStartedEvent = (event) => isNewerScript(event) && browser.runtime?.id == null;
  ContentApp.start(ctx);
}));
