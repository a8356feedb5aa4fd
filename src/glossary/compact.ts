/**
 * The glossary as the content script carries it: the spellings the matcher cannot tell apart
 * dropped (case variants of case-insensitive aliases, separators, regular plurals), then keyed
 * and sorted at build time (`sortSpellings`), so a page builds nothing. The test suite checks
 * that matching is unchanged.
 */
import { aliasKey, endsWithAcronym, isCaseSensitiveAlias, type SortedSpellings, sortSpellings, type TermAliases } from './matcher';

const pluralBase = (key: string): string[] => (key.endsWith('es') ? [key.slice(0, -1), key.slice(0, -2)] : key.endsWith('s') ? [key.slice(0, -1)] : []);

/** Each term with only the spellings that match differently. */
export function compactTerms(terms: readonly TermAliases[]): TermAliases[] {
  return terms.map((term) => {
    const insensitive = new Set(term.aliases.filter((alias) => !isCaseSensitiveAlias(alias)).map(aliasKey));
    // Keys whose plural rule depends on capitals keep one spelling that shows them.
    const acronymForm = new Map(term.aliases.filter((alias) => !isCaseSensitiveAlias(alias) && endsWithAcronym(alias)).map((alias) => [aliasKey(alias), alias]));
    const kept = new Set<string>();
    for (const alias of term.aliases) {
      if (isCaseSensitiveAlias(alias)) {
        kept.add(alias);
        continue;
      }
      const key = aliasKey(alias);
      // A plural is found through its singular when that is a whole word (the matcher adds s/es).
      if (/^[a-z]/.test(key.at(-1) ?? '') && pluralBase(key).some((base) => insensitive.has(base) && !acronymForm.has(base))) continue;
      kept.add(acronymForm.get(key) ?? key);
    }
    return { id: term.id, aliases: [...kept] };
  });
}

/** What the content script's matcher is made from: the compact spellings, sorted. */
export function shippedSpellings(terms: readonly TermAliases[]): SortedSpellings {
  return sortSpellings(compactTerms(terms));
}
