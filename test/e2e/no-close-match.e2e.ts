/**
 * When the experts are silent, and when a real issue describes a symptom: in both browsers.
 * - "No close match" in the popup and in a lookup card lists the official docs for the terms the
 *   question names, before the nearest answers.
 * - A real issue (istio/istio#26060, rendered here from its public title and a body in our own
 *   words, never its text): tens of thousands of VirtualServices and every sidecar killed for
 *   memory. "On this page" lists the answer about sidecar memory with very many services.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubIssueHtml } from '../fixtures/real-pages';
import { BROWSERS, launch, screenshotPath, selectText, type Session, type TestPage, waitForCard, waitForMarks, waitForResults } from './harness';

const OOM_ISSUE = {
  url: 'https://github.com/istio/istio/issues/26060',
  html: githubIssueHtml('https://github.com/istio/istio/issues/26060', 'Over 30k VirtualService configurations Cause all SideCar OOM', [
    [
      'reporter',
      '**Bug description**\n\nWe load-tested how the mesh copes with a lot of routing configuration. After we applied about thirty thousand VirtualService objects to the cluster, every istio-proxy container in the mesh ran out of memory, was killed, and kept restarting. Could each sidecar be given only the configuration it needs?\n\n**Expected behavior**\n\nThe sidecars stay up.',
    ],
  ]),
};

/** An issue about a topic no answer covers: the lookup card has no close match. */
const SILENT_ISSUE = {
  url: 'https://github.com/istio-ecosystem/demo/issues/7',
  html: githubIssueHtml('https://github.com/istio-ecosystem/demo/issues/7', 'Browser client cannot connect', [
    ['someone', '<p id="lookup-target">WebSocket connections from the browser fail through the gateway</p>\n\nAny idea where to start?'],
  ]),
};

async function openPopup(session: Session, query = ''): Promise<TestPage> {
  const popup = await session.openExtensionPage(`popup.html${query}`);
  await popup.setViewport(400, 580);
  await popup.waitFor(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false');
  return popup;
}

const docsLinks = (popup: TestPage) => popup.evaluate(() => [...document.querySelectorAll('.query-docs a')].map((link) => ({ id: link.getAttribute('data-term-id'), href: link.getAttribute('href'), target: link.getAttribute('target') })));

describe.each(BROWSERS)('%s: a way forward when the experts are silent', (browser) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(browser, { fixtures: [OOM_ISSUE, SILENT_ISSUE] });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists, on the real issue about sidecars killed for memory at 30k VirtualServices, the sidecar-memory answer', async () => {
    const page = await session.openPage(OOM_ISSUE.url);
    await waitForMarks(page, 1);
    const popup = await openPopup(session, `?tab=${await session.tabIdOf(OOM_ISSUE.url)}`);
    await popup.waitFor(() => document.querySelector('#page-heading') !== null && document.querySelectorAll('[role="option"]').length > 0);
    const listed = await popup.evaluate(() => [...document.querySelectorAll('[role="option"]:not([hidden])')].map((option) => option.id.replace(/^results-/, '')));
    expect(listed).toContain('ep02-q02');
    if (browser === 'chromium') await popup.screenshot(screenshotPath(browser, 'popup-on-this-page-oom-issue'));
    expect(session.errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('shows the docs for the question\'s terms before the nearest answers in the popup', async () => {
    const popup = await openPopup(session);
    await popup.evaluate(() => document.querySelector<HTMLElement>('.lang-switch button:nth-child(2)')!.click());
    await popup.type('Certificate Rotation');
    await waitForResults(popup);
    await popup.waitFor(() => document.querySelectorAll('.query-docs a').length > 0);
    expect(await docsLinks(popup)).toEqual([{ id: 'certificate-management', href: 'https://istio.io/latest/docs/concepts/security/#pki', target: '_blank' }]);
    // Before the nearest answers, and no answer presented as a close match.
    const order = await popup.evaluate(() => {
      const docs = document.querySelector('.query-docs')!;
      const list = document.querySelector('[role="listbox"]')!;
      return { docsFirst: (docs.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0, close: document.querySelectorAll('[aria-label="Close matches"] [role="option"]').length, heading: document.querySelector('.query-docs-heading')?.textContent };
    });
    expect(order).toEqual({ docsFirst: true, close: 0, heading: 'Official docs for the terms in your question' });
    if (browser === 'chromium') await popup.screenshot(screenshotPath(browser, 'popup-no-close-match-docs'));
    // A question the experts answered shows no docs list.
    await popup.evaluate(() => {
      const input = document.querySelector('input[role="combobox"]') as HTMLInputElement;
      input.select();
    });
    await popup.press('Backspace');
    await popup.type('istio-proxy container OOMKilled');
    await waitForResults(popup);
    await popup.waitFor(() => document.querySelector('[aria-label="Close matches"] [role="option"]') !== null);
    expect(await docsLinks(popup)).toEqual([]);
    await popup.close();
  });

  it('shows the docs for the looked-up text\'s terms in a card with no close match', async () => {
    const page = await session.openPage(SILENT_ISSUE.url);
    await page.bringToFront();
    expect(await selectText(page, '#lookup-target')).toBe(true);
    const selection = await page.evaluate(() => getSelection()!.toString());
    await session.contextMenuLookup(SILENT_ISSUE.url, selection);
    const card = await waitForCard(page);
    const docs = await page.inCard((root) => [...root.querySelectorAll('.query-docs a')].map((link) => link.getAttribute('data-term-id')), null);
    expect(docs).toContain('websocket');
    expect(card.text).toMatch(/Official docs for the terms in your question[\s\S]*No close match/);
    await page.screenshot(screenshotPath(browser, 'lookup-card-no-close-match-docs'));
    expect(session.errors).toEqual([]);
  });
});
