/**
 * A tab left on a page that never stops changing, in both browsers: content the page adds and
 * removes (a live thread, a virtualised list) is let go of once it leaves the page, so it can be
 * garbage-collected, and an address rewritten every 20 ms (`replaceState` with a new query string)
 * neither rescans the page nor makes its marks flicker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures/pages';
import { BROWSERS, fixtures, launch, markCount, type Session, type TestPage, waitForMarks } from './harness';

describe.each(BROWSERS)('%s: a page that keeps changing', (browser) => {
  let session: Session;
  let page: TestPage;
  beforeAll(async () => {
    session = await launch(browser, { fixtures: fixtures('githubIssue503') });
    page = await session.openPage(FIXTURES.githubIssue503.url);
    await page.bringToFront();
    await waitForMarks(page, 20);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lets go of the paragraphs the page adds and removes, whether or not they came near the screen', async () => {
    // For 3 s, every 20 ms: ten blocks with terms added at the end of the page (off screen) and
    // the last ten removed; each removed block is registered to be told when it is collected.
    // (A string: the test runner would wrap named functions in a helper the page lacks.)
    const removed = await page.evaluate<number>(`new Promise((done) => {
      window.churnCollected = 0;
      // Kept on the page: a registry that is itself collected reports nothing.
      const registry = (window.churnRegistry = new FinalizationRegistry(() => window.churnCollected++));
      const host = document.createElement('div');
      host.id = 'churn';
      document.body.append(host);
      let removed = 0;
      let round = 0;
      const timer = setInterval(() => {
        for (const block of [...host.children]) {
          registry.register(block, 0);
          block.remove();
          removed++;
        }
        for (let i = 0; i < 10; i++) {
          const block = document.createElement('div');
          block.innerHTML = '<p>Envoy retried; the sidecar and istiod; a VirtualService ' + round + '.' + i + '</p><p>outlier detection in the DestinationRule</p>';
          host.append(block);
        }
        if (++round === 150) {
          clearInterval(timer);
          for (const block of [...host.children]) {
            registry.register(block, 0);
            block.remove();
            removed++;
          }
          done(removed);
        }
      }, 20);
    })`);
    expect(removed).toBe(1500);
    // Once the next frames have come (what left is released with a frame), collect, and again.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    let collected = 0;
    for (let attempt = 0; attempt < 5 && collected < removed * 0.9; attempt++) {
      await page.collectGarbage();
      await new Promise((resolve) => setTimeout(resolve, 500));
      collected = await page.evaluate<number>('window.churnCollected');
    }
    expect(collected).toBeGreaterThanOrEqual(removed * 0.9);
    expect(await markCount(page)).toBeGreaterThan(0);
  });

  it('keeps its marks, without a rescan, while the page rewrites its address every 20 ms', async () => {
    const before = await markCount(page);
    // The marks' number, read at every frame the page renders for 2.5 s of rewriting.
    const sizes = await page.evaluate<number[]>(`new Promise((done) => {
      const sizes = [];
      let n = 0;
      const rewrite = setInterval(() => history.replaceState(null, '', '?t=' + (n++)), 20);
      const started = performance.now();
      const frame = () => {
        sizes.push(CSS.highlights.get('istio-experts-term')?.size ?? 0);
        if (performance.now() - started < 2500) requestAnimationFrame(frame);
        else {
          clearInterval(rewrite);
          done(sizes);
        }
      };
      requestAnimationFrame(frame);
    })`);
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.min(...sizes)).toBe(before);
  });
});
