/** A card's "Copy as Markdown", "Copy link" and "Answer page": the background has the dataset. */
import dataset from 'virtual:dataset';
import { browser } from 'wxt/browser';
import { answerPageUrl } from '../messaging/answer-page';
import { backgroundMessaging } from '../messaging/protocol';
import { citeAnswer } from '../search/cite';
import { answerLanguage, contentScriptTab, record, requireOwnExtension } from '../messaging/validate';
import { openingLimits } from './rate-limit';
import { knownAnswerId } from './requests';

export function registerAnswerMessages(): void {
  backgroundMessaging.onMessage('citeAnswer', ({ sender, data }) => {
    requireOwnExtension(sender);
    const request = record(data);
    return citeAnswer(dataset, knownAnswerId(request.answerId), answerLanguage(request.lang));
  });
  backgroundMessaging.onMessage('openAnswerPage', async ({ sender, data }) => {
    const tab = contentScriptTab(sender);
    const answerId = knownAnswerId(record(data).answerId);
    openingLimits.answerPage.take(tab.tabId);
    // Next to the page the card is on, and Back-linked to it (openerTabId).
    await browser.tabs.create({ url: answerPageUrl({ answerId }), windowId: tab.windowId, index: tab.index + 1, openerTabId: tab.tabId });
  });
}
