/**
 * Whether a page needs the content script's app yet. Most GitHub pages a reader opens are not
 * about Istio, and there the app would load, start, scan and watch only to find nothing to mark.
 * So where a page must first prove it is about Istio (GitHub outside the mesh organisations), the
 * loader waits until the page could: its text names Istio or Envoy (`mentionPattern`, a superset
 * of what the marker's relevance check needs, tested on each text node as the matcher reads
 * them), now or in content it adds later; or the reader goes on to a page marked from the start
 * (GitHub's Turbo changes pages without a load). A lookup, the popup's "On this page" or the side
 * panel inject the loader again, marked as asked for (`CONTENT_SCRIPT_ON_DEMAND`): that copy
 * loads the app at once.
 */
import { type AppGate, appStarted, CONTENT_SCRIPT_ON_DEMAND } from '../messaging/content-files';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { markedOnceRelevant } from '../settings/site-status';
import { SLICE_MS } from './idle';
import { afterLoad } from './page-load';

/** Where the page must name Istio or Envoy before the app has anything to do there. */
const needsMention = (href: string): boolean => markedOnceRelevant(href, DEFAULT_SETTINGS);

/**
 * When the app should load in `doc`: open at once unless the page must prove it is about Istio;
 * else it opens once the page's text may name Istio or Envoy (read after its load, then what it
 * adds) or its address needs no proof. It stops watching when it opens or when the app started
 * anyway. `mentionsOf` makes the test, only where it is needed.
 */
export function appGate(doc: Document, mentionsOf: () => RegExp): AppGate {
  if ((globalThis as Record<string, unknown>)[CONTENT_SCRIPT_ON_DEMAND] === true || !needsMention(doc.location.href)) return { open: true, opened: Promise.resolve() };
  let resolve!: () => void;
  const gate: AppGate = { open: false, opened: new Promise<void>((opened) => (resolve = opened)) };
  const win = doc.defaultView;
  const navigation = (win as (Window & { navigation?: EventTarget }) | null)?.navigation;
  let observer: MutationObserver | undefined;
  let stopReading: (() => void) | undefined;
  const stop = () => {
    observer?.disconnect();
    stopReading?.();
    navigation?.removeEventListener?.('currententrychange', onNavigation);
  };
  const settle = () => {
    stop();
    gate.open = true;
    resolve();
  };
  // The address is read again only when it changed (`done` runs on every batch of the page's mutations).
  let checked = doc.location.href;
  // The app started through another copy of the loader (a lookup): this one has nothing to do.
  const done = (): boolean => {
    if (appStarted()) stop();
    else if (doc.location.href !== checked && !needsMention((checked = doc.location.href))) settle();
    else return false;
    return true;
  };
  const onNavigation = () => void done();
  afterLoad(doc, () => {
    if (done()) return;
    const mentions = mentionsOf();
    if (mentions.test(doc.title)) {
      settle();
      return;
    }
    // What the page adds or changes from now on, then what it has (in slices: a huge page is read without a long task).
    if (win) {
      observer = new win.MutationObserver((records) => {
        if (done()) return;
        for (const record of records) {
          const texts = record.type === 'characterData' ? [record.target] : record.addedNodes;
          for (const node of texts) {
            if (!mentions.test(node.textContent ?? '')) continue;
            settle();
            return;
          }
        }
      });
      observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
      navigation?.addEventListener?.('currententrychange', onNavigation);
    }
    stopReading = readTexts(doc, (text) => mentions.test(text), settle);
  });
  return gate;
}

/**
 * Reads the text nodes of `doc`'s body in slices of at most SLICE_MS, with a pause between them,
 * until `found` says yes (then calls `onFound`) or none is left. The function it returns stops it.
 * Not an `IdleQueue` (idle.ts): the loader is parsed on the page's main thread at
 * `document_start`, and the queue would add 1.1 KB to its 5.6.
 */
function readTexts(doc: Document, found: (text: string) => boolean, onFound: () => void): () => void {
  if (!doc.body) return () => {};
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slice = () => {
    const end = performance.now() + SLICE_MS;
    for (let count = 1, node = walker.nextNode(); node; count++, node = walker.nextNode()) {
      if (found((node as Text).data)) {
        onFound();
        return;
      }
      // The clock is read every 64 nodes: reading it for each cost more than the test.
      if (count % 64 === 0 && performance.now() > end) {
        timer = setTimeout(slice, 0);
        return;
      }
    }
  };
  slice();
  return () => clearTimeout(timer);
}
