/**
 * The card of a signal on the page. The content script sends the line's text and where the
 * signal is in it; the background reads the line again (a page's text is only text) and decodes
 * it with the catalogue, which only the background, the popup and the side panel carry.
 */
import catalogue from 'virtual:signals';
import { answerSummary } from '../search/cards';
import { backgroundMessaging, type CardData } from '../messaging/protocol';
import { answerLanguage, contentScriptSender, MessageRefused, record, text } from '../messaging/validate';
import { MAX_READ_CHARS } from '../signals/reader';
import { SignalDecoder, signalQuery } from '../signals/decode';
import type { SearchEngine } from '../search/engine';
import type { AnswerLanguage } from '../messaging/protocol';
import { getEngine } from './engine';

/** Answers a signal card lists (the popup has them all). */
const CARD_ANSWERS = 3;

let decoder: SignalDecoder | undefined;
const signalDecoder = () => (decoder ??= new SignalDecoder(catalogue));

export function signalCard(engine: SearchEngine, decoder: SignalDecoder, line: string, at: number, mode: 'code' | 'prose', lang: AnswerLanguage): CardData | undefined {
  const signal = decoder.decodeAt(line, at, mode);
  if (!signal || signal.parts.length === 0) return undefined;
  const answers = signal.answers.filter((id) => engine.entry(id) !== undefined);
  return {
    terms: [],
    answers: answers.slice(0, CARD_ANSWERS).map((id) => answerSummary(engine, id, lang, { matchedTerms: [], confident: true })),
    total: answers.length,
    query: signalQuery(signal),
    signal,
  };
}

/** Whether a search decodes as a signal (a surface then shows the decode above its answers). */
export function queryDecodes(query: string): boolean {
  return signalDecoder().decodeText(query, 'query', 1).length > 0;
}

export function registerSignalMessages(): void {
  backgroundMessaging.onMessage('signalCard', ({ data, sender }) => {
    contentScriptSender(sender);
    const request = record(data);
    const line = text(request.text, MAX_READ_CHARS);
    const at = request.at;
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > line.length) throw new MessageRefused('refused: bad position');
    const mode = request.mode === 'code' ? 'code' : request.mode === 'prose' ? 'prose' : undefined;
    if (!mode) throw new MessageRefused('refused: bad mode');
    return signalCard(getEngine(), signalDecoder(), line, at, mode, answerLanguage(request.lang));
  });
}
