/**
 * What the extension costs a page a person reads, in Chromium, side by side in one run: a
 * GitHub-like issue of 20 to 6,000 comments, static (no script of its own: our cost as it is)
 * and scripted (a script of its own, as GitHub's pages have), and at 20 comments one elsewhere
 * on GitHub that names neither Istio nor Envoy (nothing to mark), loaded and then scrolled through
 * screen by screen as a reader does, without the extension, with an empty content script (what
 * any content script costs), with ours, and with `--baseline <dir>` an older build. Main-thread
 * time comes from the DevTools protocol (`Performance.getMetrics`: TaskDuration, thread time);
 * where it goes, from a trace of the renderer's main thread (thread time of script, style,
 * layout, pre-paint, paint, commit and IntersectionObserver work); our own script time and
 * longest task from the same trace; heap after a garbage collection. Beside them, the floor: what
 * finding the terms on the page needs at the least, measured in the same page (a TreeWalker over
 * its text nodes, one regular expression of every spelling, compiled and warm, over all its
 * text, visibility checks of the nodes that match). What loading our code costs: our content
 * script parsed and evaluated, its app not started. And what drawing the marks costs at all: a
 * content script that only draws the marks this build drew on the page (recorded first), all at
 * once.
 *
 * `--sizes 20,3000` picks page sizes; `--runs N` the runs per page (median).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../src/data/load-files';
import { aliasKey } from '../../src/glossary/matcher';
import { matcherTerms } from '../../src/glossary/terms';
import { CONTENT_APP, CONTENT_LOADER, CONTENT_SCRIPT_FLAG } from '../../src/messaging/content-files';
import { TERM_STYLE } from '../../src/page/mark-styles';
import { CONTEXT_BLOCK } from '../../src/page/selectors';
import { extensionBuild } from '../e2e/harness/common';
import { largeGithubIssue, SHORT_COMMENTS } from '../fixtures/large-pages';
import { baselineBuild, extensionScriptTime, openBenchContext, startTrace, type TraceEvent, type Variant } from './chromium-context';
import { median, ms } from './stats';

const SIZES = [20, 100, 1500, 3000, 6000];
/** Sizes also measured with a script of the page's own. */
const SCRIPTED_SIZES = [20, 3000];
/**
 * Sizes also measured as a GitHub issue outside the mesh organisations that does not name Istio
 * or Envoy (its other terms left in): the GitHub pages a reader opens most, where nothing is marked.
 */
const ELSEWHERE_SIZES = [20];
type PageKind = 'static' | 'scripted' | 'elsewhere';
const RUNS = 3;
/** How far a reader scrolls: the same on every page, whatever its length. */
const SCREENS = 12;

export function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

/**
 * The page's own script, for the scripted variant: what a page like GitHub's does on its own
 * (reads its comments into a model at load, keeps relative times fresh, a sticky header on
 * scroll), so our cost shows as a share of a page that works too.
 */
export const PAGE_SCRIPT = `<script>
addEventListener('DOMContentLoaded', () => {
  const model = [...document.querySelectorAll('.TimelineItem')].map((item) => ({ id: item.id, text: item.textContent, words: item.textContent.split(/\\s+/).length }));
  window.pageModel = JSON.parse(JSON.stringify(model));
  const header = document.querySelector('.gh-header');
  addEventListener('scroll', () => header.classList.toggle('is-stuck', scrollY > 200), { passive: true });
  let tick = 0;
  setInterval(() => { tick++; for (const time of document.querySelectorAll('relative-time')) if (time.getBoundingClientRect().top < innerHeight && time.getBoundingClientRect().bottom > 0) time.title = 'refreshed ' + tick; }, 1000);
});
</script>`;

/** The trace's main-thread events this bench splits the time into (thread time, ms). */
const SPLIT = {
  script: ['FunctionCall', 'EvaluateScript', 'v8.compile', 'TimerFire', 'FireIdleCallback', 'FireAnimationFrame', 'EventDispatch', 'V8.GC_SCAVENGER', 'MajorGC', 'MinorGC'],
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet'],
  layout: ['Layout'],
  prePaint: ['PrePaint'],
  paint: ['Paint'],
  commit: ['Commit', 'Layerize'],
  observers: ['IntersectionObserverController::computeIntersections'],
} as const;
type SplitName = keyof typeof SPLIT;
const SPLIT_NAMES = Object.keys(SPLIT) as SplitName[];

export interface Reading {
  task: number;
  heap: number;
  ours: number;
  longest: number;
  split: Record<SplitName, number>;
}

/** Thread time per part of the split, counting an event only when no event of the split encloses it. */
function splitOf(events: readonly TraceEvent[]): Record<SplitName, number> {
  const mainThreads = new Set(events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const partOf = new Map<string, SplitName>();
  for (const name of SPLIT_NAMES) for (const event of SPLIT[name]) partOf.set(event, name);
  const split = Object.fromEntries(SPLIT_NAMES.map((name) => [name, 0])) as Record<SplitName, number>;
  const timed = events
    .filter((event) => event.ph === 'X' && partOf.has(event.name) && mainThreads.has(`${event.pid}:${event.tid}`))
    .sort((a, b) => a.ts - b.ts);
  let end = -1;
  for (const event of timed) {
    if (event.ts < end) continue; // nested in one already counted
    split[partOf.get(event.name)!] += (event.tdur ?? event.dur ?? 0) / 1000;
    end = event.ts + (event.dur ?? 0);
  }
  return split;
}

/** The glossary's spellings as one regular expression, shaped as a trie (the fastest regex form). */
function spellingsRegex(): string {
  interface Node { next: Map<string, Node>; end: boolean }
  const root: Node = { next: new Map(), end: false };
  for (const term of matcherTerms(loadDataset().glossary)) {
    for (const alias of term.aliases) {
      let node = root;
      for (const char of aliasKey(alias)) {
        let child = node.next.get(char);
        if (!child) node.next.set(char, (child = { next: new Map(), end: false }));
        node = child;
      }
      node.end = true;
    }
  }
  const escape = (char: string) => (char === ' ' ? '[\\s_-]+' : char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  const pattern = (node: Node): string => {
    const parts = [...node.next].map(([char, child]) => escape(char) + pattern(child));
    if (node.end) parts.push('');
    return parts.length === 0 ? '' : parts.length === 1 && !node.end ? parts[0]! : `(?:${parts.join('|')})`;
  };
  return pattern(root);
}

/**
 * Loads the page and reads it through: the first screen a moment (`settleMs`), then down screen
 * by screen, `pauseMs` at each, as a reader does; `atEachScreen` runs before each step down and
 * at the end.
 */
async function readThrough(
  page: import('playwright-core').Page,
  url: string,
  { settleMs = 800, pauseMs = 150, atEachScreen }: { settleMs?: number; pauseMs?: number; atEachScreen?: () => Promise<void> } = {},
): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(settleMs);
  for (let screen = 0; screen < SCREENS; screen++) {
    await atEachScreen?.();
    await page.mouse.wheel(0, 760);
    await page.waitForTimeout(pauseMs);
  }
  await page.waitForTimeout(settleMs);
  await atEachScreen?.();
}

export async function readOnce(variant: Variant, context: import('playwright-core').BrowserContext, url: string): Promise<Reading> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' } as never);
  const trace = await startTrace(cdp);
  await readThrough(page, url);
  const events = await trace.stop();
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  const ours = variant === 'ours' || variant === 'baseline' ? extensionScriptTime(events) : { total: 0, longest: 0 };
  await page.close();
  return { task: value('TaskDuration') * 1000, heap: value('JSHeapUsedSize'), ours: ours.total, longest: ours.longest, split: splitOf(events) };
}

/** The marks a build drew on a page read through: each highlight's ranges, as [text node, start, end], and the style sheets. */
export interface DrawnMarks {
  sheets: string[];
  highlights: { name: string; priority: number; ranges: [number, number, number][] }[];
}

/** How many term marks (not signal marks) `marks` holds. */
export function termMarkCount(marks: DrawnMarks): number {
  return marks.highlights.find((highlight) => highlight.name === TERM_STYLE.mark)?.ranges.length ?? 0;
}

/**
 * Every mark a build painted on the page while it was read through, gathered screen by screen
 * with a pause at each (marks wait for the scrolling to pause, highlights.ts): a build that paints
 * only what is near the screen (the paint window of mark-paint.ts) is counted whole too.
 */
export async function drawnMarks(context: import('playwright-core').BrowserContext, url: string): Promise<DrawnMarks> {
  const page = await context.newPage();
  const gather = () =>
    page.evaluate(() => {
      const seen = ((window as unknown as { drawn?: Map<string, Set<AbstractRange>> }).drawn ??= new Map());
      for (const [name, highlight] of (CSS as unknown as { highlights: Map<string, Highlight> }).highlights) {
        if (!seen.has(name)) seen.set(name, new Set());
        for (const range of highlight) seen.get(name)!.add(range);
      }
    });
  await readThrough(page, url, { settleMs: 1500, pauseMs: 600, atEachScreen: gather });
  const marks = await page.evaluate(() => {
    const index = new Map<Node, number>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) index.set(node, index.size);
    const registry = (CSS as unknown as { highlights: Map<string, Highlight> }).highlights;
    const seen = (window as unknown as { drawn: Map<string, Set<AbstractRange>> }).drawn;
    return {
      sheets: document.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')),
      highlights: [...registry].map(([name, highlight]) => ({
        name,
        priority: highlight.priority,
        ranges: [...(seen.get(name) ?? [])]
          .filter((range) => range.startContainer.isConnected)
          .map((range) => [index.get(range.startContainer) ?? -1, range.startOffset, range.endOffset] as [number, number, number]),
      })),
    };
  });
  await page.close();
  return marks;
}

/** How `marksAloneScript` draws only the marks near the screen (mark-paint.ts). */
export interface PaintWindow {
  margin: string;
  quietMs: number;
  /** A mark once in stays in: the window only ever adds. */
  grow?: boolean;
}

/**
 * A content script that draws those marks and does nothing else: the same style sheets in at
 * once (as ours puts them in while the page is first styled), all the ranges added in one change
 * after the load. What drawing the marks costs the page at all, however they are found.
 *
 * With `window`, only the marks near the screen are in the highlight: those whose block (the
 * paragraph, list item or cell around them) is within `margin` of the viewport, above or below,
 * as an IntersectionObserver reports it; a change waits for the scrolling to pause `quietMs`
 * (0: at once); with `grow`, marks that leave are not taken out.
 */
export function marksAloneScript(marks: DrawnMarks, window?: PaintWindow): string {
  const draw = window
    ? `const grow = ${window.grow === true};
    const byBlock = new Map();
    for (const [which, range] of drawn) {
      const block = range.startContainer.parentElement.closest(${JSON.stringify(CONTEXT_BLOCK)}) ?? range.startContainer.parentElement;
      if (!byBlock.has(block)) byBlock.set(block, []);
      byBlock.get(block).push([which, range]);
    }
    const changes = new Map();
    let lastScroll = -Infinity;
    let timer;
    addEventListener('scroll', () => { lastScroll = performance.now(); }, { capture: true, passive: true });
    const apply = () => {
      timer = undefined;
      const wait = lastScroll + ${window.quietMs} - performance.now();
      if (wait > 0) { timer = setTimeout(apply, wait); return; }
      for (const [[which, range], near] of changes) near ? highlights[which].add(range) : highlights[which].delete(range);
      changes.clear();
    };
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (grow && !entry.isIntersecting) continue;
        for (const item of byBlock.get(entry.target)) changes.set(item, entry.isIntersecting);
        if (grow) observer.unobserve(entry.target);
      }
      if (${window.quietMs} === 0) apply(); else timer ??= setTimeout(apply, 0);
    }, { rootMargin: '${window.margin} 0px ${window.margin} 0px' });
    for (const block of byBlock.keys()) observer.observe(block);`
    : `for (const [which, range] of drawn) highlights[which].add(range);`;
  return `(() => {
  const marks = ${JSON.stringify(marks)};
  const sheets = marks.sheets.map((text) => { const sheet = new CSSStyleSheet(); sheet.replaceSync(text); return sheet; });
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, ...sheets];
  const highlights = marks.highlights.map(({ name, priority }) => { const highlight = new Highlight(); highlight.priority = priority; CSS.highlights.set(name, highlight); return highlight; });
  // The walk stops at the last text node with a mark: on a long page, walking all of it cost more than drawing.
  const last = Math.max(-1, ...marks.highlights.flatMap(({ ranges }) => ranges.map(([node]) => node)));
  addEventListener('load', () => setTimeout(() => {
    const nodes = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && nodes.length <= last; node = walker.nextNode()) nodes.push(node);
    const drawn = marks.highlights.flatMap(({ ranges }, which) => ranges.filter(([node]) => nodes[node]).map(([node, start, end]) => [which, new StaticRange({ startContainer: nodes[node], startOffset: start, endContainer: nodes[node], endOffset: end })]));
    ${draw}
  }), { once: true });
})();
`;
}

/**
 * Our content script's loader, told the app has started already (it returns at once), then the
 * app's module imported as the loader imports it, with no lifetime left for it (so it does not
 * start): the page loads, parses and evaluates all our code, and it does nothing. What our code
 * costs to load.
 */
function codeLoadedScript(): string {
  const loader = readFileSync(join(extensionBuild('chrome-mv3'), CONTENT_LOADER.slice(1)), 'utf8');
  return `globalThis.${CONTENT_SCRIPT_FLAG} = true;\n${loader}\nimport(chrome.runtime.getURL(${JSON.stringify(CONTENT_APP)}));\n`;
}

/**
 * The floor, measured in a page without the extension: find every term, check where they are
 * visible; twice. The floor is the second pass. The first also compiles the pattern to native
 * code, most of its time (58.7 ms against 0.4 on the 20-comment page): what earlier runs
 * reported as the floor.
 */
async function floorOf(context: import('playwright-core').BrowserContext, url: string, source: string): Promise<{ first: number; floor: number }> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  const passes = await page.evaluate((source) => {
    const regex = new RegExp(source, 'gi');
    const times: number[] = [];
    let visible = 0;
    // A loop, not a function: the bench's compiler would wrap a named function in a helper the page lacks.
    for (let pass = 0; pass < 2; pass++) {
      const start = performance.now();
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const matched = new Set<Element>();
      for (const node of nodes) {
        regex.lastIndex = 0;
        if (regex.test(node.data) && node.parentElement) matched.add(node.parentElement);
      }
      for (const element of matched) if (element.checkVisibility()) visible++;
      times.push(visible >= 0 ? performance.now() - start : 0);
    }
    return times;
  }, source);
  await page.close();
  return { first: passes[0]!, floor: passes[1]! };
}

interface PageCase {
  size: number;
  kind: PageKind;
  url: string;
  html: string;
}

export async function benchPageCost(): Promise<void> {
  const baseline = baselineBuild();
  const sizes = option('--sizes')?.split(',').map(Number) ?? SIZES;
  const runs = Number(option('--runs') ?? RUNS);
  console.log(`\n## What a read page costs, Chromium: GitHub-like issue, loaded and scrolled ${SCREENS} screens (median of ${runs})`);
  if (baseline) console.log(`each page with this build ("now") and the --baseline build ("before": ${baseline})`);
  const cases: PageCase[] = [];
  for (const kind of ['static', 'scripted', 'elsewhere'] as const) {
    for (const size of sizes) {
      if ((kind === 'scripted' && !SCRIPTED_SIZES.includes(size)) || (kind === 'elsewhere' && !ELSEWHERE_SIZES.includes(size))) continue;
      const html = largeGithubIssue(size, SHORT_COMMENTS);
      if (kind === 'elsewhere') cases.push({ size, kind, url: `https://github.com/someone/webapp/issues/${size}`, html: html.replace(/istiod|istio|envoy/gi, 'webapp') });
      else cases.push({ size, kind, url: `https://github.com/istio/istio/issues/${(kind === 'scripted' ? 70000 : 60000) + size}`, html: kind === 'scripted' ? html.replace('</head>', `${PAGE_SCRIPT}</head>`) : html });
    }
  }
  const pages = Object.fromEntries(cases.map((page) => [page.url, page.html]));
  const none = await openBenchContext('none', pages);
  const empty = await openBenchContext('empty', pages);
  const codeLoaded = await openBenchContext('empty', pages, codeLoadedScript());
  const builds: [string, Variant, import('playwright-core').BrowserContext][] = [['now', 'ours', await openBenchContext('ours', pages)]];
  if (baseline) builds.push(['before', 'baseline', await openBenchContext('baseline', pages)]);
  const source = spellingsRegex();
  const splits: string[] = [];
  console.log(
    `${'page'.padEnd(9)}${'comments'.padStart(8)}${'text'.padStart(8)}${'build'.padStart(7)}${'page alone'.padStart(12)}${'empty script'.padStart(13)}${'code loaded'.padStart(13)}${'marks alone'.padStart(17)}${'with ours'.padStart(11)}${'ratio'.padStart(7)}` +
      `${'our script'.padStart(12)}${'% of page'.padStart(11)}${'1st pass'.padStart(10)}${'floor'.padStart(8)}${'÷ floor'.padStart(9)}` +
      `${'longest'.padStart(9)}${'heap Δ'.padStart(10)}${'marks'.padStart(7)}`,
  );
  try {
    for (const { size, kind, url, html } of cases) {
      const alone: Reading[] = [];
      const emptyRuns: Reading[] = [];
      const codeRuns: Reading[] = [];
      const withBuild = builds.map(() => [] as Reading[]);
      const floors: { first: number; floor: number }[] = [];
      // What drawing this build's marks costs the page at all: a content script that only draws them.
      const drawn: DrawnMarks[] = [];
      for (const [, , context] of builds) drawn.push(await drawnMarks(context, url));
      const marksAlone = await openBenchContext('empty', pages, marksAloneScript(drawn[0]!));
      const marksRuns: Reading[] = [];
      try {
        for (let run = 0; run < runs; run++) {
          // Interleaved, so every variant sees the same moments of a noisy machine.
          alone.push(await readOnce('none', none, url));
          emptyRuns.push(await readOnce('empty', empty, url));
          codeRuns.push(await readOnce('empty', codeLoaded, url));
          marksRuns.push(await readOnce('empty', marksAlone, url));
          // The builds take turns going first: the one loaded first in a run read a few ms higher.
          const order = run % 2 === 0 ? [...builds.entries()] : [...builds.entries()].reverse();
          for (const [index, [, variant, context]] of order) withBuild[index]!.push(await readOnce(variant, context, url));
          if (kind === 'static') floors.push(await floorOf(none, url, source));
        }
      } finally {
        await marksAlone.close();
      }
      const m = (readings: Reading[], key: 'task' | 'heap' | 'ours') => median(readings.map((reading) => reading[key]));
      const text = html.replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, '').length / 1e6;
      const page = m(alone, 'task');
      const floor = floors.length > 0 ? median(floors.map((pass) => pass.floor)) : NaN;
      const firstPass = floors.length > 0 ? median(floors.map((pass) => pass.first)) : NaN;
      for (const [index, [label]] of builds.entries()) {
        const readings = withBuild[index]!;
        const script = m(readings, 'ours');
        console.log(
          `${kind.padEnd(9)}${String(size).padStart(8)}${`${text.toFixed(2)} MB`.padStart(8)}${label.padStart(7)}${ms(page).padStart(12)}` +
            `${`${ms(m(emptyRuns, 'task'))} ${(m(emptyRuns, 'task') / page).toFixed(2)}×`.padStart(13)}` +
            `${`${ms(m(codeRuns, 'task'))} ${(m(codeRuns, 'task') / page).toFixed(2)}×`.padStart(13)}` +
            `${`${ms(m(marksRuns, 'task'))} ${(m(marksRuns, 'task') / page).toFixed(2)}× ${termMarkCount(drawn[0]!)}`.padStart(17)}${ms(m(readings, 'task')).padStart(11)}` +
            `${`${(m(readings, 'task') / page).toFixed(2)}×`.padStart(7)}` +
            `${ms(script).padStart(12)}${`${((100 * script) / page).toFixed(1)}%`.padStart(11)}${(Number.isNaN(firstPass) ? '–' : ms(firstPass)).padStart(10)}${(Number.isNaN(floor) ? '–' : ms(floor)).padStart(8)}${(Number.isNaN(floor) ? '–' : `${(script / floor).toFixed(2)}×`).padStart(9)}` +
            `${ms(Math.max(...readings.map((reading) => reading.longest))).padStart(9)}${`${((m(readings, 'heap') - m(alone, 'heap')) / 1048576).toFixed(2)} MB`.padStart(10)}${String(termMarkCount(drawn[index]!)).padStart(7)}`,
        );
      }
      // Where the time goes: the trace's split, median per part, for each variant.
      const partMedian = (readings: Reading[], part: SplitName) => median(readings.map((reading) => reading.split[part]));
      const row = (label: string, readings: Reading[]) =>
        `${kind.padEnd(9)}${String(size).padStart(8)}${label.padStart(14)}${ms(m(readings, 'task')).padStart(10)}${SPLIT_NAMES.map((part) => ms(partMedian(readings, part)).padStart(11)).join('')}`;
      splits.push(row('without', alone), row('empty script', emptyRuns), row('code loaded', codeRuns), row('marks alone', marksRuns), ...builds.map(([label], index) => row(`ours, ${label}`, withBuild[index]!)));
    }
  } finally {
    await none.close();
    await empty.close();
    await codeLoaded.close();
    for (const [, , context] of builds) await context.close();
  }
  console.log('(ms of main-thread time over the load and the scrolling; "page alone": the page without the extension; "empty script": an empty content script and its ratio; "code loaded": our content script loaded and evaluated, the app not started; "marks alone": a content script that only draws the marks this build drew, all at once after the load (its ratio, and its term marks); "1st pass" and "floor": finding the terms with one regular expression, its first pass (compiling it) and its second; aims: static page ≤ 1.15× at 3,000 comments and ≤ 1.25× at 20, our script ≤ 10% of the page and ≤ 1.5× the floor, heap Δ ≤ 2 MB)');
  console.log(`\n### Where the main-thread time goes (trace of the renderer's main thread, thread time, ms, median of ${runs})`);
  console.log(`${'page'.padEnd(9)}${'comments'.padStart(8)}${'variant'.padStart(14)}${'total'.padStart(10)}${SPLIT_NAMES.map((part) => (part === 'prePaint' ? 'pre-paint' : part).padStart(11)).join('')}`);
  for (const line of splits) console.log(line);
  console.log('(total: TaskDuration; script: the page\'s and the extensions\' script, timers, events and GC; observers: IntersectionObserver computeIntersections; "elsewhere": a GitHub issue outside the mesh organisations that names neither Istio nor Envoy, nothing marked)');
}
