/**
 * The side panel follows the page it is beside through a port to the page's content script: the
 * panel connects (`tabs.connect`, top frame) when it starts following a tab, and the content
 * script sends the page's terms (`PageTerms`) at once and again whenever the page changes under
 * it without a load (GitHub's Turbo and React navigations). A load ends the port.
 */
import { isPageVersion } from '../data/currency';
import type { PageSignal, PageTerms } from './protocol';

export const PANEL_FEED_PORT = 'istio-experts:panel-feed';

/**
 * How much of a page's address, title and question travels to the panel. The content script cuts
 * them where it reads them (a page can set a title of megabytes); the panel cuts them again.
 */
export const PAGE_TEXT_LIMITS = { url: 4096, title: 500, question: 4000, terms: 1000 } as const;

/** The page's address and title as they are sent and compared: cut, however long the page made them. */
export const boundedPageUrl = (url: string): string => url.slice(0, PAGE_TEXT_LIMITS.url);
export const boundedPageTitle = (title: string): string => title.slice(0, PAGE_TEXT_LIMITS.title);

const isTermCount = (term: unknown): term is PageTerms['terms'][number] =>
  typeof term === 'object' &&
  term !== null &&
  typeof (term as { termId?: unknown }).termId === 'string' &&
  (term as { termId: string }).termId.length <= 100 &&
  Number.isInteger((term as { count?: unknown }).count);

const isSignalCount = (signal: unknown): signal is PageSignal =>
  typeof signal === 'object' &&
  signal !== null &&
  typeof (signal as { label?: unknown }).label === 'string' &&
  (signal as { label: string }).label.length <= 300 &&
  Number.isInteger((signal as { count?: unknown }).count);

/**
 * What the panel takes from a port: a `PageTerms` with its text cut to the limits and only
 * well-formed term counts, or null for anything that is not a page's terms at all. A long field
 * is trimmed, not a reason to drop the whole message (the panel would stay "reading").
 */
export function readPageTerms(value: unknown): PageTerms | null {
  if (typeof value !== 'object' || value === null) return null;
  const page = value as Record<string, unknown>;
  if (typeof page.url !== 'string' || typeof page.title !== 'string' || typeof page.question !== 'string' || !Array.isArray(page.terms)) return null;
  return {
    url: boundedPageUrl(page.url),
    title: boundedPageTitle(page.title),
    question: page.question.slice(0, PAGE_TEXT_LIMITS.question),
    terms: page.terms.slice(0, PAGE_TEXT_LIMITS.terms).filter(isTermCount),
    ...(Array.isArray(page.signals) ? { signals: page.signals.slice(0, PAGE_TEXT_LIMITS.terms).filter(isSignalCount) } : {}),
    // A version that is not one is left out: the note then speaks of today.
    ...(isPageVersion(page.version) ? { version: page.version } : {}),
  };
}
