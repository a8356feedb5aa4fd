import type { GlossaryTerm } from '../data/types';
import type { TermAliases } from './matcher';

/** Every spelling that names a term: its names and aliases in both languages. */
export function termAliases(term: GlossaryTerm): string[] {
  return [...new Set([term.name.en, term.name.zh, ...term.aliases.en, ...term.aliases.zh])];
}

export function matcherTerms(glossary: readonly GlossaryTerm[]): TermAliases[] {
  return glossary.map((term) => ({ id: term.id, aliases: termAliases(term) }));
}
