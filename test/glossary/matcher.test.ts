import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { compactTerms, parseCompactTerms } from '../../src/glossary/compact';
import { aliasKey, TermMatcher } from '../../src/glossary/matcher';
import { matcherTerms } from '../../src/glossary/terms';

const matcher = new TermMatcher([
  { id: 'pilot', aliases: ['pilot', 'Pliot'] },
  { id: 'envoy', aliases: ['Envoy'] },
  { id: 'envoy-filter', aliases: ['EnvoyFilter', 'Envoy filter'] },
  { id: 'eds', aliases: ['EDS'] },
  { id: 'rate-limiting', aliases: ['rate limiting', 'rate limit', '限流', '限速'] },
  { id: 'lazy-loading', aliases: ['懒加载', 'lazy loading'] },
  { id: 'crd', aliases: ['CRD'] },
  { id: 'hold', aliases: ['holdApplicationUntilProxyStarts'] },
  { id: 'control-plane-ha', aliases: ['istiod HA'] },
  { id: 'istiod', aliases: ['istiod'] },
]);

const found = (text: string) => matcher.findAll(text).map((m) => [m.termId, text.slice(m.start, m.end)]);

describe('TermMatcher', () => {
  it('matches Latin terms on word boundaries only', () => {
    expect(found('autopilot and pilot, pilots')).toEqual([['pilot', 'pilot'], ['pilot', 'pilots']]);
    expect(found('EnvoyFilter is not Envoy')).toEqual([['envoy-filter', 'EnvoyFilter'], ['envoy', 'Envoy']]);
    expect(found('envoyproxy')).toEqual([]);
  });

  it('prefers the longest alias at a position', () => {
    expect(found('an Envoy filter')).toEqual([['envoy-filter', 'Envoy filter']]);
  });

  it('does not read an ordinary word as an acronym plural', () => {
    expect(found('istiod has three replicas; istiod HA and istiod HAs')).toEqual([
      ['istiod', 'istiod'],
      ['control-plane-ha', 'istiod HA'],
      ['control-plane-ha', 'istiod HAs'],
    ]);
  });

  it('matches short capitalised acronyms only as written', () => {
    expect(found('EDS pushes; Eds is a name; eds')).toEqual([['eds', 'EDS']]);
    expect(found('CRDs')).toEqual([['crd', 'CRDs']]);
  });

  it('ignores case, hyphens and line breaks inside longer aliases', () => {
    expect(found('Rate-Limiting\nand rate\n  limit')).toEqual([['rate-limiting', 'Rate-Limiting'], ['rate-limiting', 'rate\n  limit']]);
    expect(found('HOLDAPPLICATIONUNTILPROXYSTARTS')).toEqual([['hold', 'HOLDAPPLICATIONUNTILPROXYSTARTS']]);
  });

  it('matches Chinese terms without word boundaries, also next to Latin text', () => {
    expect(found('配置懒加载和envoy限流')).toEqual([['lazy-loading', '懒加载'], ['envoy', 'envoy'], ['rate-limiting', '限流']]);
  });

  it('keeps the typos the speakers made', () => {
    expect(found('Pliot 的性能')).toEqual([['pilot', 'Pliot']]);
  });

  it('treats full-width Latin as ASCII', () => {
    expect(found('ＥＮＶＯＹ')).toEqual([['envoy', 'ＥＮＶＯＹ']]);
  });

  it('survives odd input', () => {
    for (const text of ['', ' ', '\u0000', '😀 envoy 😀', '(.*+?)[]{}^$|\\', 'İstanbul ǅ', '\uD800']) {
      expect(() => matcher.findAll(text)).not.toThrow();
    }
    expect(found('😀 envoy 😀')).toEqual([['envoy', 'envoy']]);
    expect(matcher.findAll('envoy '.repeat(1000), 10)).toHaveLength(10);
  });

  it('folds alias keys the way it matches text', () => {
    expect(aliasKey('Rate-Limit')).toBe(aliasKey('rate  limit'));
    expect(aliasKey('ratelimit')).not.toBe(aliasKey('rate limit'));
  });
});

describe('aliasKey', () => {
  it('gives every spelling of the glossary, as shipped and as written, the key it folds to a character at a time', () => {
    const terms = matcherTerms(loadDataset().glossary);
    const spellings = [...terms, ...parseCompactTerms(compactTerms(terms))].flatMap((term) => term.aliases);
    // A trailing separator is dropped from a key but takes the spelling off the fast path.
    for (const alias of spellings) expect(aliasKey(alias), alias).toBe(aliasKey(`${alias}_`));
    for (const odd of ['Ａ-Ｂ', 'Ä  b', 'x\u00a0y', 'a\u2010b', 'x\u3000y', '限流 ', ' lead']) expect(aliasKey(odd), odd).toBe(aliasKey(`${odd}_`));
    expect(['rate limiting', 'Rate-Limiting', 'rate__limiting'].map(aliasKey)).toEqual(['rate limiting', 'rate limiting', 'rate limiting']);
  });
});
