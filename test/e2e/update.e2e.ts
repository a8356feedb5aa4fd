/**
 * An update (or a reinstall) while a tab is open, in both browsers: the extension is loaded again
 * in the running browser (Chromium: the same unpacked directory through CDP, Firefox:
 * `runtime.reload()`). The old content script stands down (its marks, style, listeners and card
 * go), the new one is injected at once, and cards keep opening with no "Extension context
 * invalidated" and no reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures/pages';
import { BROWSERS, CARD_HOST, clickInCard, closeOpenCard, fixtures, hoverMark, launch, markCount, poll, readCard, scrollThrough, type Session, type TestPage, waitForMarks } from './harness';

/**
 * What of the extension is in the page: painted marks (and how many of them mark the same text
 * twice), adopted sheets with our highlight style, card hosts.
 */
function traces(page: TestPage): Promise<{ marks: number; doubled: number; sheets: number; hosts: number }> {
  return page.evaluateWith((host) => {
    const ranges = [...((CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('istio-experts-term') ?? [])];
    const seen = new Map<Node, Set<number>>();
    let doubled = 0;
    for (const range of ranges) {
      const starts = seen.get(range.startContainer) ?? new Set<number>();
      if (starts.has(range.startOffset)) doubled++;
      starts.add(range.startOffset);
      seen.set(range.startContainer, starts);
    }
    return {
      marks: ranges.length,
      doubled,
      sheets: document.adoptedStyleSheets.filter((sheet) => sheet.cssRules[0]?.cssText.includes('::highlight(istio-experts-term)')).length,
      hosts: document.querySelectorAll(host).length,
    };
  }, CARD_HOST);
}

/**
 * The marks a page read through gets. Not to the mark: a term is marked once per thread, so which
 * occurrence gets it, and then whether one far below is marked again, follows the order the
 * regions came near the screen in (a run of regions is handed over whole).
 */
const aboutAsMany = (marks: number, before: number) => Math.abs(marks - before) <= Math.max(2, before * 0.1);

describe.each(BROWSERS)('%s: updating the extension with a tab open', (browser) => {
  let session: Session;
  let page: TestPage;
  let marksBefore: number;
  beforeAll(async () => {
    session = await launch(browser, { fixtures: fixtures('githubIssue503') });
    page = await session.openPage(FIXTURES.githubIssue503.url);
    await waitForMarks(page, 20);
    // Read through once, so the old script has marked the whole page (it marks what comes near the screen).
    await scrollThrough(page);
    marksBefore = await waitForMarks(page, 20);
    // A pinned card is open when the update comes.
    await hoverMark(page, 'keepalive');
    await clickInCard(page, '.card-head h2');
    expect((await readCard(page))!.pinned).toBe(true);
    // The page listens for window messages (WXT's started message named the extension).
    await page.evaluate(() => {
      const messages: string[] = [];
      (window as unknown as { messages: string[] }).messages = messages;
      addEventListener('message', (event) => messages.push(JSON.stringify(event.data)));
    });
    await session.reloadExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('leaves one set of marks, one style and no card of the old script', async () => {
    // The new script marks what comes near the screen, as the old one did: the page read through again.
    await poll(async () => (await traces(page)).marks > 0, 10_000, 'the new script’s first marks');
    await scrollThrough(page);
    await poll(async () => {
      const now = await traces(page);
      // A region the scroll went past too fast for the observer is marked on the next pass.
      if (!aboutAsMany(now.marks, marksBefore)) await scrollThrough(page);
      return now.hosts === 0 && now.sheets === 1 && now.doubled === 0 && aboutAsMany(now.marks, marksBefore);
    }, 10_000, 'only the new script’s marks and style, and no old card');
    // One set of marks: no text marked twice, as many as the old script had.
    const after = await traces(page);
    expect(after.doubled).toBe(0);
    expect(aboutAsMany(await markCount(page), marksBefore)).toBe(true);
  });

  it('opens cards from the new script, without a reload', async () => {
    const card = await hoverMark(page, 'EnvoyFilter');
    expect(card.answerIds.length).toBeGreaterThan(0);
    await closeOpenCard(page);
    const again = await hoverMark(page, 'keepalive');
    expect(again.answerIds[0]).toBe('ep08-q01');
    await closeOpenCard(page);
  });

  it('tells the page nothing: no window message from the new script', async () => {
    expect(await page.evaluate(() => (window as unknown as { messages: string[] }).messages)).toEqual([]);
  });

  it('logged no error (no "Extension context invalidated") and made no request', () => {
    expect(session.errors).toEqual([]);
    expect(session.unexpectedRequests).toEqual([]);
  });
});
