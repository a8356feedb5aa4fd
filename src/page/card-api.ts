/**
 * The contract between the content script and the card UI. The UI (Preact, floating-ui, styles)
 * is injected into the page's isolated world only when a first card opens, which keeps the
 * content script that runs on every page small; the two meet on this global.
 */
import type { AnswerLanguage, CardData, PanelOutcome } from '../messaging/protocol';
import type { Citation } from '../search/cite';

/** Where the card points: a text range (a term, a selection). */
export interface CardAnchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
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
}

export interface CardHandlers {
  onPointerEnter(): void;
  onPointerLeave(): void;
  onPin(): void;
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
  /** True when the event target is inside the card. */
  contains(target: EventTarget | null): boolean;
}

const GLOBAL_KEY = '__istioExpertsCardUi';

export function registeredCardUi(): CardUi | undefined {
  return (globalThis as Record<string, unknown>)[GLOBAL_KEY] as CardUi | undefined;
}

export function registerCardUi(ui: CardUi): void {
  (globalThis as Record<string, unknown>)[GLOBAL_KEY] = ui;
}
