/**
 * The answer page (answers.html) in both browsers: an answer or an episode from the address
 * (scrolled to, focused, highlighted), bad fragments, both languages side by side or one, who
 * answered and when, the terms and related answers, its search and the history, the keyboard
 * alone, print, accessibility in both themes, and screenshots in English and Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { axeViolations, BROWSERS, launch, screenshotPath, type Session, type TestPage } from './harness';
const dataset = loadDataset();
const episode4 = dataset.episodes.find((episode) => episode.number === 4)!;

async function openAnswers(session: Session, suffix = ''): Promise<TestPage> {
  const page = await session.openExtensionPage(`answers.html${suffix}`);
  await page.setViewport(1280, 900);
  await page.waitFor(() => document.querySelectorAll('.qa').length === 118);
  return page;
}

/** Where the page stands: the focused element, the highlighted one, and whether it is in view. */
const standing = (page: TestPage) =>
  page.evaluate(() => {
    const focused = document.activeElement as HTMLElement | null;
    const rect = focused?.getBoundingClientRect();
    const header = document.querySelector('.page-top')!.getBoundingClientRect().bottom;
    return {
      focused: focused?.id ?? null,
      targeted: [...document.querySelectorAll('.targeted')].map((element) => element.id),
      inView: rect !== undefined && rect.top >= header - 1 && rect.top < innerHeight / 2,
      title: document.title,
      notice: document.querySelector('.notice')?.textContent ?? null,
    };
  });

const selectLanguage = (page: TestPage, label: '中文' | 'EN' | '中/EN') =>
  page.evaluateWith((label) => [...document.querySelectorAll<HTMLButtonElement>('.lang-switch button')].find((button) => button.textContent === label)!.click(), label);

/**
 * axe over the page's frame (header, episodes list, footer) and one whole episode with its
 * answers: the other seven are the same components (all 118 answers take axe half a minute).
 */
const audit = (page: TestPage) => axeViolations(page, ['.skip-link', '.page-top', '.toc', '.notice', '#ep04', '.footer']);

describe.each(BROWSERS)('%s: the answer page', (browser) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(browser);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens #ep04-q12 on that answer: scrolled into view, focused and highlighted', async () => {
    const page = await openAnswers(session, '#ep04-q12');
    await page.waitFor(() => document.activeElement?.id === 'ep04-q12');
    const at = await standing(page);
    expect(at).toMatchObject({ focused: 'ep04-q12', targeted: ['ep04-q12'], inView: true, notice: null });
    expect(at.title).toMatch(/resource quota available to the sidecar/);
    // Its episode is the current one in the list of episodes.
    expect(await page.evaluate(() => document.querySelector('.toc [aria-current]')?.getAttribute('href'))).toBe('#ep04');
    await page.close();
  });

  it('opens #ep04 on the episode', async () => {
    const page = await openAnswers(session, '#ep04');
    await page.waitFor(() => document.activeElement?.id === 'ep04');
    expect(await standing(page)).toMatchObject({ focused: 'ep04', targeted: ['ep04'], inView: true });
    expect(await page.evaluate(() => document.querySelector('#ep04 h2')!.textContent)).toContain(episode4.title.en);
    await page.close();
  });

  it('opens the whole list with a plain message for an unknown or malformed fragment', async () => {
    for (const [fragment, shown] of [['#ep99-q99', 'ep99-q99'], ['#%3Cscript%3Ewindow.hacked=1%3C/script%3E', '<script>window.hacked=1</script>'], ['#%E0%A4%A', '%E0%A4%A']]) {
      const page = await openAnswers(session, fragment);
      await page.waitFor(() => document.querySelector('.notice') !== null);
      const at = await standing(page);
      expect(at.notice).toBe(`There is no answer or episode “${shown}”. Here are all of them.`);
      expect(at.targeted).toEqual([]);
      const page_ = await page.evaluate(() => ({ hacked: 'hacked' in window, scripts: document.querySelectorAll('body script').length, episodes: document.querySelectorAll('.episode-section').length }));
      expect(page_).toEqual({ hacked: false, scripts: 0, episodes: 8 });
      await page.close();
    }
  });

  it('shows both languages side by side on a wide window, stacked on a narrow one, or the chosen one', async () => {
    const page = await openAnswers(session, '#ep04-q12');
    await selectLanguage(page, '中/EN');
    const columns = () => page.evaluate(() => [...document.querySelectorAll('#ep04-q12 .qa-lang')].map((column) => ({ lang: column.getAttribute('lang'), top: Math.round(column.getBoundingClientRect().top), left: Math.round(column.getBoundingClientRect().left) })));
    await page.waitFor(() => document.querySelectorAll('#ep04-q12 .qa-lang').length === 2);
    const wide = await columns();
    expect(wide.map((column) => column.lang)).toEqual(['zh-CN', 'en']);
    expect(wide[0]!.top).toBe(wide[1]!.top);
    expect(wide[1]!.left).toBeGreaterThan(wide[0]!.left + 300);
    await page.setViewport(700, 900);
    await page.waitFor(() => {
      const [zh, en] = [...document.querySelectorAll('#ep04-q12 .qa-lang')].map((column) => column.getBoundingClientRect());
      return en!.top > zh!.bottom - 1;
    });
    await page.setViewport(1280, 900);
    await selectLanguage(page, 'EN');
    await page.waitFor(() => document.querySelectorAll('#ep04-q12 .qa-lang').length === 1);
    expect(await page.evaluate(() => document.querySelector('#ep04-q12 .qa-lang')!.getAttribute('lang'))).toBe('en');
    expect(await page.evaluate(() => document.querySelector('#ep04-q12 .translation-note')?.textContent)).toMatch(/English translation/);
    await selectLanguage(page, '中文');
    await page.waitFor(() => document.querySelector('#ep04-q12 .qa-lang')?.getAttribute('lang') === 'zh-CN');
    await selectLanguage(page, 'EN');
    await page.close();
  });

  it('says who answered, in which episode and when, with the replay, the terms and related answers', async () => {
    const page = await openAnswers(session, '#ep04-q12');
    await selectLanguage(page, 'EN');
    await page.waitFor(() => document.querySelector('#ep04-q12 .qa-lang')?.getAttribute('lang') === 'en');
    const article = await page.evaluate(() => {
      const root = document.querySelector('#ep04-q12')!;
      return {
        meta: root.querySelector('.qa-meta')!.textContent,
        links: [...root.querySelectorAll('.qa-meta a')].map((link) => link.getAttribute('href')),
        terms: [...root.querySelectorAll('.qa-terms .term')].map((term) => ({ name: term.querySelector('dt')!.textContent, definition: term.querySelector('dd')!.textContent })),
        related: [...root.querySelectorAll('.qa-related a')].map((link) => link.getAttribute('href')),
      };
    });
    expect(article.meta).toContain('Chen Peng (Baidu)');
    expect(article.meta).toContain('Episode 4');
    expect(article.meta).toContain('2021-06-23');
    expect(article.links).toEqual([episode4.replayUrl, dataset.info.source.url]);
    const sidecar = dataset.glossary.find((term) => term.id === 'sidecar')!;
    expect(article.terms).toContainEqual({ name: expect.stringContaining(sidecar.name.en), definition: sidecar.definition.en });
    expect(article.related.length).toBeGreaterThan(0);
    expect(article.related).toContain('#ep04-q02');
    // A related answer is one click away, and opens as any answer does.
    await page.click('#ep04-q12 .qa-related a[href="#ep04-q02"]');
    await page.waitFor(() => document.activeElement?.id === 'ep04-q02');
    expect((await standing(page)).targeted).toEqual(['ep04-q02']);
    await page.close();
  });

  it('searches with the popup’s engine: Enter opens the answer, Back returns to the results', async () => {
    const page = await openAnswers(session, '?q=sidecar%20memory');
    await page.waitFor(() => document.querySelectorAll('[role="option"]').length > 0);
    expect(await page.evaluate(() => document.querySelector('[role="option"]')!.id)).toBe('results-ep02-q02');
    expect(await page.evaluate(() => (document.querySelector('.episodes-list') as HTMLElement).hidden)).toBe(true);
    await page.click('input[role="combobox"]');
    await page.press('Enter');
    await page.waitFor(() => document.activeElement?.id === 'ep02-q02');
    expect(await page.evaluate(() => location.hash + location.search)).toBe('#ep02-q02');
    await page.evaluate(() => history.back());
    await page.waitFor(() => (document.querySelector('input[role="combobox"]') as HTMLInputElement).value === 'sidecar memory' && document.querySelectorAll('[role="option"]').length > 0);
    // Typing replaces the results as it goes, and Escape clears them.
    await page.click('input[role="combobox"]');
    await page.evaluate(() => (document.querySelector('input[role="combobox"]') as HTMLInputElement).select());
    await page.type('限流');
    await page.waitFor(() => location.search === `?q=${encodeURIComponent('限流')}` && document.querySelectorAll('[role="option"]').length > 0);
    await page.press('Escape');
    await page.waitFor(() => !(document.querySelector('.episodes-list') as HTMLElement).hidden && location.search === '');
    await page.close();
  });

  it('works from the keyboard alone: skip link, an answer’s links, Copy as Markdown', async () => {
    const page = await openAnswers(session, '#ep04-q12');
    await page.waitFor(() => document.activeElement?.id === 'ep04-q12');
    // From the answer, Tab reaches its links, then its Copy as Markdown button.
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.press('Tab');
      const action = await page.evaluate(() => document.activeElement?.getAttribute('data-action') ?? document.activeElement?.tagName ?? '');
      reached.push(action);
      if (action === 'copy-markdown') break;
    }
    expect(reached.at(-1)).toBe('copy-markdown');
    await page.press('Enter');
    await page.waitFor(() => document.querySelector('#ep04-q12 .cite-status')?.textContent === 'Copied: paste it into a GitHub comment.');
    // The skip link comes first in the page, and takes the keyboard to the answers.
    expect(await page.evaluate(() => document.querySelector('a[href], button, input, [tabindex="0"]')?.className)).toBe('skip-link');
    await page.evaluate(() => (document.querySelector('.skip-link') as HTMLElement).focus());
    await page.press('Enter');
    await page.waitFor(() => document.activeElement?.id === 'book');
    expect(await page.evaluate(() => location.hash)).toBe('#ep04-q12');
    await page.close();
  });

  it('prints the answer in the address alone, without its controls', async () => {
    const page = await openAnswers(session, '#ep04-q12');
    await page.emulatePrint(true);
    const printed = await page.evaluate(() => {
      const shown = (selector: string) => [...document.querySelectorAll(selector)].filter((element) => getComputedStyle(element).display !== 'none' && (element as HTMLElement).offsetParent !== null);
      return {
        answers: shown('.qa').map((element) => element.id),
        controls: shown('.toc, .page-top .header, .cite, .skip-link').length,
        links: getComputedStyle(document.querySelector('#ep04-q12 .qa-meta a')!, '::after').content,
      };
    });
    expect(printed.answers).toEqual(['ep04-q12']);
    expect(printed.controls).toBe(0);
    // Links print with their address (Chromium computes attr(); Firefox returns the rule).
    expect(printed.links).toMatch(new RegExp(`${episode4.replayUrl.replace(/[.?/]/g, '\\$&')}|attr\\(href\\)`));
    if (browser === 'chromium') await page.screenshot(screenshotPath(browser, 'answers-page-print'), { fullPage: true });
    await page.emulatePrint(false);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations in the ${scheme} theme`, async () => {
      const page = await openAnswers(session, '#ep04-q12');
      await page.setColorScheme(scheme);
      await selectLanguage(page, scheme === 'light' ? '中/EN' : 'EN');
      await page.waitFor(() => document.activeElement?.id === 'ep04-q12');
      expect(await audit(page)).toEqual([]);
      if (browser === 'chromium') await page.screenshot(screenshotPath(browser, `answers-page-${scheme}`));
      await selectLanguage(page, 'EN');
      await page.close();
    });
  }

  it('logged no error and made no request', () => {
    expect(session.errors).toEqual([]);
    expect(session.unexpectedRequests).toEqual([]);
  });
});

describe('chromium: the answer page in a Chinese browser', () => {
  it('shows its own text and the answers in Chinese', async () => {
    const session = await launch('chromium', { locale: 'zh-CN' });
    try {
      const page = await openAnswers(session, '#ep04-q12');
      await page.waitFor(() => document.activeElement?.id === 'ep04-q12');
      const shown = await page.evaluate(() => ({ heading: document.querySelector('.brand h1')!.textContent, lang: document.querySelector('#ep04-q12 .qa-lang')!.getAttribute('lang'), terms: document.querySelector('#ep04-q12 .qa-terms h4')!.textContent }));
      expect(shown).toEqual({ heading: '《Istio 大咖说》专家问答', lang: 'zh-CN', terms: expect.stringMatching(/[\u4e00-\u9fff]/) });
      expect(await audit(page)).toEqual([]);
      await page.screenshot(screenshotPath('chromium', 'answers-page-chinese'));
      await page.setColorScheme('dark');
      await page.screenshot(screenshotPath('chromium', 'answers-page-chinese-dark'));
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
