/**
 * A popup request (a lookup, a card's "all answers") travels in the popup's address: the
 * background sets `popup.html?q=…` as the toolbar button's popup and opens it, and the popup reads
 * it synchronously, so its first paint asks for the list at once. Kept in storage, the request
 * took four calls (read, remove, badge, address) before the popup knew its query: a lookup's
 * results reached the screen about 100 ms later (`npm run bench -- popup`, lookup). Where the
 * browser will not open the popup, the address waits for the next click on the button, with a
 * badge saying so; the popup then sets its plain address back.
 */
import { browser } from 'wxt/browser';
import type { PopupRequest } from './protocol';
import { MAX_LOOKUP_CHARS, popupRequest } from './validate';

export const POPUP_PAGE = 'popup.html';

/** The popup's address for a request. */
export function popupPageFor(request: PopupRequest): string {
  const params = new URLSearchParams({ q: request.query });
  if (request.answerId) params.set('answer', request.answerId);
  return `${POPUP_PAGE}?${params}`;
}

/**
 * The request in the popup's address, checked like a message (a malformed one is none), or null.
 * `?q=` alone opens the popup on an empty search box.
 */
export function popupRequestIn(params: URLSearchParams): PopupRequest | null {
  const query = params.get('q');
  if (query === null) return null;
  if (query.trim() === '' && !params.has('answer')) return { query: '' };
  try {
    return popupRequest({ query, ...(params.has('answer') ? { answerId: params.get('answer') } : {}) }, MAX_LOOKUP_CHARS);
  } catch {
    return null;
  }
}

/** Once a request is shown: the next opening is the plain popup again, and no badge announces it. */
export async function clearPopupRequest(): Promise<void> {
  await Promise.all([browser.action.setPopup({ popup: POPUP_PAGE }), browser.action.setBadgeText({ text: '' })]);
}
