/**
 * An answer as a quote for a GitHub comment ("Copy as Markdown"), and the link to its source
 * ("Copy link"). One builder for every surface: popup, side panel, answer page and cards (which
 * ask the background for it). The quote carries what the licence (CC BY-NC-SA 4.0) asks for:
 * who said it, where, the source, the licence, and that the English is our translation.
 *
 * The dataset's Markdown subset is re-emitted as CommonMark, its text escaped, so a renderer
 * (GitHub's, or `marked` in the tests) shows exactly the words of the answer.
 */
import { type Block, type Inline, parseMarkdown } from '../data/markdown';
import { noteRuns, productVersionName } from '../data/currency';
import type { Currency, Dataset, Episode, Lang, LinkedQa } from '../data/types';
import type { AnswerLanguage } from '../messaging/protocol';

export interface Citation {
  /** The quote, ready to paste into a GitHub comment. */
  markdown: string;
  /** The source page ("Copy link"). */
  link: string;
}

/** The citation's own words, in the language of the quoted answer (not of the browser's UI). */
const WORDS = {
  en: {
    question: 'Q:',
    episode: (episode: Episode) => `“Istio 大咖说” episode ${episode.number}`,
    replay: 'replay',
    source: 'source',
    translated: 'translated from Chinese',
    licence: 'licence',
    dash: '—',
    separator: ', ',
    open: ' (',
    close: ')',
    note: 'Note from the Istio Expert Answers extension, not the expert’s words',
    status: {
      changed: (since: string) => `changed since 2021 (${since})`,
      superseded: (since: string) => `superseded (${since})`,
      current: (reviewed: string) => `still true in Istio ${reviewed}`,
    },
    checked: (istio: string, envoy: string) => `checked against Istio ${istio} and Envoy ${envoy}`,
    sources: 'Sources:',
  },
  zh: {
    question: '问',
    episode: (episode: Episode) => `《Istio 大咖说》第 ${episode.number} 期`,
    replay: '回放',
    source: '来源',
    translated: '',
    licence: '许可协议',
    dash: '——',
    separator: '，',
    open: '（',
    close: '）',
    note: 'Istio 专家问答扩展的说明，并非专家原话',
    status: {
      changed: (since: string) => `2021 年后有变化（${since}）`,
      superseded: (since: string) => `已被取代（${since}）`,
      current: (reviewed: string) => `在 Istio ${reviewed} 中仍然成立`,
    },
    checked: (istio: string, envoy: string) => `已对照 Istio ${istio} 和 Envoy ${envoy} 核对`,
    sources: '来源：',
  },
} as const;

/** Characters that mean something to CommonMark or GFM anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>|~]/g;
/** What opens a block at the start of a line: a heading, quote, list, rule or setext underline. */
const LINE_START_SPECIAL = /^(\s*)([#>+=-]|\d+[.)])/;

/** Text within a line, escaped. */
function escapeInline(text: string): string {
  // An entity (`&amp;`, `&#60;`) would be decoded; a bare `&` is left as it is.
  return text.replace(INLINE_SPECIAL, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
}

/** Each line of a block: indentation dropped (it would make code), a block marker escaped. */
function escapeLineStarts(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => line.trimStart().replace(LINE_START_SPECIAL, (_, space: string, marker: string) => `${space}${marker.replace(/[#>+=\-.)]$/, '\\$&')}`))
    .join('\n');
}

/** Text as CommonMark that renders to exactly that text. */
export function escapeMarkdown(text: string): string {
  return escapeLineStarts(escapeInline(text));
}

/** Inline code whose fence is longer than any run of backticks inside it. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function inlines(parts: readonly Inline[]): string {
  return parts
    .map((inline) => {
      switch (inline.type) {
        case 'text':
          return escapeInline(inline.text);
        case 'code':
          return codeSpan(inline.text);
        case 'link':
          return `[${escapeMarkdown(inline.text)}](<${inline.url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
      }
    })
    .join('');
}

/** One block as Markdown lines (unquoted). */
function block(part: Block): string {
  switch (part.type) {
    case 'paragraph':
      return escapeLineStarts(inlines(part.inlines));
    case 'item':
      // The speaker's own marker ("1）", "a)") stays text, not a list.
      return escapeLineStarts(`${escapeMarkdown(part.marker)} ${inlines(part.inlines)}`);
    case 'list':
      return part.items.map((item, index) => `${part.start + index}. ${escapeLineStarts(inlines(item)).replace(/\n/g, '\n   ')}`).join('\n');
    case 'code': {
      const longest = Math.max(2, ...(part.text.match(/`+/g) ?? []).map((run) => run.length));
      const fence = '`'.repeat(longest + 1);
      return `${fence}${part.lang}\n${part.text}\n${fence}`;
    }
  }
}

const quote = (text: string) => text.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');

function episodeOf(dataset: Dataset, entry: LinkedQa): Episode {
  const episode = dataset.episodes.find((candidate) => candidate.number === entry.episode);
  if (!episode) throw new Error(`no episode ${entry.episode} for ${entry.id}`);
  return episode;
}

/** The question (its first block opened by "Q:") and the answer, as Markdown blocks. */
function questionAndAnswer(entry: LinkedQa, lang: Lang): string[] {
  const words = WORDS[lang];
  const question = parseMarkdown(entry.question[lang]).map(block);
  // "**问**：" rather than "**问：**": CommonMark does not close emphasis between "：" and a letter.
  const label = lang === 'zh' ? `**${words.question}**：` : `**${words.question}** `;
  question[0] = `${label}${question[0] ?? ''}`;
  return [...question, ...parseMarkdown(entry.answer[lang]).map(block)];
}

function attribution(dataset: Dataset, episode: Episode, lang: Lang): string {
  const words = WORDS[lang];
  const guests = episode.guests
    .map((guest) => `**${escapeMarkdown(guest.name[lang])}**${words.open}${escapeMarkdown(guest.organization[lang])}${words.close}`)
    .join(words.separator);
  const title = lang === 'zh' ? `《${escapeMarkdown(episode.title.zh)}》` : `*${escapeMarkdown(episode.title.en)}*`;
  const where = `${escapeMarkdown(words.episode(episode))}${lang === 'zh' ? '' : ','} ${title}${words.open}${episode.start.slice(0, 10)}${words.close}`;
  const parts = [
    `${words.dash} ${guests}${lang === 'zh' ? '，' : ', '}${where}`,
    `[${words.replay}](<${episode.replayUrl}>)`,
    `[${words.source}](<${dataset.info.source.url}>)`,
    ...(words.translated ? [words.translated] : []),
    `${words.licence} [${escapeMarkdown(dataset.info.licence.name)}](<${dataset.info.licence.url}>)`,
  ];
  return parts.join(' · ');
}

/**
 * Our note on what changed since (`data/currency.json`), under the quote and outside it: plainly
 * labelled as the extension's, with its sources as links. Only notes that say something of
 * today (current, changed, superseded).
 */
function currencyNote(currency: Currency | undefined, lang: Lang): string | undefined {
  if (!currency?.now || !(currency.status === 'current' || currency.status === 'changed' || currency.status === 'superseded')) return undefined;
  const words = WORDS[lang];
  const status = currency.status === 'current'
    ? words.status.current(currency.reviewed.istio)
    : currency.since ? words.status[currency.status](productVersionName(currency.since)) : undefined;
  const label = [words.note, ...(status ? [status] : []), words.checked(currency.reviewed.istio, currency.reviewed.envoy)].join(' · ');
  const now = noteRuns(currency.now[lang].replace(/\s+/g, ' ')).map((run) => (run.code ? codeSpan(run.text) : escapeInline(run.text))).join('');
  const lines = [`ⓘ ${escapeMarkdown(label)}`, escapeLineStarts(now)];
  const sources = (currency.sources ?? []).map((url) => `[${escapeMarkdown(url.replace(/^https:\/\//, ''))}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`);
  if (sources.length > 0) lines.push(`${words.sources} ${sources.join(' · ')}`);
  return lines.join('\n\n');
}

/**
 * The quote in the reader's language: Chinese (the original), English (our translation, said so
 * in the attribution), or, for readers of both, the English with the original folded under it.
 */
export function citeAnswer(dataset: Dataset, answerId: string, lang: AnswerLanguage): Citation {
  const entry = dataset.qa.find((candidate) => candidate.id === answerId);
  if (!entry) throw new Error(`no answer ${answerId}`);
  const episode = episodeOf(dataset, entry);
  const primary: Lang = lang === 'zh' ? 'zh' : 'en';
  const body = [...questionAndAnswer(entry, primary), attribution(dataset, episode, primary)].join('\n\n');
  let markdown = quote(body);
  const note = currencyNote(entry.currency, primary);
  if (note) markdown += `\n\n${note}`;
  if (lang === 'both') {
    const original = quote(questionAndAnswer(entry, 'zh').join('\n\n'));
    markdown += `\n\n<details><summary>中文原文</summary>\n\n${original}\n\n</details>`;
  }
  return { markdown: `${markdown}\n`, link: dataset.info.source.url };
}
