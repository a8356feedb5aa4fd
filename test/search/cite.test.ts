// @vitest-environment happy-dom
/**
 * "Copy as Markdown" as a GitHub reader sees it: the copied quote is rendered (marked, GFM) and
 * read back: the question and answer word for word, who said it and where, and working links to
 * the source page, the replay and the licence.
 */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { parseMarkdown, plainText } from '../../src/data/markdown';
import type { Dataset, LinkedQa } from '../../src/data/types';
import { citeAnswer, escapeMarkdown } from '../../src/search/cite';

const dataset = loadDataset();

function render(markdown: string): Document {
  // GitHub renders a comment's line breaks (`breaks`); a reader sees them as spaces between words.
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const br of doc.querySelectorAll('br')) br.replaceWith('\n');
  return doc;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const hrefs = (root: ParentNode) => [...root.querySelectorAll('a')].map((link) => link.getAttribute('href'));

/** Every piece of text a block shows, as a reader would see it rendered. */
function shownTexts(markdown: string): string[] {
  return parseMarkdown(markdown).flatMap((block) => {
    const text = (inlines: { text: string }[]) => squash(inlines.map((inline) => inline.text).join(''));
    switch (block.type) {
      case 'paragraph':
        return [text(block.inlines)];
      case 'item':
        return [squash(`${block.marker} ${text(block.inlines)}`)];
      case 'list':
        return block.items.map(text);
      case 'code':
        return [squash(block.text)];
    }
  });
}

function episodeOf(entry: LinkedQa) {
  return dataset.episodes.find((episode) => episode.number === entry.episode)!;
}

describe('citeAnswer', () => {
  it('quotes every answer word for word, in English and in Chinese, with its attribution and links', () => {
    for (const entry of dataset.qa) {
      const episode = episodeOf(entry);
      for (const lang of ['en', 'zh'] as const) {
        const { markdown, link } = citeAnswer(dataset, entry.id, lang);
        expect(link).toBe(dataset.info.source.url);
        const doc = render(markdown);
        const quotes = doc.body.querySelectorAll(':scope > blockquote');
        expect(quotes, `${entry.id} ${lang}`).toHaveLength(1);
        const shown = squash(quotes[0]!.textContent ?? '');
        for (const text of [...shownTexts(entry.question[lang]), ...shownTexts(entry.answer[lang])]) expect(shown, `${entry.id} ${lang}`).toContain(text);
        const guest = episode.guests[0]!;
        for (const text of [guest.name[lang], guest.organization[lang], episode.title[lang], episode.start.slice(0, 10), 'CC BY-NC-SA 4.0']) expect(shown).toContain(text);
        expect(hrefs(quotes[0]!)).toEqual(expect.arrayContaining([dataset.info.source.url, episode.replayUrl, dataset.info.licence.url]));
        // Our English says it is a translation; the Chinese original does not.
        if (lang === 'en') expect(shown).toContain('translated from Chinese');
        else expect(shown).not.toMatch(/translated/i);
        // Nothing from the text became markup of its own: no headings, tables, HTML or emphasis.
        expect(quotes[0]!.querySelectorAll('h1, h2, h3, table, script, img, del, ul').length).toBe(0);
      }
    }
  });

  it('renders the question in bold, the speaker in bold and the episode title in italics', () => {
    const en = render(citeAnswer(dataset, 'ep02-q02', 'en').markdown);
    const zh = render(citeAnswer(dataset, 'ep02-q02', 'zh').markdown);
    expect([...en.querySelectorAll('strong')].map((node) => node.textContent)).toEqual(['Q:', 'Pan Tianying']);
    expect(en.querySelector('em')!.textContent).toBe(episodeOf(dataset.qa.find((entry) => entry.id === 'ep02-q02')!).title.en);
    expect([...zh.querySelectorAll('strong')].map((node) => node.textContent)).toEqual(['问', '潘天颖']);
  });

  it('keeps the answer’s own links and code working', () => {
    const doc = render(citeAnswer(dataset, 'ep05-q17', 'en').markdown);
    expect(hrefs(doc)).toEqual(expect.arrayContaining(['https://github.com/envoyproxy/envoy/issues/11050', 'https://github.com/envoyproxy/envoy/pull/13176']));
    const yaml = render(citeAnswer(dataset, 'ep03-q02', 'en').markdown);
    expect(yaml.querySelector('blockquote pre code')!.textContent).toContain('kind: ServiceFence');
  });

  it('adds the Chinese original under the English for readers of both languages', () => {
    const doc = render(citeAnswer(dataset, 'ep02-q02', 'both').markdown);
    const [english, original] = [...doc.querySelectorAll('blockquote')];
    expect(english!.textContent).toContain('translated from Chinese');
    expect(doc.querySelector('details summary')!.textContent).toBe('中文原文');
    expect(doc.querySelector('details blockquote')).toBe(original);
    expect(squash(original!.textContent!)).toContain(squash(plainText(dataset.qa.find((entry) => entry.id === 'ep02-q02')!.answer.zh)));
  });

  it('escapes text that would otherwise be markup, so a hostile answer renders as written', () => {
    const hostile = '<script>alert(1)</script> *not bold* _nor this_ ~~kept~~ [not](a link) `tick\n# not a heading\n- not a list\n1. not a list either\n| a | b |\n|---|---|\n&amp; stays &amp; > not a quote\n    not code';
    const fake: Dataset = {
      ...dataset,
      qa: [{ id: 'ep09-q01', episode: 2, number: 1, terms: [], question: { zh: '问？', en: 'Question?' }, answer: { zh: hostile, en: hostile } }],
    };
    const doc = render(citeAnswer(fake, 'ep09-q01', 'en').markdown);
    const quote = doc.querySelector('blockquote')!;
    // The attribution (last paragraph) has its own emphasis; the answer must have none.
    quote.lastElementChild!.remove();
    expect(quote.querySelectorAll('script, em, del, h1, ul, ol, table, code, pre').length).toBe(0);
    expect(hrefs(quote)).not.toContain('a link');
    expect(squash(quote.textContent!)).toContain(squash(hostile.replace(/^\s+/gm, '')));
  });

  it('escapes only what needs it, keeping plain prose readable', () => {
    expect(escapeMarkdown('Sidecar memory, 2GB per pod (with 10k services).')).toBe('Sidecar memory, 2GB per pod (with 10k services).');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('a_b*c')).toBe('a\\_b\\*c');
  });

  it('adds our note under the quote, outside it, marked as ours, with its sources as links', () => {
    const noted = dataset.qa.filter((entry) => entry.currency?.now && ['current', 'changed', 'superseded'].includes(entry.currency.status));
    expect(noted.length).toBeGreaterThan(0);
    for (const entry of noted) {
      const currency = entry.currency!;
      for (const lang of ['en', 'zh'] as const) {
        const doc = render(citeAnswer(dataset, entry.id, lang).markdown);
        const quote = doc.body.querySelector(':scope > blockquote')!;
        const after = [...doc.body.children].filter((element) => element !== quote && quote.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING && element.tagName === 'P');
        const note = squash(after.map((element) => element.textContent).join(' '));
        // The note's words are not in the quote: never the expert's.
        expect(squash(quote.textContent!), `${entry.id} ${lang}`).not.toContain(squash(currency.now![lang].replace(/`([^`\n]+)`/g, '$1')).slice(0, 40));
        // Field names written in backticks render as code; the words are the note's.
        expect(note, `${entry.id} ${lang}`).toContain(squash(currency.now![lang].replace(/`([^`\n]+)`/g, '$1')));
        expect(note).toContain(lang === 'en' ? 'Note from the Istio Expert Answers extension, not the expert’s words' : 'Istio 专家问答扩展的说明，并非专家原话');
        expect(note).toContain(`Istio ${currency.reviewed.istio}`);
        if (currency.since) expect(note).toContain(`${currency.since.product === 'istio' ? 'Istio' : currency.since.product === 'envoy' ? 'Envoy' : 'Kubernetes'} ${currency.since.version}`);
        expect(after.flatMap((element) => hrefs(element))).toEqual(currency.sources);
      }
    }
  });

  it('adds no note for advice not tied to a version or not re-checked', () => {
    for (const entry of dataset.qa.filter((candidate) => candidate.currency?.status === 'unchecked' || candidate.currency?.status === 'timeless').slice(0, 10)) {
      const doc = render(citeAnswer(dataset, entry.id, 'en').markdown);
      expect(doc.body.textContent, entry.id).not.toContain('Istio Expert Answers extension');
    }
  });

  it('refuses an unknown answer', () => {
    expect(() => citeAnswer(dataset, 'ep99-q99', 'en')).toThrow(/ep99-q99/);
  });
});
