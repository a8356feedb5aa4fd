/**
 * Reading an answer's currency note (`data/currency.json`) against the version a page is about.
 * Pure and small: it runs in every surface, the content script's cards included.
 */
import type { Bilingual, Currency, CurrencyProduct, ProductVersion } from './types';

/**
 * The newest releases the notes were checked against. A page "about Istio 2.0" names a release
 * we know nothing of: its version is treated as unknown (`src/page/page-version.ts`).
 */
export const NEWEST_KNOWN: Readonly<Record<'istio' | 'envoy', string>> = { istio: '1.31', envoy: '1.40' };

/** The version a page is about: a pinned release of Istio (or Envoy, on envoyproxy.io), or today's docs. */
export type PageVersion = { product: 'istio' | 'envoy'; version: string } | { latest: true };

/** "1.9" < "1.19" < "1.20": by major, then minor, as numbers. */
export function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

const PRODUCT_NAMES: Record<CurrencyProduct, string> = { istio: 'Istio', envoy: 'Envoy', kubernetes: 'Kubernetes' };

/** "Istio 1.19", "Kubernetes 1.28". */
export const productVersionName = ({ product, version }: ProductVersion): string => `${PRODUCT_NAMES[product]} ${version}`;

/** Statuses that say a later release overtook the answer ("changed since 2021"). */
export const isOvertaken = (currency: Pick<Currency, 'status'> | undefined): boolean => currency?.status === 'changed' || currency?.status === 'superseded';

/**
 * How a note reads on a page:
 * - `today`: no version, `/latest/`, another product's version, or a status with no `since`: the note speaks of today;
 * - `older`: the page's release predates `since`: the new way needs `since` or later, `before` (if any) is the way there;
 * - `newer`: the page's release has the change; `notDefault` when it became the default only later.
 */
export type NoteReading =
  | { kind: 'today' }
  | { kind: 'older'; page: ProductVersion; since: ProductVersion; before?: Bilingual }
  | { kind: 'newer'; page: ProductVersion; since: ProductVersion; notDefault?: ProductVersion };

export function readNote(currency: Currency | undefined, page: PageVersion | undefined): NoteReading {
  const since = currency?.since;
  if (!currency || !since || !isOvertaken(currency) || !page || 'latest' in page || page.product !== since.product) return { kind: 'today' };
  const pinned: ProductVersion = { product: page.product, version: page.version };
  if (compareVersions(page.version, since.version) < 0) {
    return { kind: 'older', page: pinned, since, ...(currency.before ? { before: currency.before } : {}) };
  }
  const notDefault = currency.default && compareVersions(page.version, currency.default.version) < 0 ? currency.default : undefined;
  return { kind: 'newer', page: pinned, since, ...(notDefault ? { notDefault } : {}) };
}

/** A page version as the wire carries it, or undefined when it is anything else (bounded, checked). */
export function isPageVersion(value: unknown): value is PageVersion {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  if (candidate.latest === true) return Object.keys(candidate).length === 1;
  return (candidate.product === 'istio' || candidate.product === 'envoy') && typeof candidate.version === 'string' && /^1\.\d{1,2}$/.test(candidate.version) && Object.keys(candidate).length === 2;
}

/** A note's text as runs of prose and code: the notes write field and API names in backticks (`uriRegexRewrite`). */
export function noteRuns(text: string): { code: boolean; text: string }[] {
  const runs: { code: boolean; text: string }[] = [];
  const parts = text.split(/`([^`\n]+)`/);
  parts.forEach((part, index) => {
    if (part !== '') runs.push({ code: index % 2 === 1, text: part });
  });
  return runs;
}
