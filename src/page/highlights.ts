/**
 * Marks terms with the CSS Custom Highlight API: ranges painted by the browser, so the page's DOM
 * and text stay exactly as they were (GitHub's React views break when text nodes are wrapped).
 * The one stylesheet goes into `document.adoptedStyleSheets`, which is not part of the DOM tree.
 * Where the API is missing, nothing is painted and hover detection still works.
 */
import { type HighlightStyle, markSheet, takeEarlySheet, TERM_STYLE } from './mark-styles';

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
  /**
   * Marks added since the last `flush`. Every change to a registered highlight makes the browser
   * rebuild the markers of all its ranges at the next frame and repaint the text they cover, so
   * marks are handed to it in batches (when a scan settles), not a slice at a time.
   */
  private readonly pending = new Set<AbstractRange>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest pending mark was added, and when the reader last scrolled (trusted events only). */
  private pendingSince = 0;
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
  }

  get size(): number {
    return (this.terms?.size ?? 0) + this.pending.size;
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
   * Adds a mark, painted at the next `flush` (or within `FLUSH_MS` if none comes); false once
   * the cap is reached.
   */
  add(range: AbstractRange): boolean {
    if (!this.terms || this.size >= MAX_MARKS) return false;
    if (this.pending.size === 0) this.pendingSince = performance.now();
    this.pending.add(range);
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
    return true;
  }

  /**
   * Paints the marks added since the last flush, in one change; while the reader scrolls, once
   * the scrolling pauses (see `SCROLL_QUIET_MS`).
   */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.terms || this.pending.size === 0) return;
    const now = performance.now();
    const quietIn = this.lastScroll + SCROLL_QUIET_MS - now;
    if (quietIn > 0 && now - this.pendingSince < SCROLL_WAIT_MS) {
      this.flushTimer = setTimeout(() => this.flush(), Math.min(quietIn, this.pendingSince + SCROLL_WAIT_MS - now));
      return;
    }
    for (const range of this.pending) this.terms.add(range);
    this.pending.clear();
  }

  delete(range: AbstractRange): void {
    if (!this.pending.delete(range)) this.terms?.delete(range);
  }

  clear(): void {
    this.pending.clear();
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.terms?.clear();
    this.active?.clear();
  }

  setActive(range: AbstractRange | undefined): void {
    if (!this.active) return;
    this.active.clear();
    if (range) this.active.add(range);
  }
}
