/**
 * What the background accepts in the messages of the side panel, citations and the answer page:
 * only from our own extension (a content script's card, or our pages), with payloads checked
 * field by field. Anything else is refused with an error, never half-done.
 */
import dataset from 'virtual:dataset';
import { browser, type Browser } from 'wxt/browser';
import type { AnswerLanguage, PanelRequest } from '../messaging/protocol';

/** A query travels to the panel cut to this (as to the popup: `lookup.ts`). */
const QUERY_MAX_CHARS = 300;
const ANSWER_IDS = new Set(dataset.qa.map((entry) => entry.id));
const LANGUAGES: readonly unknown[] = ['zh', 'en', 'both'] satisfies AnswerLanguage[];

export type Sender = Browser.runtime.MessageSender;
export type SenderTab = Browser.tabs.Tab & { id: number; windowId: number };

export function fromOurExtension(sender: Sender): boolean {
  return sender.id === browser.runtime.id;
}

/** The tab a card's message comes from: our content script (or a frame of ours) in a page. */
export function senderTab(sender: Sender): SenderTab {
  const tab = sender.tab;
  if (!fromOurExtension(sender) || tab?.id === undefined || tab.id < 0 || tab.windowId === undefined) {
    throw new Error('refused: not from a tab of this extension');
  }
  return tab as SenderTab;
}

export function answerIdOf(value: unknown): string {
  if (typeof value !== 'string' || !ANSWER_IDS.has(value)) throw new Error('refused: not an answer id');
  return value;
}

export function answerLanguageOf(value: unknown): AnswerLanguage {
  if (!LANGUAGES.includes(value)) throw new Error('refused: not an answer language');
  return value as AnswerLanguage;
}

export function panelRequestOf(value: unknown): PanelRequest {
  if (typeof value !== 'object' || value === null) throw new Error('refused: not a panel request');
  const { query, answerId } = value as Record<string, unknown>;
  if (typeof query !== 'string') throw new Error('refused: the query is not text');
  return { query: query.slice(0, QUERY_MAX_CHARS), ...(answerId === undefined ? {} : { answerId: answerIdOf(answerId) }) };
}
