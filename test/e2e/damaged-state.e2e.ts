/**
 * Stored state a content script could have damaged (it can write `storage.local`): the popup and
 * the side panel still open, search, and never save the bad value back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type Session, type TestPage, waitForResults } from './harness';

async function openSurface(session: Session, path: string): Promise<TestPage> {
  const page = await session.openExtensionPage(path);
  await page.setViewport(400, 580);
  await page.waitFor(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false');
  return page;
}

async function searchFor(page: TestPage, text: string): Promise<number> {
  await page.evaluate(() => (document.querySelector('input[role="combobox"]') as HTMLInputElement).focus());
  await page.type(text);
  return waitForResults(page);
}

describe.each(BROWSERS)('%s: damaged stored state', (browser) => {
  let session: Session;
  const api = browser === 'firefox' ? 'browser' : 'chrome';
  const store = (values: Record<string, unknown>) => session.background(`${api}.storage.local.set(${JSON.stringify(values)})`);
  const stored = (key: string) => session.background<unknown>(`${api}.storage.local.get(${JSON.stringify(key)}).then((items) => items[${JSON.stringify(key)}])`);

  beforeAll(async () => {
    session = await launch(browser);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens the popup and searches with a corrupt recent list and a last query that is not text', async () => {
    await store({ recentSearches: 'corrupt', lastQuery: { not: 'text' } });
    const popup = await openSurface(session, 'popup.html');
    expect(await searchFor(popup, 'keepalive')).toBeGreaterThan(0);
    await popup.close();
    // The bad values were replaced, and what was typed is saved as text.
    expect(await stored('recentSearches')).toEqual([]);
    expect(typeof (await stored('lastQuery'))).toBe('string');
  });

  it('shows a few recent searches out of 10,000 stored', async () => {
    await store({ recentSearches: Array.from({ length: 10_000 }, (_, i) => `query ${i}`), lastQuery: '' });
    const popup = await openSurface(session, 'popup.html');
    const chips = (await popup.waitFor(() => document.querySelectorAll('[aria-labelledby="recent-heading"] .chip').length || false)) as number;
    expect(chips).toBeLessThanOrEqual(8);
    await popup.close();
  });

  it('opens the side panel’s page and searches with a corrupt recent list', async () => {
    await store({ recentSearches: 'corrupt' });
    const panel = await openSurface(session, 'sidepanel.html');
    expect(await searchFor(panel, 'rate limit')).toBeGreaterThan(0);
    await panel.close();
  });
});
