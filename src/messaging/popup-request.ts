/**
 * A popup request waiting to be shown: the background stores it when it cannot open the popup
 * itself (no `action.openPopup` there), and the popup takes it when it next opens.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { PopupRequest } from './protocol';
import { MAX_LOOKUP_CHARS, popupRequest } from './validate';

export const pendingPopupItem = storage.defineItem<PopupRequest | null>('session:pendingPopup', { fallback: null });

/**
 * The popup's address while a request waits: its first paint, drawn before storage can be read,
 * then draws no list of the last query's (`first-paint.tsx`).
 */
export const POPUP_PAGE = 'popup.html';
export const PENDING_POPUP_PAGE = `${POPUP_PAGE}?pending`;

/** A stored request as it should be, or null: stored values are checked like messages. */
export function validPopupRequest(value: unknown): PopupRequest | null {
  try {
    return value === null || value === undefined ? null : popupRequest(value, MAX_LOOKUP_CHARS);
  } catch {
    return null;
  }
}

/** Takes the pending request once (a malformed one is dropped), and clears the badge that announced it. */
export async function takePendingPopup(): Promise<PopupRequest | null> {
  const stored: unknown = await pendingPopupItem.getValue();
  if (stored === null || stored === undefined) return null;
  await pendingPopupItem.removeValue();
  await browser.action.setBadgeText({ text: '' });
  await browser.action.setPopup({ popup: POPUP_PAGE });
  return validPopupRequest(stored);
}
