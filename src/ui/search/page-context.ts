/**
 * "On this page": the glossary terms in the tab the popup or the side panel is about. The content
 * script answers where it runs; elsewhere it is injected on demand (a click on the toolbar button
 * or the side panel's shortcut grants `activeTab`). Browser pages and the web stores take no
 * scripts, and other sites need the user's permission: then the surface says which, and what it
 * can still do.
 */
import { browser } from 'wxt/browser';
import { isPageVersion } from '../../data/currency';
import { extensionUrl } from '../../messaging/answer-page';
import { injectContentScript } from '../../messaging/injection';
import { contentMessaging, type PageSignal, type PageTerms } from '../../messaging/protocol';

export interface PageContext {
  tabId: number;
  url: string;
  title: string;
  question: string;
  terms: PageTerms['terms'];
  /** The version the page is about, when it says (`src/page/page-version.ts`). */
  version?: PageTerms['version'];
  /** Signals on the page (access-log flags, analyze codes, error lines), most frequent first. */
  signals: PageSignal[];
}

/**
 * Why a tab cannot be read: a browser page (settings, new tab, PDF viewer), a web store, a site
 * the user has not allowed, our own page, or (where the browser does not say) one of the first three.
 */
export type Unreadable = 'browser-page' | 'store' | 'not-allowed' | 'extension-page' | 'unknown';

/** `undefined` while reading; `null` when there is no tab to read (the popup opened as a page). */
export type PageState = PageContext | { unreadable: Unreadable } | null | undefined;

export const isPageContext = (page: PageState): page is PageContext => typeof page === 'object' && page !== null && 'terms' in page;

const STORE_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

/**
 * From what the browser lets us see: the tab's URL (known for our sites and where `activeTab`
 * was granted) and the error scripting gave. Chromium names the reason; Firefox says "Missing
 * host permission" for all of them.
 */
export function unreadableReason(url: string | undefined, error: unknown): Unreadable {
  const message = error instanceof Error ? error.message : String(error ?? '');
  if (url?.startsWith(extensionUrl('/'))) return 'extension-page';
  if (url) {
    try {
      const parsed = new URL(url);
      if (STORE_HOSTS.includes(parsed.hostname)) return 'store';
      if (!/^https?:$/.test(parsed.protocol)) return 'browser-page';
    } catch {
      return 'unknown';
    }
  }
  if (/extensions gallery|web ?store/i.test(message)) return 'store';
  if (/cannot access a (chrome|edge|about|devtools|chrome-extension):|chrome:\/\/|about:|cannot be scripted/i.test(message)) return 'browser-page';
  if (/must request permission|cannot access contents of (the page|url)/i.test(message)) return 'not-allowed';
  return 'unknown';
}

/** The tab the popup is about: `?tab=` when opened as a page, else the active tab. */
export async function targetTab(params: URLSearchParams): Promise<{ id: number; url: string } | undefined> {
  const requested = Number(params.get('tab'));
  if (Number.isInteger(requested) && requested > 0) {
    const tab = await browser.tabs.get(requested).catch(() => undefined);
    if (tab?.id !== undefined) return { id: tab.id, url: tab.url ?? '' };
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id === undefined || active.url?.startsWith(extensionUrl('/'))) return undefined;
  return { id: active.id, url: active.url ?? '' };
}

/** Makes sure the content script runs in the tab's top frame; rejects with why it cannot. */
export async function reachPage(tab: { id: number; url?: string | undefined }): Promise<void> {
  if (tab.url && !/^https?:/.test(tab.url)) throw Object.assign(new Error(`not a web page: ${tab.url}`), { unreadable: unreadableReason(tab.url, undefined) });
  try {
    // The content script first (where it is missing): asking a tab with no receiver would leave
    // an "unchecked runtime.lastError" in the console.
    await injectContentScript(tab.id, 0);
  } catch (error) {
    throw Object.assign(new Error(String(error)), { unreadable: unreadableReason(tab.url, error) });
  }
}

export const unreadableOf = (error: unknown): Unreadable => (error as { unreadable?: Unreadable }).unreadable ?? 'unknown';

export function pageContextOf(tabId: number, page: PageTerms): PageContext {
  return { tabId, url: page.url, title: page.title, question: page.question, terms: page.terms, signals: page.signals ?? [], ...(isPageVersion(page.version) ? { version: page.version } : {}) };
}

export async function pageContext(tab: { id: number; url: string }): Promise<PageContext | { unreadable: Unreadable }> {
  try {
    await reachPage(tab);
    return pageContextOf(tab.id, await contentMessaging.sendMessage('pageTerms', undefined, { tabId: tab.id, frameId: 0 }));
  } catch (error) {
    return { unreadable: unreadableOf(error) };
  }
}
