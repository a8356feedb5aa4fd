/**
 * The address bar keyword (manifest `omnibox.keyword`, see README): suggestions as the user
 * types, and Enter opens the answer page on the chosen answer or on the results for the text.
 */
import { browser } from 'wxt/browser';
import { answerPageUrl } from '../messaging/answer-page';
import { defaultSuggestion, omniboxSuggestions, omniboxTarget, type SuggestionMarkup, suggestionLanguage } from '../search/omnibox';
import { answerLanguageFor } from '../i18n';
import { loadSettings } from '../settings/settings-item';
import { getEngine } from './engine';

/** Chromium styles suggestions with XML; Firefox shows descriptions as plain text. */
const MARKUP: SuggestionMarkup = import.meta.env.FIREFOX ? 'plain' : 'xml';

export function registerOmnibox(): void {
  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    void (async () => {
      const engine = getEngine();
      const lang = suggestionLanguage(answerLanguageFor((await loadSettings()).answerLanguage), text);
      browser.omnibox.setDefaultSuggestion({ description: defaultSuggestion(engine, text, MARKUP) });
      suggest(omniboxSuggestions(engine, text, lang, MARKUP));
    })();
  });
  browser.omnibox.onInputEntered.addListener((text, disposition) => {
    const url = answerPageUrl(omniboxTarget(getEngine(), text));
    if (disposition === 'currentTab') void browser.tabs.update({ url });
    else void browser.tabs.create({ url, active: disposition !== 'newBackgroundTab' });
  });
}
