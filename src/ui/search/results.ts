/** A query's results as every list shows them (`src/search/list.ts`), with the highlights of each full answer. */
import type { AnswerLanguage } from '../../messaging/protocol';
import { listItems } from '../../search/cards';
import type { SearchEngine, SearchHit } from '../../search/engine';
import { shownHits } from '../../search/list';
import { hitsFor } from './first-results';
import type { ResultItem } from './ResultOptions';

export function resultItems(engine: SearchEngine, hits: readonly SearchHit[], lang: AnswerLanguage): ResultItem[] {
  return listItems(engine, hits, lang).map((item, index) => ({ ...item, highlight: (text: string) => engine.highlights(text, hits[index]!.matchedTerms) }));
}

/** The items to list and how many close matches there are in all. */
export function searchResults(engine: SearchEngine, query: string, lang: AnswerLanguage): { items: ResultItem[]; total: number } {
  const { shown, total } = shownHits(hitsFor(engine, query));
  return { items: resultItems(engine, shown, lang), total };
}
