import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerContextMenu } from '../src/background/context-menu';
import { registerCustomSites } from '../src/background/custom-sites';
import { provideGlossaryTerms } from '../src/background/glossary-terms';
import { lookupSelection } from '../src/background/lookup';
import { registerMessageHandlers } from '../src/background/messages';
import { injectIntoOpenTabsOnInstall } from '../src/background/open-tabs';

export default defineBackground(() => {
  registerMessageHandlers();
  provideGlossaryTerms();
  registerContextMenu();
  registerCustomSites();
  injectIntoOpenTabsOnInstall();
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'lookup-selection') void lookupSelection(tab);
  });
});
