/**
 * Search from the address bar (keyword `iqa`), in both browsers: suggestions from the engine as
 * the reader types, the matched words marked as the browser's format allows, Enter opening the
 * chosen answer or the results on the answer page, and sensible answers to empty, punctuation-only
 * and 10 KB input. Firefox's real address bar is driven; Chromium's listeners are fed as it feeds
 * them (no protocol reaches its address bar), its own XML parser checking every description.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { BROWSERS, launch, poll, type Session, type TestPage } from './harness';

/** What time did to the first answer, as its suggestion says it (`currencyLabel`): checked and still true. */
const sidecarMemory = loadDataset().qa.find((entry) => entry.id === 'ep02-q02')!.currency!;
const CURRENCY = sidecarMemory.status === 'current' ? ` · Still true in Istio ${sidecarMemory.reviewed.istio}` : '';

describe.each(BROWSERS)('%s: search from the address bar', (browser) => {
  let session: Session;
  let tab: TestPage;
  beforeAll(async () => {
    session = await launch(browser);
    tab = await session.openPage('about:blank');
  });
  afterAll(async () => {
    await session?.close();
  });

  const tabAt = (suffix: string) => poll(() => session.tabIdOf(`${session.extensionOrigin}/answers.html${suffix}`), 10_000, `a tab at answers.html${suffix}`);

  it('suggests answers as the reader types, the matched words marked as the browser allows', async () => {
    const suggestions = await session.omnibox('sidecar memory');
    expect(suggestions.length).toBeGreaterThan(2);
    expect(suggestions.length).toBeLessThanOrEqual(6);
    expect(suggestions[0]!.content).toMatch(/^ep02-q02 When there are a huge number of services/);
    if (browser === 'chromium') {
      expect(suggestions[0]!.description).toContain('<match>sidecar</match>');
      expect(suggestions[0]!.description).toContain(`<dim>· Ep. 2 · Pan Tianying (Xiaodian Technology)${CURRENCY}</dim>`);
      expect(suggestions[0]!.description).toMatch(/<\/dim>$/);
    } else {
      // Firefox shows descriptions as text: no markup to show.
      expect(suggestions[0]!.description).toBe(`When there are a huge number of services, say tens of thousands, will the sidecar use too… · Ep. 2 · Pan Tianying (Xiaodian Technology)${CURRENCY}`);
    }
    const chinese = await session.omnibox('限流');
    expect(chinese.length).toBeGreaterThan(0);
    // Markup characters in the text stay text (Chromium's parser would refuse them otherwise).
    expect((await session.omnibox('<EnvoyFilter> & "order"')).length).toBeGreaterThan(0);
  });

  it('opens the chosen answer on the answer page with Enter', async () => {
    await tab.bringToFront();
    await session.omniboxEnter('sidecar memory', 0);
    expect(await tabAt('#ep02-q02')).toBeGreaterThan(0);
  });

  it('opens the results for the text as typed', async () => {
    const page = await session.openPage('about:blank');
    await session.omniboxEnter('rate limiting', 'typed');
    expect(await tabAt('?q=rate%20limiting')).toBeGreaterThan(0);
    await page.close().catch(() => {});
  });

  it('answers empty, punctuation-only and 10 KB input sensibly', async () => {
    expect(await session.omnibox('')).toEqual([]);
    expect(await session.omnibox('?!。，……——')).toEqual([]);
    const huge = await session.omnibox('sidecar memory '.repeat(700));
    expect(huge.length).toBeGreaterThan(0);
    expect(huge.length).toBeLessThanOrEqual(6);
    for (const suggestion of huge) expect(suggestion.description.length).toBeLessThan(400);
    // Enter on nothing opens the whole list.
    const page = await session.openPage('about:blank');
    await session.omniboxEnter('', 'typed');
    expect(await tabAt('')).toBeGreaterThan(0);
    await page.close().catch(() => {});
  });

  if (browser === 'chromium') {
    it('opens a background tab when asked to', async () => {
      await session.omniboxEnter('EnvoyFilter', 'typed', 'newBackgroundTab');
      const id = await tabAt('?q=EnvoyFilter');
      expect(await session.background<boolean>(`chrome.tabs.get(${id}).then((tab) => tab.active)`)).toBe(false);
    });
  }

  it('logged no error and made no request', () => {
    expect(session.errors).toEqual([]);
    expect(session.unexpectedRequests).toEqual([]);
  });
});
