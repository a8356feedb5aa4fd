/**
 * Signals on a GitHub issue, in both browsers: the access-log flags, details, clusters, analyze
 * codes and error lines in its code blocks are marked with the signal style (not the terms'),
 * flag-like words in prose, a table and YAML are not; resting on a flag opens a card that decodes
 * the line; "On this page" lists the signals first; the popup decodes a pasted line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures/pages';
import { axeViolations, BROWSERS, closeOpenCard, fixtures, launch, poll, screenshotPath, scrollThrough, type Session, type TestPage, waitForCard } from './harness';

/** Every painted signal mark: its text and whether it lies in code. */
function signalMarks(page: TestPage): Promise<{ text: string; inCode: boolean }[]> {
  return page.evaluate(() => {
    const highlight = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('istio-experts-signal');
    // Each node's text read once: a log of a megabyte is one node with hundreds of marks.
    const texts = new Map<Node, string>();
    return [...(highlight ?? [])].map((range) => {
      const node = range.startContainer;
      if (!texts.has(node)) texts.set(node, node.textContent ?? '');
      return { text: texts.get(node)!.slice(range.startOffset, range.endOffset), inCode: node.parentElement?.closest('pre, code') !== null };
    });
  });
}

/** Rests the real mouse on the `nth` signal mark reading `text` and waits for its card. */
async function hoverSignal(page: TestPage, text: string, nth = 0, timeoutMs?: number) {
  await closeOpenCard(page);
  await page.mouseTo(5, 5);
  // Polled: a page that has just rewritten its text is rescanned, and its marks come back a moment later.
  const point = await poll(() => page.evaluateWith(async ({ text, nth }) => {
    const highlight = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('istio-experts-signal');
    const texts = new Map<Node, string>();
    const marks = [...(highlight ?? [])].filter((range) => {
      const node = range.startContainer;
      if (!texts.has(node)) texts.set(node, node.textContent ?? '');
      return texts.get(node)!.slice(range.startOffset, range.endOffset) === text;
    });
    marks.sort((a, b) => (a.startContainer === b.startContainer ? a.startOffset - b.startOffset : a.startContainer.compareDocumentPosition(b.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const mark = marks[nth];
    if (!mark) return null;
    const range = document.createRange();
    range.setStart(mark.startContainer, mark.startOffset);
    range.setEnd(mark.startContainer, mark.endOffset);
    // The mark itself a third of the way down the screen, the card's room below it (its element
    // may be a log taller than many screens).
    scrollBy(0, range.getBoundingClientRect().top - innerHeight / 3);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const rect = range.getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  }, { text, nth }), 15_000, `a signal mark reading "${text}"`) as { x: number; y: number };
  await page.mouseTo(point.x - 1, point.y);
  await page.mouseTo(point.x, point.y);
  return waitForCard(page, timeoutMs);
}

/** Reads the page through (marks come as regions near the screen) and waits for these signal marks. */
async function waitForSignals(page: TestPage, expected: readonly string[]): Promise<void> {
  await scrollThrough(page);
  await poll(async () => {
    const texts = new Set((await signalMarks(page)).map((mark) => mark.text));
    return expected.every((text) => texts.has(text));
  }, 20_000, `signal marks ${expected.join(', ')}`);
}

const EXPECTED = ['UF', 'URX', 'UH', 'upstream_reset_before_response_started{connection_failure}', 'no_healthy_upstream', 'outbound|8080|v2|payments.billing.svc.cluster.local', 'IST0101', 'upstream connect error or disconnect/reset before headers', 'UO'];

describe.each(BROWSERS)('%s: signals on a GitHub issue', (browser) => {
  let session: Session;
  let page: TestPage;
  beforeAll(async () => {
    session = await launch(browser, { fixtures: fixtures('githubIssueSignals') });
    page = await session.openPage(FIXTURES.githubIssueSignals.url);
    await page.bringToFront();
    await waitForSignals(page, EXPECTED);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('marks the flags, details, clusters, analyze codes and error line in code, with a highlight of their own', async () => {
    const marks = await signalMarks(page);
    const texts = marks.map((mark) => mark.text);
    for (const signal of EXPECTED) expect(texts, signal).toContain(signal);
    expect(marks.every((mark) => mark.inCode)).toBe(true);
    // A term mark is never a signal mark.
    const shared = await page.evaluate(() => {
      const highlights = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      const terms = [...(highlights.get('istio-experts-term') ?? [])];
      const signals = [...(highlights.get('istio-experts-signal') ?? [])];
      const text = (range: AbstractRange) => (range.startContainer.textContent ?? '').slice(range.startOffset, range.endOffset);
      return terms.filter((term) => signals.some((signal) => term.startContainer === signal.startContainer && term.startOffset < signal.endOffset && signal.startOffset < term.endOffset)).map(text);
    });
    expect(shared).toEqual([]);
  });

  it('leaves DC, UF, NR and DO alone in the title, prose, a table and YAML', async () => {
    const outside = await page.evaluate(() => {
      const highlight = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('istio-experts-signal');
      return [...(highlight ?? [])]
        .filter((range) => !range.startContainer.parentElement?.closest('pre') || /kind: EnvoyFilter/.test(range.startContainer.textContent ?? ''))
        .map((range) => (range.startContainer.textContent ?? '').slice(range.startOffset, range.endOffset));
    });
    expect(outside).toEqual([]);
    // The words are there to be left alone.
    const words = await page.evaluate(() => document.body.innerText);
    for (const word of ['DC', 'UF', 'NR', 'DO']) expect(words).toContain(word);
  });

  it('decodes the line in a card when the pointer rests on a flag', async () => {
    const card = await hoverSignal(page, 'UF');
    expect(card.label).toBe('Signal 503 UF,URX, decoded');
    expect(card.text).toContain('UpstreamConnectionFailure');
    expect(card.text).toContain('URX');
    expect(card.text).toContain('upstream_reset_before_response_started{connection_failure}');
    // The cluster split into its parts.
    for (const part of ['outbound', '8080', 'v2', 'payments.billing.svc.cluster.local']) expect(card.text).toContain(part);
    expect(card.text).toMatch(/What to check/);
    const docs = await page.inCard((root) => root.querySelector<HTMLAnchorElement>('.signal-docs')?.href ?? null, null);
    expect(docs).toMatch(/^https:\/\/www\.envoyproxy\.io\//);
    await page.screenshot(screenshotPath(browser, 'signal-card-github-light'));
  });

  it('decodes an analyze code and an error line', async () => {
    const analyze = await hoverSignal(page, 'IST0101');
    expect(analyze.text).toContain('ReferencedResourceNotFound');
    const error = await hoverSignal(page, 'upstream connect error or disconnect/reset before headers');
    expect(error.text).toMatch(/connection[ _]failure/);
    await closeOpenCard(page);
  });

  it('lists the page’s signals first in "On this page"', async () => {
    const tabId = await session.tabIdOf(FIXTURES.githubIssueSignals.url);
    const popup = await session.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.setViewport(400, 580);
    await popup.waitFor(() => document.querySelectorAll('.page-signal').length > 0, 10_000);
    const listed = await popup.evaluate(() => [...document.querySelectorAll('.page-signal')].map((item) => item.textContent ?? ''));
    expect(listed[0]).toMatch(/^503 UF,URX\s*×2/);
    expect(listed.join('\n')).toMatch(/IST0101/);
    if (browser === 'chromium') await popup.screenshot(screenshotPath(browser, 'popup-on-this-page-signals'));
    await popup.close();
  });

  it('decodes a pasted access-log line in the popup, above the answers it links to', async () => {
    const popup = await session.openExtensionPage('popup.html');
    await popup.setViewport(400, 600);
    await popup.waitFor(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false');
    await popup.evaluate(() => (document.querySelector('input[role="combobox"]') as HTMLInputElement).focus());
    await popup.type('"GET /api/cart HTTP/1.1" 503 UC upstream_reset_before_response_started{connection_termination} - "-" 0 95 3 - "-" "shop/1.0" "a-b" "cart:8080" "10.0.0.9:8080" outbound|8080|v3|cart.shop.svc.cluster.local');
    await popup.waitFor(() => document.querySelector('.signal-query .signal-decode') !== null, 10_000);
    const decoded = await popup.evaluate(() => document.querySelector('.signal-query')!.textContent ?? '');
    expect(decoded).toContain('UpstreamConnectionTermination');
    expect(decoded).toContain('connection_termination');
    expect(decoded).toContain('cart.shop.svc.cluster.local');
    await popup.waitFor(() => document.querySelectorAll('[role="option"]').length > 0);
    expect(await axeViolations(popup)).toEqual([]);
    if (browser === 'chromium') await popup.screenshot(screenshotPath(browser, 'popup-signal-decoded'));
    await popup.close();
  });

  it('reads fake log lines a page script writes as text only, a bounded number of them', async () => {
    // The page's own script (this runs in the page) writes 1,000 log lines with markup in them, and rewrites them
    // (the reader's bounds on a megabyte are unit tested: test/page/signal-marks.test.ts).
    await page.evaluate(async () => {
      const pre = document.createElement('pre');
      pre.id = 'fake-logs';
      const line = (n: number) => `[2026-03-02T09:00:00.000Z] "GET /x${n} HTTP/1.1" 503 UF upstream_reset_before_response_started{<img src=x onerror=alert(1)>} - "-" 0 0 0 - "-" "-" "-" "-" "-" outbound|80|<b>v1</b>|evil.example`;
      pre.textContent = Array.from({ length: 1_000 }, (_, n) => line(n)).join('\n');
      document.querySelector('.js-comment-body')!.prepend(pre);
      for (let round = 0; round < 3; round++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        pre.firstChild!.textContent = `${pre.firstChild!.textContent}\n${line(99_999)}`;
      }
    });
    await poll(async () => (await signalMarks(page)).filter((mark) => mark.text.includes('<img')).length > 0, 15_000, 'marks on the fake lines');
    expect((await signalMarks(page)).length).toBeLessThanOrEqual(1500);
    // Firefox lays out and paints the new log for seconds on these shared machines (a term's card
    // waits as long): the card may take its time here; what is tested is what it shows.
    const card = await hoverSignal(page, 'upstream_reset_before_response_started{<img src=x onerror=alert(1)>}', 0, 40_000);
    expect(card.text).toContain('<img src=x onerror=alert(1)>');
    expect(await page.inCard((root) => root.querySelectorAll('img, b, script').length, null)).toBe(0);
    await closeOpenCard(page);
    await page.evaluate(() => document.getElementById('fake-logs')!.remove());
  });

  it('made no network request and logged no error', () => {
    expect(session.unexpectedRequests.slice(0, 5)).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});

describe('chromium: a signal card on a dark GitHub page', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch('chromium', { fixtures: fixtures('githubIssueSignalsDark'), colorScheme: 'dark' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows a dark signal card', async () => {
    const page = await session.openPage(FIXTURES.githubIssueSignalsDark.url);
    await page.bringToFront();
    await waitForSignals(page, EXPECTED);
    const card = await hoverSignal(page, 'UF');
    expect(card.scheme).toBe('dark');
    await page.screenshot(screenshotPath('chromium', 'signal-card-github-dark'));
    await page.close();
  });
});

