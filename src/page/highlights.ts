/**
 * Marks terms with the CSS Custom Highlight API: ranges painted by the browser, so the page's DOM
 * and text stay exactly as they were (GitHub's React views break when text nodes are wrapped).
 * The one stylesheet goes into `document.adoptedStyleSheets`, which is not part of the DOM tree.
 * Where the API is missing, nothing is painted and hover detection still works.
 */
import { type HighlightStyle, markSheet, takeEarlySheet, TERM_STYLE } from './mark-styles';
import { CONTEXT_BLOCK } from './selectors';

/** Marks added wait at most this long to be painted, however long the scan they come from runs. */
const FLUSH_MS = 250;
/**
 * While the reader scrolls, marks wait for a pause this long (and at most `SCROLL_WAIT_MS`):
 * every change to a highlight has Chromium rebuild the markers of all its ranges and repaint
 * their text, and a scan per screen scrolled made a 20-comment issue repaint 74 times instead of
 * 7 (`npm run bench -- page-cost`).
 */
const SCROLL_QUIET_MS = 250;
const SCROLL_WAIT_MS = 1500;

/**
 * Marks are in the highlight only while their paragraph is within a screen of the viewport.
 * Chromium rebuilds the markers of every range after any change to the DOM, the style or a
 * highlight, and the marked elements are painted again; on a page that changes itself, marks far
 * from the screen cost at every change. On the scripted 20-comment issue, its 75 marks drawn this
 * way cost 1.28× and 1.34× the page against 1.38× and 1.37× all at once, and the same on the
 * static one (`npm run bench -- mark-paint`).
 */
const NEAR_SCREEN = '100% 0px 100% 0px';

/** How many ranges are painted at most: enough for any page a person reads, bounded on huge ones. */
export const MAX_MARKS = 1500;

function isOwnSheet(sheet: CSSStyleSheet, name: string): boolean {
  try {
    return sheet.cssRules[0]?.cssText.includes(`::highlight(${name})`) === true;
  } catch {
    return false;
  }
}

function highlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class TermHighlights {
  private readonly terms: Highlight | undefined;
  private readonly active: Highlight | undefined;
  private sheet: CSSStyleSheet | undefined;
  /** Every mark added and not deleted, painted or not, by the paragraph it is in (`NEAR_SCREEN`). */
  private readonly blockOf = new Map<AbstractRange, Element>();
  private readonly marksIn = new Map<Element, Set<AbstractRange>>();
  /** Reports the paragraphs near the screen; without one (no layout), every mark is painted. */
  private readonly observer: IntersectionObserver | undefined;
  private readonly near = new Set<Element>();
  /**
   * Changes not handed to the browser yet (true: paint the range, false: take it out). Every change
   * to a registered highlight makes the browser rebuild the markers of all its ranges at the next
   * frame and repaint the text they cover, so changes go to it in batches (when a scan settles, when
   * the scrolling pauses), not one at a time.
   */
  private readonly changes = new Map<AbstractRange, boolean>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change waiting was made, and when the reader last scrolled (trusted events only). */
  private changedSince = 0;
  private lastScroll = -Infinity;
  private listening = false;
  private readonly onScroll = (event: Event) => {
    if (event.isTrusted) this.lastScroll = performance.now();
  };

  /** `style`: the term marks' by default; signal marks have their own (signal-marks.ts). */
  constructor(
    private readonly doc: Document = document,
    private readonly style: HighlightStyle = TERM_STYLE,
  ) {
    if (!highlightSupported()) return;
    this.terms = new Highlight();
    this.active = new Highlight();
    // The active mark paints above the others.
    this.active.priority = 1;
    const View = doc.defaultView;
    if (typeof View?.IntersectionObserver === 'function') {
      this.observer = new View.IntersectionObserver((entries) => this.reported(entries), { rootMargin: NEAR_SCREEN });
    }
  }

  /** The marks added and not deleted, painted now or not. */
  get size(): number {
    return this.blockOf.size;
  }

  /** False where the Highlight API is missing: nothing is painted (hover still works). */
  get supported(): boolean {
    return this.terms !== undefined;
  }

  /** Registers the highlights and their style; idempotent (pages may replace adoptedStyleSheets). */
  attach(): void {
    if (!this.terms || !this.active) return;
    // Capture: scrolls of inner elements (a long code block) do not bubble.
    if (!this.listening) this.doc.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.listening = true;
    // Registering again, even the same object, would have every mark's text repainted.
    if (CSS.highlights.get(this.style.mark) !== this.terms) CSS.highlights.set(this.style.mark, this.terms);
    if (CSS.highlights.get(this.style.active) !== this.active) CSS.highlights.set(this.style.active, this.active);
    try {
      // The loader's sheet, adopted before the page's first styling (mark-styles.ts), or a new one.
      this.sheet ??= takeEarlySheet(this.style) ?? markSheet(this.style);
      if (!this.sheet) return;
      const sheets = this.doc.adoptedStyleSheets;
      // Called after every scan: in place already, nothing to check (reading every sheet's rules
      // below cost 1–2 ms a page).
      if (sheets.includes(this.sheet)) return;
      // The sheet of an earlier copy of the script (Firefox ends an updated extension's scripts
      // without letting them clean up) goes, so updates do not pile up sheets.
      const kept = sheets.filter((sheet) => sheet === this.sheet || !isOwnSheet(sheet, this.style.mark));
      if (!kept.includes(this.sheet)) kept.push(this.sheet);
      if (kept.length !== sheets.length || kept.some((sheet, index) => sheet !== sheets[index])) this.doc.adoptedStyleSheets = kept;
    } catch {
      // A page that forbids constructed sheets simply shows no underline.
    }
  }

  detach(): void {
    if (!this.terms) return;
    this.clear();
    if (CSS.highlights.get(this.style.mark) === this.terms) CSS.highlights.delete(this.style.mark);
    if (CSS.highlights.get(this.style.active) === this.active) CSS.highlights.delete(this.style.active);
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
    this.doc.removeEventListener('scroll', this.onScroll, { capture: true });
    this.listening = false;
  }

  /**
   * Adds a mark: painted at the next `flush` (or within `FLUSH_MS` if none comes) once its
   * paragraph is reported near the screen; false once the cap is reached.
   */
  add(range: AbstractRange): boolean {
    if (!this.terms || this.blockOf.size >= MAX_MARKS) return false;
    const parent = range.startContainer.parentElement;
    const block = parent?.closest(CONTEXT_BLOCK) ?? parent ?? this.doc.documentElement;
    this.blockOf.set(range, block);
    let marks = this.marksIn.get(block);
    if (!marks) {
      this.marksIn.set(block, (marks = new Set()));
      this.observer?.observe(block);
    }
    marks.add(range);
    if (!this.observer || this.near.has(block)) this.change(range, true);
    return true;
  }

  private reported(entries: IntersectionObserverEntry[]): void {
    for (const { target, isIntersecting } of entries) {
      const marks = this.marksIn.get(target);
      if (!marks) continue;
      if (isIntersecting) this.near.add(target);
      else this.near.delete(target);
      for (const range of marks) this.change(range, isIntersecting);
    }
    // One change per report, none while the reader scrolls (`flush`).
    this.flush();
  }

  private change(range: AbstractRange, paint: boolean): void {
    if (this.terms!.has(range) === paint) {
      this.changes.delete(range);
      return;
    }
    if (this.changes.size === 0) this.changedSince = performance.now();
    this.changes.set(range, paint);
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /**
   * Hands the changes waiting to the browser, in one change; while the reader scrolls, once the
   * scrolling pauses (see `SCROLL_QUIET_MS`).
   */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.terms || this.changes.size === 0) return;
    const now = performance.now();
    const quietIn = this.lastScroll + SCROLL_QUIET_MS - now;
    if (quietIn > 0 && now - this.changedSince < SCROLL_WAIT_MS) {
      this.flushTimer = setTimeout(() => this.flush(), Math.min(quietIn, this.changedSince + SCROLL_WAIT_MS - now));
      return;
    }
    for (const [range, paint] of this.changes) {
      if (paint) this.terms.add(range);
      else this.terms.delete(range);
    }
    this.changes.clear();
  }

  /** Takes a mark out now: its text may have changed, and its offsets would mark other letters. */
  delete(range: AbstractRange): void {
    const block = this.blockOf.get(range);
    if (!block) return;
    this.blockOf.delete(range);
    this.changes.delete(range);
    this.terms?.delete(range);
    const marks = this.marksIn.get(block)!;
    marks.delete(range);
    if (marks.size > 0) return;
    this.marksIn.delete(block);
    this.near.delete(block);
    this.observer?.unobserve(block);
  }

  clear(): void {
    this.changes.clear();
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.observer?.disconnect();
    this.blockOf.clear();
    this.marksIn.clear();
    this.near.clear();
    this.terms?.clear();
    this.active?.clear();
  }

  setActive(range: AbstractRange | undefined): void {
    if (!this.active) return;
    this.active.clear();
    if (range) this.active.add(range);
  }
}
