/**
 * The glossary's spellings for the content script's matcher: stored for pages to read when the
 * extension is installed or updated, and sent to a page that finds no copy of this build's.
 */
import glossaryTerms from 'virtual:glossary-terms';
import { browser } from 'wxt/browser';
import { storeGlossaryTerms } from '../messaging/glossary-terms';
import { backgroundMessaging } from '../messaging/protocol';
import { contentScriptSender } from '../messaging/validate';

export function provideGlossaryTerms(): void {
  browser.runtime.onInstalled.addListener(() => void storeGlossaryTerms(glossaryTerms));
  backgroundMessaging.onMessage('glossaryTerms', ({ sender }) => {
    contentScriptSender(sender);
    void storeGlossaryTerms(glossaryTerms);
    return glossaryTerms;
  });
}
