/**
 * Shapes search results into what cards and lists show: the question in both languages, a
 * preview in the reader's language(s), and the episode it comes from.
 */
import type { Dataset } from '../data/types';
import { langsOf } from '../i18n';
import type { AnswerLanguage, AnswerSummary, CardData, ListItem, PageTerms, TermInfo } from '../messaging/protocol';
import type { SearchEngine, SearchHit } from './engine';
import { confidentFirst } from './list';
import { queryDocs } from './query-docs';

const CARD_ANSWERS = { hover: 3, lookup: 5 } as const;


function termInfo(dataset: Dataset, termId: string): TermInfo | undefined {
  const term = dataset.glossary.find((candidate) => candidate.id === termId);
  if (!term) return undefined;
  return { id: term.id, name: term.name, definition: term.definition, ...(term.docsUrl ? { docsUrl: term.docsUrl } : {}) };
}

/** What a search list (popup, side panel) asks of the engine for a query: every hit, as you type. */
export function listHits(engine: SearchEngine, query: string): SearchHit[] {
  return engine.search(query, { asYouType: true, limit: Infinity });
}

/** A result as lists show it; without a hit (browsing) the preview is the answer's opening. */
export function answerSummary(engine: SearchEngine, id: string, lang: AnswerLanguage, hit?: Pick<SearchHit, 'matchedTerms' | 'confident'>): AnswerSummary {
  const matchedTerms = hit?.matchedTerms ?? [];
  const entry = engine.entry(id)!;
  const episode = engine.dataset.episodes.find((candidate) => candidate.number === entry.episode)!;
  const guest = episode.guests[0]!;
  const preview: AnswerSummary['preview'] = {};
  for (const language of langsOf(lang)) {
    const snippet = engine.snippet(engine.plainAnswer(id)[language], matchedTerms);
    preview[language] = { text: snippet.text, highlights: snippet.highlights };
  }
  return {
    id: entry.id,
    question: engine.plainQuestion(id),
    preview,
    episode: {
      number: episode.number,
      title: episode.title,
      guest: { zh: `${guest.name.zh}（${guest.organization.zh}）`, en: `${guest.name.en} (${guest.organization.en})` },
      date: episode.start.slice(0, 10),
    },
    ...(hit ? { confident: hit.confident } : {}),
    ...(entry.currency ? { currency: entry.currency } : {}),
  };
}

const summarize = (engine: SearchEngine, hits: readonly SearchHit[], lang: AnswerLanguage) => hits.map((hit) => answerSummary(engine, hit.id, lang, hit));

/** A list's results as they travel (`listResults`): each summary, with its question's highlights. */
export function listItems(engine: SearchEngine, hits: readonly SearchHit[], lang: AnswerLanguage): ListItem[] {
  return hits.map((hit) => {
    const summary = answerSummary(engine, hit.id, lang, hit);
    return { summary, questionHighlights: Object.fromEntries(langsOf(lang).map((l) => [l, engine.highlights(summary.question[l], hit.matchedTerms)])) };
  });
}

/**
 * The hover card: one term, its answers ordered by the sentence around it. An answer is
 * confident when the sentence, asked as a question, finds it confidently; the card folds the
 * others away (`CardView`).
 */
export function termCard(engine: SearchEngine, termId: string, context: string, lang: AnswerLanguage): CardData | undefined {
  const term = termInfo(engine.dataset, termId);
  if (!term) return undefined;
  const query = lang === 'zh' ? term.name.zh : term.name.en;
  const sentence = engine.search(context, { limit: 10 });
  const confident = new Set(sentence.filter((hit) => hit.confident).map((hit) => hit.id));
  // The term's answers, then those of its related terms (GlossaryTerm.related), all counted.
  const named = engine.searchConcepts(new Map([[termId, 1]]), context, { limit: Infinity });
  if (named.length > 0) {
    const hits = confidentFirst(named.map((hit) => ({ ...hit, confident: confident.has(hit.id) })));
    return {
      terms: [term],
      answers: summarize(engine, hits.slice(0, CARD_ANSWERS.hover), lang),
      total: hits.length,
      query,
      ...(engine.conceptCount(termId) === 0 ? { related: true } : {}),
    };
  }
  // No answer names the term (outlier detection, say): the sentence around it still finds some.
  const related = confidentFirst(engine.search(`${term.name.en} ${term.name.zh} ${context}`, { limit: 50 }));
  return { terms: [term], answers: summarize(engine, related.slice(0, CARD_ANSWERS.hover), lang), total: related.length, query, related: true };
}

/** The page's most frequent terms that re-rank the answers to its question. */
const PAGE_CONTEXT_TERMS = 12;

/**
 * A page's question is its title and the opening of its post: hundreds of words, of which an
 * answer covers a small share by construction, unlike the titles the confidence model was fitted
 * on. There an answer is also close when it scores this strongly per unit of the question's
 * information (the threshold "On this page" was calibrated with on the tuning half's issues).
 */
export const PAGE_STRENGTH = Math.log1p(34);

/**
 * "On this page": the answers to the page's question (`PageTerms.question`), re-ranked by the
 * terms it uses most (the most frequent weighs 1); only close matches count as the page's.
 */
export function pageAnswers(engine: SearchEngine, page: Pick<PageTerms, 'question' | 'terms'>, limit: number): SearchHit[] {
  const top = Math.log2(1 + (page.terms[0]?.count ?? 1));
  const context = new Map(page.terms.slice(0, PAGE_CONTEXT_TERMS).map((term) => [term.termId, Math.log2(1 + term.count) / top]));
  return engine
    .search(page.question, { context, limit })
    .filter((hit) => hit.confident || (hit.signals?.strength ?? 0) >= PAGE_STRENGTH)
    .map((hit) => ({ ...hit, confident: true }));
}

/** The lookup card: the selected text as a query, with the glossary terms it names. */
export function lookupCard(engine: SearchEngine, text: string, lang: AnswerLanguage): CardData {
  const query = engine.boundedQuery(text);
  const hits = confidentFirst(engine.search(query, { limit: 200 }));
  const termIds = [...new Set(engine.matcher.findAll(query).map((match) => match.termId))];
  const docs = hits.some((hit) => hit.confident) ? [] : queryDocs(engine, query);
  return {
    terms: termIds.flatMap((id) => termInfo(engine.dataset, id) ?? []).slice(0, 3),
    answers: summarize(engine, hits.slice(0, CARD_ANSWERS.lookup), lang),
    total: hits.length,
    query,
    ...(docs.length > 0 ? { docs } : {}),
  };
}
