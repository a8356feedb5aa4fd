/**
 * "On this page": the glossary terms in the tab the popup was opened on. The content script
 * answers where it runs; elsewhere it is injected on demand (the click on the toolbar button
 * grants `activeTab`). Browser pages and the web stores take no scripts: then there is nothing.
 */
import { browser } from 'wxt/browser';
import { injectContentScript } from '../../messaging/injection';
import { contentMessaging, type PageTerms } from '../../messaging/protocol';

export interface PageContext {
  tabId: number;
  url: string;
  question: string;
  terms: PageTerms['terms'];
}

/** The tab the popup is about: `?tab=` when opened as a page, else the active tab. */
export async function targetTab(params: URLSearchParams): Promise<{ id: number; url: string } | undefined> {
  const requested = Number(params.get('tab'));
  if (Number.isInteger(requested) && requested > 0) {
    const tab = await browser.tabs.get(requested).catch(() => undefined);
    if (tab?.id !== undefined) return { id: tab.id, url: tab.url ?? '' };
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id === undefined || active.url?.startsWith(location.origin)) return undefined;
  return { id: active.id, url: active.url ?? '' };
}

export async function pageContext(tab: { id: number; url: string }): Promise<PageContext | undefined> {
  if (!/^https?:/.test(tab.url)) return undefined;
  try {
    // The content script first (where it is missing): asking a tab with no receiver would leave
    // an "unchecked runtime.lastError" in the console.
    await injectContentScript(tab.id, 0);
    const page = await contentMessaging.sendMessage('pageTerms', undefined, { tabId: tab.id, frameId: 0 });
    return { tabId: tab.id, url: page.url, question: page.question, terms: page.terms };
  } catch {
    return undefined;
  }
}
