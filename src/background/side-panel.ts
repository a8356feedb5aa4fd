/**
 * The side panel from the background: a card's "Open in side panel" and the keyboard shortcut.
 * Both must ask the browser before anything is awaited (the user's gesture is only good for the
 * call made in the handler itself). Chromium counts a click in our card as that gesture; Firefox
 * counts only its own controls (the shortcut, the toolbar, the sidebar menu, our pages), so from
 * a card it says how to open it, and the request waits for the panel.
 */
import { browser, type Browser } from 'wxt/browser';
import { backgroundMessaging, type PanelOutcome, type PanelRequest } from '../messaging/protocol';
import { isSidePanelOpen, openSidePanel, requestPanel, sidePanelShortcut, type StoredPanelRequest } from '../messaging/side-panel';
import { contentScriptTab, MAX_QUERY_CHARS, popupRequest } from '../messaging/validate';
import { openingLimits } from './rate-limit';
import { knownAnswerId } from './requests';

function panelRequest(data: unknown): PanelRequest {
  const request = popupRequest(data, MAX_QUERY_CHARS);
  return request.answerId === undefined ? request : { ...request, answerId: knownAnswerId(request.answerId) };
}

/** Asks for the panel now, synchronously; the promise says whether it opened. */
function openNow(windowId: number): Promise<boolean> {
  try {
    return openSidePanel(windowId).then(() => true, () => false);
  } catch {
    return Promise.resolve(false);
  }
}

async function handOver(opening: Promise<boolean>, windowId: number, request: Omit<StoredPanelRequest, 'at'>): Promise<PanelOutcome> {
  const opened = (await opening) || (await isSidePanelOpen(windowId).catch(() => false));
  // Opened or not, the request waits for the panel (Firefox: until the user opens it).
  await requestPanel(windowId, request);
  if (opened) return { opened };
  const shortcut = await sidePanelShortcut();
  return { opened, ...(shortcut ? { shortcut } : {}) };
}

export function registerSidePanelMessages(): void {
  backgroundMessaging.onMessage('openSidePanel', ({ sender, data }) => {
    const tab = contentScriptTab(sender);
    const request = panelRequest(data);
    openingLimits.sidePanel.take(tab.tabId);
    return handOver(openNow(tab.windowId), tab.windowId, request);
  });
}

/** The shortcut: opens the panel (it also granted `activeTab`, so the panel reads the tab again). */
export function openSidePanelFromCommand(tab: Browser.tabs.Tab | undefined): Promise<PanelOutcome> {
  const windowId = tab?.windowId ?? browser.windows.WINDOW_ID_CURRENT;
  const opening = openNow(windowId);
  return (async () => {
    const id = windowId === browser.windows.WINDOW_ID_CURRENT ? (await browser.windows.getCurrent()).id : windowId;
    if (id === undefined) return { opened: await opening };
    return handOver(opening, id, { reread: true });
  })();
}
