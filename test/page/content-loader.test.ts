// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CONTENT_APP, CONTENT_SCRIPT_FLAG, CONTENT_SCRIPT_ON_DEMAND } from '../../src/messaging/content-files';
import { releaseEarlySheets } from '../../src/page/mark-styles';

const global = globalThis as Record<string, unknown>;
const asked: string[] = [];
let loadContentApp: typeof import('../../src/page/content-loader').loadContentApp;

/** A document still loading, at `href`, as the loader sees one at `document_start`. */
function loadingDocument(href: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  Object.defineProperty(doc, 'readyState', { value: 'loading' });
  Object.defineProperty(doc, 'location', { value: new URL(href) });
  return doc;
}

describe('the content script’s loader', () => {
  beforeAll(async () => {
    // The app's address: a module Node can import, which says it ran.
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => {
      asked.push(path);
      return 'data:text/javascript,globalThis.appRuns%20%3D%20(globalThis.appRuns%20%3F%3F%200)%20%2B%201';
    });
    ({ loadContentApp } = await import('../../src/page/content-loader'));
  });
  afterEach(() => {
    releaseEarlySheets(document);
    delete global[CONTENT_SCRIPT_FLAG];
    delete global[CONTENT_SCRIPT_ON_DEMAND];
  });

  it('imports the app, and settles once it ran', async () => {
    await loadContentApp(loadingDocument('https://istio.io/latest/docs/'));
    expect(asked.at(-1)).toBe(CONTENT_APP);
    expect(global.appRuns).toBe(1);
  });

  it('adopts the marks’ sheets on a page marked from the start, while it loads', async () => {
    const doc = loadingDocument('https://github.com/istio/istio/issues/1');
    await loadContentApp(doc);
    expect(doc.adoptedStyleSheets).toHaveLength(2);
    releaseEarlySheets(doc);
  });

  it('adopts none where the page must first show it is about Istio, nor on a page already loaded', async () => {
    const other = loadingDocument('https://github.com/someone/else/issues/1');
    // (It waits there for the page to name Istio or Envoy: content-gate.test.ts.)
    void loadContentApp(other);
    expect(other.adoptedStyleSheets).toHaveLength(0);
    const loaded = document.implementation.createHTMLDocument('');
    Object.defineProperty(loaded, 'location', { value: new URL('https://istio.io/latest/docs/') });
    await loadContentApp(loaded);
    expect(loaded.adoptedStyleSheets).toHaveLength(0);
  });

  it('waits, where the page must show it is about Istio, until it names Istio or Envoy; injected on demand, it does not', async () => {
    const before = asked.length;
    const doc = document.implementation.createHTMLDocument('');
    Object.defineProperty(doc, 'readyState', { value: 'complete' });
    Object.defineProperty(doc, 'location', { value: new URL('https://github.com/acme/payments/issues/12') });
    Object.defineProperty(doc, 'defaultView', { value: window });
    let loaded = false;
    void loadContentApp(doc).then(() => (loaded = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loaded).toBe(false);
    expect(asked).toHaveLength(before);
    doc.body.append(Object.assign(doc.createElement('p'), { textContent: 'We run Istio' }));
    await vi.waitFor(() => expect(loaded).toBe(true));
    expect(asked.at(-1)).toBe(CONTENT_APP);

    global[CONTENT_SCRIPT_ON_DEMAND] = true;
    const onDemand = document.implementation.createHTMLDocument('');
    Object.defineProperty(onDemand, 'location', { value: new URL('https://github.com/acme/payments/issues/13') });
    await loadContentApp(onDemand);
    expect(asked).toHaveLength(before + 2);
  });

  it('does nothing where the app runs already (injected again)', async () => {
    global[CONTENT_SCRIPT_FLAG] = true;
    const before = asked.length;
    const doc = loadingDocument('https://istio.io/latest/docs/');
    await loadContentApp(doc);
    expect(asked).toHaveLength(before);
    expect(doc.adoptedStyleSheets).toHaveLength(0);
  });
});
