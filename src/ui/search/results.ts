/**
 * A query's results as every list shows them: the close matches (at most SEARCH_LIMIT) first,
 * then a few answers that are only the nearest, for orientation, never a long list of misses.
 */
import { langsOf } from '../../i18n';
import type { AnswerLanguage } from '../../messaging/protocol';
import { answerSummary, confidentFirst } from '../../search/cards';
import type { SearchEngine, SearchHit } from '../../search/engine';
import { hitsFor } from './first-results';
import { type ResultItem, SEARCH_LIMIT } from './ResultOptions';

const NEAREST_LIMIT = 5;

export function resultItems(engine: SearchEngine, hits: readonly SearchHit[], lang: AnswerLanguage): ResultItem[] {
  return hits.map((hit) => {
    const summary = answerSummary(engine, hit.id, lang, hit);
    return {
      summary,
      questionHighlights: Object.fromEntries(langsOf(lang).map((l) => [l, engine.highlights(summary.question[l], hit.matchedTerms)])),
      highlight: (text: string) => engine.highlights(text, hit.matchedTerms),
    };
  });
}

/** The items to list and how many close matches there are in all. */
export function searchResults(engine: SearchEngine, query: string, lang: AnswerLanguage): { items: ResultItem[]; total: number } {
  const hits = hitsFor(engine, query);
  const close = hits.filter((hit) => hit.confident);
  const shown = confidentFirst([...close.slice(0, SEARCH_LIMIT), ...hits.filter((hit) => !hit.confident).slice(0, NEAREST_LIMIT)]);
  return { items: resultItems(engine, shown, lang), total: close.length };
}
