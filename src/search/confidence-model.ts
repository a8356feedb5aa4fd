/**
 * The confidence model's weights, written by `npx tsx test/eval/fit-confidence.ts --write` from
 * the tuning half of the real questions and `test/eval/negatives.json` (never the held-out half).
 */
import type { ConfidenceModel } from './confidence';

export const CONFIDENCE_MODEL: ConfidenceModel = {
  weights: { strength: 1, coverage: 1, expertCoverage: 1, keyTerms: 1, concepts: 1, rareTerms: 1, margin: 1, relative: 1, unknown: -1 },
  bias: -4,
  threshold: 0.5,
};
