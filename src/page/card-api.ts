/**
 * The contract between the content script and the card UI. The UI (Preact, floating-ui, styles)
 * is injected into the page's isolated world only when a first card opens, which keeps the
 * content script that runs on every page small; the two meet on this global.
 */
import type { PageVersion } from '../data/currency';
import type { AnswerLanguage, CardData, PanelOutcome } from '../messaging/protocol';
import type { Citation } from '../search/cite';

/** Where the card points: a term, a point of a selection (see anchors.ts). */
export interface CardAnchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
  /** False once what the card points at has left the page (a navigation swapped it out). */
  readonly isConnected?: boolean;
}

/** True unless the anchor says it has left the page. */
export function anchorConnected(anchor: CardAnchor): boolean {
  return anchor.isConnected !== false;
}

export interface CardState {
  anchor: CardAnchor;
  /** Undefined while the answers are on their way. */
  data: CardData | undefined;
  lang: AnswerLanguage;
  pinned: boolean;
  scheme: 'light' | 'dark';
  kind: 'hover' | 'lookup';
  /** Move focus into the card (keyboard use, lookups). */
  focus: boolean;
  /** The version the page is about: the answers' notes are read against it. */
  pageVersion?: PageVersion | undefined;
}

export interface CardHandlers {
  onPointerEnter(): void;
  onPointerLeave(): void;
  onPin(): void;
  /** The close button; also called by the UI when the card's anchor has left the page. */
  onClose(): void;
  onOpenPopup(query: string, answerId?: string): void;
  /** "Open in side panel": whether it opened (Firefox opens it only from its own controls). */
  onOpenSidePanel(query: string): Promise<PanelOutcome>;
  /** An answer's Markdown quote and source link ("Copy as Markdown", "Copy link"). */
  onCite(answerId: string): Promise<Citation>;
  onOpenAnswerPage(answerId: string): void;
}

export interface CardUi {
  render(state: CardState, handlers: CardHandlers): void;
  hide(): void;
  /** True when the event target is inside the card (events from its closed root arrive retargeted to the host). */
  contains(target: EventTarget | null): boolean;
  /**
   * Renders a card off the page and drops it: the card's code has run once before the first
   * card the reader sees (`CardController.prepare`). Nothing is added to the page.
   */
  warm(state: CardState, handlers: CardHandlers): void;
}

const GLOBAL_KEY = '__istioExpertsCardUi';

export function registeredCardUi(): CardUi | undefined {
  return (globalThis as Record<string, unknown>)[GLOBAL_KEY] as CardUi | undefined;
}

export function registerCardUi(ui: CardUi): void {
  (globalThis as Record<string, unknown>)[GLOBAL_KEY] = ui;
}
