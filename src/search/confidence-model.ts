/**
 * The confidence model's weights, written by `npx tsx test/eval/fit-confidence.ts --write` from
 * the tuning half of the real questions and `test/eval/negatives.json` (never the held-out half).
 */
import type { ConfidenceModel } from './confidence';

export const CONFIDENCE_MODEL: ConfidenceModel = {
  weights: { strength: 1.066, coverage: 2.807, expertCoverage: 0.901, keyTerms: 0, concepts: 1.085, rareTerms: 0, margin: -0.295, relative: 0, unknown: -1.9 },
  bias: -5.418,
  threshold: 0.37,
  relative: 0.5,
};
