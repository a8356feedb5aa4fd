/**
 * The background's side panel: it asks the browser for the panel first thing in the handler
 * (the user's gesture is good for that call only), refuses messages that are not from a tab of
 * ours or carry a bad payload, and leaves what the panel should show for it to take.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { openSidePanelFromCommand, registerSidePanelMessages } from '../../src/background/side-panel';
import { registerAnswerMessages } from '../../src/background/answer-messages';
import { takePanelRequest } from '../../src/messaging/side-panel';

type Reply = { res?: unknown; err?: { message: string } };
const tab = { id: 3, windowId: 7, index: 0 } as Browser.tabs.Tab;
const ours = { id: fakeBrowser.runtime.id, tab, url: 'https://github.com/istio/istio/issues/1' };

/** Delivers a message as the browser would, in @webext-core/messaging's format. */
function send(type: string, data: unknown, sender: object): Promise<Reply> {
  return new Promise((resolve) => {
    const message = { id: 1, type, data, timestamp: Date.now() };
    for (const listener of listeners) listener(message, sender, resolve);
  });
}
const listeners: ((message: unknown, sender: object, reply: (value: Reply) => void) => unknown)[] = [];

describe('the side panel from the background', () => {
  const open = vi.fn<(options: { windowId: number }) => Promise<void>>();
  beforeAll(() => {
    const capture = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation(((listener: never) => listeners.push(listener)) as never);
    registerSidePanelMessages();
    registerAnswerMessages();
    capture.mockRestore();
  });
  beforeEach(() => {
    fakeBrowser.reset();
    open.mockReset().mockResolvedValue(undefined);
    Object.assign(fakeBrowser, { sidePanel: { open } });
    Object.assign(fakeBrowser.runtime, { getContexts: async () => [] });
    vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([{ name: 'open-side-panel', shortcut: 'Alt+Shift+S' }]);
  });
  afterEach(() => vi.restoreAllMocks());

  it('opens the panel of the card’s window before anything is awaited, then leaves it the query', async () => {
    const reply = send('openSidePanel', { query: 'keepalive', answerId: 'ep08-q01' }, ours);
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    expect((await reply).res).toEqual({ opened: true });
    expect(await takePanelRequest(7)).toMatchObject({ query: 'keepalive', answerId: 'ep08-q01' });
  });

  it('says when the browser would not open it (no gesture counted), with the shortcut that will', async () => {
    open.mockRejectedValue(new Error('`sidePanel.open()` may only be called in response to a user gesture.'));
    expect((await send('openSidePanel', { query: 'keepalive' }, ours)).res).toEqual({ opened: false, shortcut: 'Alt+Shift+S' });
    // The query waits for the panel.
    expect(await takePanelRequest(7)).toMatchObject({ query: 'keepalive' });
  });

  it('refuses a message that is not from a tab of ours, or a bad payload, without opening anything', async () => {
    for (const sender of [{ id: 'another-extension', tab }, { id: fakeBrowser.runtime.id }, { id: fakeBrowser.runtime.id, tab: { id: -1, windowId: 7 } }]) {
      expect((await send('openSidePanel', { query: 'x' }, sender)).err?.message).toMatch(/refused/);
    }
    for (const data of [null, 'keepalive', { query: 3 }, { query: 'x', answerId: 'ep99-q99' }, { query: 'x', answerId: { toString: () => 'ep08-q01' } }]) {
      expect((await send('openSidePanel', data, ours)).err?.message).toMatch(/refused/);
    }
    expect(open).not.toHaveBeenCalled();
    expect(await takePanelRequest(7)).toBeNull();
  });

  it('cuts a long query before it travels on', async () => {
    await send('openSidePanel', { query: 'x'.repeat(1_000_000) }, ours);
    expect((await takePanelRequest(7))?.query).toHaveLength(300);
  });

  it('opens it from the keyboard command at once, and has the panel read the tab again', async () => {
    const done = openSidePanelFromCommand(tab);
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    expect(await done).toEqual({ opened: true });
    expect(await takePanelRequest(7)).toMatchObject({ reread: true });
  });

  it('quotes an answer for a card, and refuses unknown answers and languages', async () => {
    const { res } = await send('citeAnswer', { answerId: 'ep02-q02', lang: 'en' }, ours);
    expect((res as { markdown: string }).markdown).toMatch(/^> \*\*Q:\*\* /);
    expect((await send('citeAnswer', { answerId: 'ep99-q99', lang: 'en' }, ours)).err?.message).toMatch(/refused/);
    expect((await send('citeAnswer', { answerId: 'ep02-q02', lang: 'fr' }, ours)).err?.message).toMatch(/refused/);
    expect((await send('citeAnswer', { answerId: 'ep02-q02', lang: 'en' }, { id: 'another-extension' })).err?.message).toMatch(/refused/);
  });

  it('opens the answer page next to the card’s tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as Browser.tabs.Tab);
    await send('openAnswerPage', { answerId: 'ep04-q12' }, ours);
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringMatching(/\/answers\.html#ep04-q12$/), windowId: 7, index: 1, openerTabId: 3 }));
    expect((await send('openAnswerPage', { answerId: '../../etc' }, ours)).err?.message).toMatch(/refused/);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('opens a few answer pages for a tab, then refuses a burst of 30 (the background cannot see the click)', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as Browser.tabs.Tab);
    const burst = { ...ours, tab: { ...ours.tab, id: 55 } };
    const replies = [];
    for (let i = 0; i < 30; i++) replies.push(await send('openAnswerPage', { answerId: 'ep04-q12' }, burst));
    expect(create).toHaveBeenCalledTimes(3);
    expect(replies.filter((reply) => /too many requests/.test(reply.err?.message ?? ''))).toHaveLength(27);
  });
});
