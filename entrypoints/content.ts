import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_SCRIPT_RUN_AT } from '../src/messaging/injection';
import { ContentApp } from '../src/page/content-app';
import { DEFAULT_SITE_MATCHES } from '../src/settings/sites';

export default defineContentScript({
  matches: DEFAULT_SITE_MATCHES,
  runAt: CONTENT_SCRIPT_RUN_AT,
  // WXT's started message would tell every page the extension's id (window.postMessage).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // WXT also tells older copies of the script, with a DOM event, that a new one started; a page
    // can dispatch that event too, so only a copy whose extension context is really gone obeys it.
    const isNewerScript = ctx.verifyScriptStartedEvent.bind(ctx);
    ctx.verifyScriptStartedEvent = (event) => isNewerScript(event) && browser.runtime?.id == null;
    ContentApp.start(ctx);
  },
});
