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
export { artifactPath, poll } from './common';

export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export function launch(browser: BrowserName, options: SessionOptions = {}): Promise<Session> {
  return browser === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

export function fixtures(...keys: FixtureKey[]): Fixture[] {
  return keys.map(loadFixture);
}

export const screenshotPath = (browser: BrowserName, name: string) => artifactPath(`${browser}-${name}.png`);

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

/** Waits until at least `atLeast` marks are painted and their number has settled. */
export async function waitForMarks(page: TestPage, atLeast = 1): Promise<number> {
  let previous = -1;
  return poll(async () => {
    const count = await markCount(page);
    const settled = count >= atLeast && count === previous;
    previous = count;
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

/** The in-page card as the user sees it (read through its open shadow root), or null. */
export function readCard(page: TestPage): Promise<CardProbe | null> {
  return page.evaluate(() => {
    const host = document.querySelector('istio-experts-card');
    const card = host?.shadowRoot?.querySelector('[role="dialog"]');
    if (!card) return null;
    return {
      label: card.getAttribute('aria-label'),
      role: card.getAttribute('role'),
      pinned: card.querySelector('[aria-pressed="true"]') !== null,
      answerIds: [...card.querySelectorAll('[data-answer-id]')].map((element) => element.getAttribute('data-answer-id') ?? ''),
      text: (card as HTMLElement).innerText,
      scheme: card.getAttribute('data-scheme'),
    };
  });
}

/** Waits for a card whose answers have arrived. */
export async function waitForCard(page: TestPage, timeoutMs = 10_000): Promise<CardProbe> {
  await page.waitFor(() => {
    const card = document.querySelector('istio-experts-card')?.shadowRoot?.querySelector('[role="dialog"]');
    return card !== null && card !== undefined && card.querySelector('[role="status"]') === null;
  }, timeoutMs);
  return (await readCard(page))!;
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

/** Clicks an element inside the card (its centre, with the real mouse). */
export async function clickInCard(page: TestPage, selector: string): Promise<void> {
  const point = await page.evaluateWith((selector) => {
    const element = document.querySelector('istio-experts-card')?.shadowRoot?.querySelector(selector);
    if (!element) return null;
    const rect = element.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, selector);
  if (!point) throw new Error(`no ${selector} in the card`);
  await page.mouseClick(point.x, point.y);
}

/** The page's DOM as serialized HTML, without our card host (present only while a card is open). */
export function pageHtml(page: TestPage): Promise<string> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('istio-experts-card').forEach((host) => host.remove());
    return clone.outerHTML;
  });
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

/** Rests the real mouse on a mark, as a reader would (closing any open card first), and waits for the card. */
export async function restOnMark(page: TestPage, text: string, within?: string): Promise<CardProbe> {
  await closeOpenCard(page);
  await page.mouseTo(5, 5);
  const point = await markPoint(page, text, within);
  await page.mouseTo(point.x - 1, point.y);
  await page.mouseTo(point.x, point.y);
  return waitForCard(page);
}

/** A GitHub navigation without a load, as Turbo makes it: the next page's body swapped in, its address pushed. */
export async function turboNavigate(page: TestPage, url: string): Promise<void> {
  await page.evaluateWith(async (url) => {
    const html = await (await fetch(url)).text();
    const next = new DOMParser().parseFromString(html, 'text/html');
    history.pushState({}, '', url);
    document.title = next.title;
    document.body.replaceWith(document.adoptNode(next.body));
  }, url);
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
