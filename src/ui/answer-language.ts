/** The answer language every surface shows, from the settings (and saved there when switched). */
import { useEffect, useState } from 'preact/hooks';
import { answerLanguageFor, uiLanguage } from '../i18n';
import type { AnswerLanguage } from '../messaging/protocol';
import { loadSettings, updateSettings, watchSettings } from '../settings/settings-item';

/** `initial`: what the surface showed before the settings are read (the popup's first paint). */
export function useAnswerLanguage(initial: AnswerLanguage = uiLanguage()): [AnswerLanguage, (next: AnswerLanguage) => void] {
  const [lang, setLang] = useState<AnswerLanguage>(initial);
  useEffect(() => {
    void loadSettings().then((settings) => setLang(answerLanguageFor(settings.answerLanguage)));
    // A switch in another surface (the popup beside the side panel) applies here too.
    return watchSettings((settings) => setLang(answerLanguageFor(settings.answerLanguage)));
  }, []);
  const change = (next: AnswerLanguage) => {
    setLang(next);
    void updateSettings((settings) => ({ ...settings, answerLanguage: next }));
  };
  return [lang, change];
}
