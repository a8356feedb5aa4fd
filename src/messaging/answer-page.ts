/**
 * Addresses on the answer page (entrypoints/answers): `#ep04-q12` an answer, `#ep04` an episode,
 * `?q=` the results for a text. Read back by `src/ui/answers/fragment.ts`.
 */
import { browser } from 'wxt/browser';

/**
 * An address inside the extension. WXT's typed `getURL` does not resolve with the polyfill module
 * (as its message types do not: src/i18n.ts).
 */
export const extensionUrl = (path: string): string => (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);

export type AnswerPageTarget = { answerId: string } | { episode: number } | { query: string } | Record<string, never>;

export const episodeFragment = (episode: number) => `ep${String(episode).padStart(2, '0')}`;

/** What follows the page's address: the fragment or query that says what to show. */
export function answerPageSuffix(target: AnswerPageTarget = {}): string {
  if ('answerId' in target) return `#${target.answerId}`;
  if ('episode' in target) return `#${episodeFragment(target.episode)}`;
  if ('query' in target && target.query.trim() !== '') return `?q=${encodeURIComponent(target.query)}`;
  return '';
}

/** A link to the page from another extension page. */
export const answerPagePath = (target: AnswerPageTarget = {}) => `/answers.html${answerPageSuffix(target)}`;

export const answerPageUrl = (target: AnswerPageTarget = {}) => extensionUrl(answerPagePath(target));
