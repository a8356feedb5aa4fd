/**
 * `npm run eval`: hit@5 and MRR@10 of our engine and of a plain MiniSearch baseline, side by
 * side, per set and language: the written set (`queries.json`, ours) and both halves of the real
 * questions (`../shared/eval/real-queries.json`), then how well `confident` separates questions
 * the experts answered from those they did not: out-of-fold on the training questions (tuning
 * half + `negatives.json`), on the untouched held-out half, and with the old single threshold;
 * then the confidence model's signals and weights.
 *
 * `--misses` lists what we miss in the written set and the tuning half. `--held-out` lists every
 * held-out question with what it got: for reporting only, never for tuning.
 */
import { loadDataset } from '../../src/data/load-files';
import { SearchEngine } from '../../src/search/engine';
import { CONFIDENCE_MODEL } from '../../src/search/confidence-model';
import { SIGNAL_MEANINGS, SIGNAL_NAMES } from '../../src/search/confidence';
import { baselineRanker } from './baseline';
import { crossValidate, judge, type JudgedQuery, type Outcome, outcome, rates, trainingQueries } from './confidence-fit';
import { type EvalQuery, loadQueries, type Ranker, score } from './metrics';
import { hasRealQueries, isChinese, loadRealQueries, type RealQuery } from './real-queries';

const dataset = loadDataset();
const engine = new SearchEngine(dataset);
const ours: Ranker = (query) => engine.search(query, { limit: 10 }).map((hit) => hit.id);
const baseline = baselineRanker(dataset);
const written = loadQueries();

const asEval = (query: RealQuery): EvalQuery => ({ query: query.q, lang: isChinese(query.q) ? 'zh' : 'en', kind: 'real', relevant: query.rel });
const real = hasRealQueries() ? loadRealQueries() : [];
const halves = (['tuning', 'held-out'] as const).map((half) => ({ half, queries: real.filter((query) => query.half === half) }));

const groups: [string, EvalQuery[]][] = [];
for (const [name, set] of [['written', written], ...halves.map(({ half, queries }) => [`real ${half}`, queries.filter((q) => q.rel.length > 0).map(asEval)] as const)] as const) {
  groups.push([`${name}`, set], [`${name} · en`, set.filter((q) => q.lang === 'en')], [`${name} · zh`, set.filter((q) => q.lang === 'zh')]);
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const fmt = (value: number) => value.toFixed(3);
console.log(`${'answerable queries'.padEnd(24)}${pad('n', 5)}  ${pad('ours hit@5', 11)}${pad('MRR@10', 8)}  ${pad('baseline hit@5', 15)}${pad('MRR@10', 8)}`);
for (const [name, group] of groups) {
  const a = score(group, ours);
  const b = score(group, baseline);
  console.log(`${name.padEnd(24)}${pad(group.length, 5)}  ${pad(fmt(a.hitAt5), 11)}${pad(fmt(a.mrrAt10), 8)}  ${pad(fmt(b.hitAt5), 15)}${pad(fmt(b.mrrAt10), 8)}`);
}

// How well `confident` separates questions the experts answered from those they did not.
const training = judge(engine, trainingQueries());
const folds = crossValidate(training);
const oldRule = (queries: readonly JudgedQuery[]) => {
  // The single threshold this model replaced: score per unit of information ≥ 34.
  let answerable = 0, confidentHits = 0, unanswerable = 0, quiet = 0;
  for (const query of queries) {
    const confident = query.hits.filter((hit) => hit.signals.strength >= Math.log1p(34));
    if (query.rel.length === 0) { unanswerable++; if (confident.length === 0) quiet++; }
    else { answerable++; if (confident.some((hit) => hit.helpful)) confidentHits++; }
  }
  return { answerable, confidentHits, unanswerable, quiet };
};
const heldOut: JudgedQuery[] = halves[1]!.queries.length ? judge(engine, halves[1]!.queries.map((query) => ({ q: query.q, rel: query.rel, source: 'real tuning' }))) : [];
const rows: [string, Outcome][] = [
  ...[...folds].map(([source, outcome]) => [`out-of-fold · ${source}`, outcome] as [string, Outcome]),
  ['out-of-fold · all', folds.all],
  ...(heldOut.length ? [['real held-out (untouched)', outcome(heldOut, CONFIDENCE_MODEL)] as [string, Outcome]] : []),
  ['old threshold · training', oldRule(training)],
  ...(heldOut.length ? [['old threshold · held-out', oldRule(heldOut)] as [string, Outcome]] : []),
];
console.log(`\n${'confidence'.padEnd(30)}${pad('answerable', 11)}${pad('none', 6)}  ${pad('quiet rate', 11)}  ${pad('confident-hit', 14)}`);
for (const [name, o] of rows) {
  const r = rates(o);
  console.log(`${name.padEnd(30)}${pad(o.answerable, 11)}${pad(o.unanswerable, 6)}  ${pad(o.unanswerable ? fmt(r.quietRate) : '—', 11)}  ${pad(o.answerable ? fmt(r.confidentHitRate) : '—', 14)}`);
}
if (real.length === 0) console.log('(no ../shared/eval/real-queries.json: only our negatives judged)');
console.log(`  (training: the tuning half and test/eval/negatives.json, 5-fold cross-validated; held-out: the shipped model, fitted on all training questions)`);

console.log(`\nconfidence model (src/search/confidence-model.ts): P(answered) from the best result's signals; confident if P ≥ ${CONFIDENCE_MODEL.threshold}, for results scoring ≥ ${CONFIDENCE_MODEL.relative} × the best`);
for (const name of SIGNAL_NAMES) console.log(`  ${name.padEnd(16)}${pad(CONFIDENCE_MODEL.weights[name].toFixed(3), 8)}  ${SIGNAL_MEANINGS[name]}`);
console.log(`  ${'bias'.padEnd(16)}${pad(CONFIDENCE_MODEL.bias.toFixed(3), 8)}`);

// Symptoms (glossary `symptoms`), checked on the tuning half only: the questions each leads to
// its concept, and whether their helpful answer is in the top 5 with and without the symptoms.
if (real.length > 0) {
  const plain = new SearchEngine({ ...dataset, glossary: dataset.glossary.map(({ symptoms: _symptoms, ...term }) => term) });
  const symptomatic = dataset.glossary.filter((term) => term.symptoms);
  const tuningHalf = halves[0]!.queries;
  console.log(`\n${'symptoms (tuning half)'.padEnd(38)}${pad('questions', 10)}${pad('answerable', 11)}${pad('hit@5 without', 15)}${pad('with', 6)}`);
  for (const term of symptomatic) {
    const led = tuningHalf.filter((query) => engine.askedConcepts(query.q).includes(term.id) && !plain.askedConcepts(query.q).includes(term.id));
    const answerable = led.filter((query) => query.rel.length > 0);
    const hits = (ranker: SearchEngine) => answerable.filter((query) => ranker.search(query.q, { limit: 5 }).some((hit) => query.rel.includes(hit.id))).length;
    console.log(`${term.id.padEnd(38)}${pad(led.length, 10)}${pad(answerable.length, 11)}${pad(hits(plain), 15)}${pad(hits(engine), 6)}`);
  }
}

const describe = (query: string, relevant: readonly string[]) => {
  const hits = engine.search(query, { limit: 5 });
  const got = hits.map((hit) => `${hit.id}${relevant.includes(hit.id) ? '*' : ''}${hit.confident ? '' : '?'}`).join(' ');
  return `  want ${relevant.join(' ') || '(none)'}\n  got  ${got || '(nothing)'}   (* relevant, ? not confident)`;
};

if (process.argv.includes('--misses')) {
  for (const { query } of score(written, ours).misses) console.log(`\nMISS [written ${query.lang}/${query.kind}] ${query.query}\n${describe(query.query, query.relevant)}`);
  for (const query of halves[0]?.queries ?? []) {
    const hits = engine.search(query.q, { limit: 5 });
    const confidentHit = hits.some((hit) => hit.confident && query.rel.includes(hit.id));
    const loud = query.rel.length === 0 && hits.some((hit) => hit.confident);
    if ((query.rel.length > 0 && !confidentHit) || loud) console.log(`\n${loud ? 'LOUD' : 'MISS'} [real tuning] ${query.q}\n${describe(query.q, query.rel)}`);
  }
}

if (process.argv.includes('--held-out')) {
  for (const query of halves[1]?.queries ?? []) console.log(`\n[real held-out] ${query.q}\n${describe(query.q, query.rel)}`);
}
