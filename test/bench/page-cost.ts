/**
 * What the extension costs a page a person reads, in Chromium, side by side in one run: a
 * GitHub-like issue (no script of its own) of 20 to 6,000 comments, loaded and then scrolled
 * through screen by screen as a reader does, without the extension and with it. Main-thread
 * time comes from the DevTools protocol (`Performance.getMetrics`: TaskDuration, and the style,
 * layout and script parts of it); our own script time and longest task from a trace; heap after
 * a garbage collection. Beside them, the floor: what finding the terms on the page needs at the
 * least, measured in the same page (a TreeWalker over its text nodes, one compiled regular
 * expression of every spelling over all its text, visibility checks of the nodes that match).
 */
import { loadDataset } from '../../src/data/load-files';
import { aliasKey } from '../../src/glossary/matcher';
import { matcherTerms } from '../../src/glossary/terms';
import { largeGithubIssue, SHORT_COMMENTS } from '../fixtures/large-pages';
import { baselineBuild, extensionScriptTime, openBenchContext, startTrace, type Variant } from './chromium-context';
import { median, ms } from './stats';

const SIZES = [20, 100, 1500, 3000, 6000];
const RUNS = 3;
/** How far a reader scrolls: the same on every page, whatever its length. */
const SCREENS = 12;

interface Metrics {
  task: number;
  script: number;
  style: number;
  layout: number;
  heap: number;
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

async function metricsOf(cdp: import('playwright-core').CDPSession): Promise<Metrics> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return { task: value('TaskDuration') * 1000, script: value('ScriptDuration') * 1000, style: value('RecalcStyleDuration') * 1000, layout: value('LayoutDuration') * 1000, heap: value('JSHeapUsedSize') };
}

async function readOnce(variant: Variant, context: import('playwright-core').BrowserContext, url: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' } as never);
  const trace = await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load' });
  // Read the first screen a moment, then scroll down screen by screen, as a reader does.
  await page.waitForTimeout(800);
  for (let screen = 0; screen < SCREENS; screen++) {
    await page.mouse.wheel(0, 760);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(800);
  const events = await trace.stop();
  const metrics = await metricsOf(cdp);
  const ours = variant !== 'none' ? extensionScriptTime(events) : { total: 0, longest: 0 };
  const marks = await page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('istio-experts-term')?.size ?? 0);
  await page.close();
  return { ...metrics, ours: ours.total, longest: ours.longest, marks };
}

/** The floor, measured in a page without the extension: find every term, check where they are visible. */
async function floorOf(context: import('playwright-core').BrowserContext, url: string, source: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  const time = await page.evaluate((source) => {
    const regex = new RegExp(source, 'gi');
    regex.test('warm');
    const start = performance.now();
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const matched = new Set<Element>();
    for (const node of nodes) {
      regex.lastIndex = 0;
      if (regex.test(node.data) && node.parentElement) matched.add(node.parentElement);
    }
    let visible = 0;
    for (const element of matched) if (element.checkVisibility()) visible++;
    return visible >= 0 ? performance.now() - start : 0;
  }, source);
  await page.close();
  return time;
}

export async function benchPageCost(): Promise<void> {
  const baseline = baselineBuild();
  console.log(`\n## What a read page costs, Chromium: GitHub-like issue, loaded and scrolled ${SCREENS} screens (median of ${RUNS})`);
  if (baseline) console.log(`each size twice: this build ("now"), and the --baseline build ("before": ${baseline})`);
  const pages = Object.fromEntries(SIZES.map((size) => [`https://github.com/istio/istio/issues/${60000 + size}`, largeGithubIssue(size, SHORT_COMMENTS)]));
  const none = await openBenchContext('none', pages);
  const builds: [string, Variant, import('playwright-core').BrowserContext][] = [['now', 'ours', await openBenchContext('ours', pages)]];
  if (baseline) builds.push(['before', 'baseline', await openBenchContext('baseline', pages)]);
  const source = spellingsRegex();
  console.log(
    `${'comments'.padStart(8)}${'text'.padStart(8)}${'build'.padStart(7)}${'page alone'.padStart(12)}${'with ours'.padStart(11)}${'ratio'.padStart(7)}` +
      `${'style+layout Δ'.padStart(16)}${'our script'.padStart(12)}${'% of page'.padStart(11)}${'floor'.padStart(9)}${'÷ floor'.padStart(9)}` +
      `${'longest'.padStart(9)}${'heap Δ'.padStart(10)}${'marks'.padStart(7)}`,
  );
  try {
    for (const size of SIZES) {
      const url = `https://github.com/istio/istio/issues/${60000 + size}`;
      const alone: Awaited<ReturnType<typeof readOnce>>[] = [];
      const withBuild = builds.map(() => [] as Awaited<ReturnType<typeof readOnce>>[]);
      const floors: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        alone.push(await readOnce('none', none, url));
        for (const [index, [, variant, context]] of builds.entries()) withBuild[index]!.push(await readOnce(variant, context, url));
        floors.push(await floorOf(none, url, source));
      }
      const m = (runs: typeof alone, key: keyof (typeof alone)[number]) => median(runs.map((run) => run[key] as number));
      const text = pages[url]!.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '').length / 1e6;
      const page = m(alone, 'task');
      const floor = median(floors);
      for (const [index, [label]] of builds.entries()) {
        const runs = withBuild[index]!;
        const script = m(runs, 'ours');
        console.log(
          `${String(size).padStart(8)}${`${text.toFixed(2)} MB`.padStart(8)}${label.padStart(7)}${ms(page).padStart(12)}${ms(m(runs, 'task')).padStart(11)}` +
            `${`${(m(runs, 'task') / page).toFixed(2)}×`.padStart(7)}` +
            `${ms(m(runs, 'style') + m(runs, 'layout') - m(alone, 'style') - m(alone, 'layout')).padStart(16)}` +
            `${ms(script).padStart(12)}${`${((100 * script) / page).toFixed(1)}%`.padStart(11)}${ms(floor).padStart(9)}${`${(script / floor).toFixed(2)}×`.padStart(9)}` +
            `${ms(Math.max(...runs.map((run) => run.longest))).padStart(9)}${`${((m(runs, 'heap') - m(alone, 'heap')) / 1048576).toFixed(2)} MB`.padStart(10)}${String(runs[0]!.marks).padStart(7)}`,
        );
      }
    }
  } finally {
    await none.close();
    for (const [, , context] of builds) await context.close();
  }
  console.log('(ms of main-thread time over the load and the scrolling; "page alone": the page without the extension; aims: ≤ 1.10×, our script ≤ 10% of the page and ≤ 1.5× the floor, heap Δ ≤ 2 MB)');
}
