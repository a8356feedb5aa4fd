/**
 * The content script's first scan, cold, in Chromium, on a 20-comment issue (the page people
 * open most): each part in a fresh page (nothing compiled or optimised yet, as on a page load),
 * done as now beside the way it was done before this round.
 * - matcher: made from the spellings sorted at build time, against made on the page from the
 *   aliases (folded, sorted); then matched over the page's text nodes.
 * - signals: the page's prose read for signals, where prose with nothing a signal needs is
 *   passed over, against read line by line.
 */
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { loadDataset, loadSignals } from '../../src/data/load-files';
import { compactTerms, shippedSpellings } from '../../src/glossary/compact';
import { matcherTerms } from '../../src/glossary/terms';
import { signalKeys } from '../../src/signals/types';
import { largeGithubIssue, SHORT_COMMENTS } from '../fixtures/large-pages';
import type { ColdPart } from './cold/entry';
import { summary } from './stats';

const RUNS = 15;

async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry: new URL('./cold/entry.ts', import.meta.url).pathname, formats: ['iife'], name: 'cold' } },
  });
  const chunks = (Array.isArray(output) ? output[0]! : output) as { output: { code?: string }[] };
  return chunks.output[0]!.code!;
}

export async function benchCold(): Promise<void> {
  console.log('\n## The first scan, cold, in Chromium: a 20-comment issue, each part in a fresh page');
  const script = await bundle();
  const terms = matcherTerms(loadDataset().glossary);
  const input = { spellings: shippedSpellings(terms), aliases: compactTerms(terms), signalKeys: signalKeys(loadSignals()) };
  const html = largeGithubIssue(20, SHORT_COMMENTS);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const parts: [ColdPart, string, string][] = [
    ['matcher', 'made from the sorted spellings, then matched', 'made from the aliases on the page, then matched'],
    ['signals', 'prose read for signals, passed over', 'every line read'],
  ];
  try {
    for (const [part, now, before] of parts) {
      const times = { now: [] as number[], before: [] as number[] };
      for (let run = 0; run < RUNS; run++) {
        for (const which of ['now', 'before'] as const) {
          const page = await browser.newPage();
          await page.setContent(html);
          await page.addScriptTag({ content: script });
          times[which].push(await page.evaluate((args) => (globalThis as unknown as { coldRun: (input: unknown) => number }).coldRun(args), { ...input, part, before: which === 'before' }));
          await page.close();
        }
      }
      console.log(`${part.padEnd(8)} now     ${now.padEnd(48)} ${summary(times.now)}`);
      console.log(`${part.padEnd(8)} before  ${before.padEnd(48)} ${summary(times.before)}`);
    }
  } finally {
    await browser.close();
  }
}
