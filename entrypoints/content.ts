import { defineContentScript } from 'wxt/utils/define-content-script';
import { ContentApp } from '../src/page/content-app';
import { DEFAULT_SITE_MATCHES } from '../src/settings/sites';

export default defineContentScript({
  matches: DEFAULT_SITE_MATCHES,
  runAt: 'document_idle',
  main() {
    ContentApp.start();
  },
});
