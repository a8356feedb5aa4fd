/**
 * "On this page" on real GitHub issues (`../shared/real-pages/github/issues.json`, rendered as
 * the extension meets them): the page's question and terms, read as the content script reads
 * them, and the confident answers the popup lists. Split as the real questions are (SHA-256 of
 * the URL, even positions tune), so a tuned weight is judged on issues it was not tuned on.
 */
import { createHash } from 'node:crypto';
import { Window } from 'happy-dom';
import { TermMatcher } from '../../src/glossary/matcher';
import { matcherTerms } from '../../src/glossary/terms';
import { pageQuestion } from '../../src/page/page-question';
import { tallyTerms } from '../../src/page/scanner';
import { pageAnswers } from '../../src/search/cards';
import type { SearchEngine } from '../../src/search/engine';
import { realPages } from '../fixtures/real-pages';
import type { Half } from './real-queries';

export interface PageResult {
  url: string;
  title: string;
  half: Half;
  expect: string[];
  got: string[];
}

/** What the content script reports for a page: its question and its terms, most frequent first. */
export function readPage(url: string, html: string, matcher: TermMatcher): { question: string; terms: { termId: string; count: number }[] } {
  const window = new Window({ url });
  const doc = window.document as unknown as Document;
  doc.write(html);
  const text = doc.body?.textContent ?? '';
  const result = { question: pageQuestion(doc), terms: tallyTerms([matcher.findAll(text)]) };
  void window.happyDOM.close();
  return result;
}

export function pageResults(engine: SearchEngine, limit = 8): PageResult[] {
  const matcher = new TermMatcher(matcherTerms(engine.dataset.glossary));
  const issues = realPages().filter((page) => page.kind === 'github');
  const order = issues.map((page) => createHash('sha256').update(page.url).digest('hex')).sort();
  return issues.map((page) => {
    const hash = createHash('sha256').update(page.url).digest('hex');
    const read = readPage(page.url, page.html, matcher);
    return {
      url: page.url,
      title: page.title,
      half: order.indexOf(hash) % 2 === 0 ? 'tuning' : 'held-out',
      expect: page.expect ?? [],
      got: pageAnswers(engine, read, limit).map((hit) => hit.id),
    };
  });
}
