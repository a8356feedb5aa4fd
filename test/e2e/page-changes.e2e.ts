/**
 * Pages that change under the extension, in both browsers: text made editable after the scan is
 * unmarked (and marked again when it stops being editable), a pinned card closes when the page
 * navigates instead of jumping to the corner (and when only its address changes), a 5 MB text
 * node keeps a bounded number of marks while a term deep inside it still opens a card, and a
 * lookup card on a 5 MB selection opens at a point of it, in view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures/pages';
import {
  BROWSERS, boxInCard, clickInCard, closeOpenCard, fixtures, hoverMark, launch, markPoint, markedTexts, navigateInPage, poll, readCard,
  selectText, type Session, type TestPage, waitForCard, waitForMarks, waitForNoCard,
} from './harness';

/** The scanner's cap on the matches kept per text node (src/page/scanner.ts). */
const MAX_MATCHES_PER_NODE = 500;

/** Marks painted inside the elements `selector` matches. */
function marksWithin(page: TestPage, selector: string): Promise<number> {
  return page.evaluateWith((selector) => {
    const highlight = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('istio-experts-term');
    return [...(highlight ?? [])].filter((range) => range.startContainer.parentElement?.closest(selector)).length;
  }, selector);
}

describe.each(BROWSERS)('%s: pages that change under the extension', (browser) => {
  let session: Session;
  let page: TestPage;
  beforeAll(async () => {
    session = await launch(browser, { fixtures: fixtures('githubIssue503', 'githubIssueLazy') });
    page = await session.openPage(FIXTURES.githubIssue503.url);
    await waitForMarks(page, 20);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('unmarks text that becomes editable after the scan, and opens no card there', async () => {
    // The block of the first "keepalive" mark becomes an editor, as a page's "edit" button does.
    await page.evaluate(() => {
      const highlight = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('istio-experts-term')!;
      const mark = [...highlight].find((range) => (range.startContainer.textContent ?? '').slice(range.startOffset, range.endOffset).toLowerCase() === 'keepalive')!;
      const element = mark.startContainer.parentElement!;
      (element.closest('p, li, td') ?? element).id = 'made-editable';
    });
    const point = await markPoint(page, 'keepalive', '#made-editable');
    expect(await marksWithin(page, '#made-editable')).toBeGreaterThan(0);
    await page.evaluate(() => document.querySelector('#made-editable')!.setAttribute('contenteditable', 'true'));
    await poll(async () => (await marksWithin(page, '#made-editable')) === 0, 5000, 'the editable block’s marks to go');
    await page.mouseTo(5, 5);
    await page.mouseTo(point.x - 1, point.y);
    await page.mouseTo(point.x, point.y);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await readCard(page)).toBeNull();
    // Editing done: the block is page text again.
    await page.evaluate(() => document.querySelector('#made-editable')!.removeAttribute('contenteditable'));
    await poll(async () => (await marksWithin(page, '#made-editable')) > 0, 5000, 'the block’s marks to come back');
  });

  it('keeps a bounded number of marks in a 5 MB text node, and still finds a term deep inside it', async () => {
    await page.evaluate(() => {
      const pre = document.createElement('pre');
      pre.id = 'huge-log';
      pre.textContent = 'upstream connect error: the sidecar retried, EnvoyFilter applied, istiod pushed\n'.repeat(64_000) + 'last line: DestinationRule updated\n';
      document.querySelector('.comment-body, main, body')!.append(pre);
      // It is scanned as it comes near the screen.
      pre.scrollIntoView({ block: 'start' });
    });
    await poll(async () => (await marksWithin(page, '#huge-log')) > 0, 15_000, 'marks in the huge node');
    // Let the scan finish: the count stops growing.
    let previous = -1;
    const count = await poll(async () => {
      const now = await marksWithin(page, '#huge-log');
      const settled = now === previous;
      previous = now;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return settled ? now : 0;
    }, 20_000, 'the huge node’s marks to settle');
    expect(count).toBeLessThanOrEqual(MAX_MATCHES_PER_NODE);
    // A term past the cap, at the node's very end: found where the pointer rests.
    const point = await page.evaluate(() => {
      const text = document.querySelector('#huge-log')!.firstChild as Text;
      const start = text.data.lastIndexOf('DestinationRule');
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + 'DestinationRule'.length);
      window.scrollBy(0, range.getBoundingClientRect().top - innerHeight / 2);
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouseTo(5, 5);
    await page.mouseTo(point.x - 1, point.y);
    await page.mouseTo(point.x, point.y);
    const card = await waitForCard(page);
    expect(card.label).toMatch(/DestinationRule/);
    await closeOpenCard(page);
  });

  it('opens a lookup card on a 5 MB selection at a point of it, in view', async () => {
    expect(await selectText(page, '#huge-log')).toBe(true);
    await page.evaluate(() => document.querySelector('#huge-log')!.scrollIntoView({ block: 'start' }));
    await session.shortcutLookup(FIXTURES.githubIssue503.url);
    const card = await waitForCard(page, 30_000);
    expect(card.answerIds.length).toBeGreaterThan(0);
    const box = (await boxInCard(page, '[role="dialog"]'))!;
    const view = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(view.height);
    // Next to the start of the selection (its end is far below, out of view).
    const start = await page.evaluate(() => document.querySelector('#huge-log')!.getClientRects()[0]!.top);
    expect(Math.abs(box.y - start)).toBeLessThan(80);
    await closeOpenCard(page);
    await page.evaluate(() => {
      getSelection()!.removeAllRanges();
      document.querySelector('#huge-log')!.remove();
    });
  });

  it('closes a pinned card when only the address changes, its text still on the page', async () => {
    await hoverMark(page, 'EnvoyFilter');
    await clickInCard(page, '.card-head h2');
    expect((await readCard(page))!.pinned).toBe(true);
    // A router that changes the address first and the content later: no mutation tells of it.
    await page.evaluateWith((url) => history.pushState({}, '', url), `${FIXTURES.githubIssue503.url}/timeline`);
    await waitForNoCard(page, 'the pinned card to close on the new address');
    await waitForMarks(page, 20);
  });

  it('closes a pinned card when the page navigates, rather than leaving it in the corner', async () => {
    await hoverMark(page, 'EnvoyFilter');
    await clickInCard(page, '.card-head h2');
    expect((await readCard(page))!.pinned).toBe(true);
    await navigateInPage(page, FIXTURES.githubIssueLazy.url);
    await waitForNoCard(page, 'the pinned card to close on navigation');
    await poll(async () => (await markedTexts(page)).some((text) => /servicefence/i.test(text)), 10_000, 'marks on the new issue');
  });

  it('logged no error and made no request', () => {
    expect(session.errors).toEqual([]);
    expect(session.unexpectedRequests).toEqual([]);
  });
});
