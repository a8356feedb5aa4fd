/**
 * The background's answers to the content script. Each handler checks that the message comes
 * from our content script in a tab and that its fields are what they should be (validate.ts).
 */
import { backgroundMessaging } from '../messaging/protocol';
import { injectCardUi } from '../messaging/injection';
import { answerLanguage, contentScriptSender, extensionPageSender, MAX_CONTEXT_CHARS, MAX_LOOKUP_CHARS, MAX_QUERY_CHARS, popupRequest, record, termId, text } from '../messaging/validate';
import { listHits, listItems, lookupCard, termCard } from '../search/cards';
import { shownHits } from '../search/list';
import { getEngine } from './engine';
import { openPopup } from './popup-opener';
import { openingLimits } from './rate-limit';
import { queryDecodes } from './signal-messages';

export function registerMessageHandlers(): void {
  backgroundMessaging.onMessage('termCard', ({ data, sender }) => {
    contentScriptSender(sender);
    const request = record(data);
    return termCard(getEngine(), termId(request.termId), text(request.context, MAX_CONTEXT_CHARS, false), answerLanguage(request.lang));
  });
  backgroundMessaging.onMessage('lookup', ({ data, sender }) => {
    contentScriptSender(sender);
    const request = record(data);
    return lookupCard(getEngine(), text(request.text, MAX_LOOKUP_CHARS), answerLanguage(request.lang));
  });
  // The card asks for this only after a trusted click in it (mount.tsx, content-app.ts).
  backgroundMessaging.onMessage('openPopup', async ({ data, sender }) => {
    const { tabId } = contentScriptSender(sender);
    const request = popupRequest(data, MAX_LOOKUP_CHARS);
    openingLimits.popup.take(tabId);
    await openPopup(request);
  });
  backgroundMessaging.onMessage('loadCardUi', async ({ sender }) => {
    const { tabId, frameId } = contentScriptSender(sender);
    await injectCardUi(tabId, frameId);
    // A card follows: the engine's index is loaded now, not when its answers are asked for.
    setTimeout(() => getEngine().loadIndex(), 0);
  });
  backgroundMessaging.onMessage('listHits', ({ data, sender }) => {
    extensionPageSender(sender);
    return listHits(getEngine(), text(record(data).query, MAX_QUERY_CHARS));
  });
  backgroundMessaging.onMessage('listResults', ({ data, sender }) => {
    extensionPageSender(sender);
    const request = record(data);
    const query = text(request.query, MAX_QUERY_CHARS);
    const hits = listHits(getEngine(), query);
    const { shown, total } = shownHits(hits);
    // No close match: docs come above the nearest answers, which a first paint does not draw.
    return { total, items: listItems(getEngine(), shown, answerLanguage(request.lang)), complete: total > 0 && !queryDecodes(query), hits };
  });
}
