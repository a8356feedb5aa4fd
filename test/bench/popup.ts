/**
 * The popup in Chromium, production build: from opening to its first results in the DOM (mark
 * `popup:results-rendered`) and on screen (the element timing of the count above them), and from
 * each keystroke to the results for it (marks `popup:input` → `popup:results-rendered`); reopened
 * on its last query, and opened by a lookup on a new one, through the background. Beside
 * each, the floor: a blank page of the same extension, in a copy of the build, opened the same
 * way (by the harness, and by the background as a lookup opens the popup, which alone costs a
 * page more); a static copy of the popup showing those results (its HTML and stylesheet, no
 * script): what drawing them costs at all; and the blank page's paragraph drawn by a module script
 * of one line: what any page that needs a script to draw costs (an extension page may not run
 * inline script, so the script is a request of its own).
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../e2e/harness/chromium';
import { extensionBuild } from '../e2e/harness/common';
import type { Session, TestPage } from '../e2e/harness/session';
import { baselineBuild } from './chromium-context';
import { median, summary } from './stats';

const OPENINGS = 15;
/** Fresh browsers per build for a lookup as the background starts (each takes seconds to launch). */
const COLD_OPENINGS = 6;
const TYPED = 'sidecar memory with thousands of services';

const BLANK_HEAD = '<!doctype html><meta charset="utf-8"><title>Blank</title>';

/** A copy of a build with a blank page beside the popup, for the floor, and the same page drawn by a script. */
function withBlankPage(build: string): string {
  const extensionDir = mkdtempSync(join(tmpdir(), 'popup-bench-'));
  cpSync(build, extensionDir, { recursive: true });
  writeFileSync(join(extensionDir, 'blank.html'), `${BLANK_HEAD}<p>Blank extension page</p>`);
  writeFileSync(join(extensionDir, 'blank-drawn.js'), `document.body.append(Object.assign(document.createElement('p'), { textContent: 'Blank extension page' }));`);
  writeFileSync(join(extensionDir, 'blank-drawn.html'), `${BLANK_HEAD}<body><script type="module" src="/blank-drawn.js"></script></body>`);
  return extensionDir;
}

interface Openings {
  blankPaint: number[];
  /** The blank page opened by the background, as a lookup opens the popup: the floor for a lookup. */
  blankByBackgroundPaint: number[];
  firstPaint: number[];
  firstResults: number[];
  firstResultsShown: number[];
  /** Opened by a lookup, on a query it has not shown before (its hits are not kept: asked of the background). */
  newQueryResults: number[];
  newQueryResultsShown: number[];
}

const noOpenings = (): Openings => ({ blankPaint: [], blankByBackgroundPaint: [], firstPaint: [], firstResults: [], firstResultsShown: [], newQueryResults: [], newQueryResultsShown: [] });

/** When the results' count (`elementtiming="result-count"`) was first painted, once it has been. */
function resultsShown(): number | null {
  const page = window as unknown as { resultsShown?: number[] };
  if (!page.resultsShown) {
    const shown: number[] = (page.resultsShown = []);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { identifier?: string; renderTime?: number })[]) {
        if (entry.identifier === 'result-count') shown.push(entry.renderTime || entry.startTime);
      }
    }).observe({ type: 'element', buffered: true });
  }
  return page.resultsShown[0] ?? null;
}

/** A different query for each opening by a lookup. */
const NEW_QUERIES = ['rate limiting', 'sidecar memory', 'lazy xds', 'envoy fallback', 'dubbo', 'multi cluster', 'canary', 'istiod cpu', 'iptables', 'thrift', 'api gateway', 'ebpf', 'wasm plugin', 'mtls', 'keepalive', 'circuit breaker'];

/** What the reader searched for before reopening the popup. */
const LAST_QUERY = 'rate limiting';

/** An extension page opened by the background, as `openByLookup` has the popup opened. */
async function openByBackground(session: Session, path: string): Promise<TestPage> {
  const opened = session.nextPage!();
  await session.background(`chrome.tabs.create({ url: chrome.runtime.getURL(${JSON.stringify(path)}) }).then(() => {})`);
  return opened;
}

/**
 * The popup as a lookup opens it where no script runs (a card's "all answers" goes the same way):
 * the background handles the lookup, and where it asks the browser to open the popup, the page
 * it set as the popup opens at that moment, as a tab (a headless browser shows no popup).
 */
async function openByLookup(session: Session, query: string): Promise<TestPage> {
  await session.background(`(() => {
    if (self.benchPopupOpener) return;
    self.benchPopupOpener = true;
    const setPopup = chrome.action.setPopup.bind(chrome.action);
    chrome.action.setPopup = (details) => ((self.benchPopup = details.popup), setPopup(details));
    chrome.action.openPopup = () => chrome.tabs.create({ url: chrome.runtime.getURL(self.benchPopup) }).then(() => {});
  })()`);
  const page = await session.openExtensionPage('options.html');
  const opened = session.nextPage!();
  await session.contextMenuLookup(page.url, query);
  const popup = await opened;
  await page.close();
  return popup;
}

/**
 * The blank page, then the popup as a user has it: they search (typing, as in the popup), close
 * it and open it again on that last query, restored; then a lookup opens it on a query it has not
 * shown.
 */
async function openOnce(session: Session, into: Openings, opening: number): Promise<void> {
  const paintOf = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  const blank = await session.openExtensionPage('blank.html');
  into.blankPaint.push((await blank.waitFor(paintOf))!);
  await blank.close();
  const blankByBackground = await openByBackground(session, 'blank.html');
  into.blankByBackgroundPaint.push((await blankByBackground.waitFor(paintOf))!);
  await blankByBackground.close();
  const searching = await session.openExtensionPage('popup.html?q=');
  await searching.waitFor(() => document.querySelector('input') !== null || null);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await searching.type(LAST_QUERY);
  await searching.waitFor(() => performance.getEntriesByName('popup:results-rendered').length > 0 || null);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await searching.close();
  const popup = await session.openExtensionPage('popup.html');
  const times = await popup.waitFor(() => {
    const rendered = performance.getEntriesByName('popup:results-rendered')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return rendered && paint ? { rendered: rendered.startTime, paint: paint.startTime } : null;
  });
  into.firstResults.push(times!.rendered);
  into.firstPaint.push(times!.paint);
  into.firstResultsShown.push((await popup.waitFor(resultsShown))!);
  await popup.close();
  const fresh = await openByLookup(session, `${NEW_QUERIES[opening % NEW_QUERIES.length]} ${opening}`);
  into.newQueryResults.push((await fresh.waitFor(() => performance.getEntriesByName('popup:results-rendered')[0]?.startTime ?? null))!);
  into.newQueryResultsShown.push((await fresh.waitFor(resultsShown))!);
  await fresh.close();
}

/** The popup as it is drawn now, its scripts taken out, saved beside it as a static page. */
async function saveStaticCopy(session: Session, extensionDir: string): Promise<void> {
  const popup = await session.openExtensionPage('popup.html');
  await popup.waitFor(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false' || null);
  const html = await popup.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('script, link[rel=modulepreload]').forEach((element) => element.remove());
    return `<!doctype html>${copy.outerHTML}`;
  });
  await popup.close();
  writeFileSync(join(extensionDir, 'static-results.html'), html);
}

/**
 * A lookup as the background starts (a service worker is ended after 30 s idle; its engine is
 * made again on first use): the first in a fresh browser, for each build in turn.
 */
async function firstLookups(builds: readonly string[]): Promise<number[][]> {
  const shown = builds.map(() => [] as number[]);
  for (let i = 0; i < COLD_OPENINGS; i++) {
    for (const [index, extensionDir] of builds.entries()) {
      const session = await launchChromium({ extensionDir });
      try {
        // What the background does once installed is over.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const popup = await openByLookup(session, NEW_QUERIES[i % NEW_QUERIES.length]!);
        shown[index]!.push((await popup.waitFor(resultsShown))!);
      } finally {
        await session.close();
      }
    }
  }
  return shown;
}

export async function benchPopup(): Promise<void> {
  console.log('\n## Popup in Chromium (production build)');
  const baseline = baselineBuild();
  const extensionDir = withBlankPage(extensionBuild('chrome-mv3'));
  const baselineDir = baseline ? withBlankPage(baseline) : undefined;
  const session = await launchChromium({ extensionDir });
  const before = baselineDir ? await launchChromium({ extensionDir: baselineDir }) : undefined;
  try {
    const now = noOpenings();
    const then = noOpenings();
    // Interleaved, so both builds see the same moments of a noisy machine.
    for (let i = 0; i < OPENINGS; i++) {
      await openOnce(session, now, i);
      if (before) await openOnce(before, then, i);
    }
    const print = (label: string, openings: Openings) => {
      const ratio = (times: number[], floor = openings.blankPaint) => `${(median(times) / median(floor)).toFixed(2)}× the floor (aim ≤ 1.3×)`;
      console.log(`${label}open → first paint, blank page    ${summary(openings.blankPaint)}  (the floor)`);
      console.log(`${label}open → first paint, blank page opened by the background    ${summary(openings.blankByBackgroundPaint)}  (the floor for a lookup)`);
      console.log(`${label}open → first paint                ${summary(openings.firstPaint)}`);
      console.log(`${label}open → first results in the DOM, last query  ${summary(openings.firstResults)}`);
      console.log(`${label}open → first results on screen, last query  ${summary(openings.firstResultsShown)}  ${ratio(openings.firstResultsShown)}`);
      console.log(`${label}open → first results in the DOM, a lookup    ${summary(openings.newQueryResults)}`);
      console.log(`${label}open → first results on screen, a lookup    ${summary(openings.newQueryResultsShown)}  ${ratio(openings.newQueryResultsShown, openings.blankByBackgroundPaint)}`);
    };
    print(before ? 'now     ' : '', now);
    if (before) print('before  ', then);
    const [coldNow, coldThen] = await firstLookups(baselineDir ? [extensionDir, baselineDir] : [extensionDir]);
    for (const [label, shown, openings] of [[before ? 'now     ' : '', coldNow, now], ...(coldThen ? [['before  ', coldThen, then] as const] : [])] as const) {
      console.log(`${label}open → first results on screen, a lookup as the background starts  ${summary(shown!)}  ${(median(shown!) / median(openings.blankByBackgroundPaint)).toFixed(2)}× the floor for a lookup`);
    }

    // The popup reopened on the last query, as a static page, and the blank page drawn by a script: interleaved with the blank page.
    await saveStaticCopy(session, extensionDir);
    const blank: number[] = [];
    const drawn: number[] = [];
    const scriptDrawn: number[] = [];
    const paintOf = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    for (let i = 0; i < OPENINGS; i++) {
      for (const [page, into] of [['blank.html', blank], ['static-results.html', drawn], ['blank-drawn.html', scriptDrawn]] as const) {
        const opened = await session.openExtensionPage(page);
        into.push((await opened.waitFor(paintOf))!);
        await opened.close();
      }
    }
    console.log(`open → first paint, blank page                ${summary(blank)}  (the floor)`);
    console.log(`open → first paint, static copy with results  ${summary(drawn)}  ${(median(drawn) / median(blank)).toFixed(2)}× the floor: drawing the results at all, no script`);
    console.log(`open → first paint, blank page drawn by a one-line script  ${summary(scriptDrawn)}  ${(median(scriptDrawn) / median(blank)).toFixed(2)}× the floor: a script's request alone, before anything it draws`);

    const popup = await session.openExtensionPage('popup.html');
    await popup.waitFor(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false');
    await popup.evaluate(() => performance.clearMarks());
    for (const char of TYPED) {
      await popup.type(char);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    const keystrokes = await popup.evaluate(() => {
      const marks = performance.getEntriesByType('mark').sort((a, b) => a.startTime - b.startTime);
      const deltas: number[] = [];
      marks.forEach((mark, index) => {
        if (mark.name !== 'popup:input') return;
        const next = marks.slice(index + 1).find((later) => later.name !== 'popup:input');
        const nextInput = marks.slice(index + 1).find((later) => later.name === 'popup:input');
        if (next?.name === 'popup:results-rendered' && (!nextInput || next.startTime < nextInput.startTime)) deltas.push(next.startTime - mark.startTime);
      });
      return deltas;
    });
    console.log(`keystroke → results rendered      ${summary(keystrokes)}  median ${median(keystrokes).toFixed(2)} ms over "${TYPED}"`);
  } finally {
    await session.close();
    await before?.close();
  }
}
