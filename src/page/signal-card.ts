/**
 * The signal under the pointer, found as a term is (`termAtPoint`: the caret's text node, the
 * pointer on the mark's own glyphs), and what the content script asks the background for its card.
 */
import type { AnswerLanguage, SignalCardRequest } from '../messaging/protocol';
import { type TermAtPoint, termAtPoint } from './hover';
import { readModeOf, type SignalAtPoint, type SignalMarks } from './signal-marks';

export type SignalTarget = TermAtPoint<{ termId: string; start: number; end: number; signal: SignalAtPoint }>;

export function signalAtPoint(doc: Document, x: number, y: number, signals: SignalMarks): SignalTarget | undefined {
  return termAtPoint(doc, x, y, (node, offset) => {
    const signal = signals.at(node, offset);
    return signal ? [{ termId: 'signal', start: signal.mark.start, end: signal.mark.end, signal }] : [];
  });
}

export function signalCardRequest(target: SignalTarget, lang: AnswerLanguage): SignalCardRequest {
  const { lineText, at, node } = target.match.signal;
  return { text: lineText, at, mode: readModeOf(node) === 'code' ? 'code' : 'prose', lang };
}
