/**
 * How the content script gets the glossary's spellings without carrying them in its code: the
 * background leaves them in `storage.local`, marked with the version of the glossary they are,
 * where a page reads them without waking the background; until then the page asks for them.
 */
import { browser } from 'wxt/browser';
import glossaryVersion from 'virtual:glossary-version';
import { backgroundMessaging } from './protocol';

const STORAGE_KEY = 'glossaryTerms';

interface StoredTerms {
  version: string;
  terms: string;
}

const isStoredTerms = (value: unknown): value is StoredTerms =>
  typeof value === 'object' && value !== null && (value as StoredTerms).version === glossaryVersion && typeof (value as StoredTerms).terms === 'string';

/** The spellings of this build's glossary: stored, or (first moments after an install or update) asked for. */
export async function readGlossaryTerms(): Promise<string> {
  const stored = await browser.storage.local.get(STORAGE_KEY).catch(() => ({}) as Record<string, unknown>);
  const value = stored[STORAGE_KEY];
  if (isStoredTerms(value)) return value.terms;
  return backgroundMessaging.sendMessage('glossaryTerms', undefined);
}

/** Run by the background (on install and update, and when a page had to ask). */
export async function storeGlossaryTerms(terms: string): Promise<void> {
  const value: StoredTerms = { version: glossaryVersion, terms };
  await browser.storage.local.set({ [STORAGE_KEY]: value });
}
