/**
 * Our currency notes (`Currency.now`) are searched as a field of their own: the names of today's
 * APIs find the answer they update, below the experts' words, and the note's words never show
 * as the answer (snippets and previews are cut from the answer alone).
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { answerSummary } from '../../src/search/cards';
import { SearchEngine } from '../../src/search/engine';

const dataset = loadDataset();
const engine = new SearchEngine(dataset);
const noted = (id: string) => dataset.qa.find((entry) => entry.id === id)!.currency!;

describe('search over the currency notes', () => {
  it('finds an answer by the API its note names', () => {
    for (const [query, id] of [['uriRegexRewrite', 'ep05-q26'], ['native sidecar', 'ep03-q09'], ['slow start', 'ep05-q17']] as const) {
      expect(noted(id).now, id).toBeDefined();
      expect(engine.search(query, { limit: 3 }).map((hit) => hit.id), query).toContain(id);
    }
  });

  it('ranks the answer higher with its note than without (the field is what lifts it)', () => {
    const withoutNotes = new SearchEngine({ ...dataset, qa: dataset.qa.map(({ currency: _currency, ...entry }) => entry) });
    for (const [query, id] of [['uriRegexRewrite', 'ep05-q26'], ['native sidecar', 'ep03-q09'], ['slow start', 'ep05-q17']] as const) {
      const score = (searched: SearchEngine) => searched.search(query, { limit: 20 }).find((hit) => hit.id === id)?.score ?? 0;
      expect(score(engine), query).toBeGreaterThan(score(withoutNotes));
    }
  });

  it('weighs a note below the experts’ words', () => {
    // A word in a note adds less than the same word in an answer would.
    const target = dataset.qa.find((entry) => entry.id === 'ep05-q26')!;
    const inAnswer = new SearchEngine({ ...dataset, qa: dataset.qa.map((entry) => (entry.id === target.id ? { ...entry, answer: { zh: `${entry.answer.zh} uriRegexRewrite`, en: `${entry.answer.en} uriRegexRewrite` } } : entry)) });
    expect(inAnswer.search('uriRegexRewrite')[0]!.score).toBeGreaterThan(engine.search('uriRegexRewrite')[0]!.score);
  });

  it('never shows a note’s words as the answer', () => {
    const hit = engine.search('uriRegexRewrite', { limit: 1 })[0]!;
    const summary = answerSummary(engine, hit.id, 'both', hit);
    const plainAnswer = engine.plainAnswer(hit.id);
    for (const lang of ['en', 'zh'] as const) {
      expect(plainAnswer[lang]).not.toContain('uriRegexRewrite');
      expect(summary.preview[lang]!.text).not.toContain('uriRegexRewrite');
      expect(summary.preview[lang]!.text.replace(/…/g, '')).not.toContain(noted('ep05-q26').now![lang].slice(0, 20));
    }
  });
});
