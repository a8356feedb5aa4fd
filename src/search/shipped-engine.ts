/** The engine as the extension ships it: the built dataset, its prebuilt index and sorted spellings. */
import dataset from 'virtual:dataset';
import spellings from 'virtual:glossary-terms';
import serializedIndex, { version } from 'virtual:search-index';
import { SearchEngine } from './engine';

/** Which index and ranking the shipped engine has: results kept from another build are not its own. */
export const SHIPPED_INDEX_VERSION = version;

export function createShippedEngine(): SearchEngine {
  return new SearchEngine(dataset, { serializedIndex, spellings });
}
