import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { SearchEngine } from '../../src/search/engine';
import { loadQueries, score } from '../eval/metrics';

const engine = new SearchEngine(loadDataset());
const rank = (query: string) => engine.search(query, { limit: 10 }).map((hit) => hit.id);
const queries = loadQueries();

describe('eval set (test/eval/queries.json)', () => {
  it('has at least 100 queries, about half in each language, each with known answers', () => {
    expect(queries.length).toBeGreaterThanOrEqual(100);
    const ids = new Set(engine.dataset.qa.map((entry) => entry.id));
    for (const lang of ['en', 'zh']) expect(queries.filter((q) => q.lang === lang).length).toBeGreaterThanOrEqual(45);
    for (const query of queries) {
      expect(query.relevant.length, query.query).toBeGreaterThan(0);
      for (const id of query.relevant) expect(ids.has(id), `${query.query}: ${id}`).toBe(true);
    }
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`reaches hit@5 ≥ 0.95 and MRR@10 ≥ 0.85 in ${lang}`, () => {
      const result = score(queries.filter((q) => q.lang === lang), rank);
      expect(result.hitAt5).toBeGreaterThanOrEqual(0.95);
      expect(result.mrrAt10).toBeGreaterThanOrEqual(0.85);
    });
  }
});
