/** Scoring the eval set (`queries.json`): hit@5 and MRR@10, overall and per language. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface EvalQuery {
  query: string;
  lang: 'en' | 'zh';
  kind: string;
  relevant: string[];
  note?: string;
}

export interface Scores {
  count: number;
  hitAt5: number;
  mrrAt10: number;
}

export type Ranker = (query: string) => string[];

export function loadQueries(): EvalQuery[] {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, 'queries.json'), 'utf8')) as EvalQuery[];
}

export function reciprocalRank(ranked: readonly string[], relevant: readonly string[], depth = 10): number {
  const index = ranked.slice(0, depth).findIndex((id) => relevant.includes(id));
  return index < 0 ? 0 : 1 / (index + 1);
}

export function score(queries: readonly EvalQuery[], rank: Ranker): Scores & { misses: { query: EvalQuery; ranked: string[] }[] } {
  let hits = 0;
  let rr = 0;
  const misses: { query: EvalQuery; ranked: string[] }[] = [];
  for (const query of queries) {
    const ranked = rank(query.query);
    const rank5 = reciprocalRank(ranked, query.relevant, 5);
    if (rank5 > 0) hits++;
    else misses.push({ query, ranked });
    rr += reciprocalRank(ranked, query.relevant, 10);
  }
  const count = queries.length;
  return { count, hitAt5: count ? hits / count : 0, mrrAt10: count ? rr / count : 0, misses };
}

export interface ConfidenceScores {
  answerable: number;
  unanswerable: number;
  /** Unanswerable questions with no confident result in the top 5. */
  quietRate: number;
  /** Answerable questions whose right answer is in the top 5 and confident. */
  confidentHitRate: number;
}

/** How well `confident` tells questions that have an answer from those that have none. */
export function confidenceScores(
  queries: readonly { q: string; rel: readonly string[] }[],
  search: (query: string) => readonly { id: string; confident: boolean }[],
): ConfidenceScores {
  let answerable = 0;
  let confidentHits = 0;
  let unanswerable = 0;
  let quiet = 0;
  for (const query of queries) {
    const top = search(query.q).slice(0, 5);
    if (query.rel.length === 0) {
      unanswerable++;
      if (!top.some((hit) => hit.confident)) quiet++;
    } else {
      answerable++;
      if (top.some((hit) => hit.confident && query.rel.includes(hit.id))) confidentHits++;
    }
  }
  return {
    answerable,
    unanswerable,
    quietRate: unanswerable ? quiet / unanswerable : 1,
    confidentHitRate: answerable ? confidentHits / answerable : 1,
  };
}
