/**
 * A tab left open, in Chromium, side by side in one run: without the extension, with ours, and
 * with `--baseline <dir>` an older build. Four pages, each for `--soak-seconds` (60 by default):
 *
 * - idle: an issue nobody touches, the tab most often left open (what we cost it is ours alone);
 * - churn: a live thread that adds comments with terms at its end every 20 ms and removes the
 *   oldest at its top (about 4,000 nodes a second come and go);
 * - rewrite: the text of marked paragraphs rewritten every 20 ms;
 * - address: `history.replaceState` with a new query string every 20 ms, the page unchanged.
 *
 * Then, for each build in turn, an issue (the 503 fixture) left idle with the side panel open
 * beside it, for `--soak-seconds` / 3: the panel's feed is what could run there.
 *
 * Printed for each: heap after a garbage collection and DOM node count (alive, detached ones
 * included) after the load and at the end, and main-thread script and task time over the soak
 * (`Performance.getMetrics`, thread time), and the timer tasks that ran in it (a trace's
 * TimerFire events: the page's own and ours). The browsers run at once, so they share the moments
 * of a noisy machine; a page's heap and node count are its own whatever else runs.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';
import { launchChromium, playwrightPage } from '../e2e/harness/chromium';
import { extensionBuild } from '../e2e/harness/common';
import { fixtures, openSidePanelFromPopup, waitForMarks } from '../e2e/harness';
import { FIXTURES } from '../fixtures/pages';
import { baselineBuild, openBenchContext, startTrace, type Variant } from './chromium-context';

const SECONDS = Number(process.argv[process.argv.indexOf('--soak-seconds') + 1] || 0) || 60;

const PARAGRAPH = "'<p>The sidecar retried ' + n + ' requests after Envoy reset the connection; istiod pushed a new VirtualService and the DestinationRule kept its outlier detection.</p>'";

/** The pages' own scripts (they run for the soak, then stop, so the end state is settled). */
const PAGES: Record<string, { title: string; script: string }> = {
  idle: { title: 'Issue', script: '' },
  churn: {
    title: 'Live thread',
    script: `let n = 0;
const thread = document.getElementById('thread');
window.soak = setInterval(() => {
  for (let i = 0; i < 12; i++) {
    const item = document.createElement('div');
    item.className = 'comment';
    item.innerHTML = ${PARAGRAPH.replace(/n \+/, '(n++) +')} + ${PARAGRAPH} + ${PARAGRAPH};
    thread.append(item);
  }
  while (thread.childElementCount > 60) thread.firstElementChild.remove();
}, 20);`,
  },
  rewrite: {
    title: 'Dashboard',
    script: `let n = 0;
const cells = [...document.querySelectorAll('#thread p')];
window.soak = setInterval(() => {
  for (const cell of cells.slice(0, 20)) cell.textContent = 'Envoy reports ' + (n++) + ' retries by the sidecar; istiod pushed the VirtualService.';
}, 20);`,
  },
  address: {
    title: 'Search results',
    script: `let n = 0;
window.soak = setInterval(() => history.replaceState(null, '', '?q=sidecar&t=' + (n++)), 20);`,
  },
};

function pageHtml(name: string): string {
  const { title, script } = PAGES[name]!;
  const paragraphs = Array.from({ length: 60 }, (_, n) => `<div class="comment"><p>Comment ${n}: the sidecar and Envoy, istiod and the VirtualService; outlier detection in the DestinationRule.</p></div>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title} · istio/istio</title></head><body><h1>${title}</h1><main id="thread">${paragraphs}</main>
<script>addEventListener('load', () => { ${script}
setTimeout(() => clearInterval(window.soak), ${SECONDS * 1000}); });</script></body></html>`;
}

const url = (name: string) => `https://github.com/istio/istio/issues/soak-${name}`;

interface Sample {
  heap: number;
  nodes: number;
  script: number;
  task: number;
}

async function metrics(cdp: CDPSession): Promise<(name: string) => number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (name) => metrics.find((metric) => metric.name === name)?.value ?? 0;
}

/**
 * Heap and nodes after a garbage collection; script and task time read before it (`timeFirst`,
 * at the end of a soak) or after it (at the start), so the collection the bench asks for is never
 * counted as the page's time.
 */
async function sample(cdp: CDPSession, timeFirst = false): Promise<Sample> {
  const before = timeFirst ? await metrics(cdp) : undefined;
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await metrics(cdp);
  const time = before ?? after;
  return { heap: after('JSHeapUsedSize'), nodes: after('Nodes'), script: time('ScriptDuration') * 1000, task: time('TaskDuration') * 1000 };
}

/** The page's samples before and after `ms`, and the timer tasks that ran in between. */
async function watch(cdp: CDPSession, ms: number): Promise<{ start: Sample; end: Sample; timers: number }> {
  const start = await sample(cdp);
  const trace = await startTrace(cdp, ['devtools.timeline']);
  await new Promise((resolve) => setTimeout(resolve, ms));
  const timers = (await trace.stop()).filter((event) => event.name === 'TimerFire').length;
  return { start, end: await sample(cdp, true), timers };
}

/** An issue left open with the side panel beside it, for each build in turn. */
async function idleWithPanel(builds: [string, string][]): Promise<void> {
  const seconds = Math.max(5, Math.round(SECONDS / 3));
  console.log(`\nThe idle issue with the side panel open beside it, ${seconds} s (script, task: ms of main-thread time; timers: timer tasks)`);
  for (const [label, extensionDir] of builds) {
    const session = await launchChromium({ extensionDir, fixtures: fixtures('githubIssue503') });
    try {
      const issue = await session.openPage(FIXTURES.githubIssue503.url);
      await waitForMarks(issue, 5);
      const panel = await openSidePanelFromPopup(session, FIXTURES.githubIssue503.url, issue);
      await panel.waitFor(() => document.querySelector('#page-heading') !== null);
      // What opening the panel set off is over.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const page = playwrightPage(issue)!;
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' } as never);
      const { start, end, timers } = await watch(cdp, seconds * 1000);
      console.log(`${label.padStart(14)}  script ${(end.script - start.script).toFixed(1).padStart(6)}  task ${(end.task - start.task).toFixed(1).padStart(6)}  timers ${String(timers).padStart(4)}`);
    } finally {
      await session.close();
    }
  }
}

async function soakOnce(context: BrowserContext, name: string): Promise<{ start: Sample; end: Sample; marks: number; timers: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' } as never);
  await page.goto(url(name), { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  const { start, end, timers } = await watch(cdp, SECONDS * 1000 + 2000);
  const marks = await page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('istio-experts-term')?.size ?? 0);
  await page.close();
  return { start, end, marks, timers };
}

export async function benchSoak(): Promise<void> {
  const baseline = baselineBuild();
  console.log(`\n## Soak, Chromium: a tab left open, on a page that keeps still or keeps changing, ${SECONDS} s per page`);
  const pages = Object.fromEntries(Object.keys(PAGES).map((name) => [url(name), pageHtml(name)]));
  const variants: [string, Variant][] = [['without', 'none'], ['ours, now', 'ours'], ...(baseline ? ([['ours, before', 'baseline']] as [string, Variant][]) : [])];
  const contexts = await Promise.all(variants.map(([, variant]) => openBenchContext(variant, pages)));
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MB`;
  console.log(`${'page'.padEnd(9)}${'variant'.padStart(14)}${'heap, loaded'.padStart(14)}${'heap, end'.padStart(12)}${'heap Δ'.padStart(10)}${'nodes, loaded'.padStart(15)}${'nodes, end'.padStart(12)}${'nodes Δ'.padStart(10)}${'script'.padStart(10)}${'task'.padStart(10)}${'timers'.padStart(8)}${'marks'.padStart(7)}`);
  try {
    for (const name of Object.keys(PAGES)) {
      const results = await Promise.all(contexts.map((context) => soakOnce(context, name)));
      for (const [index, [label]] of variants.entries()) {
        const { start, end, marks, timers } = results[index]!;
        console.log(
          `${name.padEnd(9)}${label.padStart(14)}${mb(start.heap).padStart(14)}${mb(end.heap).padStart(12)}${mb(end.heap - start.heap).padStart(10)}` +
            `${String(start.nodes).padStart(15)}${String(end.nodes).padStart(12)}${String(end.nodes - start.nodes).padStart(10)}` +
            `${(end.script - start.script).toFixed(0).padStart(10)}${(end.task - start.task).toFixed(0).padStart(10)}${String(timers).padStart(8)}${String(marks).padStart(7)}`,
        );
      }
    }
  } finally {
    for (const context of contexts) await context.close();
  }
  console.log('(heap after a garbage collection; nodes: DOM nodes alive, detached ones included; script and task: ms of main-thread time over the soak, thread time; timers: timer tasks run over the soak, the page\'s own and ours)');
  await idleWithPanel([['ours, now', extensionBuild('chrome-mv3')], ...(baseline ? ([['ours, before', baseline]] as [string, string][]) : [])]);
}
