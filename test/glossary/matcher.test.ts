import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { compactTerms } from '../../src/glossary/compact';
import { aliasKey, isSortedSpellings, sortSpellings, TermMatcher } from '../../src/glossary/matcher';
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

describe('TermMatcher.findIn', () => {
  it('finds the terms that start in a window, a term across its end whole, and says where it stopped', () => {
    const text = 'the Envoy filter and rate limiting in istiod';
    const into: ReturnType<typeof matcher.findAll> = [];
    const stop = matcher.findIn(text, 0, text.indexOf('filter') - 2, Infinity, into);
    expect(into.map((match) => text.slice(match.start, match.end))).toEqual(['Envoy filter']);
    expect(stop).toBe(text.indexOf(' and'));
    matcher.findIn(text, stop, text.length, Infinity, into);
    expect(into.map((match) => match.termId)).toEqual(['envoy-filter', 'rate-limiting', 'istiod']);
  });

  it('starts no term inside a word, even from a window that begins there, and stops at the limit', () => {
    const into: ReturnType<typeof matcher.findAll> = [];
    expect(matcher.findIn('autopilot pilot', 4, 15, Infinity, into)).toBe(15);
    expect(into.map((match) => match.start)).toEqual([10]);
    const limited: typeof into = [];
    matcher.findIn('pilot pilot pilot', 0, 17, 2, limited);
    expect(limited).toHaveLength(2);
  });
});

describe('TermMatcher from sorted spellings', () => {
  const terms = matcherTerms(loadDataset().glossary);
  const sorted = sortSpellings(terms);

  it('matches what the matcher made from the aliases matches', () => {
    const fromSorted = new TermMatcher(structuredClone(sorted));
    const fromAliases = new TermMatcher(terms);
    const texts = [
      'The istio-proxy sidecar in our Istio mesh OOMs; EnvoyFilter and DestinationRules, EDS and xDS, 限流 and 懒加载.',
      ...terms.flatMap((term) => term.aliases.map((alias) => `(${alias}) ${alias.toUpperCase()}s ${alias}-x`)),
    ];
    for (const text of texts) expect(fromSorted.findAll(text), text).toEqual(fromAliases.findAll(text));
    expect(fromSorted.findAll(texts[0]!).length).toBeGreaterThan(8);
  });

  it('keeps equal keys in the order given (the last names the term) and each key sorted', () => {
    const { keys, terms: termOf, termIds } = sortSpellings([
      { id: 'first', aliases: ['Rate limit', 'b'] },
      { id: 'second', aliases: ['rate-limit', 'a'] },
    ]);
    expect(keys).toEqual(['a', 'b', 'rate limit', 'rate limit']);
    expect(termOf.map((index) => termIds[index])).toEqual(['second', 'first', 'first', 'second']);
  });

  it('knows its own shape, and a stored copy of another shape is not taken for it', () => {
    expect(isSortedSpellings(sorted)).toBe(true);
    for (const bad of [null, 'service-mesh\tservice mesh', { ...sorted, keys: 'x' }, { ...sorted, written: sorted.written.slice(1) }, {}]) {
      expect(isSortedSpellings(bad)).toBe(false);
    }
  });

  it('stays right, and bounded, on text of many thousands of different characters', () => {
    const fromSorted = new TermMatcher(sorted);
    let text = '';
    for (let code = 0x4e00; code < 0x4e00 + 30_000; code++) text += String.fromCharCode(code, code + 1);
    expect(fromSorted.findAll(`${text} rate limit 限流`).map((match) => match.termId)).toEqual(expect.arrayContaining(['rate-limiting']));
    const remembered = fromSorted as unknown as { byFirst: Map<number, unknown>; byFirstTwo: Map<number, unknown> };
    expect(remembered.byFirst.size).toBeLessThanOrEqual(20_000);
    expect(remembered.byFirstTwo.size).toBeLessThanOrEqual(20_000);
  });
});

describe('aliasKey', () => {
  it('gives every spelling of the glossary, as shipped and as written, the key it folds to a character at a time', () => {
    const terms = matcherTerms(loadDataset().glossary);
    const spellings = [...terms, ...compactTerms(terms)].flatMap((term) => term.aliases);
    // A trailing separator is dropped from a key but takes the spelling off the fast path.
    for (const alias of spellings) expect(aliasKey(alias), alias).toBe(aliasKey(`${alias}_`));
    for (const odd of ['Ａ-Ｂ', 'Ä  b', 'x\u00a0y', 'a\u2010b', 'x\u3000y', '限流 ', ' lead']) expect(aliasKey(odd), odd).toBe(aliasKey(`${odd}_`));
    expect(['rate limiting', 'Rate-Limiting', 'rate__limiting'].map(aliasKey)).toEqual(['rate limiting', 'rate limiting', 'rate limiting']);
  });
});
