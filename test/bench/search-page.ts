/**
 * Bundled for the benchmark page (not the extension): the same engine and dataset the extension
 * ships, exposed to the page so the benchmark can time a cold build or load in Chromium.
 */
import dataset from 'virtual:dataset';
import { SearchEngine } from '../../src/search/engine';

const api = {
  build(): number {
    const start = performance.now();
    const engine = new SearchEngine(dataset);
    const elapsed = performance.now() - start;
    (globalThis as Record<string, unknown>).engine = engine;
    return elapsed;
  },
  load(serialized: string): number {
    const start = performance.now();
    const engine = new SearchEngine(dataset, { serializedIndex: serialized });
    const elapsed = performance.now() - start;
    (globalThis as Record<string, unknown>).engine = engine;
    return elapsed;
  },
  serialize(): string {
    return new SearchEngine(dataset).serialize();
  },
  /** Times each query `rounds` times after a warm-up; returns every sample in ms. */
  queries(queries: string[], rounds: number): number[] {
    const engine = ((globalThis as Record<string, unknown>).engine as SearchEngine | undefined) ?? new SearchEngine(dataset);
    for (const query of queries) engine.search(query, { limit: 10 });
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const query of queries) {
        const start = performance.now();
        engine.search(query, { limit: 10 });
        samples.push(performance.now() - start);
      }
    }
    return samples;
  },
};

(globalThis as Record<string, unknown>).searchBench = api;

import serializedIndex from 'virtual:search-index';
import { answerSummary } from '../../src/search/cards';

/** The popup's cold path, phase by phase: engine, first search, the summaries it renders. */
(globalThis as Record<string, unknown>).popupPhases = (query: string): Record<string, number> => {
  const t0 = performance.now();
  const engine = new SearchEngine(dataset, { serializedIndex });
  const t1 = performance.now();
  const hits = engine.search(query, { limit: Infinity });
  const t2 = performance.now();
  for (const hit of hits.slice(0, 20)) {
    const summary = answerSummary(engine, hit.id, 'en', hit.matchedTerms);
    engine.highlights(summary.question.en, hit.matchedTerms);
  }
  const t3 = performance.now();
  return { engine: t1 - t0, search: t2 - t1, summaries: t3 - t2 };
};

import MiniSearch from 'minisearch';
import { TermMatcher } from '../../src/glossary/matcher';
import { matcherTerms } from '../../src/glossary/terms';
(globalThis as Record<string, unknown>).enginePhases = (): Record<string, number> => {
  const t0 = performance.now();
  new TermMatcher(matcherTerms(dataset.glossary));
  const t1 = performance.now();
  const parsed = JSON.parse(serializedIndex);
  const t2 = performance.now();
  MiniSearch.loadJS(parsed, { fields: ['question', 'answer', 'guests'] });
  const t3 = performance.now();
  return { matcher: t1 - t0, parse: t2 - t1, loadJS: t3 - t2 };
};
