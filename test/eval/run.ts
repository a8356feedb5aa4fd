/**
 * `npm run eval`: hit@5 and MRR@10 of our engine and of a plain MiniSearch baseline, side by
 * side, per set and language: the written set (`queries.json`, ours) and both halves of the real
 * questions (`../shared/eval/real-queries.json`), then how well `confident` separates real
 * questions that have an answer from those that have none.
 *
 * `--misses` lists what we miss in the written set and the tuning half. `--held-out` lists every
 * held-out question with what it got: for reporting only, never for tuning.
 */
import { loadDataset } from '../../src/data/load-files';
import { SearchEngine } from '../../src/search/engine';
import { baselineRanker } from './baseline';
import { confidenceScores, type EvalQuery, loadQueries, type Ranker, score } from './metrics';
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

if (real.length === 0) console.log('\n(no ../shared/eval/real-queries.json: real questions not evaluated)');
else {
  console.log(`\n${'confidence (real)'.padEnd(24)}${pad('answerable', 11)}${pad('none', 6)}  ${pad('quiet rate', 11)}  ${pad('confident-hit', 14)}`);
  for (const { half, queries } of halves) {
    const c = confidenceScores(queries, (query) => engine.search(query, { limit: 5 }));
    console.log(`${`real ${half}`.padEnd(24)}${pad(c.answerable, 11)}${pad(c.unanswerable, 6)}  ${pad(fmt(c.quietRate), 11)}  ${pad(fmt(c.confidentHitRate), 14)}`);
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
