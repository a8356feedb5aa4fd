/**
 * What makes a page outside the mesh organisations count as being about Istio (GitHub elsewhere):
 * it names Istio or Envoy (an anchor term) and this many other glossary terms. The marker decides
 * it from the terms it found (`PageMarker`); the content script's loader only asks whether an
 * anchor could be on the page at all (`mentionPattern`), to leave the app unloaded where none is (`mention.ts`).
 */
import { aliasKey, type TermAliases } from './matcher';

export const RELEVANCE = { anchors: ['istio', 'envoy', 'istiod'], otherTerms: 3 } as const;

/**
 * The fewest spellings whose presence every anchor occurrence implies (build time): the anchor
 * terms' keys, without those that contain another (`istiod` holds `istio`).
 */
export function mentionSpellings(terms: readonly TermAliases[]): string[] {
  const anchors: readonly string[] = RELEVANCE.anchors;
  const keys = [...new Set(terms.filter((term) => anchors.includes(term.id)).flatMap((term) => term.aliases.map(aliasKey)))].filter((key) => key !== '');
  return keys.filter((key) => !keys.some((other) => other !== key && key.includes(other))).sort();
}
