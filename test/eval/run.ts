/**
 * `npm run eval`: hit@5 and MRR@10 of our engine and of a plain MiniSearch baseline, side by
 * side, overall, per language and per kind of query. `--misses` lists the queries we miss.
 */
import { loadDataset } from '../../src/data/load-files';
import { SearchEngine } from '../../src/search/engine';
import { baselineRanker } from './baseline';
import { type EvalQuery, loadQueries, type Ranker, score } from './metrics';

const dataset = loadDataset();
const engine = new SearchEngine(dataset);
const ours: Ranker = (query) => engine.search(query, { limit: 10 }).map((hit) => hit.id);
const baseline = baselineRanker(dataset);
const queries = loadQueries();

const groups: [string, EvalQuery[]][] = [
  ['all', queries],
  ['en', queries.filter((q) => q.lang === 'en')],
  ['zh', queries.filter((q) => q.lang === 'zh')],
  ...[...new Set(queries.map((q) => q.kind))].map((kind): [string, EvalQuery[]] => [`kind:${kind}`, queries.filter((q) => q.kind === kind)]),
];

const pad = (value: string | number, width: number) => String(value).padStart(width);
const fmt = (value: number) => value.toFixed(3);
console.log(`${'queries'.padEnd(18)}${pad('n', 5)}  ${pad('ours hit@5', 11)}${pad('MRR@10', 8)}  ${pad('baseline hit@5', 15)}${pad('MRR@10', 8)}`);
for (const [name, group] of groups) {
  const a = score(group, ours);
  const b = score(group, baseline);
  console.log(`${name.padEnd(18)}${pad(group.length, 5)}  ${pad(fmt(a.hitAt5), 11)}${pad(fmt(a.mrrAt10), 8)}  ${pad(fmt(b.hitAt5), 15)}${pad(fmt(b.mrrAt10), 8)}`);
}

if (process.argv.includes('--misses')) {
  for (const { query, ranked } of score(queries, ours).misses) {
    console.log(`\nMISS [${query.lang}/${query.kind}] ${query.query}\n  want ${query.relevant.join(' ')}\n  got  ${ranked.slice(0, 5).join(' ')}`);
  }
}
