/**
 * `npx tsx test/eval/tune.ts`: grid searches scored on the TUNING half of the real questions only
 * (the held-out half is never looked at here):
 * ranking weights, by hit@5 + MRR@10, among those that keep the written set at its targets.
 * It prints the best settings; copying them into RANKING is a deliberate edit. The confidence
 * model is fitted apart, by `test/eval/fit-confidence.ts`.
 */
import { loadDataset } from '../../src/data/load-files';
import { RANKING, type Ranking, SearchEngine } from '../../src/search/engine';
import { type EvalQuery, loadQueries, score } from './metrics';
import { isChinese, realHalf } from './real-queries';

const dataset = loadDataset();
const written = loadQueries();
const tuning = realHalf('tuning');
const answerable: EvalQuery[] = tuning.filter((q) => q.rel.length > 0).map((q) => ({ query: q.q, lang: isChinese(q.q) ? 'zh' : 'en', kind: 'real', relevant: q.rel }));
const fmt = (value: number) => value.toFixed(3);

function rankingScores(ranking: Ranking) {
  const engine = new SearchEngine(dataset, { ranking });
  const rank = (query: string) => engine.search(query, { limit: 10 }).map((hit) => hit.id);
  const writtenOk = (['en', 'zh'] as const).every((lang) => {
    const s = score(written.filter((q) => q.lang === lang), rank);
    return s.hitAt5 >= 0.95 && s.mrrAt10 >= 0.85;
  });
  return { writtenOk, real: score(answerable, rank) };
}

const rankingLabel = (r: Ranking) => `asks=${r.boost.asks} question=${r.boost.question} answer=${r.boost.answer} concept=${r.conceptBoost} b=${r.bm25.b} k=${r.bm25.k}`;
const grid: Ranking[] = [];
for (const asks of [5, 8, 12])
  for (const question of [1, 2, 3])
    for (const answer of [0.25, 0.5, 1])
      for (const conceptBoost of [1, 1.5, 2.5])
        for (const b of [0.5, 0.75])
          for (const k of [0.9, 1.5])
            grid.push({ ...RANKING, boost: { ...RANKING.boost, asks, question, answer }, conceptBoost, bm25: { ...RANKING.bm25, b, k } });

const ranked = grid
  .map((ranking) => ({ ranking, ...rankingScores(ranking) }))
  .filter((r) => r.writtenOk)
  .sort((a, b) => b.real.hitAt5 + b.real.mrrAt10 - (a.real.hitAt5 + a.real.mrrAt10));
const current = rankingScores(RANKING);
console.log(`ranking, tuning half (${answerable.length} answerable)`);
console.log(`  current  ${rankingLabel(RANKING)}  hit@5=${fmt(current.real.hitAt5)} MRR@10=${fmt(current.real.mrrAt10)}${current.writtenOk ? '' : '  (written set below target)'}`);
for (const r of ranked.slice(0, 8)) console.log(`  best     ${rankingLabel(r.ranking)}  hit@5=${fmt(r.real.hitAt5)} MRR@10=${fmt(r.real.mrrAt10)}`);
