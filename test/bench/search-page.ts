/**
 * Bundled for the benchmark page (not the extension): the engine, dataset and prebuilt index the
 * extension ships, exposed to the page so the benchmark can time a cold build or load in Chromium.
 */
import dataset from 'virtual:dataset';
import serializedIndex from 'virtual:search-index';
import { SearchEngine } from '../../src/search/engine';

let engine: SearchEngine | undefined;

function timed(make: () => SearchEngine): number {
  const start = performance.now();
  engine = make();
  // The index loads on first use: ready is loaded.
  engine.loadIndex();
  return performance.now() - start;
}

const api = {
  /** Milliseconds to a ready engine, indexing the dataset. */
  build: () => timed(() => new SearchEngine(dataset)),
  /** Milliseconds to a ready engine, loading the prebuilt index. */
  load: () => timed(() => new SearchEngine(dataset, { serializedIndex })),
  indexBytes: () => serializedIndex.length,
  /** Times each query `rounds` times after a warm-up; returns every sample in ms. */
  queries(queries: string[], rounds: number): number[] {
    const ready = engine ?? new SearchEngine(dataset, { serializedIndex });
    for (const query of queries) ready.search(query, { limit: 10 });
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const query of queries) {
        const start = performance.now();
        ready.search(query, { limit: 10 });
        samples.push(performance.now() - start);
      }
    }
    return samples;
  },
};

export type SearchBench = typeof api;
(globalThis as Record<string, unknown>).searchBench = api;
