/** The background's answers to the content script and the popup. */
import { backgroundMessaging } from '../messaging/protocol';
import { lookupCard, termCard } from '../search/cards';
import { getEngine } from './engine';
import { injectCardUi } from '../messaging/injection';
import { browser } from 'wxt/browser';
import { lookupSelection } from './lookup';
import { openPopup } from './popup-opener';

export function registerMessageHandlers(): void {
  backgroundMessaging.onMessage('termCard', ({ data }) => termCard(getEngine(), data.termId, data.context, data.lang));
  backgroundMessaging.onMessage('lookup', ({ data }) => lookupCard(getEngine(), data.text, data.lang));
  backgroundMessaging.onMessage('openPopup', async ({ data }) => {
    await openPopup(data);
  });
  backgroundMessaging.onMessage('lookupSelection', async ({ data }) => {
    await lookupSelection(await browser.tabs.get(data.tabId), data.text, data.frameId);
  });
  backgroundMessaging.onMessage('loadCardUi', async ({ sender }) => {
    if (sender.tab?.id === undefined) throw new Error('loadCardUi needs a tab');
    await injectCardUi(sender.tab.id, sender.frameId ?? 0);
  });
}
