/**
 * `npm run --silent query -- "text"`: the extension's own search engine in a terminal.
 *   query "text"          top results as id, score, confident or only nearest, question
 *   query --json "text"   a JSON array of the top 10 results, each with `confident`, the
 *                         confidence model's probability and each signal's contribution
 *   query [--json] < file one query per line in, one JSON array per line out
 */
import { createInterface } from 'node:readline';
import { loadDataset } from '../data/load-files';
import { contributions } from '../search/confidence';
import { queryLang, SearchEngine, type SearchHit } from '../search/engine';

// `npm run query -- x | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const args = process.argv.slice(2);
const json = args.includes('--json');
const query = args.filter((arg) => arg !== '--json').join(' ');
const engine = new SearchEngine(loadDataset());

function toJson(hits: SearchHit[], lang: 'zh' | 'en'): object[] {
  return hits.map((hit) => ({
    id: hit.id,
    score: Number(hit.score.toFixed(4)),
    question: engine.plainQuestion(hit.id)[lang],
    snippet: engine.snippet(engine.plainAnswer(hit.id)[lang], hit.matchedTerms).text,
    concepts: hit.matchedConcepts,
    coverage: Number(hit.coverage.toFixed(3)),
    confident: hit.confident,
    // The confidence model on this result's signals (`src/search/confidence.ts`): the best
    // result's probability decides for the question; each signal's share of the log-odds.
    probability: Number(hit.probability.toFixed(3)),
    contributions: hit.signals ? Object.fromEntries(Object.entries(contributions(hit.signals)).filter(([, value]) => value !== 0).map(([name, value]) => [name, Number(value.toFixed(3))])) : {},
  }));
}

function run(text: string): SearchHit[] {
  return engine.search(text, { limit: 10 });
}

if (query.trim() !== '') {
  const hits = run(query);
  const lang = queryLang(query);
  if (json) {
    console.log(JSON.stringify(toJson(hits, lang), null, 2));
  } else if (hits.length === 0) {
    console.log('No answers found.');
  } else {
    for (const hit of hits) {
      console.log(`${hit.id}  ${hit.score.toFixed(2).padStart(8)}  ${hit.confident ? 'confident' : 'nearest  '}  ${engine.plainQuestion(hit.id)[lang].replace(/\s+/g, ' ')}`);
    }
  }
} else {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    console.log(JSON.stringify(toJson(run(line), queryLang(line))));
  }
}
