import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { loadContentApp } from '../src/page/content-loader';

// The content script the manifest declares (wxt.config.ts), and the one injected on demand: it
// loads the app (content-app.ts). Its result, the app started, goes to whoever injected it.
export default defineUnlistedScript(() => loadContentApp());
