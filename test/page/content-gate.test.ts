// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import mentionSpellings from 'virtual:mention-spellings';
import { mentionPattern } from '../../src/glossary/mention';
import { CONTENT_SCRIPT_FLAG, CONTENT_SCRIPT_ON_DEMAND } from '../../src/messaging/content-files';
import { appGate } from '../../src/page/content-gate';

const global = globalThis as Record<string, unknown>;
const mentions = () => mentionPattern(mentionSpellings);

/** A loaded page at `href` with `html` in its body. */
function page(href: string, html = '<p>Nothing to see here</p>'): Document {
  const doc = document.implementation.createHTMLDocument('An issue');
  Object.defineProperty(doc, 'readyState', { value: 'complete' });
  Object.defineProperty(doc, 'location', { value: new URL(href), configurable: true });
  Object.defineProperty(doc, 'defaultView', { value: window });
  doc.body.innerHTML = html;
  return doc;
}

/** Whether the gate opens within a few ticks (mutation observers report in a microtask). */
async function opensSoon(opened: Promise<void>): Promise<boolean> {
  return Promise.race([opened.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 50))]);
}

describe('the gate before the content script’s app', () => {
  afterEach(() => {
    delete global[CONTENT_SCRIPT_FLAG];
    delete global[CONTENT_SCRIPT_ON_DEMAND];
  });

  it('is open at once on pages marked from the start, and where the app was asked for', () => {
    for (const href of ['https://istio.io/latest/docs/', 'https://github.com/istio/istio/issues/1', 'https://www.envoyproxy.io/docs/envoy/latest/']) {
      expect(appGate(page(href), mentions).open, href).toBe(true);
    }
    global[CONTENT_SCRIPT_ON_DEMAND] = true;
    expect(appGate(page('https://github.com/facebook/react/issues/1'), mentions).open).toBe(true);
  });

  it('stays shut on a GitHub page elsewhere that names neither Istio nor Envoy', async () => {
    const gate = appGate(page('https://github.com/facebook/react/issues/1', '<p>Hooks run twice in strict mode; history and existing state.</p>'), mentions);
    expect(gate.open).toBe(false);
    expect(await opensSoon(gate.opened)).toBe(false);
  });

  it('opens where the page names them when it has loaded: any case, fullwidth, misspelt, or in its title', () => {
    for (const text of ['We moved to Istio last year', 'ENVOY crashes', 'ＩＳＴＩＯ 服务网格', 'the isito sidecar', 'an Enovy filter']) {
      expect(appGate(page('https://github.com/acme/payments/issues/12', `<p>${text}</p>`), mentions).open, text).toBe(true);
    }
    const titled = page('https://github.com/acme/payments/issues/12');
    titled.title = 'Sidecar injection fails with Istio 1.20';
    expect(appGate(titled, mentions).open).toBe(true);
  });

  it('opens when the page adds text that names them, or changes a text to name them', async () => {
    const added = page('https://github.com/acme/payments/issues/12');
    const gate = appGate(added, mentions);
    added.body.append(Object.assign(added.createElement('p'), { textContent: 'A comment with no mention' }));
    expect(await opensSoon(gate.opened)).toBe(false);
    const comment = added.createElement('div');
    comment.innerHTML = '<p>Our <code>istiod</code> pods restart</p>';
    added.body.append(comment);
    expect(await opensSoon(gate.opened)).toBe(true);
    expect(gate.open).toBe(true);

    const changed = page('https://github.com/acme/payments/issues/12', '<p>loading…</p>');
    const later = appGate(changed, mentions);
    changed.querySelector('p')!.firstChild!.textContent = 'Envoy returns 503 UC';
    expect(await opensSoon(later.opened)).toBe(true);
  });

  it('opens when the reader goes on to a page marked from the start (a navigation without a load)', async () => {
    const doc = page('https://github.com/acme/payments/issues/12');
    const gate = appGate(doc, mentions);
    Object.defineProperty(doc, 'location', { value: new URL('https://github.com/istio/istio/issues/2') });
    doc.body.append(doc.createElement('div'));
    expect(await opensSoon(gate.opened)).toBe(true);
  });

  it('reads a huge page in slices, with a pause between them, and stops once it found a mention', async () => {
    const doc = page('https://github.com/acme/payments/issues/12', '');
    for (let i = 0; i < 5000; i++) doc.body.append(doc.createElement('p'), 'a comment without a mention ');
    doc.body.append(Object.assign(doc.createElement('p'), { textContent: 'Envoy at last' }));
    // Each look at the clock finds a millisecond gone: a slice ends after 8 looks (512 text nodes).
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock++);
    try {
      const gate = appGate(doc, mentions);
      expect(gate.open).toBe(false);
      const looksInFirstSlice = clock;
      expect(looksInFirstSlice).toBeLessThan(12);
      await gate.opened;
      expect(clock).toBeGreaterThan(5000 / 64);
    } finally {
      now.mockRestore();
    }
  });

  it('stops watching, shut, once the app started through another copy of the loader', async () => {
    const doc = page('https://github.com/acme/payments/issues/12');
    const gate = appGate(doc, mentions);
    global[CONTENT_SCRIPT_FLAG] = true;
    doc.body.append(doc.createElement('div'));
    await opensSoon(gate.opened);
    doc.body.append(Object.assign(doc.createElement('p'), { textContent: 'Istio' }));
    expect(await opensSoon(gate.opened)).toBe(false);
  });
});
