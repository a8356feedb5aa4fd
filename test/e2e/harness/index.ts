/**
 * What a scenario needs: a session in either browser, fixture pages, and probes that read the
 * extension's marks and card the way a user sees them (through the page, not our internals).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type FixtureKey, loadFixture } from '../../fixtures/pages';
import { artifactPath, poll } from './common';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, Fixture, PanelPage, Session, SessionOptions, TestPage } from './session';

export type { BrowserName, PanelPage, Session, TestPage } from './session';
export { artifactPath, CARD_HOST, poll } from './common';

export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export function launch(browser: BrowserName, options: SessionOptions = {}): Promise<Session> {
  return browser === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

export function fixtures(...keys: FixtureKey[]): Fixture[] {
  return keys.map(loadFixture);
}

/**
 * What the toolbar button holds of popup openings: the page it opens (a request waits in its
 * address: `popup.html?q=…`), its badge, and the popup's last search.
 */
export function popupTraces(session: Session): Promise<{ page: string; badge: string; lastQuery: unknown }> {
  const api = session.browserName === 'chromium' ? 'chrome' : 'browser';
  return session.background(
    `Promise.all([${api}.action.getPopup({}), ${api}.action.getBadgeText({}), ${api}.storage.local.get('lastQuery')]).then(([popup, badge, last]) => ({ page: new URL(popup).pathname.slice(1) + new URL(popup).search, badge, lastQuery: last.lastQuery ?? null }))`,
  );
}

/** Waits for the toolbar button to open the plain popup again, with no badge (a request was shown). */
export async function waitForPlainPopup(session: Session): Promise<void> {
  await poll(async () => {
    const { page, badge } = await popupTraces(session);
    return page === 'popup.html' && badge === '';
  }, 10_000, 'the popup’s plain address back');
}

export const screenshotPath = (browser: BrowserName, name: string) => artifactPath(`${browser}-${name}.png`);

/**
 * Scrolls to the first occurrence of `text` that is not painted (a repeat the marking policy
 * leaves unmarked) and returns the centre of its first line box, for the mouse to rest on.
 */
export async function unmarkedPoint(page: TestPage, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluateWith(async (text) => {
    const highlight = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('istio-experts-term');
    const painted = [...(highlight ?? [])];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (node.parentElement?.closest('textarea, [contenteditable], [hidden], script, style')) continue;
      for (let at = node.data.indexOf(text); at >= 0; at = node.data.indexOf(text, at + 1)) {
        if (painted.some((mark) => mark.startContainer === node && mark.startOffset === at)) continue;
        node.parentElement?.scrollIntoView({ block: 'center' });
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        await new Promise((resolve) => setTimeout(resolve, 50));
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const rect = range.getClientRects()[0];
        if (rect && rect.width > 0) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text);
  if (!point) throw new Error(`no unmarked "${text}"`);
  return point;
}

/** Number of painted term marks on the page. */
export function markCount(page: TestPage): Promise<number> {
  return page.evaluate(() => (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('istio-experts-term')?.size ?? 0);
}

/** The text of every painted mark, in document order. */
export function markedTexts(page: TestPage): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('istio-experts-term');
    if (!highlight) return [];
    return [...highlight].map((range) => (range.startContainer.textContent ?? '').slice(range.startOffset, range.endOffset));
  });
}

/**
 * Scrolls through the whole page a screen at a time, as a reader does, and back to the top: the
 * extension scans what comes near the screen, so a test that needs every mark reads it first.
 */
export async function scrollThrough(page: TestPage): Promise<void> {
  // A tab in the background renders nothing: no scrolling, no observer reports, no marks.
  await page.bringToFront();
  // (No named functions in here: the test runner would wrap them in a helper the page lacks.)
  await page.evaluate(async () => {
    // Two frames rendered at each screen (the observer reports at rendering), or 200 ms at most.
    const frames = () => new Promise((resolve) => {
      requestAnimationFrame(() => requestAnimationFrame(resolve));
      setTimeout(resolve, 200);
    });
    for (let top = 0; top < document.documentElement.scrollHeight; top += innerHeight) {
      scrollTo(0, top);
      await frames();
    }
    scrollTo(0, 0);
    await frames();
  });
}

const MARKS_SETTLE_MS = 400;

/** Waits until at least `atLeast` marks are painted and their number has settled. */
export async function waitForMarks(page: TestPage, atLeast = 1): Promise<number> {
  let previous = -1;
  let since = Date.now();
  const started = Date.now();
  let scrolled = false;
  return poll(async () => {
    const count = await markCount(page);
    if (count !== previous) since = Date.now();
    // Unchanged for longer than marks found while scrolling wait to be painted (highlights.ts).
    const settled = count >= atLeast && Date.now() - since >= MARKS_SETTLE_MS;
    previous = count;
    // Marks come as the reader scrolls: fewer than wanted after a moment, read the page through.
    if (!settled && !scrolled && count < atLeast && Date.now() - started > 1000) {
      scrolled = true;
      await scrollThrough(page);
    }
    return settled ? count : 0;
  }, 15_000, `${atLeast} marks`);
}

/**
 * Scrolls the first mark reading `text` (case-insensitive) into view and returns the centre of
 * its first line box, for the real mouse to rest on.
 */
export async function markPoint(page: TestPage, text: string, within?: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluateWith(
    async ({ text, within }) => {
      const highlight = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('istio-experts-term');
      const scope = within ? document.querySelector(within) : null;
      for (const mark of highlight ?? []) {
        const node = mark.startContainer;
        if ((node.textContent ?? '').slice(mark.startOffset, mark.endOffset).toLowerCase() !== text.toLowerCase()) continue;
        if (scope && !scope.contains(node)) continue;
        node.parentElement?.scrollIntoView({ block: 'center' });
        // Let the scroll settle (and its events fire) before the pointer comes to rest.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        await new Promise((resolve) => setTimeout(resolve, 50));
        const range = document.createRange();
        range.setStart(node, mark.startOffset);
        range.setEnd(node, mark.endOffset);
        const rect = range.getClientRects()[0];
        if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    { text, within },
  );
  if (!point) throw new Error(`no mark reading "${text}"${within ? ` in ${within}` : ''}`);
  return point;
}

export interface CardProbe {
  label: string | null;
  role: string | null;
  pinned: boolean;
  answerIds: string[];
  text: string;
  scheme: string | null;
}

/** The in-page card as the user sees it (read through its closed shadow root, see `TestPage.inCard`), or null. */
export function readCard(page: TestPage, frame?: string): Promise<CardProbe | null> {
  return page.inCard(
    (root) => {
      const card = root.querySelector('[role="dialog"]');
      if (!card) return null;
      return {
        label: card.getAttribute('aria-label'),
        role: card.getAttribute('role'),
        pinned: card.querySelector('[aria-pressed="true"]') !== null,
        answerIds: [...card.querySelectorAll('[data-answer-id]')].map((element) => element.getAttribute('data-answer-id') ?? ''),
        text: (card as HTMLElement).innerText,
        scheme: card.getAttribute('data-scheme'),
        loading: card.querySelector('[role="status"]') !== null,
      };
    },
    null,
    frame,
  ).then((card) => {
    if (!card) return null;
    const { loading: _loading, ...probe } = card;
    return probe;
  });
}

/** Waits for a card whose answers have arrived. */
export async function waitForCard(page: TestPage, timeoutMs = 10_000, frame?: string): Promise<CardProbe> {
  return poll<CardProbe | null>(async () => {
    const loaded = await page.inCard((root) => {
      const card = root.querySelector('[role="dialog"]');
      return card !== null && card.querySelector('[role="status"]') === null;
    }, null, frame);
    return loaded ? readCard(page, frame) : null;
  }, timeoutMs, 'a card with its answers') as Promise<CardProbe>;
}

/** Waits until no card is open. */
export async function waitForNoCard(page: TestPage, what = 'the card to close'): Promise<void> {
  await poll(async () => (await readCard(page)) === null, 3000, what);
}

/** Closes the open card, if any, as a reader would: Escape. */
export async function closeOpenCard(page: TestPage): Promise<void> {
  if (!(await readCard(page))) return;
  await page.press('Escape');
  await waitForNoCard(page, 'the previous card to close');
}

/** The viewport box of an element inside the card, or null. */
export function boxInCard(page: TestPage, selector: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return page.inCard((root, selector) => {
    const element = root.querySelector(selector);
    if (!element) return null;
    const { x, y, width, height } = element.getBoundingClientRect();
    return { x, y, width, height };
  }, selector);
}

/** Clicks an element inside the card (its centre, with the real mouse). */
export async function clickInCard(page: TestPage, selector: string): Promise<void> {
  const box = await boxInCard(page, selector);
  if (!box) throw new Error(`no ${selector} in the card`);
  await page.mouseClick(box.x + box.width / 2, box.y + box.height / 2);
}

/** Whether focus is in the card: the page sees only its host as the active element. */
export function focusInCard(page: TestPage): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.hasAttribute('data-istio-experts-card') === true);
}

/** The page's DOM as serialized HTML, without our card host (present only while a card is open). */
export function pageHtml(page: TestPage): Promise<string> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('[data-istio-experts-card]').forEach((host) => host.remove());
    return clone.outerHTML;
  });
}

/** Rests the real mouse on a mark, as a reader would, and waits for the card. */
export async function hoverMark(page: TestPage, text: string, within?: string): Promise<CardProbe> {
  await closeOpenCard(page);
  await page.mouseTo(5, 5);
  const point = await markPoint(page, text, within);
  await page.mouseTo(point.x - 1, point.y);
  await page.mouseTo(point.x, point.y);
  return waitForCard(page);
}

/** A GitHub Turbo-style navigation: the URL is pushed and the body swapped for the other page's, without a load. */
export async function navigateInPage(page: TestPage, url: string): Promise<void> {
  await page.evaluateWith(async (url) => {
    const html = await (await fetch(url)).text();
    const next = new DOMParser().parseFromString(html, 'text/html');
    history.pushState({}, '', url);
    document.title = next.title;
    document.body.replaceWith(document.adoptNode(next.body));
  }, url);
}

/** Selects the text of an element (in a frame, if given) the way a user's drag would. */
export function selectText(page: TestPage, selector: string, frameSelector?: string): Promise<boolean> {
  return page.evaluateWith(
    ({ selector, frameSelector }) => {
      const doc = frameSelector ? (document.querySelector(frameSelector) as HTMLIFrameElement | null)?.contentDocument : document;
      const element = doc?.querySelector(selector);
      if (!doc || !element) return false;
      const range = doc.createRange();
      range.selectNodeContents(element);
      const selection = doc.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      // A user's drag also focuses the document it selects in.
      doc.defaultView?.focus();
      return selection.toString().length > 0;
    },
    { selector, frameSelector },
  );
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe's serious and critical violations in a page (or the side panel), each as
 * "rule: the first few elements"; `include` narrows it to some selectors (those present).
 */
export async function axeViolations(page: Pick<TestPage, 'evaluate' | 'evaluateWith'>, include?: string[]): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluateWith(async (include) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const context = include ? { include: include.filter((selector) => document.querySelector(selector)).map((selector) => [selector]) } : document;
    const { violations } = await axe.run(context, { resultTypes: ['violations'] });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
  }, include ?? null);
}

/**
 * Opens the side panel with the popup's button, for the tab showing `url`, and comes back to
 * that tab once the popup has gone (it gives way to the panel): the panel then follows it.
 */
export async function openSidePanelFromPopup(session: Session, url: string, page: TestPage): Promise<PanelPage> {
  const path = `popup.html?tab=${await session.tabIdOf(url)}`;
  const popup = await session.openExtensionPage(path);
  await popup.waitFor(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false');
  await popup.click('.header .icon-button');
  const panel = (await poll(() => session.sidePanel(), 10_000, 'the side panel to open'))!;
  await popup.close().catch(() => {});
  const popupUrl = JSON.stringify(`${session.extensionOrigin}/${path}`);
  await poll(async () => !(await session.background<boolean>(`(globalThis.browser ?? chrome).tabs.query({}).then((tabs) => tabs.some((tab) => tab.url === ${popupUrl}))`)), 5000, 'the popup to go');
  await page.bringToFront();
  return panel;
}

/**
 * Waits until the result list is for what the search box holds now, and has options. Typing
 * renders a list after each key; a list for the first letters must not stand in for the query.
 */
export function waitForResults(page: Pick<TestPage, 'waitFor'>): Promise<number> {
  return page.waitFor(() => {
    const query = (document.querySelector('input[role="combobox"]') as HTMLInputElement | null)?.value.trim();
    const label = document.querySelector('[role="listbox"]')?.getAttribute('aria-label') ?? '';
    const options = document.querySelectorAll('[role="option"]').length;
    return (query !== undefined && query !== '' && label.includes(`“${query}”`) && options) || false;
  }) as Promise<number>;
}
