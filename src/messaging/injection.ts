/**
 * Scripts put into tabs on demand: the content script where it is not declared (a selection
 * lookup on any page, through `activeTab`), and the card UI when a first card opens.
 */
import { browser } from 'wxt/browser';
import { contentScriptFiles, CONTENT_SCRIPT_FLAG, CONTENT_SCRIPT_ON_DEMAND } from './content-files';

/** What a content script run injects (content-files.ts). */
export const CONTENT_SCRIPT_FILES = contentScriptFiles(import.meta.env?.FIREFOX === true);
export const CARD_UI_SCRIPT = '/card-ui.js';

/**
 * Makes sure the content script's app runs in a frame: a one-line probe first, so a page that
 * already has it is not made to parse it again; its files only where it is missing. The probe
 * marks the frame as asked for, so the loader injected next loads the app at once, even where
 * the declared one waits for the page to name Istio (src/page/content-gate.ts).
 */
export async function injectContentScript(tabId: number, frameId?: number): Promise<void> {
  const target = frameId === undefined ? { tabId } : { tabId, frameIds: [frameId] };
  const [probe] = await browser.scripting.executeScript({
    target,
    func: (flag: string, onDemand: string) => {
      const global = globalThis as Record<string, unknown>;
      if (global[flag] === true) return true;
      global[onDemand] = true;
      return false;
    },
    args: [CONTENT_SCRIPT_FLAG, CONTENT_SCRIPT_ON_DEMAND],
  });
  if (probe?.result === true) return;
  await browser.scripting.executeScript({ target, files: CONTENT_SCRIPT_FILES });
}

export async function injectCardUi(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CARD_UI_SCRIPT] });
}

/**
 * The frame whose selection the shortcut means (it does not say). Every document keeps its own
 * selection, so the one where focus is counts first; a document whose focus sits on a child
 * frame's element defers to that child; the longest selection breaks ties.
 */
export async function frameWithSelection(tabId: number): Promise<number | undefined> {
  const results = await browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: () => {
      const delegates = ['IFRAME', 'FRAME'].includes(document.activeElement?.tagName ?? '');
      return { length: globalThis.getSelection?.()?.toString().length ?? 0, rank: delegates ? 0 : document.hasFocus() ? 2 : 1 };
    },
  });
  const candidates = results.flatMap((result) => {
    const value = result.result as { length: number; rank: number } | undefined;
    return value && value.length > 0 ? [{ frameId: result.frameId, ...value }] : [];
  });
  candidates.sort((a, b) => b.rank - a.rank || b.length - a.length);
  return candidates[0]?.frameId;
}
