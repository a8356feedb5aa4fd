import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerAnswerMessages } from '../src/background/answer-messages';
import { registerContextMenu } from '../src/background/context-menu';
import { registerCustomSites } from '../src/background/custom-sites';
import { provideGlossaryTerms } from '../src/background/glossary-terms';
import { lookupSelection } from '../src/background/lookup';
import { registerMessageHandlers } from '../src/background/messages';
import { registerSignalMessages } from '../src/background/signal-messages';
import { registerOmnibox } from '../src/background/omnibox';
import { injectIntoOpenTabsOnInstall } from '../src/background/open-tabs';
import { openSidePanelFromCommand, registerSidePanelMessages } from '../src/background/side-panel';
import { OPEN_SIDE_PANEL_COMMAND } from '../src/messaging/side-panel';

export default defineBackground(() => {
  registerMessageHandlers();
  registerSignalMessages();
  registerSidePanelMessages();
  registerAnswerMessages();
  provideGlossaryTerms();
  registerContextMenu();
  registerCustomSites();
  registerOmnibox();
  injectIntoOpenTabsOnInstall();
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'lookup-selection') void lookupSelection(tab);
    // Synchronously, in the listener: the shortcut's gesture is good for this call only.
    if (command === OPEN_SIDE_PANEL_COMMAND) void openSidePanelFromCommand(tab);
  });
});
