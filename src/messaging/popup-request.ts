/**
 * A popup request waiting to be shown: the background stores it when it cannot open the popup
 * itself (no `action.openPopup` there), and the popup takes it when it next opens.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { PopupRequest } from './protocol';

export const pendingPopupItem = storage.defineItem<PopupRequest | null>('session:pendingPopup', { fallback: null });

/** Takes the pending request once, and clears the badge that announced it. */
export async function takePendingPopup(): Promise<PopupRequest | null> {
  const request = await pendingPopupItem.getValue();
  if (request) {
    await pendingPopupItem.removeValue();
    await browser.action.setBadgeText({ text: '' });
  }
  return request;
}
