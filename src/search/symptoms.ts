/**
 * Symptoms, the way people describe a problem ("OOMKilled", "memory keeps growing", "30k
 * services", "first request fails"), lead a query to the glossary concept it is about
 * (`GlossaryTerm.symptoms`). Read in queries only: on a page such words mean too many things.
 */
import type { GlossaryTerm } from '../data/types';
import { TermMatcher, type TermMatch } from '../glossary/matcher';

/**
 * Counts and sizes as people write them, said in words a symptom can name: "30k", "12,000",
 * "tens of thousands of" → "thousands"; "1 GB", "800Mi" → "lots of memory" (in a question about
 * a proxy, a size is nearly always its memory).
 */
export function normalizeAmounts(query: string): string {
  return query
    .replace(/\b(?:(?:tens|hundreds) of thousands|thousands|\d+(?:\.\d+)?\s?[kK]|\d{1,3}(?:,\d{3})+|\d{4,})(?:\s+of)?\b/g, 'thousands')
    .replace(/(?:\d+\s*万|上万|几万|数万|十几万|成千上万)个?/g, '上万个')
    .replace(/\b\d+(?:\.\d+)?\s?(?:GB|Gi|GiB|G|MB|Mi|MiB|M)\b/g, 'lots of memory');
}

export class SymptomMatcher {
  private readonly matcher: TermMatcher;

  constructor(glossary: readonly GlossaryTerm[]) {
    this.matcher = new TermMatcher(glossary.filter((term) => term.symptoms).map((term) => ({ id: term.id, aliases: [...term.symptoms!.en, ...term.symptoms!.zh] })));
  }

  /** Symptoms in a query: those written as they are and those found once counts and sizes are put in words. */
  find(query: string): { written: TermMatch[]; amounts: string[] } {
    const written = this.matcher.findAll(query);
    const normalized = normalizeAmounts(query);
    const seen = new Set(written.map((match) => match.termId));
    const amounts = normalized === query ? [] : [...new Set(this.matcher.findAll(normalized).map((match) => match.termId))].filter((id) => !seen.has(id));
    return { written, amounts };
  }
}
