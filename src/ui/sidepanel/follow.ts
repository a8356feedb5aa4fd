/**
 * What the side panel follows: the active tab of its window (switches, loads and closes), and
 * that tab's page through the content script's feed (`src/messaging/panel-feed.ts`), which also
 * reports the navigations that do not load (GitHub's Turbo and React).
 */
import { browser, type Browser } from 'wxt/browser';
import { PANEL_FEED_PORT, readPageTerms } from '../../messaging/panel-feed';
import { pageContextOf, type PageState, reachPage, unreadableOf } from '../search/page-context';

export interface FollowedTab {
  id: number;
  /** Known for our sites and where `activeTab` was granted (no `tabs` permission). */
  url?: string | undefined;
}

export interface TabEvents {
  /** Another tab became active in the window. */
  onTab(tab: FollowedTab): void;
  /** The active tab finished loading a page (not the navigations without a load: the feed has those). */
  onLoaded(tab: FollowedTab): void;
  onLoading(tabId: number): void;
  onClosed(tabId: number): void;
}

const followed = (tab: Browser.tabs.Tab): FollowedTab | undefined => (tab.id === undefined ? undefined : { id: tab.id, url: tab.url });

/** Follows the active tab of a window until the returned function is called. */
export function followActiveTab(windowId: number, events: TabEvents): () => void {
  let activeId: number | undefined;
  const announce = (tab: Browser.tabs.Tab | undefined) => {
    const next = tab && followed(tab);
    if (!next) return;
    activeId = next.id;
    events.onTab(next);
  };
  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (info.windowId !== windowId) return;
    void browser.tabs.get(info.tabId).then(announce, () => {});
  };
  const onUpdated = (tabId: number, change: { status?: string }, tab: Browser.tabs.Tab) => {
    if (tabId !== activeId) return;
    if (change.status === 'loading') events.onLoading(tabId);
    if (change.status === 'complete') events.onLoaded({ id: tabId, url: tab.url });
  };
  const onRemoved = (tabId: number) => events.onClosed(tabId);
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onRemoved.addListener(onRemoved);
  void browser.tabs.query({ active: true, windowId }).then(([tab]) => announce(tab), () => {});
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.tabs.onRemoved.removeListener(onRemoved);
  };
}

/**
 * Reads a tab's page now and after every change, through a port to its content script (injected
 * first where it is not declared). Stops when the returned function is called or the page goes.
 */
export function watchPage(tab: FollowedTab, onPage: (page: PageState) => void): () => void {
  let port: Browser.runtime.Port | undefined;
  let stopped = false;
  onPage(undefined);
  void reachPage(tab).then(
    () => {
      if (stopped) return;
      port = browser.tabs.connect(tab.id, { name: PANEL_FEED_PORT, frameId: 0 });
      port.onMessage.addListener((message: unknown) => {
        if (stopped) return;
        const page = readPageTerms(message);
        // Something that is not a page's terms at all still ends "reading": the panel says it cannot read the tab.
        onPage(page ? pageContextOf(tab.id, page) : { unreadable: 'unknown' });
      });
      // The page unloaded (a load follows, `TabEvents.onLoaded`), or no script answered.
      port.onDisconnect.addListener(() => {
        port = undefined;
      });
    },
    (error: unknown) => {
      if (!stopped) onPage({ unreadable: unreadableOf(error) });
    },
  );
  return () => {
    stopped = true;
    port?.disconnect();
  };
}
