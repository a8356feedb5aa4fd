/**
 * The card's life: at most one card; it opens where the pointer rests on a term (or at a
 * selection), the pointer may travel into it, a click in it pins it, Escape or moving away closes
 * it, and a pinned card closes on Escape, its close button or a click elsewhere. The answers are
 * asked of the background when the card opens; a late reply for an older card is dropped.
 */
import type { PageVersion } from '../data/currency';
import type { AnswerLanguage, CardData, PanelOutcome } from '../messaging/protocol';
import type { Citation } from '../search/cite';
import { anchorConnected, type CardAnchor, type CardHandlers, type CardState, type CardUi } from './card-api';
import { pointInRects, type PointerPosition } from './hover';

/** Time to travel from the term into the card before it closes. */
export const CLOSE_GRACE_MS = 300;

export interface CardRequest {
  /** Same key, same card: resting again on the same term keeps it open. */
  key: string;
  anchor: CardAnchor;
  kind: 'hover' | 'lookup';
  load: () => Promise<CardData | undefined>;
  /** Called when this card closes (to clear the active mark). */
  onClose?: () => void;
}

export interface CardEnvironment {
  loadUi(): Promise<CardUi>;
  lang(): AnswerLanguage;
  scheme(): 'light' | 'dark';
  openPopup(query: string, answerId?: string): void;
  openSidePanel(query: string): Promise<PanelOutcome>;
  cite(answerId: string): Promise<Citation>;
  openAnswerPage(answerId: string): void;
  /** The version the page is about, for the answers' notes (`src/page/page-version.ts`). */
  pageVersion?(): PageVersion | undefined;
  /**
   * Runs `check` now and then while a card is open (the script's timer, which stops with it);
   * returns what stops it. A closed card leaves nothing running in the tab.
   */
  repeat?(check: () => void): () => void;
}

interface OpenCard {
  request: CardRequest;
  state: CardState;
  pointerInside: boolean;
  /** Element focused before the card took focus, to give it back. */
  returnFocus: Element | null;
}

export class CardController {
  private open: OpenCard | undefined;
  private ui: CardUi | undefined;
  private uiLoading: Promise<CardUi> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private stopDetachedCheck: (() => void) | undefined;
  private sequence = 0;
  private readonly listeners = new AbortController();

  constructor(private readonly env: CardEnvironment, target: Window = window) {
    const options = { capture: true, signal: this.listeners.signal };
    // A page script's synthetic events neither close nor drive the card.
    target.addEventListener('keydown', (event) => event.isTrusted && this.onKeyDown(event), options);
    target.addEventListener('pointerdown', (event) => event.isTrusted && this.onPointerDown(event), options);
  }

  get isOpen(): boolean {
    return this.open !== undefined;
  }

  get isPinned(): boolean {
    return this.open?.state.pinned === true;
  }

  /** Opens a card, or keeps the current one if it is for the same thing. */
  async show(request: CardRequest, options: { pinned?: boolean; focus?: boolean } = {}): Promise<void> {
    this.cancelClose();
    if (this.open?.request.key === request.key && !options.focus) return;
    if (this.open?.state.pinned && request.kind === 'hover') return;
    this.close();
    const sequence = ++this.sequence;
    const ui = await this.loadUi();
    if (sequence !== this.sequence) return;
    const pinned = options.pinned ?? false;
    this.open = {
      request,
      pointerInside: false,
      returnFocus: options.focus ? document.activeElement : null,
      state: this.stateFor(request, undefined, pinned, options.focus ?? false),
    };
    this.stopDetachedCheck = this.env.repeat?.(() => this.closeIfDetached());
    ui.render(this.open.state, this.handlers());
    const data = await request.load().catch(() => undefined);
    if (sequence !== this.sequence || !this.open) return;
    if (!data) {
      this.close();
      return;
    }
    this.rerender({ data });
  }

  /**
   * Moves focus into the open card and pins it, so Tab reaches its links and Escape gives focus
   * back: how the keyboard reaches a hover card (the lookup shortcut with nothing selected).
   */
  focusOpenCard(): boolean {
    if (!this.open) return false;
    if (!this.open.state.focus) this.open.returnFocus = document.activeElement;
    this.rerender({ pinned: true, focus: true });
    return true;
  }

  /**
   * Loads the card UI ahead of the first card and, once `answers` are in, renders them off the
   * page once (see `ContentApp.prepareOnApproach`), so the first card the reader sees is not the
   * first the card's code renders.
   */
  prepare(anchor: CardAnchor, answers: Promise<CardData | undefined>): void {
    void Promise.all([this.loadUi(), answers]).then(([ui, data]) => {
      if (this.open || !data) return;
      ui.warm(this.stateFor({ anchor, kind: 'hover' }, data, false, false), this.handlers());
    }, () => {});
  }

  /** The pointer rested on no term (or on another one while this card is pinned). */
  restedElsewhere(): void {
    if (this.open && !this.open.state.pinned && !this.open.pointerInside) this.scheduleClose();
  }

  /** Every pointer move: leaving the term and the card starts the close timer. */
  pointerMoved(sample: PointerPosition): void {
    const open = this.open;
    if (!open || open.state.pinned) return;
    if (open.pointerInside || this.ui?.contains(sample.target)) return;
    if (pointInRects(open.request.anchor.getClientRects() as Iterable<DOMRect>, sample.x, sample.y, 4)) this.cancelClose();
    else this.scheduleClose();
  }

  /** Closes the card if what it points at has left the page (the page swapped its content). */
  closeIfDetached(): void {
    if (this.open && !anchorConnected(this.open.request.anchor)) this.close();
  }

  close(): void {
    this.cancelClose();
    const open = this.open;
    if (!open) return;
    this.open = undefined;
    this.stopDetachedCheck?.();
    this.stopDetachedCheck = undefined;
    this.sequence++;
    this.ui?.hide();
    open.request.onClose?.();
    if (open.returnFocus instanceof HTMLElement && open.returnFocus.isConnected) open.returnFocus.focus({ preventScroll: true });
  }

  dispose(): void {
    this.close();
    this.listeners.abort();
  }

  private stateFor({ anchor, kind }: Pick<CardRequest, 'anchor' | 'kind'>, data: CardData | undefined, pinned: boolean, focus: boolean): CardState {
    return { anchor, data, lang: this.env.lang(), pinned, scheme: this.env.scheme(), kind, focus, pageVersion: this.env.pageVersion?.() };
  }

  /** One load at a time: the approach's and the first card's are the same. */
  private loadUi(): Promise<CardUi> {
    this.uiLoading ??= this.env.loadUi().then(
      (ui) => (this.ui = ui),
      (error: unknown) => {
        this.uiLoading = undefined;
        throw error;
      },
    );
    return this.uiLoading;
  }

  private rerender(change: Partial<CardState>): void {
    if (!this.open || !this.ui) return;
    this.open.state = { ...this.open.state, ...change };
    this.ui.render(this.open.state, this.handlers());
  }

  private handlers(): CardHandlers {
    return {
      onPointerEnter: () => {
        if (!this.open) return;
        this.open.pointerInside = true;
        this.cancelClose();
      },
      onPointerLeave: () => {
        if (!this.open) return;
        this.open.pointerInside = false;
        if (!this.open.state.pinned) this.scheduleClose();
      },
      onPin: () => {
        if (this.open && !this.open.state.pinned) this.rerender({ pinned: true, focus: false });
      },
      onClose: () => this.close(),
      onOpenPopup: (query, answerId) => {
        this.env.openPopup(query, answerId);
        this.close();
      },
      // The panel shows what the card did: the card gives way to it (and stays where it could not open).
      onOpenSidePanel: async (query) => {
        const outcome = await this.env.openSidePanel(query);
        if (outcome.opened) this.close();
        return outcome;
      },
      onCite: (answerId) => this.env.cite(answerId),
      onOpenAnswerPage: (answerId) => this.env.openAnswerPage(answerId),
    };
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open) {
      this.close();
    }
  }

  private onPointerDown(event: PointerEvent): void {
    if (!this.open || this.ui?.contains(event.target)) return;
    this.close();
  }

  private scheduleClose(): void {
    if (this.closeTimer !== undefined) return;
    this.closeTimer = setTimeout(() => {
      this.closeTimer = undefined;
      this.close();
    }, CLOSE_GRACE_MS);
  }

  private cancelClose(): void {
    if (this.closeTimer !== undefined) clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }
}
