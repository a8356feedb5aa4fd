/**
 * Settings reach open tabs at once, in both browsers: switching a site off clears its marks,
 * switching it on brings them back, and a required modifier key gates the hover card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEW_SITES_LEFT, settingsBytes, sitesLeft, SYNC_ITEM_QUOTA } from '../../src/settings/adding-sites';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { FIXTURES } from '../fixtures/pages';
import { BROWSERS, closeOpenCard, fixtures, launch, markCount, markPoint, poll, readCard, type Session, type TestPage, waitForCard, waitForMarks } from './harness';

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
    const point = await markPoint(page, 'keepalive');
    // The setting reaches the open tab through storage events: until it has, a plain hover still
    // opens a card. Wait for that state (a hover with no modifier that opens none), not a time.
    await poll(async () => {
      await closeOpenCard(page);
      await page.mouseTo(5, 5);
      await page.mouseTo(point.x, point.y);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return (await readCard(page)) === null;
    }, 20_000, 'a hover without the modifier to open no card');
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

/** Settings as stored, with `count` added sites (the WXT item's value under `settings`). */
function settingsWithSites(count: number): Settings {
  return { ...DEFAULT_SETTINGS, customSites: Array.from({ length: count }, (_, index) => `https://docs-${String(index).padStart(3, '0')}.example.com`) };
}

/** Types a site into the options page, clicks "Add site" and gives the message the page shows. */
async function addSite(options: TestPage, site: string): Promise<string> {
  const message = () => options.evaluate(() => document.querySelector('.status')?.textContent ?? '');
  const before = await message();
  await options.click('#new-site');
  await options.evaluate(() => (document.querySelector('#new-site') as HTMLInputElement).select());
  await options.type(site);
  await options.click('.add-site button[type="submit"]');
  return poll(async () => {
    const now = await message();
    return now !== before ? now : '';
  }, 5000, `a message after adding ${site}`);
}

const apiOf = (session: Session) => (session.browserName === 'chromium' ? 'chrome' : 'browser');

function hasPermission(session: Session, pattern: string): Promise<boolean> {
  return session.background<boolean>(`${apiOf(session)}.permissions.contains({ origins: [${JSON.stringify(pattern)}] })`);
}

describe.each(BROWSERS)('%s: adding sites in the settings', (browser) => {
  let session: Session;
  let options: TestPage;
  const api = browser === 'chromium' ? 'chrome' : 'browser';
  const add = (site: string) => addSite(options, site);
  const granted = (pattern: string) => hasPermission(session, pattern);

  beforeAll(async () => {
    session = await launch(browser);
    options = await session.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('#new-site') !== null);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('refuses a * anywhere but before the domain, saying how to write it', async () => {
    expect(await add('docs*.example.com')).toMatch(/a \* can only stand for every subdomain, written first, as in \*\.example\.com/);
    expect(await granted('https://docs%2A.example.com/*').catch(() => false)).toBe(false);
  });

  it('says how much room is left before the synced settings are full, and refuses a site that would not fit', async () => {
    // Just enough sites that fewer than FEW_SITES_LEFT more would fit, then the page is reopened.
    let count = 100;
    while (sitesLeft(settingsWithSites(count)) >= FEW_SITES_LEFT) count++;
    await session.background(`${api}.storage.sync.set({ settings: ${JSON.stringify(settingsWithSites(count))} })`);
    await options.goto(`${session.extensionOrigin}/options.html?sites=${count}`);
    await options.waitFor(() => document.querySelector('#sites-room') !== null);
    expect(await options.evaluate(() => document.querySelector('#sites-room')!.textContent)).toMatch(/Room for about \d+ more sites/);
    // Full: the next site is refused before any permission is asked for.
    while (sitesLeft(settingsWithSites(count)) > 0) count++;
    while (settingsBytes({ ...settingsWithSites(count), customSites: [...settingsWithSites(count).customSites, 'https://one-more.example.com'] }) <= SYNC_ITEM_QUOTA) count++;
    await session.background(`${api}.storage.sync.set({ settings: ${JSON.stringify(settingsWithSites(count))} })`);
    await options.goto(`${session.extensionOrigin}/options.html?sites=${count}`);
    await options.waitFor(() => document.querySelector('#new-site') !== null);
    expect(await add('one-more.example.com')).toMatch(/No room for another site/);
    expect(await granted('https://one-more.example.com/*')).toBe(false);
    const stored = await session.background<Settings>(`${api}.storage.sync.get('settings').then((items) => items.settings)`);
    expect(stored.customSites).toHaveLength(count);
    await session.background(`${api}.storage.sync.set({ settings: ${JSON.stringify(DEFAULT_SETTINGS)} })`);
  });

  it('logged no error', () => {
    expect(session.errors).toEqual([]);
  });
});

// Firefox grants an optional permission from a click without its prompt here (see the harness);
// Chromium would show a prompt a headless test cannot answer (tests/settings cover its parsing).
describe('firefox: a site typed with a wildcard or a port', () => {
  it('is added as the browser’s own pattern; a port is dropped, and the page says so', async () => {
    const session = await launch('firefox');
    try {
      const options = await session.openExtensionPage('options.html');
      await options.waitFor(() => document.querySelector('#new-site') !== null);
      expect(await addSite(options, '*.example.com')).toMatch(/Added https:\/\/\*\.example\.com/);
      expect(await hasPermission(session, 'https://*.example.com/*')).toBe(true);
      expect(await addSite(options, 'localhost:3000')).toMatch(/every port, not only 3000/);
      expect(await hasPermission(session, 'https://localhost/*')).toBe(true);
      const stored = await session.background<Settings>('browser.storage.sync.get("settings").then((items) => items.settings)');
      expect(stored.customSites).toEqual(['https://*.example.com', 'https://localhost']);
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
