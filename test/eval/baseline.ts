/** The comparison point for `npm run eval`: plain MiniSearch, default tokenizer, same documents. */
import MiniSearch from 'minisearch';
import type { Dataset } from '../../src/data/types';
import { SearchEngine } from '../../src/search/engine';
import type { Ranker } from './metrics';

export function baselineRanker(dataset: Dataset): Ranker {
  const index = new MiniSearch({ fields: ['question', 'answer', 'guests'] });
  index.addAll(SearchEngine.documents(dataset));
  return (query) => index.search(query).slice(0, 10).map((result) => String(result.id));
}
