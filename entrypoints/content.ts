import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_SCRIPT_RUN_AT } from '../src/messaging/injection';
import { ContentApp } from '../src/page/content-app';
import { DEFAULT_SITE_MATCHES } from '../src/settings/sites';

export default defineContentScript({
  matches: DEFAULT_SITE_MATCHES,
  runAt: CONTENT_SCRIPT_RUN_AT,
  main() {
    ContentApp.start();
  },
});
