/**
 * The confidence model's weights, written by `npx tsx test/eval/fit-confidence.ts --write` from
 * the tuning half of the real questions and `test/eval/negatives.json` (never the held-out half).
 */
import type { ConfidenceModel } from './confidence';

export const CONFIDENCE_MODEL: ConfidenceModel = {
  weights: { strength: 1.12, coverage: 2.659, expertCoverage: 0.833, keyTerms: 0, concepts: 1.061, rareTerms: 0, margin: -0.259, relative: 0, unknown: -1.87, expertStrength: 0 },
  bias: -5.584,
  threshold: 0.4,
  relative: 0.5,
};
