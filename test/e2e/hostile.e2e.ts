/**
 * A page written to attack the extension, in both browsers (test/fixtures/pages/hostile-page.html):
 * its script fakes pointer, key and click events, reads and rewrites the card, clicks its buttons,
 * logs every window message, forges WXT's script-started event and defines our old element name
 * first; its stylesheet hides any host with `!important`; its policy (CSP) allows no script, style
 * or module but its own inline ones, as strict as GitHub's. None of it may work: the card opens
 * only for the user's own pointer, the page cannot see into it, restyle it or click it, and
 * learns nothing about the extension from messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures/pages';
import {
  BROWSERS, boxInCard, CARD_HOST, clickInCard, closeOpenCard, fixtures, hoverMark, launch, markPoint, popupTraces, readCard,
  type Session, type TestPage, waitForMarks,
} from './harness';

interface Hostile {
  messages: string[];
  hoverAt(x: number, y: number): void;
  readCard(): { host: string | null; hostShadowRoot: boolean | null; reachableRoots: number; text: string; links: string[]; pageText: string };
  rewriteLinks(): number;
  clickCard(x: number, y: number): number;
  dismiss(): void;
  forgeScriptStarted(extensionId: string): void;
}

/** The extension's id as `browser.runtime.id` gives it (what WXT's messages carry). */
function extensionId(session: Session): string {
  return session.browserName === 'chromium' ? new URL(session.extensionOrigin).host : 'istio-expert-answers@istio-big-talk.example';
}

describe.each(BROWSERS)('%s: a hostile page', (browser) => {
  let session: Session;
  let page: TestPage;
  beforeAll(async () => {
    session = await launch(browser, { fixtures: fixtures('hostilePage') });
    page = await session.openPage(FIXTURES.hostilePage.url);
    await waitForMarks(page, 5);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens no card for pointer events its script dispatches', async () => {
    await page.mouseTo(5, 5);
    const point = await markPoint(page, 'keepalive');
    await page.evaluateWith(({ x, y }) => (window as unknown as { hostile: Hostile }).hostile.hoverAt(x, y), point);
    // Well past the hover delay (350 ms).
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await readCard(page)).toBeNull();
    expect(await page.evaluate(() => document.querySelector('[data-istio-experts-card], istio-experts-card'))).toBeNull();
  });

  it('cannot read the card the user opened, nor rewrite its links', async () => {
    const card = await hoverMark(page, 'keepalive');
    expect(card.text).toMatch(/Official docs/);
    const seen = await page.evaluate(() => (window as unknown as { hostile: Hostile }).hostile.readCard());
    expect(seen.host).toBe('div');
    expect(seen.hostShadowRoot).toBe(false);
    expect(seen.reachableRoots).toBe(0);
    expect(seen.links).toEqual([]);
    // Not even through the page's rendered text.
    expect(seen.pageText).not.toContain('Official docs');
    expect(await page.evaluate(() => (window as unknown as { hostile: Hostile }).hostile.rewriteLinks())).toBe(0);
    const links = await page.inCard((root) => [...root.querySelectorAll('a')].map((link) => link.href), null);
    expect(links).toHaveLength(1);
    expect(links![0]).toMatch(/^https:\/\/(istio\.io|www\.envoyproxy\.io)\//);
  });

  it('cannot click the card’s buttons or open the popup; the user’s click still pins it', async () => {
    const before = await popupTraces(session);
    const card = (await boxInCard(page, '[role="dialog"]'))!;
    const clicked = await page.evaluateWith(
      ({ x, y }) => (window as unknown as { hostile: Hostile }).hostile.clickCard(x, y),
      { x: card.x + card.width / 2, y: card.y + card.height - 20 },
    );
    expect(clicked).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await popupTraces(session)).toEqual(before);
    // The card is neither pinned nor closed by it.
    expect((await readCard(page))!.pinned).toBe(false);
    await clickInCard(page, '.card-head h2');
    expect((await readCard(page))!.pinned).toBe(true);
  });

  it('cannot close the pinned card with fake keys and clicks', async () => {
    await page.evaluate(() => (window as unknown as { hostile: Hostile }).hostile.dismiss());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await readCard(page)).not.toBeNull();
    await closeOpenCard(page);
  });

  it('cannot hide, move or cover the card with !important styles', async () => {
    await hoverMark(page, 'EnvoyFilter');
    const box = (await boxInCard(page, '[role="dialog"]'))!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.height).toBeGreaterThan(100);
    const anchor = await markPoint(page, 'EnvoyFilter');
    // Below (or above) the term, inside the viewport, and what the page finds at its centre.
    expect(Math.abs(box.y - anchor.y)).toBeLessThan(box.height + 40);
    expect(box.x).toBeGreaterThanOrEqual(0);
    const onTop = await page.evaluateWith(
      ({ x, y, host }) => document.elementFromPoint(x, y)?.matches(host) ?? false,
      { x: box.x + box.width / 2, y: box.y + box.height / 2, host: CARD_HOST },
    );
    expect(onTop).toBe(true);
    const hostStyle = await page.evaluateWith((host) => {
      const style = getComputedStyle(document.querySelector(host)!);
      return { display: style.display, visibility: style.visibility, opacity: style.opacity, position: style.position, transform: style.transform };
    }, CARD_HOST);
    expect(hostStyle).toEqual({ display: 'block', visibility: 'visible', opacity: '1', position: 'fixed', transform: 'none' });
    await closeOpenCard(page);
  });

  it('does not stop the content script by forging WXT’s script-started event', async () => {
    await page.evaluateWith((id) => (window as unknown as { hostile: Hostile }).hostile.forgeScriptStarted(id), extensionId(session));
    const card = await hoverMark(page, 'DestinationRule');
    expect(card.answerIds.length).toBeGreaterThan(0);
    await closeOpenCard(page);
  });

  it('learns nothing about the extension from window messages', async () => {
    const messages = await page.evaluate(() => (window as unknown as { hostile: Hostile }).hostile.messages);
    expect(messages).toEqual([]);
  });

  it('made no network request and logged no error', () => {
    expect(session.unexpectedRequests).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});

describe.each(BROWSERS)('%s: a page that defines our element name first', (browser) => {
  it('still gets its cards', async () => {
    const session = await launch(browser, { fixtures: fixtures('hostilePage') });
    try {
      const page = await session.openPage(`${FIXTURES.hostilePage.url}#squat`);
      expect(await page.evaluate(() => customElements.get('istio-experts-card') !== undefined)).toBe(true);
      await waitForMarks(page, 5);
      const card = await hoverMark(page, 'keepalive');
      expect(card.answerIds.length).toBeGreaterThan(0);
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
