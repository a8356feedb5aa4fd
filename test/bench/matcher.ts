/**
 * The glossary matcher on a 2 MB page text: our trie against one regex alternation of every
 * spelling (the obvious alternative), side by side.
 */
import { loadDataset } from '../../src/data/load-files';
import { TermMatcher } from '../../src/glossary/matcher';
import { matcherTerms } from '../../src/glossary/terms';
import { largeGithubIssue } from '../fixtures/large-pages';
import { summary } from './stats';

function pageText(html: string): string {
  return html.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ');
}

export function benchMatcher(): void {
  console.log('\n## Glossary matcher on a 2 MB GitHub issue text (Node, same V8 as Chromium)');
  const terms = matcherTerms(loadDataset().glossary);
  const text = pageText(largeGithubIssue());

  const buildTimes: number[] = [];
  let matcher!: TermMatcher;
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    matcher = new TermMatcher(terms);
    buildTimes.push(performance.now() - start);
  }
  const aliases = [...new Set(terms.flatMap((term) => term.aliases))].sort((a, b) => b.length - a.length);
  const escape = (alias: string) => alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s_-]+/g, '[\\s_-]+');
  const regexBuild: number[] = [];
  let regex!: RegExp;
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    regex = new RegExp(`(?<![A-Za-z0-9])(?:${aliases.map(escape).join('|')})(?![A-Za-z0-9])`, 'giu');
    regex.test('warm up');
    regexBuild.push(performance.now() - start);
  }

  const trieRuns: number[] = [];
  const regexRuns: number[] = [];
  let trieCount = 0;
  let regexCount = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    trieCount = matcher.findAll(text).length;
    trieRuns.push(performance.now() - start);
  }
  // The regex takes tens of seconds a run: twice is enough to see it.
  for (let i = 0; i < 2; i++) {
    const start = performance.now();
    regexCount = [...text.matchAll(regex)].length;
    regexRuns.push(performance.now() - start);
  }
  console.log(`text: ${(text.length / 1e6).toFixed(2)} M chars, ${aliases.length} spellings`);
  console.log(`build   trie   ${summary(buildTimes)}`);
  console.log(`build   regex  ${summary(regexBuild)}`);
  console.log(`scan    trie   ${summary(trieRuns)}   ${trieCount} matches`);
  console.log(`scan    regex  ${summary(regexRuns)}   ${regexCount} matches (no case or plural rules)`);
}
