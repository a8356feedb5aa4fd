/**
 * Fitting the confidence model (`src/search/confidence.ts`): logistic regression by plain
 * gradient descent over the best result of each training question, labelled by whether a helpful
 * answer is in its top 5; then the probability threshold and the relative band, chosen together.
 * Training questions are the TUNING half of the real questions plus our own questions no answer
 * covers (`negatives.json`); the held-out half is never read here.
 *
 * `npx tsx test/eval/fit-confidence.ts` prints the k-fold out-of-fold figures and the weights
 * fitted on all the training questions; `--write` writes them to `src/search/confidence-model.ts`.
 * `npm run eval` runs the same cross-validation (`crossValidate`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ConfidenceModel, type ConfidenceSignals, confidentResults, probability, SIGNAL_NAMES, type SignalName } from '../../src/search/confidence';
import type { SearchEngine } from '../../src/search/engine';
import { hasRealQueries, realHalf } from './real-queries';

export interface TrainingQuery {
  q: string;
  rel: readonly string[];
  source: 'real tuning' | 'negatives';
}

export interface JudgedQuery extends TrainingQuery {
  hits: { id: string; signals: ConfidenceSignals; helpful: boolean }[];
}

/** Our own questions that no answer covers, written from a list of topics (`negatives.json`). */
export function negatives(): TrainingQuery[] {
  const file = JSON.parse(readFileSync(resolve(import.meta.dirname, 'negatives.json'), 'utf8')) as { questions: string[] };
  return file.questions.map((q) => ({ q, rel: [], source: 'negatives' }));
}

export function trainingQueries(): TrainingQuery[] {
  const tuning: TrainingQuery[] = hasRealQueries() ? realHalf('tuning').map((query) => ({ q: query.q, rel: query.rel, source: 'real tuning' })) : [];
  return [...tuning, ...negatives()];
}

export const TOP = 5;

export function judge(engine: SearchEngine, queries: readonly TrainingQuery[]): JudgedQuery[] {
  return queries.map((query) => ({
    ...query,
    hits: engine.search(query.q, { limit: TOP }).map((hit) => ({ id: hit.id, signals: hit.signals!, helpful: query.rel.includes(hit.id) })),
  }));
}

const zeroWeights = (): ConfidenceSignals => Object.fromEntries(SIGNAL_NAMES.map((name) => [name, 0])) as ConfidenceSignals;

type Weights = Pick<ConfidenceModel, 'weights' | 'bias'>;

/**
 * Logistic regression with an L2 penalty over each question's best result: did the experts
 * answer it (a helpful answer in the top 5)? Answered and unanswered questions are weighted to
 * count equally. Full-batch gradient descent from zero: deterministic, and there are a few
 * hundred rows. (`relative` is 0 for every best result, so its weight stays 0.)
 */
/** The signals the model reads (the others keep weight 0): chosen by out-of-fold figures. */
export const MODEL_SIGNALS: readonly SignalName[] = ['strength', 'coverage', 'expertCoverage', 'concepts', 'unknown', 'margin'];

export function fitWeights(queries: readonly JudgedQuery[], { iterations = 3000, rate = 0.5, l2 = 0.001, use = MODEL_SIGNALS } = {}): Weights {
  const rows = queries.filter((query) => query.hits.length > 0).map((query) => ({ signals: query.hits[0]!.signals, answered: query.hits.some((hit) => hit.helpful) }));
  const positives = rows.filter((row) => row.answered).length;
  const negativeRows = rows.length - positives;
  const weightOf = (answered: boolean) => (answered ? rows.length / (2 * Math.max(1, positives)) : rows.length / (2 * Math.max(1, negativeRows)));
  const weights = zeroWeights();
  let bias = 0;
  for (let step = 0; step < iterations; step++) {
    const gradient = zeroWeights();
    let gradientBias = 0;
    for (const row of rows) {
      const error = (probability(row.signals, { weights, bias, threshold: 0, relative: 1 }) - (row.answered ? 1 : 0)) * weightOf(row.answered);
      for (const name of use) gradient[name] += error * row.signals[name];
      gradientBias += error;
    }
    for (const name of use) weights[name] -= rate * (gradient[name] / rows.length + l2 * weights[name]);
    bias -= rate * (gradientBias / rows.length);
  }
  return { weights, bias };
}

export interface Outcome {
  answerable: number;
  confidentHits: number;
  unanswerable: number;
  quiet: number;
}

const scoreOf = (hit: JudgedQuery['hits'][number]) => Math.exp(hit.signals.relative);

/** Quiet rate and confident-hit rate of a model over judged questions. */
export function outcome(queries: readonly JudgedQuery[], model: ConfidenceModel): Outcome {
  const result: Outcome = { answerable: 0, confidentHits: 0, unanswerable: 0, quiet: 0 };
  for (const query of queries) {
    // The relative signal is log(score / best): the scores, up to a factor.
    const flags = confidentResults(query.hits.map((hit) => ({ score: scoreOf(hit), signals: hit.signals })), model);
    const confident = query.hits.filter((_, index) => flags[index]);
    if (query.rel.length === 0) {
      result.unanswerable++;
      if (confident.length === 0) result.quiet++;
    } else {
      result.answerable++;
      if (confident.some((hit) => hit.helpful)) result.confidentHits++;
    }
  }
  return result;
}

export const rates = (o: Outcome) => ({ quietRate: o.unanswerable ? o.quiet / o.unanswerable : 1, confidentHitRate: o.answerable ? o.confidentHits / o.answerable : 1 });

/** The threshold and relative band that make the weaker of quiet rate and confident-hit rate strongest. */
export function chooseCut(queries: readonly JudgedQuery[], fitted: Weights): Pick<ConfidenceModel, 'threshold' | 'relative'> {
  let best = { threshold: 0.5, relative: 1, score: -Infinity };
  for (let step = 5; step <= 95; step++) {
    const threshold = step / 100;
    for (const relative of [0.5, 0.6, 0.7, 0.8, 0.9, 1]) {
      const { quietRate, confidentHitRate } = rates(outcome(queries, { ...fitted, threshold, relative }));
      const score = Math.min(quietRate, confidentHitRate) + 0.01 * (quietRate + confidentHitRate);
      if (score > best.score + 1e-9) best = { threshold, relative, score };
    }
  }
  return { threshold: best.threshold, relative: best.relative };
}

export function fitModel(queries: readonly JudgedQuery[], use = MODEL_SIGNALS): ConfidenceModel {
  const fitted = fitWeights(queries, { use });
  return { ...fitted, ...chooseCut(queries, fitted) };
}

/** The fold of a question: by the SHA-256 of its text, so folds never change between runs. */
const foldOf = (query: TrainingQuery, k: number) => Number.parseInt(createHash('sha256').update(query.q).digest('hex').slice(0, 8), 16) % k;

/**
 * k-fold cross-validation: each question is judged by a model fitted (weights and threshold)
 * without its fold. Returns the out-of-fold outcome per source.
 */
export function crossValidate(queries: readonly JudgedQuery[], k = 5, use = MODEL_SIGNALS): Map<string, Outcome> & { all: Outcome } {
  const bySource = new Map<string, Outcome>();
  const all: Outcome = { answerable: 0, confidentHits: 0, unanswerable: 0, quiet: 0 };
  for (let fold = 0; fold < k; fold++) {
    const train = queries.filter((query) => foldOf(query, k) !== fold);
    const test = queries.filter((query) => foldOf(query, k) === fold);
    const model = fitModel(train, use);
    for (const query of test) {
      const o = outcome([query], model);
      const sum = bySource.get(query.source) ?? { answerable: 0, confidentHits: 0, unanswerable: 0, quiet: 0 };
      for (const target of [sum, all]) {
        target.answerable += o.answerable;
        target.confidentHits += o.confidentHits;
        target.unanswerable += o.unanswerable;
        target.quiet += o.quiet;
      }
      bySource.set(query.source, sum);
    }
  }
  return Object.assign(bySource, { all });
}

export function modelSource(model: ConfidenceModel): string {
  const round = (value: number) => Number(value.toFixed(3));
  const weights = SIGNAL_NAMES.map((name) => `${name}: ${round(model.weights[name])}`).join(', ');
  return `/**
 * The confidence model's weights, written by \`npx tsx test/eval/fit-confidence.ts --write\` from
 * the tuning half of the real questions and \`test/eval/negatives.json\` (never the held-out half).
 */
import type { ConfidenceModel } from './confidence';

export const CONFIDENCE_MODEL: ConfidenceModel = {
  weights: { ${weights} },
  bias: ${round(model.bias)},
  threshold: ${model.threshold},
  relative: ${model.relative},
};
`;
}
