/**
 * Scripts put into tabs on demand: the content script where it is not declared (a selection
 * lookup on any page, through `activeTab`), and the card UI when a first card opens.
 */
import { browser } from 'wxt/browser';

export const CONTENT_SCRIPT = '/content-scripts/content.js';
export const CARD_UI_SCRIPT = '/card-ui.js';

/** Injects the content script (it starts once per frame however often it is injected). */
export async function injectContentScript(tabId: number, frameId?: number): Promise<void> {
  await browser.scripting.executeScript({
    target: frameId === undefined ? { tabId } : { tabId, frameIds: [frameId] },
    files: [CONTENT_SCRIPT],
  });
}

export async function injectCardUi(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CARD_UI_SCRIPT] });
}

/** The frame holding the tab's longest selection (the shortcut does not say which frame). */
export async function frameWithSelection(tabId: number): Promise<number | undefined> {
  const results = await browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: () => globalThis.getSelection?.()?.toString().length ?? 0,
  });
  const best = results.filter((result) => typeof result.result === 'number' && result.result > 0).sort((a, b) => (b.result as number) - (a.result as number))[0];
  return best?.frameId;
}
