/**
 * The content script's first scan, cold, in Chromium, on a 20-comment issue (the page people
 * open most): each part in a fresh page at the issue's address, timed the first time it runs
 * there (nothing compiled or optimised yet, as on a page load) and at once again, warm. On a page
 * load all of it runs cold: the difference is what running for the first time costs.
 * - walk: the text nodes the scan reads (skipped regions worked out);
 * - matcher: made from the spellings sorted at build time, then matched over the text nodes; and
 *   the way it was done before that, made on the page from the aliases (folded, sorted);
 * - signals: the prose, then the code blocks, read for signals;
 * - policy: the marking policy's review of every term found.
 */
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { loadDataset, loadSignals } from '../../src/data/load-files';
import { compactTerms, shippedSpellings } from '../../src/glossary/compact';
import { matcherTerms } from '../../src/glossary/terms';
import { signalKeys } from '../../src/signals/types';
import { largeGithubIssue, SHORT_COMMENTS } from '../fixtures/large-pages';
import { COLD_PARTS } from './cold/entry';
import { median, ms, summary } from './stats';

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

const PART_NAMES: Record<(typeof COLD_PARTS)[number], string> = {
  walk: 'walk: the text nodes to read',
  matcher: 'matcher: made from sorted spellings, matched',
  'matcher-on-page': 'matcher: made on the page (before), matched',
  'signals-prose': 'signals: the prose read',
  'signals-code': 'signals: the code blocks read',
  policy: 'marking policy: every term found reviewed',
};

export async function benchCold(): Promise<void> {
  console.log('\n## The first scan, cold, in Chromium: a 20-comment issue, each part in a fresh page, then again warm');
  const script = await bundle();
  const terms = matcherTerms(loadDataset().glossary);
  const input = { spellings: shippedSpellings(terms), aliases: compactTerms(terms), signalKeys: signalKeys(loadSignals()) };
  const url = 'https://github.com/istio/istio/issues/60020';
  const html = largeGithubIssue(20, SHORT_COMMENTS);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const cold = new Map(COLD_PARTS.map((part) => [part, [] as number[]]));
    const warm = new Map(COLD_PARTS.map((part) => [part, [] as number[]]));
    // Interleaved, so every part sees the same moments of a noisy machine.
    for (let run = 0; run < RUNS; run++) {
      for (const part of COLD_PARTS) {
        const page = await browser.newPage();
        // At the issue's address: the marking policy reads a GitHub thread as one unit.
        await page.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
        await page.goto(url);
        await page.addScriptTag({ content: script });
        const [first, second] = await page.evaluate((args) => (globalThis as unknown as { coldRun: (input: unknown) => [number, number] }).coldRun(args), { ...input, part });
        cold.get(part)!.push(first);
        warm.get(part)!.push(second);
        await page.close();
      }
    }
    for (const part of COLD_PARTS) {
      const ratio = median(cold.get(part)!) / median(warm.get(part)!);
      console.log(`${PART_NAMES[part].padEnd(48)} cold ${summary(cold.get(part)!)}   warm p50 ${ms(median(warm.get(part)!))}   cold ÷ warm ${ratio.toFixed(1)}×`);
    }
  } finally {
    await browser.close();
  }
}
