// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { backgroundMessaging } from '../../src/messaging/protocol';
import type { SearchHit } from '../../src/search/engine';
import { SearchEngine } from '../../src/search/engine';
import { askBackground, hitsFor, knownHits } from '../../src/ui/search/first-results';

const dataset = loadDataset();
const serializedIndex = new SearchEngine(dataset).serialize();
const fromBackground: SearchHit[] = [{ id: 'ep02-q02', score: 9, matchedTerms: ['sidecar'], matchedConcepts: ['sidecar'], coverage: 1, confident: true, probability: 1 }];

describe('the popup’s first results', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it('are the background’s hits for the opening query while the index is not loaded, and the index’s after', async () => {
    vi.spyOn(backgroundMessaging, 'sendMessage').mockResolvedValue(fromBackground as never);
    await askBackground('sidecar');
    const engine = new SearchEngine(dataset, { serializedIndex });
    expect(hitsFor(engine, 'sidecar')).toBe(fromBackground);
    expect(engine.indexLoaded).toBe(false);
    // Another query loads the index; from then on the background's hits are not used.
    expect(hitsFor(engine, 'rate limiting')[0]?.id).toMatch(/^ep/);
    expect(hitsFor(engine, 'sidecar')).not.toBe(fromBackground);
  });

  it('are the last query’s hits, kept from the index that found them, in the next page’s first paint', () => {
    const searched = new SearchEngine(dataset, { serializedIndex });
    const hits = hitsFor(searched, 'envoy memory at scale');
    const next = new SearchEngine(dataset, { serializedIndex });
    expect(knownHits('envoy memory at scale')).toEqual(hits.filter((hit) => hit.confident).concat(hits.filter((hit) => !hit.confident).slice(0, 5)));
    expect(hitsFor(next, 'envoy memory at scale').map((hit) => hit.id).slice(0, 5)).toEqual(hits.map((hit) => hit.id).slice(0, 5));
    expect(next.indexLoaded).toBe(false);
    // Another query, or hits kept by another build's index, are not known.
    expect(knownHits('envoy memory')).toBeUndefined();
    localStorage.setItem('istio-experts:last-hits', localStorage.getItem('istio-experts:last-hits')!.replace(/"version":"[^"]*"/, '"version":"other"'));
    expect(knownHits('envoy memory at scale')).toBeUndefined();
  });

  it('ask nothing for an empty query, and survive a background that does not answer', async () => {
    const send = vi.spyOn(backgroundMessaging, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    await askBackground('  ');
    expect(send).not.toHaveBeenCalled();
    await askBackground('keepalive');
    const engine = new SearchEngine(dataset, { serializedIndex });
    expect(hitsFor(engine, 'keepalive').length).toBeGreaterThan(0);
  });
});
