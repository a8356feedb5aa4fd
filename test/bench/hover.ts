/**
 * Hover cards in Chromium, production build: from the pointer coming to rest on a mark (the
 * hover delay subtracted) to the card showing its answers. The first card in a fresh browser
 * pays for starting the background, building its engine and injecting the card UI; later cards
 * on the same page only ask for their answers.
 */
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { FIXTURES } from '../fixtures/pages';
import { closeOpenCard, fixtures, markPoint, type TestPage, waitForMarks } from '../e2e/harness';
import { launchChromium } from '../e2e/harness/chromium';
import { summary } from './stats';

const FRESH_BROWSERS = 5;
const TERMS = ['keepalive', 'EnvoyFilter', 'DestinationRule', 'istiod', 'sidecar'];
const DELAY_MS = DEFAULT_SETTINGS.hover.delayMs;

/** Rests the mouse on a mark; resolves with ms from coming to rest to the answers in the card. */
async function restOn(page: TestPage, term: string): Promise<number> {
  await closeOpenCard(page);
  await page.mouseTo(5, 5);
  const point = await markPoint(page, term);
  // Watched in the page: the last pointer move, and the moment the card's answers are in.
  await page.evaluate(() => {
    const probe = { lastMove: 0, answered: 0 };
    (globalThis as Record<string, unknown>).hoverProbe = probe;
    addEventListener('pointermove', () => (probe.lastMove = performance.now()), { capture: true });
    // (No named functions in here: the bundler would wrap them in a helper the page lacks.)
    const observer = new MutationObserver(() => {
      const dialog = document.querySelector('istio-experts-card')?.shadowRoot?.querySelector('[role="dialog"]');
      if (!dialog || dialog.querySelector('[role="status"]') !== null) return;
      probe.answered = performance.now();
      observer.disconnect();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    const watchShadow = new MutationObserver(() => {
      const root = document.querySelector('istio-experts-card')?.shadowRoot;
      if (!root) return;
      observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
      watchShadow.disconnect();
    });
    watchShadow.observe(document.documentElement, { childList: true, subtree: true });
  });
  await page.mouseTo(point.x, point.y);
  const probe = await page.waitFor(() => {
    const value = (globalThis as unknown as { hoverProbe: { lastMove: number; answered: number } }).hoverProbe;
    return value.answered > 0 ? value : null;
  });
  return probe!.answered - probe!.lastMove - DELAY_MS;
}

export async function benchHover(): Promise<void> {
  console.log('\n## Hover card in Chromium (production build, GitHub issue fixture)');
  const first: number[] = [];
  const later: number[] = [];
  for (let run = 0; run < FRESH_BROWSERS; run++) {
    const session = await launchChromium({ fixtures: fixtures('githubIssue503') });
    try {
      const page = await session.openPage(FIXTURES.githubIssue503.url);
      await waitForMarks(page, 20);
      first.push(await restOn(page, TERMS[0]!));
      for (const term of TERMS.slice(1)) later.push(await restOn(page, term));
    } finally {
      await session.close();
    }
  }
  console.log(`rest → answers, first card in a fresh browser   ${summary(first)}`);
  console.log(`rest → answers, later cards                     ${summary(later)}`);
  console.log(`(after the hover delay of ${DELAY_MS} ms, which is subtracted)`);
}
