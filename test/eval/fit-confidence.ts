/**
 * `npx tsx test/eval/fit-confidence.ts [--write]`: cross-validates the confidence model on the
 * training questions (tuning half + negatives.json), prints out-of-fold figures and the weights
 * fitted on all of them; `--write` writes those to `src/search/confidence-model.ts`.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDataset } from '../../src/data/load-files';
import { SearchEngine } from '../../src/search/engine';
import { crossValidate, fitModel, judge, modelSource, outcome, rates, trainingQueries } from './confidence-fit';

const engine = new SearchEngine(loadDataset());
const judged = judge(engine, trainingQueries());
const folds = crossValidate(judged);
const fmt = (value: number) => value.toFixed(3);
for (const [source, o] of [...folds, ['all', folds.all] as const]) {
  const r = rates(o);
  console.log(`out-of-fold ${source.padEnd(12)} answerable ${o.answerable} none ${o.unanswerable}  quiet ${fmt(r.quietRate)}  confident-hit ${fmt(r.confidentHitRate)}`);
}
const model = fitModel(judged);
const r = rates(outcome(judged, model));
console.log(`fitted on all: quiet ${fmt(r.quietRate)} confident-hit ${fmt(r.confidentHitRate)}`);
console.log(modelSource(model));
if (process.argv.includes('--write')) writeFileSync(resolve(import.meta.dirname, '../../src/search/confidence-model.ts'), modelSource(model));
