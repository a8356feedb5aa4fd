import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/data/markdown';
import { loadDataset } from '../../src/data/load-files';
import { compactTerms, parseCompactTerms } from '../../src/glossary/compact';
import { aliasKey, TermMatcher } from '../../src/glossary/matcher';
import { matcherTerms } from '../../src/glossary/terms';

describe('compact glossary (what the content script carries)', () => {
  const dataset = loadDataset();
  const full = new TermMatcher(matcherTerms(dataset.glossary));
  const compact = compactTerms(matcherTerms(dataset.glossary));
  const fromCompact = new TermMatcher(parseCompactTerms(compact));

  it('matches exactly what the full glossary matches', () => {
    const texts = [
      ...dataset.qa.flatMap((entry) => [entry.question.zh, entry.question.en, entry.answer.zh, entry.answer.en].map(plainText)),
      ...dataset.glossary.flatMap((term) =>
        [...term.aliases.en, ...term.aliases.zh].map((alias) => `see ${alias}, ${alias.toUpperCase()}${/s$/i.test(alias) ? '' : ` and ${alias}s`}.`),
      ),
    ];
    for (const text of texts) expect(fromCompact.findAll(text), text).toEqual(full.findAll(text));
  });

  it('keeps every spelling without capitals as its key (the matcher takes those unfolded)', () => {
    const spellings = parseCompactTerms(compact).flatMap((term) => term.aliases);
    const unfolded = spellings.filter((spelling) => !/[A-Z]/.test(spelling) && aliasKey(spelling) !== spelling);
    expect(unfolded).toEqual([]);
    // The check can fail: a spelling that is not a key.
    expect(aliasKey('Rate-Limit')).not.toBe('Rate-Limit');
  });

  it('is smaller than the aliases it stands for', () => {
    expect(compact.length).toBeLessThan(JSON.stringify(matcherTerms(dataset.glossary)).length * 0.8);
  });
});
