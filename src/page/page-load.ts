/** When the content script begins its work on a page: after the page's load. */

/** A page whose load event is slow (big images) is worked on after this anyway. */
export const LOAD_WAIT_MS = 3000;

/**
 * Calls `callback` once the page has loaded (at once if it has), or after LOAD_WAIT_MS if its
 * load event is slow to come. Scanning a page still loading would scan it again and again as it
 * grows, and compete with its own scripts.
 */
export function afterLoad(doc: Document, callback: () => void): void {
  if (doc.readyState === 'complete') {
    callback();
    return;
  }
  const begin = () => {
    clearTimeout(timer);
    doc.defaultView?.removeEventListener('load', begin);
    callback();
  };
  const timer = setTimeout(begin, LOAD_WAIT_MS);
  doc.defaultView?.addEventListener('load', begin, { once: true });
}
