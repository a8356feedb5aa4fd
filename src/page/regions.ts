/**
 * What the page marker scans first, and only: the parts of the page on or near the screen. The
 * page is cut into regions (elements no taller than two screens, found by descending from the
 * root through taller ones) and an IntersectionObserver reports the regions a screen away from
 * the viewport or closer. A region is handed over once, when it first comes near; one the
 * reader never scrolls to is never scanned unless asked for (`takeRest`, for "On this page").
 * So the cost grows with what the reader looks at, not with the length of the page.
 *
 * Without IntersectionObserver, or without layout (a hidden root; happy-dom in the unit tests),
 * the root is one region, handed over at once.
 */

/** A part of the page to scan: an element's subtree, or one text node of a tall element. */
export interface Region {
  root: Node;
}

/** Regions near the viewport: a screen above and below it. */
const NEAR = '100% 0px 100% 0px';
/** An element taller than this many screens is cut into its children. */
const SCREENS_PER_REGION = 2;

export class ScanRegions {
  private readonly observer: IntersectionObserver | undefined;
  /** Regions not handed over yet, by the element the observer watches. */
  private readonly waiting = new Map<Element, Region[]>();

  constructor(
    private readonly doc: Document,
    private readonly onNear: (regions: Region[]) => void,
  ) {
    const View = doc.defaultView;
    if (typeof View?.IntersectionObserver === 'function') {
      this.observer = new View.IntersectionObserver((entries) => this.reported(entries), { rootMargin: NEAR });
    }
  }

  /** Cuts `root` into regions and watches them; hands over at once what needs no watching. */
  watch(root: Node): void {
    // No observer, or no layout to observe (a root of no height: hidden, or a DOM without layout).
    if (!this.observer || root.nodeType !== Node.ELEMENT_NODE || (root as Element).getBoundingClientRect().height === 0) {
      this.onNear([{ root }]);
      return;
    }
    const tall = (this.doc.defaultView?.innerHeight ?? 800) * SCREENS_PER_REGION;
    const visit = (element: Element) => {
      if (element.childElementCount === 0 || element.getBoundingClientRect().height <= tall) {
        this.observe(element, { root: element });
        return;
      }
      // A tall element: its children are regions, and so is each text node of its own.
      const own: Region[] = [];
      for (let child = element.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === Node.ELEMENT_NODE) visit(child as Element);
        else if (child.nodeType === Node.TEXT_NODE && (child as Text).data.trim() !== '') own.push({ root: child });
      }
      if (own.length > 0) this.observe(element, ...own);
    };
    visit(root as Element);
  }

  /** Every region not handed over yet, in document order, now no longer watched. */
  takeRest(): Region[] {
    const rest = [...this.waiting.values()].flat();
    for (const element of this.waiting.keys()) this.observer?.unobserve(element);
    this.waiting.clear();
    return rest;
  }

  get hasRest(): boolean {
    return this.waiting.size > 0;
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.waiting.clear();
  }

  private observe(element: Element, ...regions: Region[]): void {
    const known = this.waiting.get(element);
    if (known) known.push(...regions);
    else {
      this.waiting.set(element, regions);
      this.observer!.observe(element);
    }
  }

  private reported(entries: IntersectionObserverEntry[]): void {
    const near: Region[] = [];
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const regions = this.waiting.get(entry.target);
      if (!regions) continue;
      this.waiting.delete(entry.target);
      this.observer!.unobserve(entry.target);
      near.push(...regions);
    }
    // In document order: the first occurrence of a term in a section is the one marked.
    near.sort((a, b) => (a.root.compareDocumentPosition(b.root) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    if (near.length > 0) this.onNear(near);
  }
}
