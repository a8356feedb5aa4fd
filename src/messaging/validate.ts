/**
 * Every message handler checks who sent the message and what it carries before acting on it: a
 * message is only data from another context (a content script runs next to hostile pages), so a
 * wrong sender or a malformed field is refused with an error, and text is cut to a bounded size.
 */
import { browser } from 'wxt/browser';
import type { AnswerLanguage, PopupRequest } from './protocol';

/** What of `runtime.MessageSender` the checks read. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number; index?: number };
  frameId?: number;
}

/** Where a content script's message came from. */
export interface ContentSender {
  tabId: number;
  frameId: number;
}

export class MessageRefused extends Error {
  override name = 'MessageRefused';
}

function refuse(reason: string): never {
  throw new MessageRefused(`refused: ${reason}`);
}

function isOwnExtension(sender: Sender): boolean {
  return sender.id !== undefined && sender.id === browser.runtime.id;
}

/** The extension's base URL (`chrome-extension://id/`, `moz-extension://uuid/`). */
const extensionBase = (): string => (browser.runtime as unknown as { getURL(path: string): string }).getURL('/');

function isExtensionPage(sender: Sender): boolean {
  return sender.url !== undefined && sender.url.startsWith(extensionBase());
}

/** A message from our content script in a web page's tab (not an extension page, not another extension). */
export function contentScriptSender(sender: Sender): ContentSender {
  const tabId = sender.tab?.id;
  if (!isOwnExtension(sender) || isExtensionPage(sender) || tabId === undefined || tabId < 0) refuse('not from a content script');
  return { tabId, frameId: sender.frameId ?? 0 };
}

/** The tab of a content script's message, for what opens next to it (the side panel, the answer page). */
export function contentScriptTab(sender: Sender): ContentSender & { windowId: number; index: number } {
  const { tabId, frameId } = contentScriptSender(sender);
  const { windowId, index } = sender.tab ?? {};
  if (windowId === undefined || index === undefined) refuse('not from a tab in a window');
  return { tabId, frameId, windowId, index };
}

/** A message from one of our pages (the popup, the side panel), never from a content script. */
export function extensionPageSender(sender: Sender): void {
  if (!isOwnExtension(sender) || !isExtensionPage(sender)) refuse('not from a page of this extension');
}

/** A message from our content script or one of our pages; never from another extension or a page. */
export function requireOwnExtension(sender: Sender): void {
  if (!isOwnExtension(sender)) refuse('not from this extension');
}

/** A message to a content script, from our background or one of our pages. */
export function requireExtensionSender(sender: Sender): void {
  if (!isOwnExtension(sender)) refuse('not from this extension');
  if (sender.tab !== undefined && !isExtensionPage(sender)) refuse('from a content script');
}

/** Looked-up text is cut to this wherever it travels (the menu hands over megabytes); the engine bounds it further. */
export const MAX_LOOKUP_CHARS = 4000;
/** A query handed to the popup or the side panel is cut to this (a search box's worth). */
export const MAX_QUERY_CHARS = 300;
/** The sentence around a hovered term (see hover.ts), with room to spare. */
export const MAX_CONTEXT_CHARS = 1000;

const ANSWER_LANGUAGES: readonly AnswerLanguage[] = ['zh', 'en', 'both'];
const TERM_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const ANSWER_ID = /^ep\d{2}-q\d{2}$/;

export function answerLanguage(value: unknown): AnswerLanguage {
  return ANSWER_LANGUAGES.includes(value as AnswerLanguage) ? (value as AnswerLanguage) : refuse('bad language');
}

export function answerId(value: unknown): string {
  return typeof value === 'string' && ANSWER_ID.test(value) ? value : refuse('bad answer id');
}

export function termId(value: unknown): string {
  return typeof value === 'string' && TERM_ID.test(value) ? value : refuse('bad term id');
}

/** A string cut to `max` characters; `required` refuses an empty (or blank) one. */
export function text(value: unknown, max: number, required = true): string {
  if (typeof value !== 'string') refuse('not text');
  if (required && value.trim() === '') refuse('empty text');
  return value.slice(0, max);
}

export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : refuse('not an object');
}

/** What the popup may be opened on: a bounded query and, optionally, one answer's id. */
export function popupRequest(value: unknown, maxQuery: number): PopupRequest {
  const data = record(value);
  const query = text(data.query, maxQuery);
  return data.answerId === undefined ? { query } : { query, answerId: answerId(data.answerId) };
}
