/**
 * Hover cards in Chromium, production build: from the pointer coming to rest on a mark (the
 * hover delay subtracted) to the card showing its answers. The first card in a fresh browser
 * pays for starting the background, building its engine and injecting the card UI; later cards
 * on the same page only ask for their answers.
 */
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { FIXTURES } from '../fixtures/pages';
import type { CDPSession, Page } from 'playwright-core';
import { closeOpenCard, fixtures, markedTexts, markPoint, poll, type TestPage, waitForMarks } from '../e2e/harness';
import { launchChromium } from '../e2e/harness/chromium';
import { baselineBuild } from './chromium-context';
import { median, summary } from './stats';

const FRESH_BROWSERS = 5;
/** Cards per fresh browser: the first, then later ones on other marks of the page. */
const CARDS = 5;
const DELAY_MS = DEFAULT_SETTINGS.hover.delayMs;

/**
 * The content script's isolated world in the page's top frame, found through CDP: the card's
 * root is closed, and only that world can open it (`chrome.dom.openOrClosedShadowRoot`).
 */
async function contentWorld(page: TestPage): Promise<{ cdp: CDPSession; contextId: number }> {
  const playwrightPage = (page as unknown as { page: Page }).page;
  const cdp = await playwrightPage.context().newCDPSession(playwrightPage);
  const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const found = contexts.find((context) => context.origin.startsWith('chrome-extension://') && (context.auxData as { frameId?: string })?.frameId === frameTree.frame.id);
  if (!found) throw new Error('no content script world in the page');
  return { cdp, contextId: found.id };
}

/** Rests the mouse on a mark; resolves with ms from coming to rest to the answers in the card. */
async function restOn(page: TestPage, world: { cdp: CDPSession; contextId: number }, term: string): Promise<number> {
  await closeOpenCard(page);
  await page.mouseTo(5, 5);
  const point = await markPoint(page, term);
  // Watched in the page: the last pointer move. (No named functions in these: the bundler would
  // wrap them in a helper the page lacks.)
  await page.evaluate(() => {
    const probe = { lastMove: 0 };
    (globalThis as Record<string, unknown>).hoverProbe = probe;
    addEventListener('pointermove', () => (probe.lastMove = performance.now()), { capture: true });
  });
  // Watched in the content script's world (the same clock): the moment the card's answers are in.
  await world.cdp.send('Runtime.evaluate', {
    contextId: world.contextId,
    expression: `(() => {
      const probe = { answered: 0 };
      globalThis.benchProbe = probe;
      const watchCard = new MutationObserver(() => {
        const host = document.querySelector(':root > [data-istio-experts-card]');
        const root = host && chrome.dom.openOrClosedShadowRoot(host);
        if (!root) return;
        watchCard.disconnect();
        const done = () => {
          const dialog = root.querySelector('[role="dialog"]');
          if (!dialog || dialog.querySelector('[role="status"]') !== null) return false;
          probe.answered = performance.now();
          return true;
        };
        if (done()) return;
        const watchAnswers = new MutationObserver(() => done() && watchAnswers.disconnect());
        watchAnswers.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
      });
      watchCard.observe(document.documentElement, { childList: true });
    })()`,
  });
  await page.mouseTo(point.x, point.y);
  const answered = await poll(async () => {
    const { result } = await world.cdp.send('Runtime.evaluate', { contextId: world.contextId, expression: 'globalThis.benchProbe.answered', returnByValue: true });
    return result.value as number;
  }, 10_000, 'the card’s answers');
  const lastMove = await page.evaluate(() => (globalThis as unknown as { hoverProbe: { lastMove: number } }).hoverProbe.lastMove);
  return answered - lastMove - DELAY_MS;
}

export async function benchHover(): Promise<void> {
  console.log('\n## Hover card in Chromium (production build, GitHub issue fixture)');
  const baseline = baselineBuild();
  const builds: [string, string | undefined][] = [['now', undefined], ...(baseline ? ([['before', baseline]] as [string, string][]) : [])];
  const times = builds.map(() => ({ first: [] as number[], later: [] as number[] }));
  // Interleaved, so both builds see the same moments of a noisy machine.
  for (let run = 0; run < FRESH_BROWSERS; run++) {
    for (const [index, [, extensionDir]] of builds.entries()) {
      const session = await launchChromium({ fixtures: fixtures('githubIssue503'), ...(extensionDir ? { extensionDir } : {}) });
      try {
        const page = await session.openPage(FIXTURES.githubIssue503.url);
        await waitForMarks(page, CARDS);
        // Marks on the first screen, each a different term (what the marking policy marks there).
        const terms = [...new Set(await markedTexts(page))].slice(0, CARDS);
        const world = await contentWorld(page);
        times[index]!.first.push(await restOn(page, world, terms[0]!));
        for (const term of terms.slice(1)) times[index]!.later.push(await restOn(page, world, term));
      } finally {
        await session.close();
      }
    }
  }
  for (const [index, [label]] of builds.entries()) {
    const { first, later } = times[index]!;
    const prefix = baseline ? `${label.padEnd(8)}` : '';
    console.log(`${prefix}rest → answers, first card in a fresh browser   ${summary(first)}  ${(median(first) / median(later)).toFixed(2)}× later cards (aim ≤ 2×)`);
    console.log(`${prefix}rest → answers, later cards                     ${summary(later)}`);
  }
  console.log(`(after the hover delay of ${DELAY_MS} ms, which is subtracted)`);
}
