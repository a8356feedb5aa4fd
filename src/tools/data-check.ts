/**
 * `npm run data:check`: validates `data/` (or the directory given) exactly as the build does and
 * prints what it holds. Exits non-zero, listing every problem, when anything is malformed.
 */
import { type DataProblem, DatasetError } from '../data/compile';
import { loadDataset, loadSignals } from '../data/load-files';

/** Both parts are checked, so one run lists every problem of either. */
const problems: DataProblem[] = [];
try {
  const catalogue = loadSignals(process.argv[2]);
  const current = catalogue.analyzers.filter((analyzer) => !analyzer.retired).length;
  const { counts } = catalogue.sources;
  console.log(`signals:  ${catalogue.flags.length} response flags (the source lists ${counts.flags ?? '?'}), ${current} analyze codes (the source lists ${counts.analyzers ?? '?'}) and ${catalogue.analyzers.length - current} retired, ${catalogue.details.length} details, ${catalogue.resetReasons.length} reset reasons, ${catalogue.clusters.length} clusters, ${catalogue.errors.length} error lines`);
} catch (error) {
  if (!(error instanceof DatasetError)) throw error;
  problems.push(...error.problems);
}
try {
  const dataset = loadDataset(process.argv[2]);
  const linked = dataset.qa.filter((entry) => entry.terms.length > 0).length;
  const withQa = new Set(dataset.qa.map((entry) => entry.episode)).size;
  console.log(`episodes: ${dataset.episodes.length} (${withQa} with Q&A)`);
  console.log(`Q&A:      ${dataset.qa.length} (${linked} linked to glossary terms)`);
  console.log(`glossary: ${dataset.glossary.length} terms, ${dataset.glossary.reduce((n, t) => n + t.aliases.en.length + t.aliases.zh.length, 0)} aliases`);
  const statuses = new Map<string, number>();
  for (const entry of dataset.qa) statuses.set(entry.currency?.status ?? 'missing', (statuses.get(entry.currency?.status ?? 'missing') ?? 0) + 1);
  console.log(`currency: ${[...statuses].map(([status, count]) => `${status} ${count}`).join(', ')}`);
} catch (error) {
  if (!(error instanceof DatasetError)) throw error;
  problems.unshift(...error.problems);
}
if (problems.length > 0) {
  console.error(new DatasetError(problems).message);
  process.exitCode = 1;
}
