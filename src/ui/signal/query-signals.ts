/**
 * A search that is a pasted log line, error sentence or `IST0101`: decoded above the answers, and
 * the answers its signals link to listed first, as close matches.
 */
import catalogue from 'virtual:signals';
import type { AnswerLanguage } from '../../messaging/protocol';
import type { SearchEngine, SearchHit } from '../../search/engine';
import { SignalDecoder, type SignalDecode } from '../../signals/decode';
import { resultItems } from '../search/results';
import type { ResultItem } from '../search/ResultList';

/** Lines decoded from one query at most. */
const QUERY_SIGNALS = 3;

let decoder: SignalDecoder | undefined;
export const signalDecoder = (): SignalDecoder => (decoder ??= new SignalDecoder(catalogue));

export function decodeQuery(query: string): SignalDecode[] {
  return query.trim() === '' ? [] : signalDecoder().decodeText(query, 'query', QUERY_SIGNALS);
}

/** The answers the decoded signals link to, as list items (close matches, in the decode's order). */
export function signalItems(engine: SearchEngine, decodes: readonly SignalDecode[], lang: AnswerLanguage): ResultItem[] {
  const ids = [...new Set(decodes.flatMap((decode) => decode.answers))].filter((id) => engine.entry(id) !== undefined);
  const hits: SearchHit[] = ids.map((id) => ({ id, score: 0, matchedTerms: [], matchedConcepts: [], coverage: 1, confident: true }));
  return resultItems(engine, hits, lang);
}

/** The query's results with the signals' answers first (each answer once). */
export function withSignalItems(signal: readonly ResultItem[], items: readonly ResultItem[]): ResultItem[] {
  const ids = new Set(signal.map((item) => item.summary.id));
  return [...signal, ...items.filter((item) => !ids.has(item.summary.id))];
}
