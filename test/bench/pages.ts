/**
 * The content script on very large pages (2 MB+ of text), in Chromium, side by side: without the
 * extension, with the extension whose content script is emptied (what injecting any content
 * script costs), and with ours. Page load, main-thread time in the extension's scripts and its
 * longest task (from a Chrome performance trace), and how long until the marks are painted.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { LARGE_PAGE_URLS, largeGithubIssue, largeIstioReference } from '../fixtures/large-pages';
import { extensionScriptTime, openBenchContext as open, startTrace, type Variant } from './chromium-context';
import { median, ms } from './stats';

const RUNS = 5;

/** Loads the page under a trace; returns load time and the extension's script time on the main thread. */
async function measure(context: BrowserContext, url: string, withMarks: boolean) {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const trace = await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load' });
  const load = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  let marks = 0;
  let marksReady = NaN;
  if (withMarks) {
    const started = Date.now();
    let previous = -1;
    for (;;) {
      marks = await page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('istio-experts-term')?.size ?? 0);
      if (marks > 0 && marks === previous) break;
      previous = marks;
      if (Date.now() - started > 30_000) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    marksReady = await page.evaluate(() => performance.now());
  } else {
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
  const { total, longest } = extensionScriptTime(await trace.stop());
  await page.close();
  return { load, total, longest, marks, marksReady };
}

export async function benchPages(): Promise<void> {
  console.log(`\n## Content script on large pages, Chromium (median of ${RUNS} loads each)`);
  const pages = { [LARGE_PAGE_URLS.githubIssue]: largeGithubIssue(), [LARGE_PAGE_URLS.istioReference]: largeIstioReference() };
  const contexts = { none: await open('none', pages), empty: await open('empty', pages), ours: await open('ours', pages) };
  console.log(
    `${'page'.padEnd(26)}${'load: none'.padStart(12)}${'empty script'.padStart(14)}${'ours'.padStart(10)}${'Δ vs none'.padStart(11)}${'Δ vs empty'.padStart(12)}` +
      `${'ext. main thread'.padStart(18)}${'longest'.padStart(9)}${'marks'.padStart(7)}${'marks at'.padStart(10)}`,
  );
  for (const [name, url] of Object.entries(LARGE_PAGE_URLS)) {
    const runs: Record<Variant, Awaited<ReturnType<typeof measure>>[]> = { none: [], empty: [], ours: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const variant of ['none', 'empty', 'ours'] as const) runs[variant].push(await measure(contexts[variant], url, variant === 'ours'));
    }
    const load = (variant: Variant) => median(runs[variant].map((run) => run.load));
    const delta = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(1)}%`;
    const size = `${name} (${(pages[url]!.length / 1e6).toFixed(1)} MB)`;
    console.log(
      `${size.padEnd(26)}${ms(load('none')).padStart(12)}${ms(load('empty')).padStart(14)}${ms(load('ours')).padStart(10)}` +
        `${delta(load('ours'), load('none')).padStart(11)}${delta(load('ours'), load('empty')).padStart(12)}` +
        `${ms(median(runs.ours.map((r) => r.total))).padStart(18)}${ms(Math.max(...runs.ours.map((r) => r.longest))).padStart(9)}` +
        `${String(runs.ours[0]!.marks).padStart(7)}${ms(median(runs.ours.map((r) => r.marksReady))).padStart(10)}`,
    );
  }
  console.log('(ms; "ext. main thread" and "longest": our scripts across a load and the scan after it; marks are capped)');
  for (const context of Object.values(contexts)) await context.close();
}
