import { describe, expect, it } from 'vitest';
import { TermMatcher } from '../../src/glossary/matcher';
import { stem } from '../../src/search/stem';
import { cjkTerm, tokenize, wordTokens } from '../../src/search/tokenize';

/** Index terms, with Chinese ones decoded back to their characters for readability. */
const terms = (text: string) =>
  wordTokens(text).map((token) => (token.term.startsWith('·') ? text.slice(token.start, token.end) : token.term));

describe('tokenize', () => {
  it('encodes Chinese terms with a small alphabet, one term per text', () => {
    expect(cjkTerm('限流')).toMatch(/^·[0-9a-v]{6}$/);
    expect(cjkTerm('限流')).not.toBe(cjkTerm('流限'));
    expect(wordTokens('限流')[0]!.term).toBe(cjkTerm('限流'));
  });

  it('splits Chinese into bigrams, the same in every engine', () => {
    expect(terms('懒加载')).toEqual(['懒加', '加载']);
    expect(terms('限流')).toEqual(['限流']);
    expect(terms('懒')).toEqual(['懒']);
  });

  it('splits at CJK/Latin boundaries and CamelCase, keeping the whole name', () => {
    expect(terms('envoy限流')).toEqual(['envoy', '限流']);
    expect(terms('EnvoyFilter')).toEqual(['envoyfilter', 'envoy', 'filter']);
    expect(terms('holdApplicationUntilProxyStarts')).toEqual(['holdapplicationuntilproxystart', 'hold', 'application', 'until', 'proxy', 'start']);
    expect(terms('max_retries v1.10')).toEqual(['max_retry', 'max', 'retry', 'v1.10']);
  });

  it('drops English stop words and stems lightly', () => {
    expect(terms('how do the sidecars limit')).toEqual(['sidecar', 'limit']);
    expect(['limits', 'limiting', 'limited'].map(stem)).toEqual(['limit', 'limit', 'limit']);
    expect(['proxies', 'routing', 'route', 'envoy', 'istio', 'kubernetes'].map(stem)).toEqual(['proxy', 'rout', 'rout', 'envoy', 'istio', 'kubernetes']);
  });

  it('adds a concept token for every glossary term, with its position', () => {
    const matcher = new TermMatcher([{ id: 'rate-limiting', aliases: ['rate limit', '限流'] }]);
    const tokens = tokenize('Istio 限流 and rate limits', matcher).filter((token) => token.term.startsWith('~'));
    expect(tokens).toEqual([
      { term: '~rate-limiting', start: 6, end: 8 },
      { term: '~rate-limiting', start: 13, end: 24 },
    ]);
  });

  it('keeps offsets into the original text', () => {
    const text = 'Ｉstio 的 EnvoyFilter';
    for (const token of wordTokens(text)) expect(text.slice(token.start, token.end).length).toBe(token.end - token.start);
    expect(wordTokens(text).find((token) => token.term === 'envoyfilter')).toMatchObject({ start: 8, end: 19 });
  });
});
