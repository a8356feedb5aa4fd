import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { askedInformation, confidenceSignals, confidentResults, contributions, probability, SIGNAL_NAMES } from '../../src/search/confidence';
import { CONFIDENCE_MODEL } from '../../src/search/confidence-model';
import { SearchEngine } from '../../src/search/engine';

const engine = new SearchEngine(loadDataset());

describe('confidence model', () => {
  const asked = askedInformation(new Map([['websocket', 4], ['~virtualservice', 2], ['route', 1]]), ['virtualservice'], new Set(['websocket']));

  it('reads what was asked: key terms, concepts, and the share no answer knows', () => {
    expect(asked.total).toBe(7);
    expect(asked.key).toEqual(['websocket', '~virtualservice']);
    expect(asked.unknown).toBeCloseTo(4 / 7);
  });

  it('counts only the experts\' own words toward expert coverage, and asks toward coverage', () => {
    const idf = () => 3;
    const inAsks = confidenceSignals({ score: 70, queryTerms: ['~virtualservice', 'route'], match: { '~virtualservice': ['asks'], route: ['asks'] } }, 35, 70, ['virtualservice'], asked, idf);
    const inAnswer = confidenceSignals({ score: 70, queryTerms: ['~virtualservice', 'route'], match: { '~virtualservice': ['answer'], route: ['question'] } }, 35, 70, ['virtualservice'], asked, idf);
    expect(inAsks.coverage).toBeCloseTo(3 / 7);
    expect(inAsks.expertCoverage).toBe(0);
    expect(inAnswer.expertCoverage).toBeCloseTo(3 / 7);
    expect(inAnswer.concepts).toBe(1);
    expect(inAnswer.margin).toBeCloseTo(Math.log(2));
    expect(inAnswer.relative).toBe(0);
  });

  it('explains a probability as the sum of its signals\' contributions', () => {
    const signals = engine.search('sidecar memory with thousands of services', { limit: 1 })[0]!.signals!;
    const parts = contributions(signals);
    const z = CONFIDENCE_MODEL.bias + SIGNAL_NAMES.reduce((sum, name) => sum + parts[name], 0);
    expect(probability(signals)).toBeCloseTo(1 / (1 + Math.exp(-z)));
  });

  it('lets the best result decide, and shares its confidence with results close to it', () => {
    const strong = engine.search('sidecar memory with thousands of services', { limit: 1 })[0]!.signals!;
    const weak = { ...strong, coverage: 0, expertCoverage: 0, concepts: 0, strength: 0, unknown: 1 };
    expect(confidentResults([{ score: 10, signals: strong }, { score: 10 * CONFIDENCE_MODEL.relative, signals: weak }, { score: 1, signals: weak }])).toEqual([true, true, false]);
    expect(confidentResults([{ score: 10, signals: weak }, { score: 9, signals: strong }])).toEqual([false, false]);
  });

  it('is not made confident by one strong shared word when the topic is one no answer covers', () => {
    for (const query of ['websocket connections fail through the gateway', 'CORS preflight request rejected with 403', 'Certificate Rotation']) {
      expect(engine.search(query, { limit: 5 }).filter((hit) => hit.confident), query).toEqual([]);
    }
    expect(engine.search('istio-proxy container OOMKilled', { limit: 5 })[0]).toMatchObject({ id: 'ep02-q02', confident: true });
  });
});
