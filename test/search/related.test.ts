import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { relatedAnswers } from '../../src/search/related';

const dataset = loadDataset();

describe('relatedAnswers', () => {
  it('finds the answers that share an answer’s rarer terms, never the answer itself', () => {
    const related = relatedAnswers(dataset, 'ep03-q02');
    expect(related.length).toBe(4);
    expect(related.map((answer) => answer.id)).not.toContain('ep03-q02');
    // Slime's lazy loading: the global sidecar and lazy loading answers come first.
    expect(related.map((answer) => answer.id)).toContain('ep03-q07');
    for (const answer of related) {
      const other = dataset.qa.find((entry) => entry.id === answer.id)!;
      expect(answer.shared.length).toBeGreaterThan(0);
      for (const term of answer.shared) expect(other.terms).toContain(term);
    }
  });

  it('ranks a rare shared term above a common one', () => {
    const count = (term: string) => dataset.qa.filter((entry) => entry.terms.includes(term)).length;
    for (const { shared } of relatedAnswers(dataset, 'ep08-q01')) {
      for (let i = 1; i < shared.length; i++) expect(count(shared[i - 1]!)).toBeLessThanOrEqual(count(shared[i]!));
    }
  });

  it('gives every answer some related answers, and none for an unknown one', () => {
    for (const entry of dataset.qa) expect(relatedAnswers(dataset, entry.id).length, entry.id).toBeGreaterThan(0);
    expect(relatedAnswers(dataset, 'ep99-q99')).toEqual([]);
  });
});
