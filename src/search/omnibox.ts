/**
 * Search from the address bar: suggestions from the one engine (the question and its episode,
 * the matched words marked as the browser allows: Chromium's XML `<match>`/`<dim>`, Firefox's
 * plain text), and where Enter goes: the chosen answer on the answer page, or the results.
 */
import { plainText } from '../data/markdown';
import type { Lang } from '../data/types';
import { isOvertaken } from '../data/currency';
import { t } from '../i18n';
import { currencyLabel } from '../ui/currency-label';
import type { AnswerPageTarget } from '../messaging/answer-page';
import type { AnswerLanguage } from '../messaging/protocol';
import { confidentFirst } from './list';
import { type SearchEngine, queryLang } from './engine';
import type { Range } from './highlight';

export type SuggestionMarkup = 'xml' | 'plain';

export interface OmniboxSuggestion {
  /** What the address bar holds when the suggestion is chosen; it starts with the answer's id. */
  content: string;
  description: string;
}

/** About what the browsers show (Chromium's list has room for five or six). */
export const OMNIBOX_SUGGESTIONS = 6;
const QUESTION_CHARS = 90;
const CONTENT_QUESTION_CHARS = 60;
const ANSWER_ID = /^\s*(ep\d{2}-q\d{2})(?=\s|$)/i;

/** XML 1.0 has no place for control characters or lone surrogates: they would void the markup. */
function clean(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ' ')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

export function escapeXml(text: string): string {
  return clean(text).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!);
}

/** Text cut to about `max` characters at a word (or any character in Chinese), with "…". */
function cut(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max).join('');
  const space = head.lastIndexOf(' ');
  return `${space > max * 0.6 ? head.slice(0, space) : head}…`;
}

function marked(text: string, ranges: readonly Range[]): string {
  let out = '';
  let last = 0;
  for (const [start, end] of ranges) {
    if (start < last || end > text.length) continue;
    out += `${escapeXml(text.slice(last, start))}<match>${escapeXml(text.slice(start, end))}</match>`;
    last = end;
  }
  return out + escapeXml(text.slice(last));
}

/** The language suggestions are shown in: the reader's, or (reading both) the one typed. */
export function suggestionLanguage(lang: AnswerLanguage, text: string): Lang {
  return lang === 'both' ? queryLang(text) : lang;
}

export function omniboxSuggestions(engine: SearchEngine, text: string, lang: Lang, markup: SuggestionMarkup): OmniboxSuggestion[] {
  const query = engine.boundedQuery(clean(text));
  if (query === '') return [];
  const hits = confidentFirst(engine.search(query, { asYouType: true, limit: OMNIBOX_SUGGESTIONS }));
  return hits.map((hit) => {
    const entry = engine.entry(hit.id)!;
    const episode = engine.dataset.episodes.find((candidate) => candidate.number === entry.episode)!;
    const question = plainText(entry.question[lang]).replace(/\s+/g, ' ').trim();
    const shown = cut(question, QUESTION_CHARS);
    const guest = episode.guests[0]!;
    // What time did to the answer, where it matters: overtaken, or checked and still true.
    const currency = entry.currency && (isOvertaken(entry.currency) || entry.currency.status === 'current') ? [currencyLabel(entry.currency)] : [];
    const meta = [t('episodeShort', episode.number), lang === 'zh' ? `${guest.name.zh}（${guest.organization.zh}）` : `${guest.name.en} (${guest.organization.en})`, ...currency, ...(hit.confident ? [] : [t('omniboxNearest')])].join(' · ');
    const description = markup === 'xml'
      ? `${marked(shown, engine.highlights(shown, hit.matchedTerms))} <dim>· ${escapeXml(meta)}</dim>`
      : `${clean(shown)} · ${clean(meta)}`;
    return { content: `${hit.id} ${clean(cut(question, CONTENT_QUESTION_CHARS))}`, description };
  });
}

/** The first line of the list: what Enter does with the text as typed. */
export function defaultSuggestion(engine: SearchEngine, text: string, markup: SuggestionMarkup): string {
  const query = engine.boundedQuery(clean(text));
  if (query === '') return t('omniboxEmpty', engine.dataset.qa.length);
  const shown = cut(query, 60);
  if (markup === 'plain') return t('omniboxSearchFor', shown);
  // The message is text to escape; only the text typed goes in <match>.
  const slot = '\uE000';
  // A function, not a string: `$&`, `$'` and `` $` `` in what was typed stay as typed.
  return escapeXml(t('omniboxSearchFor', slot)).replace(slot, () => `<match>${escapeXml(shown)}</match>`);
}

/** Where Enter goes: a suggestion's answer, the results for the text, or (nothing typed) the whole list. */
export function omniboxTarget(engine: SearchEngine, text: string): AnswerPageTarget {
  const id = ANSWER_ID.exec(text)?.[1]?.toLowerCase();
  if (id && engine.entry(id)) return { answerId: id };
  const query = engine.boundedQuery(clean(text));
  return query === '' ? {} : { query };
}
