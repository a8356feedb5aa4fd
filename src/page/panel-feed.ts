/**
 * The content script's side of the side panel's feed (`src/messaging/panel-feed.ts`): while a
 * panel of ours is connected, the page's terms go to it whenever what "On this page" depends on
 * changes: the address, the title, the question, or the marks' scan finishing.
 */
import { browser, type Browser } from 'wxt/browser';
import { extensionUrl } from '../messaging/answer-page';
import { PANEL_FEED_PORT } from '../messaging/panel-feed';
import type { PageTerms } from '../messaging/protocol';

/** How often a connected panel's page is checked for a change (the marker checks the URL as often). */
const CHECK_MS = 500;

/** Starts serving; the function it returns stops (an orphaned script's timers stop with its `lifetime`). */
export function servePanelFeed(read: () => Promise<PageTerms>, signature: () => string, lifetime: { setInterval(run: () => void, ms: number): number }): () => void {
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
    const timer = lifetime.setInterval(check, CHECK_MS);
    port.onDisconnect.addListener(() => {
      open = false;
      clearInterval(timer);
    });
  };
  browser.runtime.onConnect.addListener(serve);
  return () => browser.runtime.onConnect.removeListener(serve);
}
