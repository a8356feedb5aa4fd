/**
 * The content script's side of the side panel's feed (`src/messaging/panel-feed.ts`): while a
 * panel of ours is connected, the page's terms go to it whenever what "On this page" depends on
 * changes: the address, the title, the question, or the marks' scan finishing. The page tells of
 * those changes (`watchChanges`): a panel beside an idle page wakes nothing in it.
 */
import { browser, type Browser } from 'wxt/browser';
import { extensionUrl } from '../messaging/answer-page';
import { PANEL_FEED_PORT } from '../messaging/panel-feed';
import type { PageTerms } from '../messaging/protocol';

/**
 * Starts serving; the function it returns stops. `watchChanges` calls its argument after each
 * change the signature may show, until the function it returns is called.
 */
export function servePanelFeed(read: () => Promise<PageTerms>, signature: () => string, watchChanges: (onChange: () => void) => () => void): () => void {
  const serve = (port: Browser.runtime.Port) => {
    if (port.name !== PANEL_FEED_PORT) return;
    // Only our own extension pages (the side panel) may listen to the page.
    if (port.sender?.id !== browser.runtime.id || !port.sender.url?.startsWith(extensionUrl('/'))) {
      port.disconnect();
      return;
    }
    let seen: string | undefined;
    let sent = '';
    let open = true;
    const check = () => {
      const now = signature();
      if (now === seen) return;
      seen = now;
      void read().then((page) => {
        const json = JSON.stringify(page);
        if (!open || json === sent) return;
        sent = json;
        port.postMessage(page);
      }, () => {});
    };
    check();
    const stopWatching = watchChanges(check);
    port.onDisconnect.addListener(() => {
      open = false;
      stopWatching();
    });
  };
  browser.runtime.onConnect.addListener(serve);
  return () => browser.runtime.onConnect.removeListener(serve);
}
