/**
 * When the experts are silent: the official docs for the terms a question names, shown before
 * the nearest answers under "No close match" (popup, side panel, lookup card). Topics no answer
 * covers (CORS, WebSocket, certificate rotation…) come first: that is where the docs are all the
 * reader gets. Terms in most answers (Istio, Envoy, sidecar) say nothing about the question.
 */
import type { TermInfo } from '../messaging/protocol';
import type { SearchEngine } from './engine';

export const QUERY_DOCS_LIMIT = 4;
/** A term mentioned by more than this share of the answers is the whole subject, not the question's. */
const GENERIC_SHARE = 0.2;

export function queryDocs(engine: SearchEngine, query: string, limit = QUERY_DOCS_LIMIT): TermInfo[] {
  const glossary = new Map(engine.dataset.glossary.map((term) => [term.id, term]));
  const answers = engine.dataset.qa.length;
  return engine
    .askedConcepts(query)
    .map((id, order) => ({ term: glossary.get(id), order, count: engine.conceptCount(id) }))
    .filter(({ term, count }) => term?.docsUrl !== undefined && count <= answers * GENERIC_SHARE)
    .sort((a, b) => a.count - b.count || a.order - b.order)
    .slice(0, limit)
    .map(({ term }) => ({ id: term!.id, name: term!.name, definition: term!.definition, docsUrl: term!.docsUrl! }));
}
