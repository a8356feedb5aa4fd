// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardData } from '../../src/messaging/protocol';
import { textAnchor } from '../../src/page/anchors';
import type { CardHandlers, CardState, CardUi } from '../../src/page/card-api';
import { CardController, CLOSE_GRACE_MS, type CardRequest } from '../../src/page/card-controller';
import { trusted } from '../helpers/events';

const data: CardData = { terms: [], answers: [], total: 0, query: 'sidecar' };
const rect = new DOMRect(100, 100, 60, 16);
const anchor = { getBoundingClientRect: () => rect, getClientRects: () => [rect] };

function fakeUi() {
  const host = document.createElement('div');
  const ui = {
    states: [] as CardState[],
    handlers: undefined as CardHandlers | undefined,
    hidden: 0,
    render(state: CardState, handlers: CardHandlers) {
      this.states.push(state);
      this.handlers = handlers;
    },
    hide() {
      this.hidden++;
    },
    warmed: [] as CardState[],
    warm(state: CardState) {
      this.warmed.push(state);
    },
    contains: (target: EventTarget | null) => target === host,
    host,
  };
  return ui satisfies CardUi & { host: HTMLElement };
}

/** The side panel, citations and the answer page: not what these tests are about. */
const SURFACES = {
  openSidePanel: async () => ({ opened: true }),
  cite: async () => ({ markdown: '', link: '' }),
  openAnswerPage() {},
};

const request = (key: string, load: () => Promise<CardData | undefined> = async () => data): CardRequest => ({ key, anchor, kind: 'hover', load });

describe('CardController', () => {
  let ui: ReturnType<typeof fakeUi>;
  let controller: CardController;
  const opened: string[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    ui = fakeUi();
    controller = new CardController({ loadUi: async () => ui, lang: () => 'en', scheme: () => 'light', openPopup: (query) => opened.push(query), ...SURFACES });
  });
  afterEach(() => {
    controller.dispose();
    vi.useRealTimers();
  });

  it('loads the UI once for the approach and the first card, and again after a failed load', async () => {
    let loads = 0;
    let fail = true;
    const load = async () => {
      loads++;
      if (fail) throw new Error('no UI');
      return ui;
    };
    const prepared = new CardController({ loadUi: load, lang: () => 'en', scheme: () => 'light', openPopup() {}, ...SURFACES });
    prepared.prepare(anchor, Promise.resolve(data));
    await vi.waitFor(() => expect(loads).toBe(1));
    expect(ui.warmed).toEqual([]);
    fail = false;
    prepared.prepare(anchor, Promise.resolve(data));
    await prepared.show(request('a'));
    expect(loads).toBe(2);
    expect(ui.states.at(-1)?.data).toEqual(data);
    prepared.dispose();
  });

  it('renders the approached mark’s answers once off the page, and nothing when a card is already open', async () => {
    const prepared = new CardController({ loadUi: async () => ui, lang: () => 'en', scheme: () => 'light', openPopup() {}, ...SURFACES });
    prepared.prepare(anchor, Promise.resolve(data));
    await vi.waitFor(() => expect(ui.warmed).toHaveLength(1));
    expect(ui.warmed[0]).toMatchObject({ data, pinned: false, kind: 'hover' });
    expect(ui.states).toEqual([]);
    await prepared.show(request('a'));
    prepared.prepare(anchor, Promise.resolve(data));
    await Promise.resolve();
    await Promise.resolve();
    expect(ui.warmed).toHaveLength(1);
    prepared.dispose();
  });

  it('renders a loading card, then the answers', async () => {
    await controller.show(request('a'));
    expect(ui.states.map((state) => state.data)).toEqual([undefined, data]);
  });

  it('keeps the card while the pointer is on the term or in the card, and closes it after a grace period otherwise', async () => {
    await controller.show(request('a'));
    controller.pointerMoved({ x: 110, y: 108, target: null });
    vi.advanceTimersByTime(CLOSE_GRACE_MS * 2);
    expect(controller.isOpen).toBe(true);
    controller.pointerMoved({ x: 400, y: 400, target: null });
    ui.handlers!.onPointerEnter();
    vi.advanceTimersByTime(CLOSE_GRACE_MS * 2);
    expect(controller.isOpen).toBe(true);
    ui.handlers!.onPointerLeave();
    vi.advanceTimersByTime(CLOSE_GRACE_MS + 1);
    expect(controller.isOpen).toBe(false);
    expect(ui.hidden).toBe(1);
  });

  it('stays pinned until Escape or a click elsewhere', async () => {
    await controller.show(request('a'));
    ui.handlers!.onPin();
    expect(ui.states.at(-1)!.pinned).toBe(true);
    controller.pointerMoved({ x: 400, y: 400, target: null });
    controller.restedElsewhere();
    vi.advanceTimersByTime(CLOSE_GRACE_MS * 3);
    await controller.show(request('b'));
    expect(controller.isOpen).toBe(true);
    expect(ui.states.at(-1)!.anchor).toBe(anchor);
    window.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true })));
    expect(controller.isOpen).toBe(false);
    await controller.show(request('c'), { pinned: true });
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(controller.isOpen).toBe(false);
  });

  it('shows one card at a time and drops a late answer for an older one', async () => {
    let resolveSlow!: (value: CardData) => void;
    const slow = controller.show(request('slow', () => new Promise((resolve) => (resolveSlow = resolve))));
    await vi.advanceTimersByTimeAsync(0);
    await controller.show(request('fast'));
    resolveSlow({ ...data, query: 'slow' });
    await slow;
    expect(ui.states.at(-1)!.data?.query).toBe('sidecar');
  });

  it('closes instead of showing an empty card when the answers fail', async () => {
    await controller.show(request('a', async () => { throw new Error('worker asleep'); }));
    expect(controller.isOpen).toBe(false);
  });

  it('takes the keyboard into an open hover card: pinned and focused, focus given back on Escape', async () => {
    expect(controller.focusOpenCard()).toBe(false);
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    await controller.show(request('a'));
    expect(ui.states.at(-1)).toMatchObject({ pinned: false, focus: false });
    expect(controller.focusOpenCard()).toBe(true);
    expect(ui.states.at(-1)).toMatchObject({ pinned: true, focus: true, data });
    controller.pointerMoved({ x: 400, y: 400, target: null });
    vi.advanceTimersByTime(CLOSE_GRACE_MS * 3);
    expect(controller.isOpen).toBe(true);
    // The card UI focuses its dialog; here the fake host stands in for it.
    document.body.append(ui.host);
    ui.host.tabIndex = -1;
    ui.host.focus();
    expect(document.activeElement).toBe(ui.host);
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(controller.isOpen).toBe(false);
    expect(document.activeElement).toBe(button);
    button.remove();
    ui.host.remove();
  });

  it('ignores the keys and clicks a page script dispatches', async () => {
    await controller.show(request('a'), { pinned: true });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    window.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(controller.isOpen).toBe(true);
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(controller.isOpen).toBe(false);
  });

  it('closes a card whose text has left the page, pinned or not', async () => {
    const text = document.createTextNode('sidecar');
    document.body.append(text);
    await controller.show({ ...request('a'), anchor: textAnchor(text, 0, 7) }, { pinned: true });
    controller.closeIfDetached();
    expect(controller.isOpen).toBe(true);
    // A single-page navigation swaps the body out.
    text.remove();
    controller.closeIfDetached();
    expect(controller.isOpen).toBe(false);
  });

  it('checks that its text is still on the page only while a card is open', async () => {
    const running: (() => void)[] = [];
    const watched = new CardController({
      loadUi: async () => ui,
      lang: () => 'en',
      scheme: () => 'light',
      openPopup() {},
      ...SURFACES,
      repeat: (check) => {
        running.push(check);
        return () => running.splice(running.indexOf(check), 1);
      },
    });
    const text = document.createTextNode('sidecar');
    document.body.append(text);
    expect(running).toHaveLength(0);
    await watched.show({ ...request('a'), anchor: textAnchor(text, 0, 7) });
    await watched.show({ ...request('b'), anchor: textAnchor(text, 0, 7) });
    expect(running).toHaveLength(1);
    text.remove();
    running[0]!();
    expect(watched.isOpen).toBe(false);
    expect(running).toHaveLength(0);
    watched.dispose();
  });

  it('opens the popup on the card’s query', async () => {
    await controller.show(request('a'));
    ui.handlers!.onOpenPopup('sidecar');
    expect(opened).toContain('sidecar');
    expect(controller.isOpen).toBe(false);
  });

  it('gives way to the side panel when it opens, and stays when it could not', async () => {
    const outcomes = [{ opened: false, shortcut: 'Alt+Shift+S' }, { opened: true }];
    const asked: string[] = [];
    controller.dispose();
    controller = new CardController({ loadUi: async () => ui, lang: () => 'en', scheme: () => 'light', openPopup() {}, ...SURFACES, openSidePanel: async (query) => (asked.push(query), outcomes.shift()!) });
    await controller.show(request('a'));
    expect(await ui.handlers!.onOpenSidePanel('sidecar')).toEqual({ opened: false, shortcut: 'Alt+Shift+S' });
    expect(controller.isOpen).toBe(true);
    expect(await ui.handlers!.onOpenSidePanel('sidecar')).toEqual({ opened: true });
    expect(controller.isOpen).toBe(false);
    expect(asked).toEqual(['sidecar', 'sidecar']);
  });
});
