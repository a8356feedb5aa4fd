/**
 * Citing an answer in a GitHub reply, in both browsers, as a reader does it: "Copy as Markdown"
 * or "Copy link" on the answer page, in the popup, the side panel and a card, then paste (Ctrl+V)
 * into the issue's comment box. The pasted Markdown is what `citeAnswer` builds, in the reader's
 * language, and renders on the issue as a quote with its credit and links (screenshot). A
 * clipboard the browser refuses is said so, with the text to copy by hand.
 */
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { citeAnswer } from '../../src/search/cite';
import { FIXTURES, loadFixture } from '../fixtures/pages';
import {
  BROWSERS, clickInCard, closeOpenCard, fixtures, launch, openSidePanelFromPopup, poll, readCard, hoverMark, screenshotPath, type Session, type TestPage, waitForMarks,
} from './harness';

const dataset = loadDataset();
const ISSUE = FIXTURES.githubIssue503.url;
/** The same issue with the pasted comment posted: GitHub's rendering, by `marked` (GFM, line breaks). */
const POSTED = `${ISSUE}?comment=cited`;

function issueWithComment(markdown: string): string {
  const body = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  const comment = `<div class="TimelineItem js-comment-container" id="issuecomment-cited">
<div class="avatar-parent-child TimelineItem-avatar"><svg class="avatar avatar-user" width="40" height="40" role="img" aria-label="@mkowalski-dev"><use href="#av-mkowalski-dev"/></svg></div>
<div class="timeline-comment-group"><div class="timeline-comment js-comment">
<div class="timeline-comment-header clearfix"><h3 class="timeline-comment-header-text"><strong><a class="author Link--primary text-bold" href="/mkowalski-dev">mkowalski-dev</a></strong> commented just now</h3></div>
<div class="edit-comment-hide"><table class="d-block"><tbody class="d-block"><tr class="d-block"><td class="d-block comment-body markdown-body js-comment-body">
<p dir="auto">This is exactly our case; from the experts’ answers:</p>
${body}
</td></tr></tbody></table></div></div></div></div>`;
  return loadFixture('githubIssue503').html.replace('<div id="partial-timeline-marker"', `${comment}\n<div id="partial-timeline-marker"`);
}

/** Pastes the clipboard into the issue's comment box, with the keyboard, and reads it back. */
async function pasteInIssue(issue: TestPage): Promise<string> {
  await issue.bringToFront();
  await issue.evaluate(() => {
    const box = document.querySelector('textarea[name="comment[body]"]') as HTMLTextAreaElement;
    box.value = '';
    box.focus();
  });
  await issue.keyDown('Control');
  await issue.press('v');
  await issue.keyUp('Control');
  return issue.waitFor(() => (document.querySelector('textarea[name="comment[body]"]') as HTMLTextAreaElement).value);
}

async function openPopup(session: Session): Promise<TestPage> {
  const popup = await session.openExtensionPage('popup.html');
  await popup.setViewport(400, 580);
  await popup.waitFor(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false');
  return popup;
}

describe.each(BROWSERS)('%s: citing an answer in a GitHub reply', (browser) => {
  let session: Session;
  let issue: TestPage;
  beforeAll(async () => {
    session = await launch(browser, { fixtures: fixtures('githubIssue503') });
    issue = await session.openPage(ISSUE);
    await waitForMarks(issue, 20);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('copies an answer from its page as Markdown that GitHub shows as a credited quote', async () => {
    const page = await session.openExtensionPage('answers.html#ep08-q01');
    await page.waitFor(() => document.activeElement?.id === 'ep08-q01');
    await page.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('.lang-switch button')].find((button) => button.textContent === 'EN')!.click());
    await page.click('#ep08-q01 [data-action="copy-markdown"]');
    await page.waitFor(() => document.querySelector('#ep08-q01 .cite-status')?.textContent === 'Copied: paste it into a GitHub comment.');
    const pasted = await pasteInIssue(issue);
    expect(pasted).toBe(citeAnswer(dataset, 'ep08-q01', 'en').markdown);
    // Posted: a quote with the question, the answer, who said it, and working links.
    session.addFixtures([{ url: POSTED, html: issueWithComment(pasted) }]);
    const posted = await session.openPage(POSTED);
    const quote = await posted.evaluate(() => {
      const comment = document.querySelector('#issuecomment-cited blockquote')!;
      comment.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -80);
      return { text: (comment as HTMLElement).innerText, links: [...comment.querySelectorAll('a')].map((link) => link.href) };
    });
    expect(quote.text).toMatch(/^Q: One pitfall we hit while adopting Istio/);
    expect(quote.text).toContain('Jia Jianyun (Xiaohongshu), “Istio 大咖说” episode 8, Large-scale service mesh adoption at Xiaohongshu (2021-11-09)');
    expect(quote.text).toContain('translated from Chinese');
    expect(quote.links).toEqual(expect.arrayContaining([dataset.info.source.url, dataset.episodes.find((episode) => episode.number === 8)!.replayUrl, dataset.info.licence.url]));
    if (browser === 'chromium') await posted.screenshot(screenshotPath(browser, 'copied-answer-rendered'));
    await posted.close();
    await page.close();
  });

  it('copies from the popup, in the reader’s language, and the source link; links to the answer page', async () => {
    const popup = await openPopup(session);
    await popup.evaluate(() => (document.querySelector('.lang-switch button') as HTMLButtonElement).click());
    await popup.click('input[role="combobox"]');
    await popup.type('keepalive idle timeout 503');
    await popup.waitFor(() => document.querySelector('[role="option"]')?.id === 'results-ep08-q01');
    await popup.press('Enter');
    await popup.waitFor(() => document.querySelector('.answer-detail [data-action="copy-markdown"]') !== null);
    await popup.click('.answer-detail [data-action="copy-markdown"]');
    await popup.waitFor(() => /Copied/.test(document.querySelector('.answer-detail .cite-status')?.textContent ?? '') || /已复制/.test(document.querySelector('.answer-detail .cite-status')?.textContent ?? ''));
    const chinese = await pasteInIssue(issue);
    expect(chinese).toBe(citeAnswer(dataset, 'ep08-q01', 'zh').markdown);
    expect(chinese).toContain('**贾建云**（小红书）');
    await popup.bringToFront();
    await popup.click('.answer-detail [data-action="copy-link"]');
    await popup.waitFor(() => document.querySelector('.answer-detail .cite-status')?.textContent === 'Link to the source page copied.');
    expect(await pasteInIssue(issue)).toBe(dataset.info.source.url);
    // The answer's own page, one click away.
    await popup.bringToFront();
    expect(await popup.evaluate(() => document.querySelector('.answer-detail .cite-actions a')!.getAttribute('href'))).toBe('/answers.html#ep08-q01');
    await popup.click('.answer-detail .cite-actions a');
    expect(await poll(() => session.tabIdOf(`${session.extensionOrigin}/answers.html#ep08-q01`), 10_000, 'the answer page')).toBeGreaterThan(0);
    await popup.bringToFront();
    await popup.evaluate(() => (document.querySelector('.lang-switch button:nth-child(2)') as HTMLButtonElement).click());
    // Back to English for the next tests, once the setting is saved.
    await popup.waitFor(async () => JSON.stringify(await (globalThis as unknown as { chrome: typeof chrome }).chrome.storage.sync.get(null)).includes('"answerLanguage":"en"'));
    await popup.close();
  });

  it('copies from a card on the issue, opens the answer’s page from it, or says when the browser refuses the clipboard', async () => {
    await issue.bringToFront();
    await hoverMark(issue, 'keepalive');
    await clickInCard(issue, '[data-answer-id="ep08-q01"] [data-action="copy-markdown"]');
    await poll(async () => /Copied: paste it into a GitHub comment/.test((await readCard(issue))?.text ?? ''), 5000, 'the card to say it copied');
    await closeOpenCard(issue);
    expect(await pasteInIssue(issue)).toBe(citeAnswer(dataset, 'ep08-q01', 'en').markdown);
    // The card opens the answer on its page, in a tab next to the issue.
    const indexesAt = (url: string) => session.background<number[]>(`(globalThis.browser ?? chrome).tabs.query({}).then((tabs) => tabs.filter((tab) => tab.url === ${JSON.stringify(url)}).map((tab) => tab.index))`);
    const answerUrl = `${session.extensionOrigin}/answers.html#ep08-q01`;
    const before = (await indexesAt(answerUrl)).length;
    await hoverMark(issue, 'keepalive');
    await clickInCard(issue, '[data-answer-id="ep08-q01"] [data-action="answer-page"]');
    const answerIndexes = await poll(async () => { const indexes = await indexesAt(answerUrl); return indexes.length > before ? indexes : null; }, 10_000, 'the answer page');
    const [issueIndex] = await indexesAt(ISSUE);
    expect(answerIndexes).toContain(issueIndex! + 1);
    await issue.bringToFront();
    if (!session.setClipboardAccess) return;
    // The user's site setting refuses github.com the clipboard.
    await session.setClipboardAccess('https://github.com', false);
    await hoverMark(issue, 'keepalive');
    await clickInCard(issue, '[data-answer-id="ep08-q01"] [data-action="copy-link"]');
    await poll(async () => /The browser refused the clipboard/.test((await readCard(issue))?.text ?? ''), 5000, 'the card to say the clipboard was refused');
    await closeOpenCard(issue);
    await session.setClipboardAccess('https://github.com', true);
  });

  it('copies from the side panel (Firefox, driven without a user’s gesture, refuses: the panel says so)', async () => {
    const panel = await openSidePanelFromPopup(session, ISSUE, issue);
    await panel.waitFor(() => document.querySelector('[role="option"]') !== null);
    await panel.click('[role="option"]');
    await panel.waitFor(() => document.querySelector('.answer-detail [data-action="copy-markdown"]') !== null);
    const id = await panel.evaluate(() => document.querySelector('.answer-detail')!.getAttribute('data-answer-id')!);
    await panel.click('.answer-detail [data-action="copy-markdown"]');
    if (panel.trustedInput) {
      await panel.waitFor(() => document.querySelector('.answer-detail .cite-status')?.textContent === 'Copied: paste it into a GitHub comment.');
      expect(await pasteInIssue(issue)).toBe(citeAnswer(dataset, id, 'en').markdown);
    } else {
      // Firefox writes the clipboard only in a user's gesture: refused, said, and offered by hand.
      await panel.waitFor(() => /The browser refused the clipboard/.test(document.querySelector('.answer-detail .cite-status')?.textContent ?? ''));
      expect(await panel.evaluate(() => (document.querySelector('.answer-detail textarea.cite-manual') as HTMLTextAreaElement).value)).toBe(citeAnswer(dataset, id, 'en').markdown);
    }
  });

  it('logged no error and made no request', () => {
    expect(session.errors).toEqual([]);
    expect(session.unexpectedRequests).toEqual([]);
  });
});
