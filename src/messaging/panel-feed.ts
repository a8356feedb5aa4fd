/**
 * The side panel follows the page it is beside through a port to the page's content script: the
 * panel connects (`tabs.connect`, top frame) when it starts following a tab, and the content
 * script sends the page's terms (`PageTerms`) at once and again whenever the page changes under
 * it without a load (GitHub's Turbo and React navigations). A load ends the port.
 */
import type { PageTerms } from './protocol';

export const PANEL_FEED_PORT = 'istio-experts:panel-feed';

const MAX_TERMS = 1000;
const MAX_TEXT = 4000;

const isText = (value: unknown, max = MAX_TEXT): value is string => typeof value === 'string' && value.length <= max;

/** What the panel accepts from a port: a bounded `PageTerms`, nothing else. */
export function isPageTerms(value: unknown): value is PageTerms {
  if (typeof value !== 'object' || value === null) return false;
  const page = value as Partial<PageTerms>;
  return (
    isText(page.url, 10_000) &&
    isText(page.title) &&
    isText(page.question) &&
    Array.isArray(page.terms) &&
    page.terms.length <= MAX_TERMS &&
    page.terms.every((term: unknown) => typeof term === 'object' && term !== null && isText((term as { termId?: unknown }).termId, 100) && Number.isInteger((term as { count?: unknown }).count)) &&
    (page.signals === undefined ||
      (Array.isArray(page.signals) &&
        page.signals.length <= MAX_TERMS &&
        page.signals.every((signal: unknown) => typeof signal === 'object' && signal !== null && isText((signal as { label?: unknown }).label, 300) && Number.isInteger((signal as { count?: unknown }).count))))
  );
}
