import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { lookupSelection } from './lookup';

const MENU_ID = 'ask-istio-experts';

/** "Ask Istio experts about “%s”" on every selection, in the browser's language. */
export function registerContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: t('contextMenuLookup'),
        contexts: ['selection'],
      }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID) return;
    void lookupSelection(tab, info.selectionText, info.frameId);
  });
}
