/**
 * Marks on real pages (`../shared/real-pages`, rendered at their real URLs), in both browsers:
 * none inside an identifier (by the measurement's own check, `test/marks/read-marks.ts`), the
 * site's own product left unmarked, and screenshots of what a reader sees. `npm run marks`
 * prints the density and the labelled precision on all of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DARK_THEMES } from '../fixtures/pages';
import { type RealPage, realPages } from '../fixtures/real-pages';
import { readMarks } from '../marks/read-marks';
import { BROWSERS, launch, markedTexts, screenshotPath, type Session, waitForMarks } from './harness';

const pages = realPages();
const byUrl = (url: string) => pages.find((page) => page.url === url)!;
// Pages whose text is dense with identifiers: hostnames, cluster names, label selectors, YAML.
const IDENTIFIER_HEAVY = [
  'https://istio.io/latest/docs/ops/configuration/traffic-management/multicluster/',
  'https://istio.io/latest/docs/setup/upgrade/in-place/',
  'https://istio.io/latest/zh/docs/setup/upgrade/canary/',
  'https://www.envoyproxy.io/docs/envoy/latest/intro/arch_overview/upstream/load_balancing',
  'https://github.com/istio/istio/issues/39477',
  'https://github.com/istio/istio/issues/45802',
].map(byUrl);
const istioPage = byUrl('https://istio.io/latest/docs/tasks/traffic-management/request-timeouts/');

describe.each(BROWSERS)('%s: marks on real pages', (browser) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(browser, { fixtures: [...IDENTIFIER_HEAVY, istioPage] });
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const real of IDENTIFIER_HEAVY) {
    it(`marks nothing inside an identifier on ${real.url}`, async () => {
      const page = await session.openPage(real.url);
      await waitForMarks(page, 1);
      const marks = await readMarks(page);
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.filter((mark) => mark.identifier).map((mark) => `${mark.surface} in ${mark.identifier}: ${mark.token}`)).toEqual([]);
      await page.close();
    });
  }

  it('leaves the site’s own product unmarked', async () => {
    const page = await session.openPage(istioPage.url);
    await waitForMarks(page, 3);
    const marked = (await markedTexts(page)).map((text) => text.toLowerCase());
    expect(marked).not.toContain('istio');
    expect(marked.length).toBeGreaterThan(3);
    await page.close();
  });

  it('styles its marks with the two sheets its loader adopted, and the page’s resource timing lists none of its files', async () => {
    const page = await session.openPage(istioPage.url);
    await waitForMarks(page, 3);
    const seen = await page.evaluate(() => ({
      sheets: document.adoptedStyleSheets.map((sheet) => /::highlight\(([\w-]+)\)/.exec(sheet.cssRules[0]?.cssText ?? '')?.[1] ?? 'other'),
      resources: performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => !name.startsWith('http')),
    }));
    // The terms' and the signals' sheets, adopted as the page began loading, taken over by the app: no second copy.
    expect(seen.sheets).toEqual(['istio-experts-term', 'istio-experts-signal']);
    expect(seen.resources).toEqual([]);
    await page.close();
  });

  it('made no network request and logged no error', () => {
    expect(session.unexpectedRequests).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});

describe('chromium: screenshots of real pages with their marks', () => {
  const shots: [string, RealPage, 'light' | 'dark'][] = [
    ['marks-istio-light', istioPage, 'light'],
    ['marks-istio-dark', { ...istioPage, html: DARK_THEMES.istio(istioPage.html) }, 'dark'],
    ['marks-istio-zh', byUrl('https://istio.io/latest/zh/docs/tasks/traffic-management/circuit-breaking/'), 'light'],
    ['marks-github-issue', byUrl('https://github.com/istio/istio/issues/39477'), 'light'],
  ];
  for (const [name, real, scheme] of shots) {
    it(`shows ${name}`, async () => {
      // A session each: the light and dark pages share their URL.
      const session = await launch('chromium', { fixtures: [real], colorScheme: scheme });
      try {
        const page = await session.openPage(real.url);
        await page.setViewport(1280, 900);
        await waitForMarks(page, 3);
        await page.screenshot(screenshotPath('chromium', name));
        expect(session.errors).toEqual([]);
      } finally {
        await session.close();
      }
    });
  }
});
