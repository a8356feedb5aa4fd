/** The UI's English text, as `browser.i18n` gives it from public/_locales, for component tests. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '../../public/_locales/en/messages.json';

const messages = english as Record<string, { message: string }>;

/** Makes the fake browser's `i18n.getMessage` answer with the English messages, `$1`… filled in. */
export function useEnglishMessages(): void {
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string[]) =>
    (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => substitutions?.[Number(n) - 1] ?? '')) as typeof fakeBrowser.i18n.getMessage;
}
