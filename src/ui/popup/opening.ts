/** What the popup opens on, and its hand-over to the side panel: shared by its first paint and the app. */
import { browser } from 'wxt/browser';
import { clearPopupRequest, popupRequestIn } from '../../messaging/popup-request';
import { openSidePanel, requestPanel } from '../../messaging/side-panel';
import { readLastQuery } from '../search/history';

export interface Opening {
  query: string;
  /** The answer to open under its result. */
  answerId?: string | undefined;
}

/** A request in the address (a lookup, a card's "all answers"), or the last query. */
export async function openingQuery(params: URLSearchParams): Promise<Opening> {
  const request = popupRequestIn(params);
  if (!request) return { query: await readLastQuery() };
  void clearPopupRequest().catch(() => {});
  return request;
}

/**
 * Opens the side panel on what the popup shows, and closes the popup. The panel must be asked
 * first thing in the click (it needs the gesture); what it should show follows through storage.
 */
export function toSidePanel(showing: Opening): void {
  const opening = openSidePanel(browser.windows.WINDOW_ID_CURRENT);
  void (async () => {
    await opening;
    const { id } = await browser.windows.getCurrent();
    if (id !== undefined) await requestPanel(id, { query: showing.query, ...(showing.answerId ? { answerId: showing.answerId } : {}) });
    window.close();
  })().catch(() => {});
}
