import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerContextMenu } from '../src/background/context-menu';
import { registerCustomSites } from '../src/background/custom-sites';
import { provideGlossaryTerms } from '../src/background/glossary-terms';
import { lookupSelection } from '../src/background/lookup';
import { registerMessageHandlers } from '../src/background/messages';

export default defineBackground(() => {
  registerMessageHandlers();
  provideGlossaryTerms();
  registerContextMenu();
  registerCustomSites();
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'lookup-selection') void lookupSelection(tab);
  });
});
