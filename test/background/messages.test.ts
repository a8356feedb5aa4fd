import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { registerMessageHandlers } from '../../src/background/messages';
import * as popupOpener from '../../src/background/popup-opener';
import * as injection from '../../src/messaging/injection';
import type { Sender } from '../../src/messaging/validate';

/** A page's tab, and our content script's message from it. */
const PAGE_TAB = { id: 7 };
const CONTENT_SCRIPT: Sender = { id: fakeBrowser.runtime.id, url: 'https://github.com/istio/istio/issues/1', tab: PAGE_TAB, frameId: 0 };

/** onMessage's listeners get the message, its sender and `sendResponse`, as in a browser. */
const trigger = (...args: [message: unknown, sender: Sender, sendResponse: (response: unknown) => void]) =>
  (fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown[]>)(...args);

/**
 * Delivers a message to the background's handlers as the browser does (the messaging library
 * listens on `chrome.runtime.onMessage`), and gives the handler's reply: `{ res }` or `{ err }`.
 */
async function deliver(type: string, data: unknown, sender: Sender): Promise<{ res?: unknown; err?: { message: string } }> {
  let reply: unknown;
  await trigger({ id: 1, type, data, timestamp: Date.now() }, sender, (response: unknown) => (reply = response));
  await vi.waitFor(() => expect(reply).toBeDefined());
  return reply as { res?: unknown; err?: { message: string } };
}

describe('the background’s message handlers', () => {
  beforeAll(() => {
    vi.stubGlobal('chrome', fakeBrowser);
    registerMessageHandlers();
  });
  beforeEach(() => vi.restoreAllMocks());
  afterEach(() => vi.clearAllMocks());

  it('answer our content script in a tab', async () => {
    const reply = await deliver('termCard', { termId: 'keepalive', context: 'the sidecar keepalive', lang: 'en' }, CONTENT_SCRIPT);
    expect(reply.err).toBeUndefined();
    expect((reply.res as { terms: { id: string }[] }).terms[0]!.id).toBe('keepalive');
  });

  it('have no handler that would open a card in a tab a message names (the old test-only lookupSelection)', async () => {
    let answered = false;
    const replies = await trigger({ id: 2, type: 'lookupSelection', data: { tabId: 8, text: 'phishing' }, timestamp: Date.now() }, CONTENT_SCRIPT, () => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // No listener took it (none returned true to answer later), and none answered.
    expect(replies).toEqual([false]);
    expect(answered).toBe(false);
  });

  it('refuse a message from another extension, or from an extension page posing as a content script', async () => {
    const other = await deliver('lookup', { text: 'sidecar', lang: 'en' }, { ...CONTENT_SCRIPT, id: 'another-extension' });
    expect(other.err?.message).toMatch(/not from a content script/);
    const page = await deliver('lookup', { text: 'sidecar', lang: 'en' }, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html'), tab: PAGE_TAB });
    expect(page.err?.message).toMatch(/not from a content script/);
    const noTab = await deliver('loadCardUi', undefined, { id: fakeBrowser.runtime.id });
    expect(noTab.err?.message).toMatch(/not from a content script/);
  });

  it('refuse malformed fields, and cut long text', async () => {
    expect((await deliver('termCard', { termId: '<img src=x>', context: '', lang: 'en' }, CONTENT_SCRIPT)).err?.message).toMatch(/bad term id/);
    expect((await deliver('termCard', { termId: 'keepalive', context: 42, lang: 'en' }, CONTENT_SCRIPT)).err?.message).toMatch(/not text/);
    expect((await deliver('lookup', { text: 'sidecar', lang: 'fr' }, CONTENT_SCRIPT)).err?.message).toMatch(/bad language/);
    expect((await deliver('lookup', 'sidecar', CONTENT_SCRIPT)).err?.message).toMatch(/not an object/);
    const open = vi.spyOn(popupOpener, 'openPopup').mockResolvedValue(true);
    expect((await deliver('openPopup', { query: 'x', answerId: '../../etc' }, CONTENT_SCRIPT)).err?.message).toMatch(/bad answer id/);
    await deliver('openPopup', { query: 'sidecar '.repeat(2000), answerId: 'ep08-q01' }, CONTENT_SCRIPT);
    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0]![0].query.length).toBe(4000);
    expect(open.mock.calls[0]![0].answerId).toBe('ep08-q01');
  });

  it('open the popup for a tab a few times, then refuse a burst from it (a compromised page cannot open popup after popup)', async () => {
    const open = vi.spyOn(popupOpener, 'openPopup').mockResolvedValue(true);
    const burst = { ...CONTENT_SCRIPT, tab: { id: 41 } };
    const replies = [];
    for (let i = 0; i < 30; i++) replies.push(await deliver('openPopup', { query: 'sidecar' }, burst));
    expect(open).toHaveBeenCalledTimes(3);
    expect(replies.filter((reply) => /too many requests/.test(reply.err?.message ?? ''))).toHaveLength(27);
    // Another tab is not held back by the first one's burst.
    await deliver('openPopup', { query: 'sidecar' }, { ...CONTENT_SCRIPT, tab: { id: 42 } });
    expect(open).toHaveBeenCalledTimes(4);
  });

  it('give our pages a search list’s hits, as the popup’s own index would, and no content script', async () => {
    const popup: Sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const reply = await deliver('listHits', { query: 'rate limiting' }, popup);
    const hits = reply.res as { id: string; confident: boolean }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.slice(0, 3).every((hit) => /^ep\d{2}-q\d{2}$/.test(hit.id))).toBe(true);
    expect((await deliver('listHits', { query: 'rate limiting' }, CONTENT_SCRIPT)).err?.message).toMatch(/not from a page of this extension/);
    expect((await deliver('listHits', { query: 7 }, popup)).err?.message).toMatch(/not text/);
  });

  it('give our pages a search list’s results, whole only where a surface would show nothing else', async () => {
    const popup: Sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const list = (await deliver('listResults', { query: 'rate limiting', lang: 'en' }, popup)).res as { total: number; complete: boolean; items: { summary: { id: string; confident: boolean; preview: { zh?: unknown } } }[]; hits: { id: string }[] };
    // Every hit goes too (the app lists from them): the items are the first of them.
    expect(list.hits.slice(0, 2).map((hit) => hit.id)).toEqual(list.items.slice(0, 2).map((item) => item.summary.id));
    expect(list.total).toBeGreaterThan(0);
    expect(list.complete).toBe(true);
    expect(list.items[0]!.summary.confident).toBe(true);
    expect(list.items[0]!.summary.preview.zh).toBeUndefined();
    // A response flag decodes above the answers; a question nobody answered has docs above them.
    expect(((await deliver('listResults', { query: 'UH', lang: 'en' }, popup)).res as { complete: boolean }).complete).toBe(false);
    expect(((await deliver('listResults', { query: 'quantum blockchain kubernetes', lang: 'en' }, popup)).res as { complete: boolean }).complete).toBe(false);
    expect((await deliver('listResults', { query: 'rate limiting', lang: 'en' }, CONTENT_SCRIPT)).err?.message).toMatch(/not from a page of this extension/);
    expect((await deliver('listResults', { query: 'rate limiting', lang: 'fr' }, popup)).err?.message).toBeDefined();
  });

  it('inject the card UI into the sender’s own frame only', async () => {
    const inject = vi.spyOn(injection, 'injectCardUi').mockResolvedValue();
    await deliver('loadCardUi', { tabId: 99, frameId: 3 }, { ...CONTENT_SCRIPT, frameId: 2 });
    expect(inject).toHaveBeenCalledWith(7, 2);
  });
});
