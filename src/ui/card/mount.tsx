/**
 * The card UI in the page. It is out of the page's reach:
 * - its host is a plain `div` (no custom element name a page could define first) with a closed
 *   shadow root created in the content script's isolated world, so page script can neither read
 *   nor change the card (`host.shadowRoot` is null to it) and never sees our objects;
 * - its styles are `!important` rules inside that shadow root, which win over any page rule,
 *   `!important` included (the cascade lets important rules of the inner context win), and
 *   `all: initial` stops the page's inherited styles at the host;
 * - it is positioned by an element inside the shadow root (floating-ui), so nothing the page can
 *   style moves it.
 * The host is added only while a card is open and removed when it closes.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { anchorConnected, type CardAnchor, type CardHandlers, type CardState, type CardUi } from '../../page/card-api';
import { CARD_HOST_ATTRIBUTE, CARD_HOST_TAG } from '../../page/selectors';
import tokens from '../styles/tokens.css?inline';
import cardStyles from './card.css?inline';
import signalStyles from '../signal/signal.css?inline';
import { CardView } from './CardView';

/** The host is a zero-size box at the viewport's corner; the card inside it is what is placed. */
const HOST_RULES = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  z-index: 2147483647 !important;
}
.floating { position: fixed; top: 0; left: 0; }
`;

/**
 * Input events that drive the card. Only the user's own (trusted) ones get through to it: the
 * closed root already keeps page script from reaching the buttons, and this keeps every handler,
 * present and future, behind a real gesture whatever dispatches the event.
 */
const GUARDED_EVENTS = [
  'click', 'auxclick', 'dblclick', 'contextmenu', 'pointerdown', 'pointerup', 'pointerenter', 'pointerleave',
  'pointerover', 'pointerout', 'mousedown', 'mouseup', 'keydown', 'keyup', 'keypress', 'submit',
] as const;

function dropUntrusted(event: Event): void {
  if (!event.isTrusted) event.stopImmediatePropagation();
}

export function createCardUi(doc: Document = document): CardUi {
  let host: HTMLElement | undefined;
  let shadow: ShadowRoot | undefined;
  let floating: HTMLElement | undefined;
  let stopFollowing: (() => void) | undefined;
  let anchor: CardAnchor | undefined;
  let handlers: CardHandlers | undefined;

  const ensureHost = (): HTMLElement => {
    if (host?.isConnected && floating) return floating;
    host = doc.createElement(CARD_HOST_TAG);
    host.setAttribute(CARD_HOST_ATTRIBUTE, '');
    shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = `${HOST_RULES}\n${tokens}\n${cardStyles}\n${signalStyles}`;
    floating = doc.createElement('div');
    floating.className = 'floating';
    // Capture listeners on the card's container run before any handler inside it.
    for (const type of GUARDED_EVENTS) floating.addEventListener(type, dropUntrusted, { capture: true });
    shadow.append(style, floating);
    doc.documentElement.append(host);
    return floating;
  };

  const follow = (element: HTMLElement, reference: CardAnchor): void => {
    stopFollowing?.();
    const update = () => {
      // The page swapped out what the card points at: close rather than jump to the corner.
      if (!anchorConnected(reference)) {
        handlers?.onClose();
        return;
      }
      // Measure at full height, so flip() can choose the side with room before size() clamps it.
      element.style.removeProperty('--available-height');
      void computePosition(reference, element, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(8),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableHeight }) => element.style.setProperty('--available-height', `${Math.max(200, Math.min(460, availableHeight))}px`),
          }),
        ],
      }).then(({ x, y }) => {
        element.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    };
    stopFollowing = autoUpdate(reference as Parameters<typeof autoUpdate>[0], element, update, { animationFrame: false });
  };

  return {
    render(state: CardState, next: CardHandlers) {
      handlers = next;
      const mount = ensureHost();
      render(<CardView state={state} handlers={next} />, mount);
      if (anchor !== state.anchor) {
        anchor = state.anchor;
        follow(mount, state.anchor);
      }
    },
    hide() {
      stopFollowing?.();
      stopFollowing = undefined;
      anchor = undefined;
      handlers = undefined;
      if (floating) render(null, floating);
      host?.remove();
      host = undefined;
      shadow = undefined;
      floating = undefined;
    },
    warm(state, next) {
      const detached = doc.createElement('div');
      render(<CardView state={state} handlers={next} />, detached);
      render(null, detached);
    },
    contains(target) {
      if (!host || !(target instanceof Node)) return false;
      return target === host || shadow?.contains(target) === true;
    },
  };
}
