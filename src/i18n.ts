/** The extension's own UI text, from `public/_locales` through `browser.i18n`. */
import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';
import type { Lang } from './data/types';
import type { AnswerLanguage } from './messaging/protocol';
import type { AnswerLanguageSetting } from './settings/settings';

export type MessageKey = keyof typeof messages;

// WXT's generated message types do not resolve with the polyfill module; `MessageKey` types ours.
// Looked up on use: modules that import this one also run in Node (the eval, the terminal tools).
const i18n = () => browser.i18n as unknown as { getMessage(name: string, substitutions?: string[]): string };

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return i18n().getMessage(key, substitutions.map(String)) || key;
}

/** The browser's UI language, as the answer language it suggests. */
export function uiLanguage(): Lang {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The languages an answer is shown in, in order. */
export const langsOf = (lang: AnswerLanguage): Lang[] => (lang === 'both' ? ['zh', 'en'] : [lang]);

/** The answer language a setting means: `auto` follows the browser. */
export function answerLanguageFor(setting: AnswerLanguageSetting): AnswerLanguage {
  return setting === 'auto' ? uiLanguage() : setting;
}

/** "1 answer", "29 answers": the one count the UI words (an episode's, or a filter's). */
export const answersCount = (count: number): string => (count === 1 ? t('answersCountOne') : t('answersCount', count));
