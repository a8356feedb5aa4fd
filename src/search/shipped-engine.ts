/** The engine as the extension ships it: the built dataset and its prebuilt index. */
import dataset from 'virtual:dataset';
import serializedIndex from 'virtual:search-index';
import { SearchEngine } from './engine';

export function createShippedEngine(): SearchEngine {
  return new SearchEngine(dataset, { serializedIndex });
}
