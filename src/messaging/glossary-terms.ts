/**
 * How the content script gets the glossary's spellings without carrying them in its code: the
 * background leaves them in `storage.local`, marked with the version of the glossary they are,
 * where a page reads them without waking the background; until then the page asks for them.
 */
import { browser } from 'wxt/browser';
import glossaryVersion from 'virtual:glossary-version';
import { isSortedSpellings, type SortedSpellings } from '../glossary/matcher';
import { backgroundMessaging } from './protocol';

const STORAGE_KEY = 'glossaryTerms';

interface StoredTerms {
  version: string;
  terms: SortedSpellings;
}

const isStoredTerms = (value: unknown): value is StoredTerms =>
  typeof value === 'object' && value !== null && (value as StoredTerms).version === glossaryVersion && isSortedSpellings((value as StoredTerms).terms);

/** The spellings of this build's glossary: stored, or (first moments after an install or update) asked for. */
export async function readGlossaryTerms(): Promise<SortedSpellings> {
  const stored = await browser.storage.local.get(STORAGE_KEY).catch(() => ({}) as Record<string, unknown>);
  const value = stored[STORAGE_KEY];
  if (isStoredTerms(value)) return value.terms;
  return backgroundMessaging.sendMessage('glossaryTerms', undefined);
}

/** Run by the background (on install and update, and when a page had to ask). */
export async function storeGlossaryTerms(terms: SortedSpellings): Promise<void> {
  const value: StoredTerms = { version: glossaryVersion, terms };
  await browser.storage.local.set({ [STORAGE_KEY]: value });
}
