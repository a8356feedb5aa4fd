// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import messages from '../../public/_locales/en/messages.json';
import type { CardData } from '../../src/messaging/protocol';
import type { CardHandlers, CardState } from '../../src/page/card-api';
import { createCardUi } from '../../src/ui/card/mount';
import { trusted } from '../helpers/events';

const data: CardData = {
  terms: [{ id: 'keepalive', name: { en: 'Keepalive', zh: '保活' }, definition: { en: 'Keeps connections open.', zh: '保持连接。' }, docsUrl: 'https://istio.io/latest/docs/' }],
  answers: [],
  total: 4,
  query: 'keepalive',
};

describe('the card in the page', () => {
  let roots: ShadowRoot[];
  let handlers: { [K in keyof CardHandlers]: ReturnType<typeof vi.fn<CardHandlers[K]>> };
  const attachShadow = Element.prototype.attachShadow;

  beforeEach(() => {
    // The card's root is closed: the test keeps the one it attaches, as only our code can.
    roots = [];
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = attachShadow.call(this, init);
      roots.push(root);
      return root;
    });
    // The card's English text, as browser.i18n gives it.
    const english = messages as Record<string, { message: string }>;
    fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string[]) =>
      english[key]?.message.replace(/\$(\d)/g, (_, index: string) => substitutions?.[Number(index) - 1] ?? '') ?? '') as typeof fakeBrowser.i18n.getMessage;
    handlers = { onPointerEnter: vi.fn(), onPointerLeave: vi.fn(), onPin: vi.fn(), onClose: vi.fn(), onOpenPopup: vi.fn<CardHandlers['onOpenPopup']>(),
      onOpenSidePanel: vi.fn<CardHandlers['onOpenSidePanel']>(), onCite: vi.fn<CardHandlers['onCite']>(), onOpenAnswerPage: vi.fn<CardHandlers['onOpenAnswerPage']>() };
  });
  afterEach(() => {
    vi.restoreAllMocks();
    document.documentElement.querySelectorAll(':scope > [data-istio-experts-card]').forEach((host) => host.remove());
  });

  const text = document.createTextNode('keepalive');
  const anchor = { getBoundingClientRect: () => new DOMRect(10, 10, 60, 16), getClientRects: () => [new DOMRect(10, 10, 60, 16)], get isConnected() { return text.isConnected; } };
  const state = (): CardState => ({ anchor, data, lang: 'en', pinned: false, scheme: 'light', kind: 'hover', focus: false });

  it('warms without adding anything to the page', () => {
    const before = document.documentElement.outerHTML;
    createCardUi(document).warm({ ...state(), data }, handlers);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(roots).toHaveLength(0);
  });

  it('lives in a closed shadow root on a plain div that page script cannot open', () => {
    createCardUi(document).render(state(), handlers);
    const host = document.querySelector('[data-istio-experts-card]')!;
    expect(host.tagName).toBe('DIV');
    expect(host.shadowRoot).toBeNull();
    expect(roots).toHaveLength(1);
    expect(roots[0]!.mode).toBe('closed');
    expect(roots[0]!.querySelector('[role="dialog"]')).not.toBeNull();
  });

  it('holds its host’s styles with !important rules inside its own root', () => {
    createCardUi(document).render(state(), handlers);
    const css = roots[0]!.querySelector('style')!.textContent!;
    for (const rule of ['all: initial !important', 'display: block !important', 'position: fixed !important', 'z-index: 2147483647 !important']) expect(css).toContain(rule);
  });

  it('takes clicks and pointer moves only from the user', () => {
    createCardUi(document).render(state(), handlers);
    const allAnswers = roots[0]!.querySelector('.link-button')!;
    allAnswers.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    roots[0]!.querySelector('.card')!.dispatchEvent(new PointerEvent('pointerenter'));
    expect(handlers.onOpenPopup).not.toHaveBeenCalled();
    expect(handlers.onPin).not.toHaveBeenCalled();
    expect(handlers.onPointerEnter).not.toHaveBeenCalled();
    allAnswers.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(handlers.onOpenPopup).toHaveBeenCalledWith('keepalive');
  });

  it('works on a page that defined our old element name first', () => {
    customElements.define('istio-experts-card', class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' });
      }
    });
    expect(() => createCardUi(document).render(state(), handlers)).not.toThrow();
    expect(roots.at(-1)!.querySelector('[role="dialog"]')).not.toBeNull();
  });

  it('says its anchor is gone (to close) instead of moving to the corner', async () => {
    document.body.append(text);
    const ui = createCardUi(document);
    ui.render(state(), handlers);
    text.remove();
    // floating-ui updates the position on the next resize or scroll.
    window.dispatchEvent(new Event('resize'));
    await vi.waitFor(() => expect(handlers.onClose).toHaveBeenCalled());
    ui.hide();
    expect(document.querySelector('[data-istio-experts-card]')).toBeNull();
  });
});
