/**
 * A search that is a pasted log line, error sentence or `IST0101`: decoded above the answers, and
 * the answers its signals link to listed first, as close matches. The catalogue is a chunk of its
 * own, loaded after the surface's first paint, so the popup opens as fast as before.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AnswerLanguage } from '../../messaging/protocol';
import type { SearchEngine, SearchHit } from '../../search/engine';
import { SignalDecoder, type SignalDecode } from '../../signals/decode';
import { resultItems } from '../search/results';
import type { ResultItem } from '../search/ResultOptions';

/** Lines decoded from one query at most. */
const QUERY_SIGNALS = 3;

let decoder: SignalDecoder | undefined;
let loading: Promise<SignalDecoder> | undefined;

export function loadSignalDecoder(): Promise<SignalDecoder> {
  loading ??= import('virtual:signals').then(({ default: catalogue }) => (decoder = new SignalDecoder(catalogue)));
  return loading;
}

/** The decoder, once its catalogue has loaded (undefined until then). */
export function useSignalDecoder(): SignalDecoder | undefined {
  const [loaded, setLoaded] = useState(decoder);
  useEffect(() => {
    if (!loaded) void loadSignalDecoder().then(setLoaded, () => {});
  }, []);
  return loaded;
}

export function decodeQuery(signals: SignalDecoder | undefined, query: string): SignalDecode[] {
  return !signals || query.trim() === '' ? [] : signals.decodeText(query, 'query', QUERY_SIGNALS);
}

/** The answers the decoded signals link to, as list items (close matches, in the decode's order). */
export function signalItems(engine: SearchEngine, decodes: readonly SignalDecode[], lang: AnswerLanguage): ResultItem[] {
  const ids = [...new Set(decodes.flatMap((decode) => decode.answers))].filter((id) => engine.entry(id) !== undefined);
  // Linked by the catalogue, not guessed by the engine: as sure as a hit can be.
  const hits: SearchHit[] = ids.map((id) => ({ id, score: 0, matchedTerms: [], matchedConcepts: [], coverage: 1, confident: true, probability: 1 }));
  return resultItems(engine, hits, lang);
}

/** The query's results with the signals' answers first (each answer once). */
export function withSignalItems(signal: readonly ResultItem[], items: readonly ResultItem[]): ResultItem[] {
  const ids = new Set(signal.map((item) => item.summary.id));
  return [...signal, ...items.filter((item) => !ids.has(item.summary.id))];
}
