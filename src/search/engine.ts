/**
 * The one search engine: popup, hover cards, selection lookup and `npm run query` all call it.
 * A MiniSearch index over each Q&A's question and answer (Chinese original and English
 * translation together), the glossary concepts they mention, and who answered.
 */
import MiniSearch, { type Options, type Query, type SearchResult as MiniSearchResult } from 'minisearch';
import { plainText } from '../data/markdown';
import type { Dataset, Episode, Lang, LinkedQa } from '../data/types';
import { type SortedSpellings, TermMatcher } from '../glossary/matcher';
import { matcherTerms } from '../glossary/terms';
import { type Range, rangesOf } from './highlight';
import { askedInformation, type ConfidenceModel, type ConfidenceSignals, confidenceSignals, confidentResults, probability } from './confidence';
import { CONFIDENCE_MODEL } from './confidence-model';
import { SymptomMatcher } from './symptoms';
import { conceptToken, isCjkTerm, isConceptToken, type Token, tokenize } from './tokenize';

/** Longer input (a pasted page, a 1 MB selection) is cut here before anything else runs. */
export const MAX_QUERY_CHARS = 1000;
const MAX_QUERY_TERMS = 64;

export interface Ranking {
  /**
   * Field weights: a match in the question counts more than one in the answer; `asks` are the
   * ways people ask for the answer in their own words (`AskList`); `now` is our note on what
   * changed since (`Currency.now`), below the experts' words and never shown as theirs.
   */
  boost: { question: number; answer: number; asks: number; guests: number; now: number };
  /** Weight of a glossary concept over a plain word (the exact-term bonus). */
  conceptBoost: number;
  /**
   * Weight of a word that is part of a glossary term in the query ("rate" in "rate limit"): the
   * concept already counts it, and counting it fully again would favour answers that use that
   * spelling over those that say 限流.
   */
  coveredWord: number;
  /** Weight of a term related to one in the query (`GlossaryTerm.related`), relative to 1. */
  related: number;
  /** Weight of a context term (`SearchOptions.context`), relative to a plain word. */
  contextBoost: number;
  fuzzy: { minLength: number; distance: number; weight: number };
  prefix: { minLength: number; weight: number };
  bm25: { k: number; b: number; d: number };
}

/**
 * Tuned on the tuning half of the real questions, keeping the written set (`queries.json`) at its
 * targets (`npm run eval`, `npx tsx test/eval/tune.ts`).
 */
export const RANKING: Ranking = {
  boost: { question: 2, answer: 1, asks: 12, guests: 0.4, now: 0.5 },
  conceptBoost: 1,
  coveredWord: 0.5,
  related: 0.25,
  contextBoost: 0.5,
  fuzzy: { minLength: 5, distance: 1, weight: 0.3 },
  prefix: { minLength: 3, weight: 0.6 },
  bm25: { k: 1.5, b: 0.75, d: 0.5 },
};

export interface EngineOptions {
  /** A prebuilt index from `serialize()`, loaded instead of indexing the dataset. */
  serializedIndex?: string;
  ranking?: Ranking;
  /** When a result is confident (`src/search/confidence.ts`); the fitted one by default. */
  confidence?: ConfidenceModel;
  /**
   * The glossary's spellings, sorted at build time (`virtual:glossary-terms`), so the matcher
   * is not made from the dataset's aliases as the engine starts.
   */
  spellings?: SortedSpellings;
}

/** A piece of an answer, with where the matched terms are in it. */
export interface Snippet {
  text: string;
  highlights: Range[];
}

export interface SearchHit {
  id: string;
  score: number;
  /** Index terms the result matched: stems, bigrams and `~concept` tokens (for highlighting). */
  matchedTerms: string[];
  /** Glossary term ids the result matched. */
  matchedConcepts: string[];
  /**
   * The share of the query's information the result matched: each query term counts by its
   * weight times its rarity (IDF); a word no answer uses counts fully against every result.
   */
  coverage: number;
  /** A close match for the query, not merely the nearest answer: `probability` reaches the model's threshold. */
  confident: boolean;
  /** The confidence model's probability that this is a helpful answer (`src/search/confidence.ts`). */
  probability: number;
  /** The signals the probability was made of (absent where no query was asked: concept lists). */
  signals?: ConfidenceSignals;
}

export interface SearchOptions {
  limit?: number;
  /** Prefix-match the last word, for results while typing. */
  asYouType?: boolean;
  /**
   * Glossary terms around the question (a page's terms, by weight relative to 1) that re-rank
   * its answers. They are not what was asked, so they count for nothing toward `confident`.
   */
  context?: ReadonlyMap<string, number>;
}

interface IndexedDoc {
  id: string;
  question: string;
  answer: string;
  asks: string;
  guests: string;
  /** Our currency note (`Currency.now`), both languages: what is true today. */
  now: string;
}

/** The fields of the experts' words and ours about them; `now` (our currency note) is searched apart (`withNotes`). */
const MAIN_FIELDS = ['question', 'answer', 'asks', 'guests'];

/** Spaces between Chinese words ("滚动更新 时 出现") would cut the bigrams a query makes. */
const joinHan = (text: string) => text.replace(/([\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '$1');

/**
 * Who answered: guests and their organisations ("Baidu", "小红书"). Episode titles are left out:
 * repeated on every answer of the episode they were a quarter of the index for little recall.
 */
function guestsText(episode: Episode | undefined): string {
  if (!episode) return '';
  return episode.guests.flatMap((guest) => [guest.name.zh, guest.name.en, guest.organization.zh, guest.organization.en]).join('\n');
}

/** The language a query is written in, by its script: what a snippet for it should show. */
export function queryLang(query: string): Lang {
  const han = query.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const latin = query.match(/[A-Za-z]/g)?.length ?? 0;
  return han * 3 >= latin && han > 0 ? 'zh' : 'en';
}

function toHit(result: MiniSearchResult, coverage: number, confident: boolean, probability: number, signals?: ConfidenceSignals): SearchHit {
  return {
    id: String(result.id),
    score: result.score,
    matchedTerms: result.terms,
    matchedConcepts: result.terms.filter(isConceptToken).map((term) => term.slice(1)),
    coverage,
    confident,
    probability,
    ...(signals ? { signals } : {}),
  };
}

/**
 * Two OR searches over disjoint query terms, combined as one search over all of them would be:
 * MiniSearch adds the terms' scores and multiplies the sum by the number of query terms matched.
 */
export function addOrResults(first: MiniSearchResult[], second: MiniSearchResult[]): MiniSearchResult[] {
  const byId = new Map(first.map((result) => [result.id, result]));
  for (const extra of second) {
    const base = byId.get(extra.id);
    if (!base) {
      byId.set(extra.id, extra);
      continue;
    }
    const queryTerms = [...base.queryTerms, ...extra.queryTerms];
    const summed = base.score / base.queryTerms.length + extra.score / extra.queryTerms.length;
    byId.set(extra.id, {
      ...base,
      score: summed * queryTerms.length,
      terms: [...new Set([...base.terms, ...extra.terms])],
      queryTerms,
      match: { ...base.match, ...extra.match },
    });
  }
  return [...byId.values()].sort((a, b) => b.score - a.score);
}

export class SearchEngine {
  readonly matcher: TermMatcher;
  private readonly symptoms: SymptomMatcher;
  /** Made on first use (`index`): everything else the engine does needs none. */
  private loadedIndex: MiniSearch<IndexedDoc> | undefined;
  private readonly serializedIndex: string | undefined;
  private readonly qaById: Map<string, LinkedQa>;
  private readonly plain = new Map<string, { zh: string; en: string }>();
  private readonly plainTokens = new Map<string, Token[]>();
  private readonly idfCache = new Map<string, number>();

  private readonly ranking: Ranking;
  private readonly confidence: ConfidenceModel;
  /** Term id → ids of its related terms (`GlossaryTerm.related`). */
  private readonly relatedTerms: Map<string, readonly string[]>;

  constructor(readonly dataset: Dataset, { serializedIndex, ranking = RANKING, confidence = CONFIDENCE_MODEL, spellings }: EngineOptions = {}) {
    this.ranking = ranking;
    this.confidence = confidence;
    this.relatedTerms = new Map(dataset.glossary.map((term) => [term.id, term.related ?? []]));
    this.matcher = new TermMatcher(spellings ?? matcherTerms(dataset.glossary));
    this.symptoms = new SymptomMatcher(dataset.glossary);
    this.qaById = new Map(dataset.qa.map((entry) => [entry.id, entry]));
    this.serializedIndex = serializedIndex;
  }

  /**
   * Whether the index is loaded. Loading it is most of what making an engine costs (a prebuilt
   * one: tens of milliseconds), so a page can show what needs no index first (`loadIndex`).
   */
  get indexLoaded(): boolean {
    return this.loadedIndex !== undefined;
  }

  /** Loads the index now, if it is not yet; `search` and the others would on first use. */
  loadIndex(): void {
    void this.index;
  }

  private get index(): MiniSearch<IndexedDoc> {
    if (!this.loadedIndex) {
      const options = this.indexOptions();
      if (this.serializedIndex) {
        this.loadedIndex = MiniSearch.loadJSON<IndexedDoc>(this.serializedIndex, options);
      } else {
        this.loadedIndex = new MiniSearch<IndexedDoc>(options);
        this.loadedIndex.addAll(SearchEngine.documents(this.dataset));
      }
    }
    return this.loadedIndex;
  }

  /** The documents as indexed; also what the baseline in `npm run eval` indexes. */
  static documents(dataset: Dataset): IndexedDoc[] {
    const episodes = new Map(dataset.episodes.map((episode) => [episode.number, episode]));
    const asks = new Map((dataset.asks ?? []).map((list) => [list.id, [...list.zh.map(joinHan), ...list.en].join('\n')]));
    return dataset.qa.map((entry) => ({
      id: entry.id,
      question: `${plainText(entry.question.zh)}\n${plainText(entry.question.en)}`,
      answer: `${plainText(entry.answer.zh)}\n${plainText(entry.answer.en)}`,
      asks: asks.get(entry.id) ?? '',
      guests: guestsText(episodes.get(entry.episode)),
      now: entry.currency?.now ? `${joinHan(entry.currency.now.zh)}\n${entry.currency.now.en}` : '',
    }));
  }

  private indexOptions(): Options<IndexedDoc> {
    return {
      fields: ['question', 'answer', 'asks', 'guests', 'now'],
      tokenize: (text) => tokenize(text, this.matcher).map((token) => token.term),
      processTerm: (term) => term,
      searchOptions: {
        tokenize: (text) => text.split(' ').filter(Boolean),
        processTerm: (term) => term,
        bm25: this.ranking.bm25,
      },
    };
  }

  /** The serialized index, for shipping prebuilt (`loadJSON`). */
  serialize(): string {
    return JSON.stringify(this.index);
  }

  entry(id: string): LinkedQa | undefined {
    return this.qaById.get(id);
  }

  /** Any input cut to a query: whitespace collapsed, at most MAX_QUERY_CHARS, no split surrogate. */
  boundedQuery(text: string): string {
    let query = text.slice(0, MAX_QUERY_CHARS * 4).replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
    if (/[\uD800-\uDBFF]$/.test(query)) query = query.slice(0, -1);
    return query;
  }

  /** Query text → distinct index terms, in order, bounded. */
  queryTerms(query: string): string[] {
    return [...this.weightedTerms(query).keys()];
  }

  /**
   * Query text → index terms and their weights: glossary concepts count more, words inside a
   * concept count less, and the concepts' related terms join in with a small weight.
   */
  weightedTerms(query: string): Map<string, number> {
    const bounded = this.boundedQuery(query);
    const tokens = tokenize(bounded, this.matcher);
    // A described symptom names its concept as an alias would (`src/search/symptoms.ts`).
    const symptoms = this.symptoms.find(bounded);
    const concepts = tokens.filter((token) => isConceptToken(token.term));
    const weights = new Map<string, number>();
    const add = (term: string, weight: number) => {
      if (weights.size < MAX_QUERY_TERMS || weights.has(term)) weights.set(term, Math.max(weight, weights.get(term) ?? 0));
    };
    for (const token of tokens) {
      if (isConceptToken(token.term)) add(token.term, this.ranking.conceptBoost);
      else add(token.term, concepts.some((concept) => token.start >= concept.start && token.end <= concept.end) ? this.ranking.coveredWord : 1);
    }
    for (const concept of concepts) {
      for (const related of this.relatedTerms.get(concept.term.slice(1)) ?? []) {
        const term = conceptToken(related);
        if (!weights.has(term)) add(term, this.ranking.conceptBoost * this.ranking.related);
      }
    }
    // Unlike an alias, a symptom leaves its words their full weight ("memory" still says memory)
    // and brings no related terms: it points at one concept, not at its neighbourhood.
    for (const termId of [...symptoms.written.map((match) => match.termId), ...symptoms.amounts]) add(conceptToken(termId), this.ranking.conceptBoost);
    return weights;
  }

  /** Glossary term ids the query names, by alias or by a described symptom, in order. */
  askedConcepts(query: string): string[] {
    return [...this.weightedTerms(query)].filter(([term, weight]) => isConceptToken(term) && weight >= this.ranking.conceptBoost).map(([term]) => term.slice(1));
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const weights = this.weightedTerms(query);
    const asked = new Map(weights);
    for (const [termId, weight] of options.context ?? []) {
      const term = conceptToken(termId);
      if (!weights.has(term)) weights.set(term, weight * this.ranking.contextBoost);
    }
    const terms = [...weights.keys()];
    if (terms.length === 0) return [];
    const lastWord = terms.filter((term) => !isConceptToken(term)).at(-1);
    const typingLastWord = options.asYouType === true && !/\s$/.test(query) && lastWord !== undefined && /^[a-z]/.test(lastWord);
    const { boost, fuzzy, prefix } = this.ranking;
    const run = (queryTerms: readonly string[], fuzzyTerms: ReadonlySet<string>) =>
      this.index.search(queryTerms.join(' '), {
        fields: MAIN_FIELDS,
        boost,
        combineWith: 'OR',
        boostTerm: (term) => weights.get(term) ?? 1,
        fuzzy: (term) => (fuzzyTerms.has(term) ? fuzzy.distance : false),
        prefix: (term) => typingLastWord && term === lastWord && term.length >= prefix.minLength,
        weights: { fuzzy: fuzzy.weight, prefix: prefix.weight },
      });
    let results = run(terms, new Set());
    // Fuzzy matching is for typos: only words that matched nothing exactly, searched again on
    // their own, their scores added to the first pass (as one OR search would add them).
    const matched = new Set(results.flatMap((result) => result.queryTerms));
    const unmatched = terms.filter((term) => !matched.has(term) && /^[a-z]+$/.test(term) && term.length >= fuzzy.minLength);
    if (unmatched.length > 0) results = addOrResults(results, run(unmatched, new Set(unmatched)));
    // One more than asked for: the last result's margin is over the one below it.
    return this.judged(this.withNotes(results, terms, weights).slice(0, (options.limit ?? 10) + 1), asked).slice(0, options.limit ?? 10);
  }

  /**
   * Our currency notes (`Currency.now`) count below the experts' words, and only for what those
   * words lack: their own search, its score times `boost.now` (in the share of query terms the
   * answer's own fields did not match) added to the results', and an answer only a note names
   * joins them. The experts' fields and the query's information are weighed as without notes.
   */
  private withNotes(results: MiniSearchResult[], terms: readonly string[], weights: ReadonlyMap<string, number>): MiniSearchResult[] {
    const notes = this.index.search(terms.join(' '), { fields: ['now'], combineWith: 'OR', boostTerm: (term) => weights.get(term) ?? 1, fuzzy: false, prefix: false });
    if (notes.length === 0) return results;
    const byId = new Map(results.map((result) => [result.id, result]));
    for (const note of notes) {
      const base = byId.get(note.id);
      const added = base ? note.queryTerms.filter((term) => !base.queryTerms.includes(term)).length / note.queryTerms.length : 1;
      if (added === 0) continue;
      const score = note.score * this.ranking.boost.now * added;
      byId.set(note.id, base ? { ...base, score: base.score + score } : { ...note, score });
    }
    return [...byId.values()].sort((a, b) => b.score - a.score);
  }

  /**
   * Each result with its coverage of the query and whether it is a confident match
   * (`src/search/confidence.ts`). The query's information is the sum of its terms' weights times
   * their rarity: a long question must match more than a short one, and a topic no answer knows
   * ("brotli") weighs against every result.
   */
  private judged(results: MiniSearchResult[], weights: ReadonlyMap<string, number>): SearchHit[] {
    const information = new Map<string, number>();
    const concepts: string[] = [];
    const unknown = new Set<string>();
    for (const [term, weight] of weights) {
      // Related terms widen the search; they are not part of what was asked.
      if (isConceptToken(term) && weight < this.ranking.conceptBoost) continue;
      if (isConceptToken(term)) concepts.push(term.slice(1));
      information.set(term, weight * this.information(term));
      if (this.idf(term) >= this.maxIdf) unknown.add(term);
    }
    const asked = askedInformation(information, concepts, unknown);
    const best = results[0]?.score ?? 0;
    const judged = results.map((result, rank) => ({
      result,
      score: result.score,
      signals: confidenceSignals(result, results[rank + 1]?.score ?? 0, best, this.qaById.get(String(result.id))?.terms ?? [], asked, (term) => this.idf(term)),
    }));
    const confident = confidentResults(judged, this.confidence);
    return judged.map(({ result, signals }, rank) => toHit(result, signals.coverage, confident[rank]!, probability(signals, this.confidence), signals));
  }

  /**
   * What a query term tells about the question: its weight times its rarity. A Chinese bigram no
   * answer has is mostly two words' edges (一直走 → 直走), not a topic we lack: it tells nothing.
   */
  private information(term: string): number {
    const idf = this.idf(term);
    return isCjkTerm(term) && idf >= this.maxIdf ? 0 : idf;
  }

  private get maxIdf(): number {
    const documents = this.index.documentCount;
    return Math.log(1 + (documents + 0.5) / 0.5);
  }

  /** Rarity of an index term among the answers (BM25's IDF); a term no answer has is the rarest. */
  private idf(term: string): number {
    let value = this.idfCache.get(term);
    if (value === undefined) {
      const documents = this.index.documentCount;
      const frequency = this.index.search(term, { fields: MAIN_FIELDS, prefix: false, fuzzy: false, combineWith: 'OR' }).length;
      value = Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
      this.idfCache.set(term, value);
    }
    return value;
  }

  /**
   * Answers about glossary terms, weighted by how much each matters (e.g. how often it appears on
   * the page), with optional context words that re-rank them ("sidecar" near "memory").
   */
  searchConcepts(termWeights: ReadonlyMap<string, number>, context = '', options: SearchOptions = {}): SearchHit[] {
    const weights = new Map(termWeights);
    for (const [termId, weight] of termWeights) {
      for (const related of this.relatedTerms.get(termId) ?? []) {
        if (!weights.has(related)) weights.set(related, weight * this.ranking.related);
      }
    }
    const concepts = [...weights.keys()].map(conceptToken);
    if (concepts.length === 0) return [];
    const contextTerms = this.queryTerms(context).filter((term) => !concepts.includes(term));
    // An answer is about a term when the experts' words name it: asks do not count here.
    const conceptQuery: Query = { combineWith: 'OR', queries: concepts, fields: ['question', 'answer'], boostTerm: (term) => weights.get(term.slice(1)) ?? 1 };
    const query: Query = contextTerms.length === 0
      ? conceptQuery
      : {
          // Every result is about the terms; the context only re-orders them.
          combineWith: 'AND',
          queries: [conceptQuery, { combineWith: 'OR', queries: [...concepts, ...contextTerms], boostTerm: (term) => (isConceptToken(term) ? 0.2 : 1) }],
        };
    const results = this.index.search(query, {
      boost: this.ranking.boost,
      tokenize: (text: string) => [text],
    });
    return results.slice(0, options.limit ?? 10).map((result) => toHit(result, 1, true, 1));
  }

  /** How many answers mention a term. */
  conceptCount(termId: string): number {
    return this.dataset.qa.filter((entry) => entry.terms.includes(termId)).length;
  }

  /** A question as plain text in both languages. */
  plainQuestion(id: string): { zh: string; en: string } {
    const entry = this.qaById.get(id)!;
    return { zh: plainText(entry.question.zh), en: plainText(entry.question.en) };
  }

  /** An answer as plain text in both languages (cached: snippets are cut from it). */
  plainAnswer(id: string): { zh: string; en: string } {
    let cached = this.plain.get(id);
    if (!cached) {
      const entry = this.qaById.get(id)!;
      cached = { zh: plainText(entry.answer.zh), en: plainText(entry.answer.en) };
      this.plain.set(id, cached);
    }
    return cached;
  }

  /** Tokens of a text, cached: answers are re-cut into snippets for every query. */
  private tokensOf(text: string): Token[] {
    let tokens = this.plainTokens.get(text);
    if (!tokens) {
      tokens = tokenize(text, this.matcher);
      this.plainTokens.set(text, tokens);
    }
    return tokens;
  }

  /** Where matched terms occur in a text shown with a result (question, answer). */
  highlights(text: string, matchedTerms: readonly string[]): Range[] {
    return rangesOf(this.tokensOf(text), matchedTerms);
  }

  /** The answer's best sentence for these terms, cut to about `width` characters. */
  snippet(text: string, matchedTerms: readonly string[], width = 140): Snippet {
    const ranges = this.highlights(text, matchedTerms);
    const sentences = [...text.matchAll(/[^。！？!?\n]+[。！？!?]?|\n/g)].filter((s) => s[0].trim() !== '');
    let best = { start: 0, end: Math.min(text.length, width), hits: -1 };
    for (const sentence of sentences) {
      const start = sentence.index;
      const end = start + sentence[0].length;
      const hits = ranges.filter((range) => range[0] >= start && range[1] <= end).length;
      if (hits > best.hits) best = { start, end, hits };
    }
    let { start, end } = best;
    if (end - start > width) {
      const firstHit = ranges.find((range) => range[0] >= start && range[1] <= end);
      if (firstHit && firstHit[0] - start > width / 3) start = Math.max(start, firstHit[0] - Math.floor(width / 4));
      end = Math.min(end, start + width);
    }
    const prefix = start > 0 ? '…' : '';
    const suffix = end < text.length ? '…' : '';
    const body = text.slice(start, end).trim();
    const offset = text.indexOf(body, start) - prefix.length;
    return {
      text: prefix + body + suffix,
      highlights: ranges
        .filter((range) => range[0] >= start && range[1] <= end)
        .map(([from, to]) => [from - offset, to - offset] as Range),
    };
  }
}
