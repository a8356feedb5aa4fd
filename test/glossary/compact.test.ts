import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/data/markdown';
import { loadDataset } from '../../src/data/load-files';
import { compactTerms, shippedSpellings } from '../../src/glossary/compact';
import { aliasKey, TermMatcher } from '../../src/glossary/matcher';
import { matcherTerms } from '../../src/glossary/terms';

describe('compact glossary (what the content script carries)', () => {
  const dataset = loadDataset();
  const full = new TermMatcher(matcherTerms(dataset.glossary));
  const shipped = shippedSpellings(matcherTerms(dataset.glossary));
  const fromCompact = new TermMatcher(shipped);

  it('matches exactly what the full glossary matches', () => {
    const texts = [
      ...dataset.qa.flatMap((entry) => [entry.question.zh, entry.question.en, entry.answer.zh, entry.answer.en].map(plainText)),
      ...dataset.glossary.flatMap((term) =>
        [...term.aliases.en, ...term.aliases.zh].map((alias) => `see ${alias}, ${alias.toUpperCase()}${/s$/i.test(alias) ? '' : ` and ${alias}s`}.`),
      ),
    ];
    for (const text of texts) expect(fromCompact.findAll(text), text).toEqual(full.findAll(text));
  });

  it('ships each spelling as its key, sorted, with the alias as written only where that differs', () => {
    const { keys, written } = shipped;
    keys.forEach((key, index) => {
      expect(key, key).toBe(aliasKey(written[index] || key));
      if (index > 0) expect(keys[index - 1]! <= key, key).toBe(true);
    });
    expect(written.filter(Boolean).length).toBeGreaterThan(0);
    expect(written.filter(Boolean).length).toBeLessThan(keys.length / 4);
  });

  it('drops the spellings that match the same', () => {
    const all = matcherTerms(dataset.glossary).flatMap((term) => term.aliases).length;
    expect(compactTerms(matcherTerms(dataset.glossary)).flatMap((term) => term.aliases).length).toBeLessThan(all * 0.95);
  });
});
