/**
 * The foundation in both browsers: the production build loads, its background starts, the popup
 * lists the episodes and opens an answer, and nothing errs or touches the network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_CHROME, MIN_FIREFOX } from '../../src/build/targets';
import { BROWSERS, launch, screenshotPath, type Session } from './harness';

describe.each(BROWSERS)('%s: the built extension', (browser) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(browser);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('starts its background and answers a message', async () => {
    const manifest = await session.background<{ name: string; manifest_version: number }>('(globalThis.browser ?? chrome).runtime.getManifest()');
    expect(manifest.manifest_version).toBe(3);
  });

  it('declares the oldest browser the build runs in (its compile target)', async () => {
    const manifest = await session.background<{ minimum_chrome_version?: string; browser_specific_settings?: { gecko?: { strict_min_version?: string } } }>(
      '(globalThis.browser ?? chrome).runtime.getManifest()',
    );
    const declared = browser === 'chromium' ? manifest.minimum_chrome_version : manifest.browser_specific_settings?.gecko?.strict_min_version;
    expect(declared).toBe(browser === 'chromium' ? String(MIN_CHROME) : `${MIN_FIREFOX}.0`);
  });

  it('leaves the glossary’s spellings in storage, for pages to read without waking it', async () => {
    const stored = await session.background<{ version: string; terms: { termIds: string[]; keys: string[] } } | undefined>(
      '(globalThis.browser ?? chrome).storage.local.get("glossaryTerms").then((items) => items.glossaryTerms)',
    );
    expect(stored?.version).toMatch(/^[0-9a-f]{16}$/);
    expect(stored?.terms.termIds).toContain('service-mesh');
    expect(stored?.terms.termIds.length).toBeGreaterThan(150);
    expect(stored?.terms.keys).toContain('sidecar');
  });

  it('lists the episodes in the popup and opens an episode’s answer', async () => {
    const popup = await session.openExtensionPage('popup.html');
    await popup.waitFor(() => document.querySelectorAll('.episode').length === 8);
    const titles = await popup.evaluate(() => [...document.querySelectorAll('.episode-title')].map((title) => title.textContent));
    expect(titles).toHaveLength(8);
    await popup.click('.episodes li:nth-child(5) .episode');
    await popup.waitFor(() => document.querySelectorAll('[role="option"]').length === 29);
    await popup.click('[role="option"]:nth-child(3)');
    await popup.waitFor(() => document.querySelector('.answer-detail') !== null);
    const detail = await popup.evaluate(() => document.querySelector('.answer-detail')!.getAttribute('data-answer-id') + ' ' + (document.querySelector('.answer-detail') as HTMLElement).innerText);
    expect(detail).toMatch(/^ep05-q03 /);
    expect(detail).toMatch(/eBPF/);
    const footer = await popup.evaluate(() => document.querySelector('.footer')!.textContent);
    expect(footer).toContain('CC BY-NC-SA 4.0');
    await popup.screenshot(screenshotPath(browser, 'popup-smoke'));
    await popup.close();
  });

  it('made no network request and logged no error', () => {
    expect(session.unexpectedRequests).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
