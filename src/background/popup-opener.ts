/**
 * Opens the popup on a query: `action.openPopup()` where the browser allows it; otherwise the
 * popup's address keeps the query for the next click on the toolbar button (popup-request.ts),
 * and a badge on the button says there is something.
 */
import { browser } from 'wxt/browser';
import { popupPageFor } from '../messaging/popup-request';
import type { PopupRequest } from '../messaging/protocol';
import { getEngine } from './engine';

export async function openPopup(request: PopupRequest): Promise<boolean> {
  await browser.action.setPopup({ popup: popupPageFor(request) });
  // The popup's first paint asks for the request's list at once: the engine loads (a background
  // just woken has none) while the popup opens, after the browser is asked to open it.
  setTimeout(() => getEngine().loadIndex(), 0);
  try {
    await browser.action.openPopup();
    return true;
  } catch {
    await browser.action.setBadgeText({ text: '1' });
    return false;
  }
}
