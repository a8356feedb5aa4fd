/**
 * What the page marker scans first, and only: the parts of the page on or near the screen. The
 * page is cut into regions (elements no taller than two screens, found by descending from the
 * root through taller ones) and an IntersectionObserver reports those a screen away from the
 * viewport or closer. A region is handed over once, when it first comes near; one the reader
 * never scrolls to is never scanned unless asked for (`takeRest`, for "On this page"), or the page
 * is short (the rest then comes with the first regions, after them). So the cost
 * grows with what the reader looks at, not with the length of the page.
 *
 * What the browser pays for it is kept small too. Neighbouring regions are watched together, as
 * a run at most four screens tall, through one element: the observer computes an intersection
 * for every target in every frame the page scrolls (3,000 comments watched one by one cost more
 * than our script), and every target makes each frame's commit longer: runs a screen tall added
 * 21–25 ms of commits to reading 12 screens of a 3,000-comment issue, runs four screens tall 5–7
 * (`npm run bench -- page-cost`). Content the page adds later is watched once per frame, in a
 * batch, without reading its layout (the observer's report says how tall it is); what leaves the
 * page is released (a page that keeps adding and removing content must not have its old nodes
 * kept alive here); and what waits for the screen is bounded.
 *
 * Without IntersectionObserver, or without layout (a hidden root; happy-dom in the unit tests),
 * the root is one region, handed over at once.
 */

import { nextFrame } from './idle';

/** A part of the page to scan: an element's subtree, or one text node of a tall element. */
export interface Region {
  root: Node;
}

/** An element taller than this many screens is cut into its children. */
const SCREENS_PER_REGION = 2;
/** A run of regions is at most this many screens tall. */
const SCREENS_PER_RUN = 4;
/**
 * Regions near the viewport: a screen below it, and a run's first element up to a screen more
 * than a run above it (whenever any of a run is within a screen of the viewport, its first
 * element is within these margins).
 */
const NEAR = `${(SCREENS_PER_RUN + 1) * 100}% 0px 100% 0px`;
/**
 * A page at most this many screens tall is short: the rest of it is handed over with its first
 * regions near the screen, after them, in one hand-over (`readWhole`). Handed over screen by
 * screen as the reader scrolled, a 20-comment issue (9 screens) cost 9 ms more of our script than
 * read whole, each screen a scan and a repaint of its own; handed over in two parts, it was
 * painted twice, and every change to the highlight repaints every mark (`npm run bench --
 * page-cost`).
 */
const SHORT_PAGE_SCREENS = 25;
/** At most this many elements watched: past it, what the page adds is handed over at once. */
export const MAX_WATCHED = 5000;

/** Regions watched together through one element (the first of them on screen, `target`). */
interface Run {
  target: Element;
  regions: Region[];
}

export class ScanRegions {
  private readonly observer: IntersectionObserver | undefined;
  /** Runs not handed over yet, by the element the observer watches. */
  private readonly waiting = new Map<Element, Run>();
  /** Elements the page added, watched as they are once the frame comes (`add`). */
  private readonly added = new Set<Node>();
  /** Added roots watched whole, not cut yet: their first report says how tall they are. */
  private readonly uncut = new WeakSet<Element>();
  private cancelFrame: (() => void) | undefined;
  /** The root watched is short, and its first report is still to come: it hands over the rest too (SHORT_PAGE_SCREENS). */
  private readWhole = false;

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
    const height = this.observer && root.nodeType === Node.ELEMENT_NODE ? (root as Element).getBoundingClientRect().height : 0;
    if (height === 0) {
      this.onNear([{ root }]);
      return;
    }
    this.readWhole = height <= (this.doc.defaultView?.innerHeight ?? 800) * SHORT_PAGE_SCREENS;
    this.cut(root as Element);
  }

  /**
   * Content the page added: watched with the next frame, together with everything else added
   * by then (what was added and removed in between costs nothing), without reading its layout.
   */
  add(root: Node): void {
    if (!this.observer) {
      this.onNear([{ root }]);
      return;
    }
    this.added.add(root);
    this.scheduleFrame();
  }

  /** Every region not handed over yet, in document order, now no longer watched. */
  takeRest(): Region[] {
    this.flushAdded();
    const rest = [...this.waiting.values()].flatMap((run) => run.regions);
    for (const element of this.waiting.keys()) this.observer?.unobserve(element);
    this.waiting.clear();
    return stillOnPage(rest);
  }

  get hasRest(): boolean {
    return this.waiting.size > 0 || this.added.size > 0;
  }

  /** How many elements are watched (for the tests: bounded, and released when they leave). */
  get watchedCount(): number {
    return this.waiting.size;
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.waiting.clear();
    this.added.clear();
    this.cancelFrame?.();
    this.cancelFrame = undefined;
  }

  /**
   * Releases what has left the document: the regions of a run that are gone, and the run's
   * target if none is left (watched by another element of the run if some are).
   */
  sweep(): void {
    for (const root of this.added) if (!root.isConnected) this.added.delete(root);
    for (const [target, run] of this.waiting) {
      if (target.isConnected && run.regions.every((region) => region.root.isConnected)) continue;
      this.waiting.delete(target);
      this.observer!.unobserve(target);
      const left = run.regions.filter((region) => region.root.isConnected);
      const next = left.length === 0 ? undefined : target.isConnected ? target : firstElementOf(left);
      if (next) this.observe(next, left);
    }
  }

  private scheduleFrame(): void {
    this.cancelFrame ??= nextFrame(() => {
      this.cancelFrame = undefined;
      this.flushAdded();
    }, this.doc.defaultView);
  }

  /** Watches what was added since the last frame, each outermost root whole. */
  private flushAdded(): void {
    if (this.added.size === 0) return;
    const batch = new Set(this.added);
    this.added.clear();
    const now: Region[] = [];
    for (const root of batch) {
      if (!root.isConnected || hasAncestorIn(root, batch)) continue;
      if (root.nodeType !== Node.ELEMENT_NODE || this.waiting.size >= MAX_WATCHED) now.push({ root });
      else if (!this.waiting.has(root as Element)) {
        this.uncut.add(root as Element);
        this.observe(root as Element, [{ root }]);
      }
    }
    if (now.length > 0) this.onNear(now.sort(inDocumentOrder));
  }

  /**
   * Cuts `element` into runs of regions and watches each run through its first element: a
   * region is an element at most two screens tall (or a leaf), or a text node of a taller one.
   */
  private cut(element: Element): void {
    const screen = this.doc.defaultView?.innerHeight ?? 800;
    const tall = screen * SCREENS_PER_REGION;
    const runHeight = screen * SCREENS_PER_RUN;
    const height = element.getBoundingClientRect().height;
    if (element.childElementCount === 0 || height <= tall) {
      this.observe(element, [{ root: element }]);
      return;
    }
    let run: { target: Element | undefined; regions: Region[]; top: number; bottom: number } | undefined;
    const close = () => {
      // A run of text alone is watched through the element it is in.
      if (run && run.regions.length > 0) this.observe(run.target ?? element, run.regions);
      run = undefined;
    };
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        if ((child as Text).data.trim() === '') continue;
        run ??= { target: undefined, regions: [], top: NaN, bottom: NaN };
        run.regions.push({ root: child });
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const box = (child as Element).getBoundingClientRect();
      if (box.height === 0) {
        // Hidden (or empty): watched alone, and scanned if it is ever shown near the screen.
        this.observe(child as Element, [{ root: child }]);
        continue;
      }
      if (box.height > tall && (child as Element).childElementCount > 0) {
        close();
        this.cut(child as Element);
        continue;
      }
      // The run's target must be its topmost element, and the run at most SCREENS_PER_RUN tall.
      if (run?.target && (box.top < run.top || Math.max(run.bottom, box.bottom) - run.top > runHeight)) close();
      run ??= { target: undefined, regions: [], top: NaN, bottom: NaN };
      if (!run.target) {
        run.target = child as Element;
        run.top = box.top;
        run.bottom = box.bottom;
      }
      run.bottom = Math.max(run.bottom, box.bottom);
      run.regions.push({ root: child });
    }
    close();
  }

  private observe(target: Element, regions: Region[]): void {
    const known = this.waiting.get(target);
    if (known) known.regions.push(...regions);
    else {
      this.waiting.set(target, { target, regions });
      this.observer!.observe(target);
    }
  }

  private reported(entries: IntersectionObserverEntry[]): void {
    const near: Region[] = [];
    const tall = (this.doc.defaultView?.innerHeight ?? 800) * SCREENS_PER_REGION;
    for (const entry of entries) {
      const target = entry.target;
      const run = this.waiting.get(target);
      if (!run) continue;
      const fresh = this.uncut.has(target);
      // Added content is cut when it comes near (its first report says if it is hidden: handed over).
      if (!entry.isIntersecting && !(fresh && entry.boundingClientRect.height === 0)) continue;
      this.uncut.delete(target);
      this.release(target);
      if (fresh && entry.isIntersecting && entry.boundingClientRect.height > tall && target.childElementCount > 0 && target.isConnected) {
        this.cut(target);
        continue;
      }
      near.push(...run.regions);
    }
    const connected = stillOnPage(near);
    if (connected.length === 0) return;
    const rest = this.readWhole ? this.takeRest() : [];
    this.readWhole = false;
    this.onNear([...connected, ...rest]);
  }

  private release(target: Element): void {
    this.waiting.delete(target);
    this.observer!.unobserve(target);
  }
}

/** The regions still in the page, in document order: the first occurrence of a term in a section is the one marked. */
function stillOnPage(regions: Region[]): Region[] {
  return regions.filter((region) => region.root.isConnected).sort(inDocumentOrder);
}

function inDocumentOrder(a: Region, b: Region): number {
  return a.root.compareDocumentPosition(b.root) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

function firstElementOf(regions: readonly Region[]): Element | undefined {
  const root = regions[0]!.root;
  return root.nodeType === Node.ELEMENT_NODE ? (root as Element) : (root.parentElement ?? undefined);
}

function hasAncestorIn(node: Node, roots: ReadonlySet<Node>): boolean {
  if (roots.size < 2) return false;
  for (let parent = node.parentNode; parent; parent = parent.parentNode) if (roots.has(parent)) return true;
  return false;
}
