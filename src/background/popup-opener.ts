/**
 * Opens the popup on a query: `action.openPopup()` where the browser allows it; otherwise the
 * query waits (see popup-request.ts) and a badge on the toolbar button says there is something.
 */
import { browser } from 'wxt/browser';
import { PENDING_POPUP_PAGE, pendingPopupItem } from '../messaging/popup-request';
import type { PopupRequest } from '../messaging/protocol';

export async function openPopup(request: PopupRequest): Promise<boolean> {
  await pendingPopupItem.setValue(request);
  await browser.action.setPopup({ popup: PENDING_POPUP_PAGE });
  try {
    await browser.action.openPopup();
    return true;
  } catch {
    await browser.action.setBadgeText({ text: '1' });
    return false;
  }
}
