/**
 * `npm run marks`: the production build in Chromium on real pages (`../shared/real-pages`,
 * rendered at their real URLs by `test/fixtures/real-pages.ts`), and what it underlines there,
 * per kind of page: marks per 1000 words (Chinese counted at 1.7 characters a word), marks
 * inside identifiers (by the independent check in `identifiers.ts`), and the share of the
 * labelled marks (`labels.json`, judged by us: right sense and worth a hover) that is right.
 * It names every mark inside an identifier and every labelled mark judged wrong.
 *
 *   npm run marks                       the build in .output/chrome-mv3
 *   npm run marks -- --build <dir>      another unpacked build (e.g. an older commit's), for before/after
 *   npm run marks -- --dump <file>      also writes every mark with its context, for labelling (not committed)
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, type TestPage } from '../e2e/harness';
import { hasRealPages, type RealPage, type RealPageKind, realPages } from '../fixtures/real-pages';
import { type PageMark, readMarks } from './read-marks';

interface Label {
  page: string;
  surface: string;
  /** Which occurrence of the surface (case-insensitive) in the page's text, from 0. */
  n: number;
  right: boolean;
  note?: string;
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};

if (!hasRealPages()) {
  console.log('No ../shared/real-pages beside the clone: nothing to measure.');
  process.exit(0);
}

const labels = JSON.parse(readFileSync(resolve(import.meta.dirname, 'labels.json'), 'utf8')) as Label[];
const labelKey = (page: string, surface: string, n: number) => `${page}\t${surface.toLowerCase()}\t${n}`;
const labelled = new Map(labels.map((label) => [labelKey(label.page, label.surface, label.n), label]));

const pages = realPages();
// The pages are split as the real questions are (SHA-256 of the URL, even positions tune): the
// policy is tuned on the tuning half's wrong labels only, and the held-out half's precision is reported.
const hashes = pages.map((page) => createHash('sha256').update(page.url).digest('hex'));
const sortedHashes = [...hashes].sort();
const halfOf = new Map(pages.map((page, index) => [page.url, sortedHashes.indexOf(hashes[index]!) % 2 === 0 ? 'tuning' : 'held-out']));
const build = option('--build');
const session = await launch('chromium', { fixtures: pages, ...(build ? { extensionDir: resolve(build) } : {}) });

/** Marks, once their number has stayed the same for a while (a page may legitimately have none). */
async function settledMarks(page: TestPage): Promise<PageMark[]> {
  let previous = -1;
  let stable = 0;
  for (let waited = 0; waited < 15_000; waited += 250) {
    const count = await page.evaluate(() => (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights?.get('istio-experts-term')?.size ?? 0);
    stable = count === previous ? stable + 1 : 0;
    previous = count;
    if (stable >= 6) break;
    await new Promise((resolveTimer) => setTimeout(resolveTimer, 250));
  }
  return readMarks(page);
}

interface PageResult {
  page: RealPage;
  words: number;
  marks: PageMark[];
}

const results: PageResult[] = [];
try {
  for (const real of pages) {
    const page = await session.openPage(real.url);
    const marks = await settledMarks(page);
    const words = await page.evaluate(() => {
      const text = document.body.innerText;
      const latin = text.match(/[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*/g)?.length ?? 0;
      const han = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
      return latin + han / 1.7;
    });
    results.push({ page: real, words, marks });
    await page.close();
  }
} finally {
  await session.close();
}

const kinds: RealPageKind[] = ['istio.io', 'istio.io/zh', 'envoy', 'github'];
const pad = (value: string | number, width: number) => String(value).padStart(width);
console.log(`\n${'kind of page'.padEnd(14)}${pad('pages', 6)}${pad('words', 9)}${pad('marks', 7)}${pad('per 1000 w', 12)}${pad('in identifiers', 16)}${pad('labelled', 10)}${pad('right', 8)}`);
const wrong: string[] = [];
const inIdentifiers: string[] = [];
let allLabelled = 0;
let allRight = 0;
for (const kind of [...kinds, 'all' as const]) {
  const group = results.filter((result) => kind === 'all' || result.page.kind === kind);
  const words = group.reduce((sum, result) => sum + result.words, 0);
  const marks = group.flatMap((result) => result.marks.map((mark) => ({ ...mark, url: result.page.url })));
  const identifiers = marks.filter((mark) => mark.identifier);
  const judged = marks.flatMap((mark) => labelled.get(labelKey(mark.url, mark.surface, mark.n)) ?? []);
  const right = judged.filter((label) => label.right).length;
  if (kind !== 'all') {
    allLabelled += judged.length;
    allRight += right;
    for (const mark of identifiers) inIdentifiers.push(`  ${mark.url}  "${mark.surface}" #${mark.n} in ${mark.identifier}: …${mark.token}…`);
    for (const label of judged.filter((candidate) => !candidate.right)) wrong.push(`  [${halfOf.get(label.page)}] ${label.page}  "${label.surface}" #${label.n}${label.note ? `: ${label.note}` : ''}`);
  }
  const share = judged.length > 0 ? `${((100 * right) / judged.length).toFixed(1)}%` : '-';
  console.log(`${kind.padEnd(14)}${pad(group.length, 6)}${pad(Math.round(words), 9)}${pad(marks.length, 7)}${pad(((1000 * marks.length) / Math.max(1, words)).toFixed(1), 12)}${pad(identifiers.length, 16)}${pad(judged.length, 10)}${pad(share, 8)}`);
}
console.log(`\nlabels: ${labels.length} in test/marks/labels.json, ${allLabelled} of them on marks this build paints (${allRight} right)`);
for (const half of ['tuning', 'held-out']) {
  const judged = results.filter((result) => halfOf.get(result.page.url) === half).flatMap((result) => result.marks.flatMap((mark) => labelled.get(labelKey(result.page.url, mark.surface, mark.n)) ?? []));
  const right = judged.filter((label) => label.right).length;
  console.log(`  ${half.padEnd(9)} pages: ${judged.length} labelled marks, ${judged.length ? ((100 * right) / judged.length).toFixed(1) : '-'}% right`);
}
console.log(`\nmarks inside identifiers (${inIdentifiers.length}):${inIdentifiers.length ? `\n${inIdentifiers.join('\n')}` : ' none'}`);
console.log(`\nlabelled marks judged wrong (${wrong.length}):${wrong.length ? `\n${wrong.join('\n')}` : ' none'}`);

const dump = option('--dump');
if (dump) {
  const rows = results.flatMap((result) => result.marks.map((mark) => ({ page: result.page.url, surface: mark.surface, n: mark.n, identifier: mark.identifier, context: mark.context, labelled: labelled.get(labelKey(result.page.url, mark.surface, mark.n))?.right ?? null })));
  writeFileSync(dump, JSON.stringify(rows, null, 1));
  console.log(`\n${rows.length} marks with their context written to ${dump}`);
}
