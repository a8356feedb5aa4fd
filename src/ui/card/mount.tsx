/**
 * The card UI in the page: a custom element whose shadow root holds the Preact card, so styles
 * are isolated both ways (`all: initial` stops the page's inherited styles at the host), placed
 * next to its anchor by floating-ui and kept there while the page scrolls. The host is added
 * only while a card is open and removed when it closes.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { CardHandlers, CardState, CardUi } from '../../page/card-api';
import { CARD_HOST_TAG } from '../../page/selectors';
import tokens from '../styles/tokens.css?inline';
import cardStyles from './card.css?inline';
import { CardView } from './CardView';

const HOST_STYLE = 'all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647; display: block;';

export function createCardUi(doc: Document = document): CardUi {
  let host: HTMLElement | undefined;
  let container: HTMLElement | undefined;
  let stopFollowing: (() => void) | undefined;
  let anchor: CardState['anchor'] | undefined;

  const ensureHost = (): HTMLElement => {
    if (host?.isConnected && container) return container;
    host = doc.createElement(CARD_HOST_TAG);
    host.setAttribute('style', HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = `${tokens}\n${cardStyles}`;
    container = doc.createElement('div');
    shadow.append(style, container);
    doc.documentElement.append(host);
    return container;
  };

  const follow = (floating: HTMLElement, reference: CardState['anchor']): void => {
    stopFollowing?.();
    const update = () => {
      // Measure at full height, so flip() can choose the side with room before size() clamps it.
      floating.style.removeProperty('--available-height');
      return computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(8),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableHeight }) => floating.style.setProperty('--available-height', `${Math.max(200, Math.min(460, availableHeight))}px`),
          }),
        ],
      }).then(({ x, y }) => {
        floating.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    };
    stopFollowing = autoUpdate(reference as Parameters<typeof autoUpdate>[0], floating, () => void update(), { animationFrame: false });
  };

  return {
    render(state: CardState, handlers: CardHandlers) {
      const mount = ensureHost();
      render(<CardView state={state} handlers={handlers} />, mount);
      if (anchor !== state.anchor) {
        anchor = state.anchor;
        follow(host!, state.anchor);
      }
    },
    hide() {
      stopFollowing?.();
      stopFollowing = undefined;
      anchor = undefined;
      if (container) render(null, container);
      host?.remove();
      host = undefined;
      container = undefined;
    },
    contains(target) {
      return host !== undefined && target instanceof Node && (target === host || host.contains(target));
    },
  };
}
