/**
 * Answers related to an answer: those that share its glossary terms, a rare shared term counting
 * more than a common one ("ServiceFence" says more than "sidecar"). For the answer page.
 */
import type { Dataset } from '../data/types';

export interface RelatedAnswer {
  id: string;
  /** The shared term ids, the rarest first. */
  shared: string[];
}

const rarityCache = new WeakMap<Dataset, Map<string, number>>();

/** Each term's rarity among the answers: log(answers / answers that mention it). */
function rarities(dataset: Dataset): Map<string, number> {
  let cached = rarityCache.get(dataset);
  if (!cached) {
    const counts = new Map<string, number>();
    for (const entry of dataset.qa) for (const term of new Set(entry.terms)) counts.set(term, (counts.get(term) ?? 0) + 1);
    cached = new Map([...counts].map(([term, count]) => [term, Math.log(dataset.qa.length / count)]));
    rarityCache.set(dataset, cached);
  }
  return cached;
}

export function relatedAnswers(dataset: Dataset, answerId: string, limit = 4): RelatedAnswer[] {
  const entry = dataset.qa.find((candidate) => candidate.id === answerId);
  if (!entry) return [];
  const rarity = rarities(dataset);
  const own = new Set(entry.terms);
  return dataset.qa
    .flatMap((other) => {
      if (other.id === entry.id) return [];
      const shared = [...new Set(other.terms)].filter((term) => own.has(term)).sort((a, b) => (rarity.get(b) ?? 0) - (rarity.get(a) ?? 0));
      const score = shared.reduce((sum, term) => sum + (rarity.get(term) ?? 0), 0);
      // A term nearly every answer mentions relates nothing.
      return score > 0.5 ? [{ id: other.id, shared, score }] : [];
    })
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(({ id, shared }) => ({ id, shared }));
}
