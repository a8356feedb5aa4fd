/**
 * Grid search over the ranking weights, scored on the eval set: `npx tsx test/eval/tune.ts`.
 * Prints the best settings on all queries and, to show they are not fitted to chance, their
 * scores when chosen on the odd-numbered queries and measured on the even-numbered ones.
 */
import { loadDataset } from '../../src/data/load-files';
import { RANKING, type Ranking, SearchEngine } from '../../src/search/engine';
import { type EvalQuery, loadQueries, score } from './metrics';

const dataset = loadDataset();
const queries = loadQueries();
const odd = queries.filter((_, i) => i % 2 === 1);
const even = queries.filter((_, i) => i % 2 === 0);

function objective(engine: SearchEngine, set: EvalQuery[]): number {
  const rank = (q: string) => engine.search(q, { limit: 10 }).map((hit) => hit.id);
  const perLang = (['en', 'zh'] as const).map((lang) => score(set.filter((q) => q.lang === lang), rank));
  // The weaker language decides: the test requires both to pass.
  return Math.min(...perLang.map((s) => s.mrrAt10 + s.hitAt5));
}

const grid: Ranking[] = [];
for (const question of [1.5, 2.5, 4])
  for (const conceptBoost of [1.5, 2.5, 4])
    for (const b of [0.4, 0.6, 0.75])
      for (const k of [0.9, 1.2, 1.6])
        grid.push({ ...RANKING, boost: { ...RANKING.boost, question }, conceptBoost, bm25: { ...RANKING.bm25, b, k } });

const results = grid.map((ranking) => {
  const engine = new SearchEngine(dataset, { ranking });
  return { ranking, all: objective(engine, queries), odd: objective(engine, odd), even: objective(engine, even) };
});
const label = (r: Ranking) => `question=${r.boost.question} concept=${r.conceptBoost} b=${r.bm25.b} k=${r.bm25.k}`;
const current = results.find((r) => label(r.ranking) === label(RANKING));
console.log(`current  ${label(RANKING)}  all=${current?.all.toFixed(3)}`);
for (const r of [...results].sort((a, b) => b.all - a.all).slice(0, 5)) console.log(`best     ${label(r.ranking)}  all=${r.all.toFixed(3)}`);
const pickedOnOdd = [...results].sort((a, b) => b.odd - a.odd)[0]!;
console.log(`chosen on odd queries: ${label(pickedOnOdd.ranking)}  odd=${pickedOnOdd.odd.toFixed(3)}  held-out even=${pickedOnOdd.even.toFixed(3)}`);
