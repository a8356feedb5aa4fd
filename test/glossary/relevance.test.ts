import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { mentionPattern } from '../../src/glossary/mention';
import { aliasKey, TermMatcher } from '../../src/glossary/matcher';
import { mentionSpellings, RELEVANCE } from '../../src/glossary/relevance';
import { matcherTerms } from '../../src/glossary/terms';

const terms = matcherTerms(loadDataset().glossary);
const spellings = mentionSpellings(terms);
const mentions = mentionPattern(spellings);

describe('the spellings that tell a page may be about Istio', () => {
  it('are the anchor terms’ fewest keys: each other key holds one of them', () => {
    expect(spellings).toEqual(['enovy', 'envoy', 'isito', 'istio']);
    const anchorKeys = terms.filter((term) => (RELEVANCE.anchors as readonly string[]).includes(term.id)).flatMap((term) => term.aliases.map(aliasKey));
    for (const key of anchorKeys) expect(spellings.some((spelling) => key.includes(spelling)), key).toBe(true);
  });

  it('say yes wherever the matcher finds an anchor term, however it is written', () => {
    const matcher = new TermMatcher(terms);
    const fullwidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const anchorAliases = terms.filter((term) => (RELEVANCE.anchors as readonly string[]).includes(term.id)).flatMap((term) => term.aliases);
    for (const alias of anchorAliases) {
      for (const text of [alias, alias.toUpperCase(), fullwidth(alias), alias.replace(/ /g, '_'), alias.replace(/ /g, '\u00a0 ')]) {
        const found = matcher.findAll(`We saw this: ${text}, again.`, 10).some((match) => (RELEVANCE.anchors as readonly string[]).includes(match.termId));
        if (found) expect(mentions.test(text), text).toBe(true);
      }
    }
  });

  it('say no to text without them, and take regex characters as text', () => {
    for (const text of ['React hooks run twice', 'existing history', 'is it ok?', 'env: {}', '(.*)+[istio']) expect(mentions.test(text), text).toBe(text.includes('istio'));
    expect(mentionPattern([]).test('anything')).toBe(false);
    expect(mentionPattern(['a.b (c)']).test('a.b  (c)')).toBe(true);
    expect(mentionPattern(['a.b (c)']).test('axb (c)')).toBe(false);
  });
});
