/**
 * `npm run data:currency`: merges the reviewers' entries (`/work/parts/currency-*.json`, then a
 * consolidated `/work/parts/currency.json` if there is one, or the files given, in order) over
 * `data/currency.json` by id, keeps one entry per answer of qa.json (a new
 * answer starts "unchecked"), validates the result as the build does, and writes it sorted by id.
 * An entry that fails validation is reported and left out (the file's entry stays as it was).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileDataset, DatasetError } from '../data/compile';
import { NEWEST_KNOWN } from '../data/currency';
import { DATA_DIR, readDataFiles } from '../data/load-files';
import { currencySchema } from '../data/schema';
import type { Currency } from '../data/types';

const target = resolve(DATA_DIR, 'currency.json');
const PARTS = '/work/parts';
/** The reviewers' parts first, the consolidated pass over them last. */
function byReviewPass(a: string, b: string): number {
  return Number(a === 'currency.json') - Number(b === 'currency.json') || a.localeCompare(b);
}
const inputs = process.argv.length > 2
  ? process.argv.slice(2)
  : existsSync(PARTS) ? readdirSync(PARTS).filter((name) => /^currency(-.*)?\.json$/.test(name)).sort(byReviewPass).map((name) => resolve(PARTS, name)) : [];
const qaIds = (JSON.parse(readFileSync(resolve(DATA_DIR, 'qa.json'), 'utf8')) as { id: string }[]).map((entry) => entry.id);
const current = new Map((JSON.parse(readFileSync(target, 'utf8')) as Currency[]).map((entry) => [entry.id, entry]));

let merged = 0;
for (const file of inputs) {
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: not readable JSON yet (${(error as Error).message}); skipped`);
    continue;
  }
  if (!Array.isArray(entries)) {
    console.error(`${file}: not a JSON array; skipped`);
    continue;
  }
  for (const [index, entry] of entries.entries()) {
    const result = currencySchema.safeParse(entry);
    const id = (entry as { id?: unknown } | null)?.id;
    if (!result.success) {
      for (const issue of result.error.issues) console.error(`${file}: ${typeof id === 'string' ? id : `#${index}`}: ${issue.path.join('.') || '-'}: ${issue.message}`);
      continue;
    }
    if (!qaIds.includes(result.data.id)) {
      console.error(`${file}: ${result.data.id}: id: is not the id of an answer in qa.json`);
      continue;
    }
    current.set(result.data.id, result.data);
    merged++;
  }
}

const unchecked = (id: string): Currency => ({ id, status: 'unchecked', reviewed: { istio: NEWEST_KNOWN.istio, envoy: NEWEST_KNOWN.envoy } });
const output = qaIds.sort().map((id) => current.get(id) ?? unchecked(id));
const files = readDataFiles();
try {
  compileDataset({ ...files, 'currency.json': JSON.stringify(output) });
} catch (error) {
  if (!(error instanceof DatasetError)) throw error;
  console.error(error.message);
  process.exit(1);
}
writeFileSync(target, `${JSON.stringify(output, null, 2)}\n`);
const counts = new Map<string, number>();
for (const entry of output) counts.set(entry.status, (counts.get(entry.status) ?? 0) + 1);
console.log(`merged ${merged} entries from ${inputs.length} file(s); ${output.length} answers: ${[...counts].map(([status, n]) => `${status} ${n}`).join(', ')}`);
