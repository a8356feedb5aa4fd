/**
 * Looks up selected text from the context menu or the keyboard shortcut: the card opens at the
 * selection, in whichever frame holds it; where no script may run (browser pages, the web
 * store, the PDF viewer), the popup opens on the text instead.
 */
import type { Browser } from 'wxt/browser';
import { contentMessaging } from '../messaging/protocol';
import { frameWithSelection, injectContentScript } from '../messaging/injection';
import { MAX_LOOKUP_CHARS, MAX_QUERY_CHARS } from '../messaging/validate';
import { openPopup } from './popup-opener';

export async function lookupSelection(tab: Browser.tabs.Tab | undefined, selection?: string, frameId?: number): Promise<void> {
  const tabId = tab?.id;
  const text = selection?.slice(0, MAX_LOOKUP_CHARS);
  try {
    if (tabId === undefined || tabId < 0) throw new Error('no tab');
    const frame = frameId ?? (await frameWithSelection(tabId)) ?? 0;
    await injectContentScript(tabId, frame);
    const shown = await contentMessaging.sendMessage('showLookup', text ? { text } : {}, { tabId, frameId: frame });
    if (shown) return;
  } catch {
    // Fall through: the page does not take scripts.
  }
  if (text?.trim()) await openPopup({ query: text.slice(0, MAX_QUERY_CHARS) });
}
