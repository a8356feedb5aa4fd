import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { shippedSpellings } from '../../src/glossary/compact';
import { matcherTerms } from '../../src/glossary/terms';
import { SearchEngine } from '../../src/search/engine';
import { confidenceScores, loadQueries, score } from '../eval/metrics';
import { negatives } from '../eval/confidence-fit';
import { hasRealQueries, isChinese, loadRealQueries, realHalf } from '../eval/real-queries';

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

// The tuning half of the real questions (../shared/eval, beside the clone in CI) is what the
// ranking and the confidence rule were tuned on: it is held to the targets here. The held-out
// half is only ever reported (`npm run eval`), never asserted or tuned on.
describe.runIf(hasRealQueries())('real questions, tuning half', () => {
  const tuning = realHalf('tuning');
  const answerable = tuning.filter((query) => query.rel.length > 0);

  it('is the half the split gives: about half the questions, both languages, both kinds', () => {
    expect(tuning.length).toBeGreaterThanOrEqual(80);
    expect(answerable.filter((query) => isChinese(query.q)).length).toBeGreaterThanOrEqual(10);
    expect(tuning.length - answerable.length).toBeGreaterThanOrEqual(15);
  });

  it('puts the right answer in the top 5 for ≥ 90% and reaches MRR@10 ≥ 0.80', () => {
    const result = score(answerable.map((query) => ({ query: query.q, lang: 'en', kind: 'real', relevant: query.rel })), rank);
    expect(result.hitAt5).toBeGreaterThanOrEqual(0.9);
    expect(result.mrrAt10).toBeGreaterThanOrEqual(0.8);
  });

  it('stays quiet on questions no answer addresses and is confident on its right answers', () => {
    const result = confidenceScores(tuning, (query) => engine.search(query, { limit: 5 }));
    expect(result.quietRate).toBeGreaterThanOrEqual(0.85);
    // The fitted model reaches 53 of 66 here (0.803); the out-of-fold figure (`npm run eval`) is
    // what it is expected to do on questions it has not seen.
    expect(result.confidentHitRate).toBeGreaterThanOrEqual(0.8);
  });
});

describe('our own questions no answer covers (test/eval/negatives.json)', () => {
  const written = negatives();

  it('are 60–100 questions in both languages, none of them a real question', () => {
    expect(written.length).toBeGreaterThanOrEqual(60);
    expect(written.length).toBeLessThanOrEqual(100);
    expect(written.filter((query) => isChinese(query.q)).length).toBeGreaterThanOrEqual(15);
    if (hasRealQueries()) {
      const real = new Set(loadRealQueries().map((query) => query.q.trim().toLowerCase()));
      for (const query of written) expect(real.has(query.q.trim().toLowerCase()), query.q).toBe(false);
    }
  });

  it('mostly get no confident answer', () => {
    expect(confidenceScores(written, (query) => engine.search(query, { limit: 5 })).quietRate).toBeGreaterThanOrEqual(0.75);
  });
});

describe.runIf(hasRealQueries())('the shipped engine (the spellings sorted at build time)', () => {
  it('ranks every real question as the engine made from the dataset does: same answers, scores and confidence', () => {
    const dataset = loadDataset();
    const shipped = new SearchEngine(dataset, { spellings: shippedSpellings(matcherTerms(dataset.glossary)) });
    const top = (searcher: SearchEngine, query: string) => searcher.search(query, { limit: 10 }).map((hit) => [hit.id, hit.score, hit.confident]);
    const questions = loadRealQueries();
    expect(questions.length).toBeGreaterThan(100);
    for (const { q } of questions) expect(top(shipped, q), q).toEqual(top(engine, q));
  });
});
