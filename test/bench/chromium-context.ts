/**
 * Chromium for the page benchmarks: a browser without the extension, with its content script
 * emptied (what injecting any content script costs), or with ours, each serving the bench's
 * pages at their URLs; and the trace that tells our scripts' main-thread time.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium } from 'playwright-core';
import { CONTENT_LOADER } from '../../src/messaging/content-files';
import { extensionBuild } from '../e2e/harness/common';

/** `baseline`: another build of the extension (`npm run bench -- --baseline <dir>`), for before and after in one run. */
export type Variant = 'none' | 'empty' | 'ours' | 'baseline';

/** The build given with `--baseline`, if any (an unpacked chrome-mv3 directory). */
export function baselineBuild(): string | undefined {
  const at = process.argv.indexOf('--baseline');
  return at < 0 ? undefined : process.argv[at + 1];
}

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The built extension, or a copy of it whose content script does nothing (or only `replacement`). */
function extensionFor(variant: Exclude<Variant, 'none'>, replacement?: string): string {
  if (variant === 'baseline') {
    const baseline = baselineBuild();
    if (!baseline) throw new Error('no --baseline build given');
    return baseline;
  }
  const built = extensionBuild('chrome-mv3');
  if (variant === 'ours') return built;
  const copy = mkdtempSync(join(tmpdir(), 'empty-content-'));
  cpSync(built, copy, { recursive: true });
  writeFileSync(join(copy, CONTENT_LOADER.slice(1)), replacement ?? '// emptied for the benchmark\n');
  return copy;
}

/** `contentScript`: for `empty`, what its content script does instead of nothing. */
export async function openBenchContext(variant: Variant, pages: Record<string, string>, contentScript?: string): Promise<BrowserContext> {
  const withExtension = variant !== 'none';
  const extension = withExtension ? extensionFor(variant, contentScript) : '';
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bench-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : [],
    args: withExtension ? [...FLAGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : FLAGS,
    viewport: { width: 1280, height: 860 },
  });
  await context.route(/^https?:/, (route) => {
    const body = pages[route.request().url()];
    return body ? route.fulfill({ contentType: 'text/html; charset=utf-8', body }) : route.abort();
  });
  if (withExtension) context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return context;
}

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread time: what the event took on its thread, not counting time the thread waited for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string } };
}

/** `categories`: the trace's; by default the timeline with its detail (script URLs, thread time). */
export async function startTrace(cdp: CDPSession, categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline']): Promise<{ stop(): Promise<TraceEvent[]> }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (payload) => events.push(...(payload.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' } as never);
  return {
    async stop() {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      return events;
    },
  };
}

/** Main-thread time (thread time) in the extension's scripts (evaluation, callbacks, compiling), and the longest such task. */
export function extensionScriptTime(events: readonly TraceEvent[]): { total: number; longest: number } {
  const ours = events
    .filter((event) => event.ph === 'X' && (event.name === 'FunctionCall' || event.name === 'EvaluateScript' || event.name === 'v8.compile') && (event.args?.data?.url ?? '').startsWith('chrome-extension://'))
    .sort((a, b) => a.ts - b.ts);
  let total = 0;
  let longest = 0;
  let end = -1;
  for (const event of ours) {
    if (event.ts < end) continue; // nested in one already counted
    // Thread time: on a shared machine, wall time counts the moments the thread waited for a core.
    const duration = (event.tdur ?? event.dur ?? 0) / 1000;
    total += duration;
    longest = Math.max(longest, duration);
    end = event.ts + (event.dur ?? 0);
  }
  return { total, longest };
}
