/**
 * Settings reach open tabs at once, in both browsers: switching a site off clears its marks,
 * switching it on brings them back, and a required modifier key gates the hover card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures/pages';
import { BROWSERS, fixtures, launch, markCount, markPoint, poll, readCard, type Session, type TestPage, waitForCard, waitForMarks } from './harness';

describe.each(BROWSERS)('%s: settings apply to open tabs', (browser) => {
  let session: Session;
  let page: TestPage;
  let options: TestPage;
  beforeAll(async () => {
    session = await launch(browser, { fixtures: fixtures('githubIssue503') });
    page = await session.openPage(FIXTURES.githubIssue503.url);
    await waitForMarks(page, 20);
    options = await session.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('input[data-site="github.com"]') !== null);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('clears the marks when the site is switched off, and restores them when it is on again', async () => {
    await options.click('input[data-site="github.com"]');
    await poll(async () => (await markCount(page)) === 0, 5000, 'the marks to go');
    await options.click('input[data-site="github.com"]');
    expect(await waitForMarks(page, 20)).toBeGreaterThanOrEqual(20);
  });

  it('opens the card only with the modifier held once one is required', async () => {
    await options.selectOption('#modifier', 'alt');
    await options.waitFor(() => (document.querySelector('#modifier') as HTMLSelectElement).value === 'alt');
    await page.bringToFront();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const point = await markPoint(page, 'keepalive');
    await page.mouseTo(point.x, point.y);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await readCard(page)).toBeNull();
    await page.mouseTo(5, 5);
    await page.keyDown('Alt');
    await page.mouseTo(point.x - 1, point.y);
    await page.mouseTo(point.x, point.y);
    const card = await waitForCard(page);
    await page.keyUp('Alt');
    expect(card.answerIds[0]).toBe('ep08-q01');
  });

  it('logged no error', () => {
    expect(session.errors).toEqual([]);
  });
});

describe('firefox: a site added in the settings is marked in its open tab', () => {
  it('injects into the open tab once the permission is granted', async () => {
    // Firefox grants optional permissions from a click without its prompt here (see the harness).
    const session = await launch('firefox', { fixtures: fixtures('wechatArticle') });
    try {
      const page = await session.openPage(FIXTURES.wechatArticle.url);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await markCount(page)).toBe(0);
      const options = await session.openExtensionPage('options.html');
      await options.click('#new-site');
      await options.type('mp.weixin.qq.com');
      await options.click('.add-site button[type="submit"]');
      expect(await waitForMarks(page, 5)).toBeGreaterThanOrEqual(5);
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
