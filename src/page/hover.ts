/**
 * Finds the term under the pointer on demand, as a dictionary extension does: after the pointer
 * rests, the caret position at that point gives a text node and offset, and the term there is
 * looked up in that node only. Nothing is computed while the pointer moves.
 */
import type { TermMatch, TermMatcher } from '../glossary/matcher';
import type { HoverModifier } from '../settings/settings';
import { leadingText } from './leading-text';
import { CONTEXT_BLOCK } from './selectors';

export interface TermAtPoint<M extends TermMatch = TermMatch> {
  termId: string;
  node: Text;
  match: M;
  range: StaticRange;
  /** The sentence around the term, which re-ranks the answers. */
  context: string;
}

const CONTEXT_CHARS = 240;
const TOLERANCE_PX = 2;
/** A text node longer than this is matched around the pointer only (see `matchesAround`). */
export const LONG_TEXT_CHARS = 10_000;
/** How far either side of the pointer `matchesAround` looks: longer than any alias. */
const AROUND_CHARS = 200;

interface CaretPosition {
  node: Node;
  offset: number;
}

function caretAt(doc: Document, x: number, y: number): CaretPosition | undefined {
  const withPosition = doc as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const position = withPosition.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

function rangeRects(node: Text, start: number, end: number): DOMRect[] {
  const range = node.ownerDocument.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  return [...range.getClientRects()];
}

export function pointInRects(rects: Iterable<DOMRect>, x: number, y: number, tolerance = TOLERANCE_PX): boolean {
  for (const rect of rects) {
    if (x >= rect.left - tolerance && x <= rect.right + tolerance && y >= rect.top - tolerance && y <= rect.bottom + tolerance) return true;
  }
  return false;
}

/** The sentence-sized text around a match: its block's text, cut around the term. */
function contextAround(node: Text, match: TermMatch): string {
  const block = node.parentElement?.closest(CONTEXT_BLOCK) ?? node.parentElement;
  const own = node.data;
  // Read only as far as it takes to know the block is short.
  const blockText = block ? leadingText(block, CONTEXT_CHARS * 2 + 1) : own;
  if (blockText.length <= CONTEXT_CHARS * 2) return blockText.replace(/\s+/g, ' ').trim();
  const from = Math.max(0, match.start - CONTEXT_CHARS);
  return own.slice(from, match.end + CONTEXT_CHARS).replace(/\s+/g, ' ').trim();
}

/**
 * The terms in a window of a long text around `offset`: the cost of a hover does not grow with
 * the node (a 5 MB `<pre>`), and terms past the scanner's cap on marks are still found.
 */
export function matchesAround(matcher: TermMatcher, text: string, offset: number): TermMatch[] {
  const found: TermMatch[] = [];
  matcher.findIn(text, Math.max(0, offset - AROUND_CHARS), Math.min(text.length, offset + AROUND_CHARS), Infinity, found);
  return found;
}

/**
 * The term under (x, y), if any. `matchesIn` gives the terms of a text node (cached by the
 * marker, or found on the spot) near the caret's offset; the pointer must be on the term's own
 * glyphs, not merely near.
 */
export function termAtPoint<M extends TermMatch>(
  doc: Document,
  x: number,
  y: number,
  matchesIn: (node: Text, offset: number) => readonly M[],
): TermAtPoint<M> | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  const node = caret.node as Text;
  for (const match of matchesIn(node, caret.offset)) {
    if (caret.offset < match.start || caret.offset > match.end) continue;
    if (!pointInRects(rangeRects(node, match.start, match.end), x, y)) continue;
    return {
      termId: match.termId,
      node,
      match,
      range: new StaticRange({ startContainer: node, startOffset: match.start, endContainer: node, endOffset: match.end }),
      context: contextAround(node, match),
    };
  }
  return undefined;
}

const MODIFIER_KEYS: Record<Exclude<HoverModifier, 'none'>, 'altKey' | 'ctrlKey' | 'shiftKey' | 'metaKey'> = {
  alt: 'altKey',
  ctrl: 'ctrlKey',
  shift: 'shiftKey',
  meta: 'metaKey',
};

export interface HoverOptions {
  delayMs: number;
  modifier: HoverModifier;
}

export interface PointerPosition {
  x: number;
  y: number;
  target: EventTarget | null;
}

/** Where the pointer rested. */
export interface PointerSample extends PointerPosition {
  /** Held at the rest: it opens a card on an unmarked repeat of a term. */
  shiftKey: boolean;
}

/**
 * Reports where the pointer rested (after `delayMs` without moving, with the modifier held if
 * one is set), and every pointer move, throttled to one per frame.
 */
export class HoverWatcher {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame: number | undefined;
  private last: (PointerPosition & { modifiers: Record<string, boolean> }) | undefined;
  private readonly controller = new AbortController();

  constructor(
    private options: HoverOptions,
    private readonly onRest: (sample: PointerSample) => void,
    private readonly onMove: (position: PointerPosition) => void,
    target: Window = window,
  ) {
    const listen = { capture: true, passive: true, signal: this.controller.signal };
    // Only the user's own input counts: a page script's synthetic events open no card.
    target.addEventListener('pointermove', (event) => event.isTrusted && this.move(event), listen);
    target.addEventListener('keydown', (event) => event.isTrusted && this.modifierChanged(event), listen);
    target.addEventListener('pointerdown', (event) => event.isTrusted && this.clearTimer(), listen);
    target.addEventListener('scroll', (event) => event.isTrusted && this.clearTimer(), listen);
  }

  update(options: HoverOptions): void {
    this.options = options;
  }

  dispose(): void {
    this.controller.abort();
    this.clearTimer();
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
  }

  private move(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    this.last = {
      x: event.clientX,
      y: event.clientY,
      target: event.target,
      modifiers: { altKey: event.altKey, ctrlKey: event.ctrlKey, shiftKey: event.shiftKey, metaKey: event.metaKey },
    };
    this.clearTimer();
    this.timer = setTimeout(() => this.rest(), this.options.delayMs);
    if (this.frame === undefined) {
      this.frame = requestAnimationFrame(() => {
        this.frame = undefined;
        if (this.last) this.onMove(this.last);
      });
    }
  }

  /**
   * Pressing the modifier (or Shift, for an unmarked repeat) while the pointer already rests on
   * a term counts as resting now.
   */
  private modifierChanged(event: KeyboardEvent): void {
    if (!this.last) return;
    const key = this.options.modifier === 'none' ? 'shiftKey' : MODIFIER_KEYS[this.options.modifier];
    if (event[key]) {
      this.last.modifiers[key] = true;
      this.rest();
    }
  }

  private rest(): void {
    this.clearTimer();
    const sample = this.last;
    if (!sample) return;
    if (this.options.modifier !== 'none' && !sample.modifiers[MODIFIER_KEYS[this.options.modifier]]) return;
    this.onRest({ x: sample.x, y: sample.y, target: sample.target, shiftKey: sample.modifiers.shiftKey === true });
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
