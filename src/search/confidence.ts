/**
 * Whether a result is a close match for the query (`SearchHit.confident`): a small logistic model
 * over a handful of cheap signals, fitted on real questions and on questions no answer covers
 * (`npx tsx test/eval/confidence-fit.ts`, cross-validated in `npm run eval`).
 *
 * One strong shared word should not make an answer confident, so besides how strongly a result
 * scores the model looks at how much of what was asked it matches, whether the experts' own words
 * (question and answer, not only `asks`) carry the query's most telling terms, whether it is about
 * the concepts the query names, and how many distinct rare words it shares.
 */
import { CONFIDENCE_MODEL } from './confidence-model';

/** The signals, each a plain number of about unit scale, so their weights read directly. */
export const SIGNAL_NAMES = ['strength', 'coverage', 'expertCoverage', 'keyTerms', 'concepts', 'rareTerms', 'margin', 'relative', 'unknown'] as const;
export type SignalName = (typeof SIGNAL_NAMES)[number];
export type ConfidenceSignals = Record<SignalName, number>;

export const SIGNAL_MEANINGS: Record<SignalName, string> = {
  strength: 'log(1 + score per unit of the query\'s information)',
  coverage: 'share of the query\'s information (weight × IDF) the answer matches, any field',
  expertCoverage: 'the same, counting only matches in the experts\' words (question, answer)',
  keyTerms: 'share of the query\'s two most informative terms found in the experts\' words',
  concepts: 'share of the information of the glossary concepts the query names that the answer is about (LinkedQa.terms)',
  rareTerms: 'distinct rare terms matched (IDF ≥ 2.5), 0 to 1 for 0 to 4 or more',
  margin: 'log of the score over the next result\'s, at most 1',
  relative: 'log of the score over the best result\'s (0 for the best)',
  unknown: 'share of the query\'s information in terms no answer has (a topic the experts never spoke to)',
};

/**
 * The model reads the best result's signals and gives the probability that the experts answered
 * the question at all; if that reaches `threshold`, the results scoring at least `relative` times
 * the best one are confident. (Fitted per result, one strong answer's neighbours would count
 * against it; fitted per question, the model learns what answered questions look like.)
 */
export interface ConfidenceModel {
  weights: ConfidenceSignals;
  bias: number;
  /** The question is answered at this probability or above. */
  threshold: number;
  /** Results scoring at least this share of the best one's share its confidence. */
  relative: number;
}

/** What the query asked, as the signals need it. */
export interface AskedInformation {
  /** Each asked term's information: its weight times its rarity. */
  information: ReadonlyMap<string, number>;
  total: number;
  /** The query's most informative terms, most first (`keyTerms`). */
  key: readonly string[];
  /** Glossary term ids the query names. */
  concepts: readonly string[];
  /** Share of the information in terms no answer has. */
  unknown: number;
}

/** A result as the signals read it: MiniSearch's score, query terms and where each matched. */
export interface ScoredResult {
  score: number;
  queryTerms: readonly string[];
  match: Readonly<Record<string, readonly string[]>>;
}

const KEY_TERMS = 2;
/** A term in at most about 1 answer in 10 is rare. */
export const RARE_IDF = 2.5;
const RARE_TERMS_FULL = 4;

export function askedInformation(information: ReadonlyMap<string, number>, concepts: readonly string[], unknownTerms: ReadonlySet<string>): AskedInformation {
  let total = 0;
  let unknown = 0;
  for (const [term, value] of information) {
    total += value;
    if (unknownTerms.has(term)) unknown += value;
  }
  const key = [...information].filter(([, value]) => value > 0).sort((a, b) => b[1] - a[1]).slice(0, KEY_TERMS).map(([term]) => term);
  return { information, total, key, concepts, unknown: total > 0 ? unknown / total : 0 };
}

const EXPERT_FIELDS = new Set(['question', 'answer']);

/**
 * The signals of one result. `next` is the score of the result ranked below it (0 if none),
 * `best` the top score; `idf` gives a term's rarity among the answers.
 */
export function confidenceSignals(
  result: ScoredResult,
  next: number,
  best: number,
  answerConcepts: readonly string[],
  asked: AskedInformation,
  idf: (term: string) => number,
): ConfidenceSignals {
  const { information, total } = asked;
  const inExperts = (term: string) => (result.match[term] ?? []).some((field) => EXPERT_FIELDS.has(field));
  let covered = 0;
  let expert = 0;
  let rare = 0;
  for (const term of new Set(result.queryTerms)) {
    const value = information.get(term);
    if (value === undefined) continue;
    covered += value;
    if (inExperts(term)) expert += value;
    if (value > 0 && idf(term) >= RARE_IDF) rare++;
  }
  const matchedKey = asked.key.filter((term) => result.queryTerms.includes(term) && inExperts(term)).length;
  // Concepts count by their information: "Envoy" or "sidecar", in nearly every answer, say little.
  let conceptInformation = 0;
  let about = 0;
  for (const concept of asked.concepts) {
    const value = information.get(`~${concept}`) ?? 0;
    conceptInformation += value;
    if (answerConcepts.includes(concept)) about += value;
  }
  return {
    strength: total > 0 ? Math.log1p(result.score / total) : 0,
    coverage: total > 0 ? covered / total : 0,
    expertCoverage: total > 0 ? expert / total : 0,
    keyTerms: asked.key.length > 0 ? matchedKey / asked.key.length : 0,
    concepts: conceptInformation > 0 ? about / conceptInformation : 0,
    rareTerms: Math.min(rare, RARE_TERMS_FULL) / RARE_TERMS_FULL,
    margin: Math.min(1, next > 0 ? Math.log(result.score / next) : 1),
    relative: best > 0 ? Math.max(-3, Math.log(result.score / best)) : 0,
    unknown: asked.unknown,
  };
}

/** Which results are confident, from their scores and signals, best first (`ConfidenceModel`). */
export function confidentResults(results: readonly { score: number; signals: ConfidenceSignals }[], model: ConfidenceModel = CONFIDENCE_MODEL): boolean[] {
  const top = results[0];
  if (!top || probability(top.signals, model) < model.threshold) return results.map(() => false);
  return results.map((result) => result.score >= top.score * model.relative);
}

/** Each signal's share of the log-odds: what made a result confident, or not. */
export function contributions(signals: ConfidenceSignals, model: ConfidenceModel = CONFIDENCE_MODEL): ConfidenceSignals {
  const out = {} as ConfidenceSignals;
  for (const name of SIGNAL_NAMES) out[name] = model.weights[name] * signals[name];
  return out;
}

export function probability(signals: ConfidenceSignals, model: ConfidenceModel = CONFIDENCE_MODEL): number {
  let z = model.bias;
  for (const name of SIGNAL_NAMES) z += model.weights[name] * signals[name];
  return 1 / (1 + Math.exp(-z));
}
