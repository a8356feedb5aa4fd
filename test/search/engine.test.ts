import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import MiniSearch from 'minisearch';
import { addOrResults, MAX_QUERY_CHARS, SearchEngine } from '../../src/search/engine';

const dataset = loadDataset();
const engine = new SearchEngine(dataset);
const ids = (query: string, limit = 5) => engine.search(query, { limit }).map((hit) => hit.id);

describe('SearchEngine', () => {
  it('finds the sidecar memory answer in English and in Chinese', () => {
    expect(ids('sidecar memory with thousands of services')[0]).toBe('ep02-q02');
    expect(ids('几万个服务 sidecar 内存')[0]).toBe('ep02-q02');
  });

  it('expands across languages through the glossary', () => {
    const rateLimiting = ['ep03-q06', 'ep04-q20', 'ep05-q12', 'ep05-q22', 'ep05-q25'];
    for (const query of ['限流', 'rate limiting', 'rate-limit', 'ratelimit', '限速']) {
      expect(ids(query), query).toEqual(expect.arrayContaining(rateLimiting.slice(0, 3).filter((id) => ids(query).includes(id))));
      expect(ids(query).filter((id) => rateLimiting.includes(id)).length, query).toBeGreaterThanOrEqual(4);
    }
    // English query, answer only in Chinese wording: 灰度 ⇄ canary, 热升级 ⇄ hot upgrade.
    expect(ids('canary config rollout')).toContain('ep04-q22');
    expect(ids('hot restart envoy in a container')).toContain('ep05-q14');
    expect(ids('sidecar 热升级')).toContain('ep08-q27');
  });

  it('maps the speakers’ typos and CamelCase names to their terms', () => {
    expect(ids('isitod stability')).toContain('ep05-q07');
    expect(ids('holdApplicationUntilProxyStarts')[0]).toBe('ep03-q09');
    expect(ids('hold application until proxy starts')).toContain('ep03-q09');
  });

  it('tolerates a typo in a word that matches nothing', () => {
    expect(ids('sidecarr memmory')).toContain('ep02-q02');
    expect(ids('sidecar memory')).toEqual(ids('sidecar memory'));
  });

  it('returns matched terms and concepts for highlighting', () => {
    const hit = engine.search('限流').find((candidate) => candidate.id === 'ep05-q25');
    expect(hit!.matchedConcepts).toContain('rate-limiting');
    const question = engine.plainQuestion(hit!.id).zh;
    const ranges = engine.highlights(question, hit!.matchedTerms);
    expect(ranges.map(([start, end]) => question.slice(start, end))).toContain('限流');
    // The same concept highlights the English wording too.
    const english = engine.plainQuestion(hit!.id).en;
    expect(engine.highlights(english, hit!.matchedTerms).map(([start, end]) => english.slice(start, end).toLowerCase())).toContain('rate limiting');
  });

  it('prefix-matches the word being typed', () => {
    const typing = engine.search('sidec', { asYouType: true, limit: 5 });
    expect(typing.length).toBe(5);
    for (const hit of typing) expect(hit.matchedTerms).toContain('sidecar');
    expect(engine.search('sidec', { limit: 5 }).every((hit) => hit.matchedTerms.includes('sidecar'))).toBe(false);
  });

  it('re-ranks a term’s answers by the sentence around it', () => {
    const withMemory = engine.searchConcepts(new Map([['sidecar', 1]]), 'the sidecar uses 2GB of memory per pod', { limit: 3 }).map((hit) => hit.id);
    const withOrder = engine.searchConcepts(new Map([['sidecar', 1]]), 'does the sidecar start before the application container?', { limit: 3 }).map((hit) => hit.id);
    expect(withMemory).toContain('ep02-q02');
    expect(withOrder[0]).toBe('ep03-q09');
    for (const id of [...withMemory, ...withOrder]) expect(engine.entry(id)!.terms).toContain('sidecar');
  });

  it('finds answers from how people describe a problem, through the asks and the symptoms', () => {
    const withoutSymptoms = dataset.glossary.map(({ symptoms: _symptoms, ...term }) => term);
    const neither = new SearchEngine({ ...dataset, asks: [], glossary: withoutSymptoms });
    const asksOnly = new SearchEngine({ ...dataset, glossary: withoutSymptoms });
    const symptomsOnly = new SearchEngine({ ...dataset, asks: [] });
    // Symptom words no expert used: the asks close the gap, and so do the glossary's symptoms.
    const query = 'istio-proxy container OOMKilled';
    expect(ids(query)[0]).toBe('ep02-q02');
    const top = (engine: SearchEngine) => engine.search(query, { limit: 5 }).map((hit) => hit.id);
    expect(top(neither)).not.toContain('ep02-q02');
    expect(top(asksOnly)).toContain('ep02-q02');
    expect(top(symptomsOnly)).toContain('ep02-q02');
  });

  it('reads counts and sizes in a symptom: "30k VirtualServices", "uses 1 GB", "3万个服务"', () => {
    expect(engine.askedConcepts('Over 30k VirtualService configurations')).toContain('large-scale-mesh');
    expect(engine.askedConcepts('12,000 services in one mesh')).toContain('large-scale-mesh');
    expect(engine.askedConcepts('3万个服务')).toContain('large-scale-mesh');
    expect(engine.askedConcepts('istio-proxy uses 1 GB')).toContain('sidecar-resource');
    expect(engine.askedConcepts('istio-proxy uses 1 GB')).not.toContain('large-scale-mesh');
    expect(engine.askedConcepts('first request fails after the pod starts')).toContain('hold-application-until-proxy-starts');
    expect(engine.askedConcepts('upgrade to 1.20')).toEqual([]);
  });

  it('says which results are close matches and which are only the nearest answers', () => {
    const [memory] = engine.search('sidecar memory with thousands of services');
    expect(memory).toMatchObject({ id: 'ep02-q02', confident: true });
    expect(memory!.coverage).toBeGreaterThan(0.5);
    // Istio words, but a topic no answer addresses: results, none of them confident.
    const unanswerable = engine.search('Envoy brotli compression for gzip responses');
    expect(unanswerable.length).toBeGreaterThan(0);
    expect(unanswerable.filter((hit) => hit.confident)).toEqual([]);
    for (const hit of engine.search('EnvoyFilter 限流')) expect(hit.coverage).toBeGreaterThanOrEqual(0);
  });

  it('re-ranks by context terms without counting them toward confidence', () => {
    const rateLimiting = new Set(engine.dataset.qa.filter((entry) => entry.terms.includes('rate-limiting')).map((entry) => entry.id));
    const count = (hits: { id: string }[]) => hits.filter((hit) => rateLimiting.has(hit.id)).length;
    const plain = engine.search('does not work after upgrade', { limit: 3 });
    const withContext = engine.search('does not work after upgrade', { limit: 3, context: new Map([['rate-limiting', 1]]) });
    expect(count(withContext)).toBeGreaterThan(count(plain));
    // Context alone asks nothing: no result from it is confident.
    expect(engine.search('', { context: new Map([['sidecar', 1]]) }).filter((hit) => hit.confident)).toEqual([]);
  });

  it('gives a clear, bounded answer to bad input', () => {
    for (const query of ['', '   ', '\n\t', '!!!???。。。', '(.*+?)[]{}^$|\\', '😀😀', '\u0000\uFFFF', '\uD800']) {
      expect(() => engine.search(query), JSON.stringify(query)).not.toThrow();
    }
    expect(engine.search('')).toEqual([]);
    expect(engine.search('!!!???。。。')).toEqual([]);
    expect(ids('EnvoyFilter (.*+?) 😀 限流')).toContain('ep05-q12');
    const huge = 'sidecar memory '.repeat(7000);
    expect(huge.length).toBeGreaterThan(100_000);
    expect(engine.boundedQuery(huge).length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(ids(huge)[0]).toBe('ep02-q02');
    expect(engine.boundedQuery('a'.repeat(MAX_QUERY_CHARS - 1) + '😀')).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  it('loads a serialized index that answers exactly like a built one', () => {
    const loaded = new SearchEngine(dataset, { serializedIndex: engine.serialize() });
    for (const query of ['限流', 'sidecar memory', 'EnvoyFilter order', 'sidecra']) {
      expect(loaded.search(query).map((hit) => [hit.id, hit.score])).toEqual(engine.search(query).map((hit) => [hit.id, hit.score]));
    }
  });

  it('cuts snippets around the matched terms', () => {
    const snippet = engine.snippet(engine.plainAnswer('ep05-q03').en, engine.queryTerms('eBPF'));
    expect(snippet.text.length).toBeLessThanOrEqual(142);
    expect(snippet.highlights.length).toBeGreaterThan(0);
    const [start, end] = snippet.highlights[0]!;
    expect(snippet.text.slice(start, end).toLowerCase()).toBe('ebpf');
  });
});

describe('the engine’s index', () => {
  it('loads on first use only, and a prebuilt one answers as the built one does', () => {
    const prebuilt = new SearchEngine(dataset, { serializedIndex: engine.serialize() });
    expect(prebuilt.indexLoaded).toBe(false);
    // What needs no index works without loading it.
    expect(prebuilt.plainQuestion('ep02-q02').en).toMatch(/sidecar/i);
    expect(prebuilt.indexLoaded).toBe(false);
    expect(prebuilt.search('sidecar memory').map((hit) => hit.id)).toEqual(engine.search('sidecar memory').map((hit) => hit.id));
    expect(prebuilt.indexLoaded).toBe(true);
  });
});

describe('addOrResults', () => {
  // The fuzzy pass searches only the words that matched nothing; its results must rank as if
  // all words had been one OR search (MiniSearch scales a sum by the number of terms matched).
  it('combines two OR searches over disjoint terms as one search over all of them', () => {
    const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    index.addAll([
      { id: 1, text: 'sidecar memory grows with services' },
      { id: 2, text: 'sidecar resource limits the configuration' },
      { id: 3, text: 'memory of envoy and pilot pushes' },
      { id: 4, text: 'lazy loading of configuration' },
    ]);
    const options = { combineWith: 'OR', fuzzy: (term: string) => (term === 'configuraton' ? 1 : false) } as const;
    const whole = index.search('sidecar memory configuraton', options);
    const split = addOrResults(index.search('sidecar memory', options), index.search('configuraton', options));
    expect(split.map(({ id, score, queryTerms }) => ({ id, score: score.toFixed(9), queryTerms: [...queryTerms].sort() })))
      .toEqual(whole.map(({ id, score, queryTerms }) => ({ id, score: score.toFixed(9), queryTerms: [...queryTerms].sort() })));
    // Document 4 is found only through the typo, document 2 through both passes.
    expect(split.map((result) => result.id)).toEqual([1, 2, 3, 4]);
    expect(split.find((result) => result.id === 2)?.queryTerms).toHaveLength(2);
  });
});
