// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pageQuestion, QUESTION_LIMITS } from '../../src/page/page-question';
import { loadFixture } from '../fixtures/pages';

/** A document parsed from HTML at a URL (happy-dom gives each one its location). */
function pageAt(url: string, html: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  Object.defineProperty(doc, 'location', { value: new URL(url) });
  return doc;
}

describe('pageQuestion', () => {
  it('reads a GitHub issue as its title and opening comment', () => {
    const { url, html } = loadFixture('githubIssue503');
    const question = pageQuestion(pageAt(url, html));
    expect(question.split('\n')[0]).toBe('Intermittent 503 UC errors after idle timeout with HTTP/1.1 keepalive');
    expect(question).toContain('upstream_reset_before_response_started');
    // The opening comment only: later comments are other people's replies.
    expect(question.length).toBeLessThanOrEqual(QUESTION_LIMITS.title + QUESTION_LIMITS.body + 1);
  });

  it('reads a docs page as its title and its own headings, not the navigation', () => {
    const { url, html } = loadFixture('istioRateLimit');
    const question = pageQuestion(pageAt(url, html));
    expect(question).toContain('Global rate limit');
    expect(question).toContain('Local rate limit');
    const doc = pageAt(url, '<title>T</title><nav><h2>Menu heading</h2></nav><main><h2>Kept</h2></main>');
    expect(pageQuestion(doc)).toBe('T\nKept');
  });

  it('stays bounded on a 10,000-character title and copes with none at all', () => {
    const long = `<h1 class="gh-header-title"><bdi class="js-issue-title">${'sidecar memory '.repeat(700)}</bdi></h1><td class="js-comment-body">${'x '.repeat(50_000)}</td>`;
    const question = pageQuestion(pageAt('https://github.com/istio/istio/issues/1', long));
    expect(question.length).toBeLessThanOrEqual(QUESTION_LIMITS.total);
    expect(question.startsWith('sidecar memory')).toBe(true);
    expect(pageQuestion(pageAt('https://github.com/istio/istio/issues/2', '<h1 class="gh-header-title"><bdi class="js-issue-title"></bdi></h1>'))).toBe('');
    expect(pageQuestion(pageAt('https://example.com/', '<p>no title, no headings</p>'))).toBe('');
  });
});
