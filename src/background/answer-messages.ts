/** A card's "Copy as Markdown", "Copy link" and "Answer page": the background has the dataset. */
import dataset from 'virtual:dataset';
import { browser } from 'wxt/browser';
import { answerPageUrl } from '../messaging/answer-page';
import { backgroundMessaging } from '../messaging/protocol';
import { citeAnswer } from '../search/cite';
import { answerIdOf, answerLanguageOf, fromOurExtension, senderTab } from './requests';

export function registerAnswerMessages(): void {
  backgroundMessaging.onMessage('citeAnswer', ({ sender, data }) => {
    if (!fromOurExtension(sender)) throw new Error('refused: not from this extension');
    return citeAnswer(dataset, answerIdOf(data?.answerId), answerLanguageOf(data?.lang));
  });
  backgroundMessaging.onMessage('openAnswerPage', async ({ sender, data }) => {
    const tab = senderTab(sender);
    const answerId = answerIdOf(data?.answerId);
    // Next to the page the card is on, and Back-linked to it (openerTabId).
    await browser.tabs.create({ url: answerPageUrl({ answerId }), windowId: tab.windowId, index: tab.index + 1, openerTabId: tab.id });
  });
}
