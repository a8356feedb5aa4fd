/**
 * Then and now, in both browsers: on a GitHub issue that states its Istio version (1.16, from
 * `istioctl version`, among numbers that are not Istio's), a card's answer carries its "changed"
 * badge, and its note opens by click and by keyboard, read against 1.16 (the new way needs 1.19;
 * the way on 1.16 first). The answer page filtered to "changed since 2021", and a copied
 * citation with our note under the quote, rendered as GitHub would.
 */
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOvertaken } from '../../src/data/currency';
import { loadDataset } from '../../src/data/load-files';
import { citeAnswer } from '../../src/search/cite';
import { FIXTURES, loadFixture } from '../fixtures/pages';
import {
  BROWSERS, clickInCard, closeOpenCard, fixtures, focusInCard, hoverMark, launch, openSidePanelFromPopup, poll, readCard, screenshotPath, type Session, type TestPage, waitForMarks,
} from './harness';

const dataset = loadDataset();
const ISSUE = FIXTURES.githubIssueStartup.url;
const STARTUP = dataset.qa.find((entry) => entry.id === 'ep03-q09')!.currency!;
const overtaken = dataset.qa.filter((entry) => isOvertaken(entry.currency));
/** A note's text as shown: its backticked names become code. */
const asShown = (text: string) => text.replace(/`([^`\n]+)`/g, '$1');

/** The note of an answer in the open card: its badge, whether it is open, and its text. */
const cardNote = (page: TestPage, answerId: string) =>
  page.inCard((root, id) => {
    const row = root.querySelector(`[data-answer-id="${id}"]`);
    const button = row?.querySelector('[data-action="currency"]');
    const note = row?.querySelector('.currency-note') as HTMLElement | null;
    return button ? { badge: button.textContent ?? '', expanded: button.getAttribute('aria-expanded'), text: note && !note.hidden ? note.innerText : '', links: [...(note?.querySelectorAll('a') ?? [])].map((link) => link.getAttribute('href')) } : null;
  }, answerId);

/** The issue with a comment that holds the pasted Markdown, as GitHub renders it (`marked`, GFM, line breaks). */
function issueWithComment(markdown: string): string {
  const body = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  const comment = `<div class="TimelineItem js-comment-container" id="issuecomment-cited"><div class="timeline-comment-group"><div class="timeline-comment js-comment">
<div class="timeline-comment-header clearfix"><h3 class="timeline-comment-header-text"><strong><a class="author Link--primary text-bold" href="/mkowalski-dev">mkowalski-dev</a></strong> commented just now</h3></div>
<div class="edit-comment-hide"><table class="d-block"><tbody class="d-block"><tr class="d-block"><td class="d-block comment-body markdown-body js-comment-body">
<p dir="auto">The experts covered this in 2021; note what changed since:</p>
${body}
</td></tr></tbody></table></div></div></div></div>`;
  return loadFixture('githubIssueStartup').html.replace('<div id="partial-timeline-marker"', `${comment}\n<div id="partial-timeline-marker"`);
}

describe.each(BROWSERS)('%s: then and now', (browser) => {
  let session: Session;
  let issue: TestPage;
  beforeAll(async () => {
    session = await launch(browser, { fixtures: fixtures('githubIssueStartup') });
    issue = await session.openPage(ISSUE);
    await waitForMarks(issue, 3);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows a "changed" badge on a card’s answer, and its note, read against the issue’s Istio 1.16, opens with a click', async () => {
    const card = await hoverMark(issue, 'container startup order');
    expect(card.answerIds).toContain('ep03-q09');
    const closed = await cardNote(issue, 'ep03-q09');
    expect(closed).toMatchObject({ badge: expect.stringContaining('Changed since 2021 · Istio 1.19'), expanded: 'false', text: '' });
    await clickInCard(issue, '[data-answer-id="ep03-q09"] [data-action="currency"]');
    const open = await poll(async () => { const note = await cardNote(issue, 'ep03-q09'); return note?.expanded === 'true' && note.text ? note : null; }, 5000, 'the note to open') as NonNullable<Awaited<ReturnType<typeof cardNote>>>;
    // Read against 1.16: the new way needs 1.19, and the way on 1.16 comes first.
    expect(open.text).toContain('This page is about Istio 1.16. What changed needs Istio 1.19 or later.');
    expect(open.text).toContain(`On Istio 1.16: ${asShown(STARTUP.before!.en)}`);
    expect(open.text).toContain(`From Istio 1.19: ${asShown(STARTUP.now!.en)}`);
    expect(open.text).toContain('Our note, not the expert’s words.');
    expect(open.links).toEqual(STARTUP.sources);
    // The click pinned the card: it stays for reading.
    expect((await readCard(issue))!.pinned).toBe(true);
    // The badge and its note at the top of the card's list, for the screenshot.
    await issue.inCard((root) => {
      const body = root.querySelector('.card-body')!;
      const badge = root.querySelector('[data-answer-id="ep03-q09"] .currency')!;
      body.scrollTop += badge.getBoundingClientRect().top - body.getBoundingClientRect().top - 4;
    }, null);
    if (browser === 'chromium') await issue.screenshot(screenshotPath(browser, 'currency-card-changed'));
    await closeOpenCard(issue);
  });

  it('opens the same note from the keyboard', async () => {
    await hoverMark(issue, 'container startup order');
    await issue.evaluate(() => getSelection()?.removeAllRanges());
    await session.shortcutLookup(ISSUE);
    await poll(() => focusInCard(issue), 5000, 'focus in the card');
    // Tab to the answer's badge, then Enter.
    let onBadge = false;
    for (let step = 0; step < 25 && !onBadge; step++) {
      await issue.press('Tab');
      onBadge = (await issue.inCard((root) => root.activeElement?.closest('[data-answer-id="ep03-q09"]') !== null && root.activeElement?.getAttribute('data-action') === 'currency', null)) === true;
    }
    expect(onBadge).toBe(true);
    await issue.press('Enter');
    const open = await poll(async () => { const note = await cardNote(issue, 'ep03-q09'); return note?.expanded === 'true' && note.text ? note : null; }, 5000, 'the note to open from the keyboard') as NonNullable<Awaited<ReturnType<typeof cardNote>>>;
    expect(open.text).toContain('What changed needs Istio 1.19 or later.');
    await issue.press('Enter');
    await poll(async () => (await cardNote(issue, 'ep03-q09'))?.expanded === 'false', 5000, 'the note to close again');
    await closeOpenCard(issue);
  });

  it('filters the answer page to the answers changed since 2021, from the address and from its toggle', async () => {
    const page = await session.openExtensionPage('answers.html');
    await page.setViewport(1280, 900);
    await page.waitFor(() => document.querySelectorAll('.qa').length === 118);
    await page.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('.lang-switch button')].find((button) => button.textContent === 'EN')!.click());
    await page.click('[data-action="filter-changed"]');
    await page.waitFor(() => document.querySelector('[data-action="filter-changed"]')?.getAttribute('aria-pressed') === 'true');
    const shown = await page.evaluate(() => ({
      ids: [...document.querySelectorAll('.qa')].map((article) => article.id),
      badges: [...document.querySelectorAll('.qa > .currency [data-action="currency"]')].map((button) => button.textContent ?? ''),
      search: location.search,
    }));
    expect(shown.ids).toEqual(overtaken.map((entry) => entry.id));
    expect(shown.badges).toHaveLength(overtaken.length);
    for (const badge of shown.badges) expect(badge).toMatch(/^(Changed since 2021|Superseded) · (Istio|Envoy|Kubernetes) 1\.\d+/);
    expect(shown.search).toBe('?filter=changed');
    // Its search keeps to them too, and the filter stays in the address.
    await page.click('input[role="combobox"]');
    await page.type('wasm');
    await page.waitFor(() => location.search.startsWith('?q=wasm&') && document.querySelector('.results-section') !== null && (document.querySelector('[role="option"]') !== null || document.querySelector('.results-section .empty') !== null));
    const results = await page.evaluate(() => ({ ids: [...document.querySelectorAll('[role="option"]')].map((option) => option.id.replace(/^results-/, '')), search: location.search }));
    for (const id of results.ids) expect(overtaken.map((entry) => entry.id)).toContain(id);
    expect(results.search).toBe('?q=wasm&filter=changed');
    await page.press('Escape');
    // The first answer's note, open, for the screenshot.
    await page.click('.qa [data-action="currency"]');
    await page.waitFor(() => document.querySelector('.qa .currency-note:not([hidden])') !== null);
    await page.evaluate(() => window.scrollTo(0, 0));
    if (browser === 'chromium') await page.screenshot(screenshotPath(browser, 'answers-page-changed'));
    // From the address alone.
    const direct = await session.openExtensionPage('answers.html?filter=changed');
    await direct.waitFor(() => document.querySelectorAll('.qa').length > 0 && document.querySelector('[data-action="filter-changed"]')?.getAttribute('aria-pressed') === 'true');
    expect(await direct.evaluate(() => document.querySelectorAll('.qa').length)).toBe(overtaken.length);
    await direct.close();
    await page.close();
  });

  it('copies an overtaken answer with our note under the quote, its sources as links', async () => {
    const page = await session.openExtensionPage('answers.html#ep05-q26');
    await page.waitFor(() => document.activeElement?.id === 'ep05-q26');
    await page.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('.lang-switch button')].find((button) => button.textContent === 'EN')!.click());
    await page.click('#ep05-q26 [data-action="copy-markdown"]');
    await page.waitFor(() => document.querySelector('#ep05-q26 .cite-status')?.textContent === 'Copied: paste it into a GitHub comment.');
    await issue.bringToFront();
    await issue.evaluate(() => {
      const box = document.querySelector('textarea[name="comment[body]"]') as HTMLTextAreaElement;
      box.value = '';
      box.focus();
    });
    await issue.keyDown('Control');
    await issue.press('v');
    await issue.keyUp('Control');
    const pasted = await issue.waitFor(() => (document.querySelector('textarea[name="comment[body]"]') as HTMLTextAreaElement).value);
    expect(pasted).toBe(citeAnswer(dataset, 'ep05-q26', 'en').markdown);
    const posted = `${ISSUE}?comment=cited`;
    session.addFixtures([{ url: posted, html: issueWithComment(pasted) }]);
    const rendered = await session.openPage(posted);
    const comment = await rendered.evaluate(() => {
      const body = document.querySelector('#issuecomment-cited .comment-body')!;
      body.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -60);
      const quote = body.querySelector('blockquote')!;
      const after = [...body.querySelectorAll(':scope > p')].filter((p) => quote.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING);
      return { quote: (quote as HTMLElement).innerText, note: after.map((p) => (p as HTMLElement).innerText).join('\n'), links: after.flatMap((p) => [...p.querySelectorAll('a')].map((link) => link.href)) };
    });
    const currency = dataset.qa.find((entry) => entry.id === 'ep05-q26')!.currency!;
    expect(comment.quote).toMatch(/^Q: /);
    expect(comment.quote).not.toContain('Note from the Istio Expert Answers extension');
    expect(comment.note).toContain('Note from the Istio Expert Answers extension, not the expert’s words');
    expect(comment.note).toContain(`changed since 2021 (Istio ${currency.since!.version})`);
    expect(comment.note).toContain(asShown(currency.now!.en));
    expect(comment.links).toEqual(currency.sources);
    if (browser === 'chromium') await rendered.screenshot(screenshotPath(browser, 'copied-answer-with-note-rendered'));
    await rendered.close();
    await page.close();
  });

  it('reads the note against the issue’s version in the side panel’s “On this page” too', async () => {
    const panel = await openSidePanelFromPopup(session, ISSUE, issue);
    await panel.waitFor(() => document.querySelector('[role="option"][id$="ep03-q09"]') !== null, 15_000);
    await panel.click('[role="option"][id$="ep03-q09"]');
    await panel.waitFor(() => document.querySelector('.answer-detail [data-action="currency"]') !== null);
    await panel.click('.answer-detail [data-action="currency"]');
    const note = await panel.waitFor(() => {
      const element = document.querySelector('.answer-detail .currency-note') as HTMLElement | null;
      return element && !element.hidden && element.textContent ? element.textContent : null;
    });
    expect(note).toContain('This page is about Istio 1.16. What changed needs Istio 1.19 or later.');
  });

  it('logged no error and made no request', () => {
    expect(session.errors).toEqual([]);
    expect(session.unexpectedRequests).toEqual([]);
  });
});
