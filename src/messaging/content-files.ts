/**
 * The content script: a loader, then the app (src/page/content-loader.ts). Chromium runs the
 * loader alone, and the loader imports the app as a module, which Chromium parses off the page's
 * main thread. Firefox runs both as scripts, in turn: its add-on linter warns on an `import()` of
 * a computed address (`npm test` fails on its warnings), and the gain was measured in Chromium
 * only. Read by the build (the manifest) and by the background (injection, added sites).
 */
export const CONTENT_LOADER = '/content-loader.js';
export const CONTENT_APP = '/content-app.js';

/** The files, in the order they run. */
export function contentScriptFiles(firefox: boolean): string[] {
  return firefox ? [CONTENT_LOADER, CONTENT_APP] : [CONTENT_LOADER];
}

/**
 * When the declared content script (and that of added sites) runs: at document_start, though it
 * scans only after the page's load. Chromium holds back the load event of a large page for a
 * script declared at document_idle (an empty one delayed a 4.5 MB page's load by 1.2 s, one at
 * document_start by nothing measurable); starting early costs only the script's own evaluation.
 */
export const CONTENT_SCRIPT_RUN_AT: 'document_start' = 'document_start';

/** Set on the isolated world's global by the app when it starts (src/page/content-app.ts). */
export const CONTENT_SCRIPT_FLAG = '__istioExpertsContent';

/** Whether the app has started in this frame (`CONTENT_SCRIPT_FLAG`). */
export function appStarted(): boolean {
  return (globalThis as Record<string, unknown>)[CONTENT_SCRIPT_FLAG] === true;
}

/**
 * Set by the background's probe before it injects the content script on demand (a lookup, "On
 * this page", the side panel): that loader loads the app at once (src/page/content-gate.ts).
 */
export const CONTENT_SCRIPT_ON_DEMAND = '__istioExpertsOnDemand';

/**
 * Where the loader leaves its gate (src/page/content-gate.ts) for an app that runs as a script of
 * its own (Firefox): the app starts once it opens.
 */
export const CONTENT_APP_GATE = '__istioExpertsAppGate';

export interface AppGate {
  open: boolean;
  opened: Promise<void>;
}

/**
 * Runs `start` once the loader's gate opens: at once if it is open or there is none (the app
 * imported by the loader), else later; the result settles once it ran.
 */
export function afterAppGate(start: () => void): Promise<void> | undefined {
  const gate = (globalThis as Record<string, unknown>)[CONTENT_APP_GATE] as AppGate | undefined;
  if (!gate || gate.open) {
    start();
    return undefined;
  }
  return gate.opened.then(start);
}
