/**
 * Keeps the marks in step with the page: at start and after a navigation (GitHub's Turbo and
 * React swap the page without a load) the parts of the page near the screen are scanned, and
 * the rest as the reader scrolls to them (`ScanRegions`), or at once on a short page; after
 * that, added or changed subtrees (lazily loaded comments). "On this page" asks for the rest
 * (`scanRest`). Nothing from a previous page survives a navigation.
 */
import { RELEVANCE } from '../glossary/relevance';
import type { PageTerm } from '../messaging/protocol';
import { TermHighlights } from './highlights';
import { IdleQueue, nextFrame, SLICE_MS } from './idle';
import { afterLoad } from './page-load';
import { pageQuestion } from './page-question';
import { MarkingPolicy, type ReviewedMatch } from './marking-policy';
import { type Region, ScanRegions } from './regions';
import { type PageScanner, tallyTerms, type TextMatches } from './scanner';
import { isCardHost, RegionSkips } from './selectors';
import type { SignalMarks } from './signal-marks';

/**
 * A page whose address keeps changing (a `replaceState` every 20 ms) is rescanned at most once
 * in this long, after the changes stop or the interval passes.
 */
export const URL_RESCAN_MS = 1000;
/** Attributes that make an element's text editable (selectors.ts), watched once it is scanned. */
const EDITABLE_ATTRIBUTES = ['contenteditable', 'role'];

export interface MarkerOptions {
  /**
   * False for pages that must first prove they are about Istio (GitHub outside the mesh
   * organisations); asked again for every URL, since a navigation can cross that line.
   */
  relevantByDefault: (href: string) => boolean;
  /** The user's "marks on/off": off still finds terms (for hover and the popup), paints nothing. */
  paint: boolean;
  /** Called when a full scan (of the first regions near the screen) is done, once per address. */
  onScanned?: () => void;
  /** Called whenever a scan settles, full or incremental: `ready` and `terms()` may say something new. */
  onSettled?: () => void;
}

interface NodeMarks {
  /** The occurrences the marking policy keeps, each marked (painted) or not. */
  matches: ReviewedMatch[];
  ranges: StaticRange[];
}

export class PageMarker {
  private readonly marks = new Map<Text, NodeMarks>();
  private readonly queue = new IdleQueue();
  private readonly highlights: TermHighlights;
  private observer: MutationObserver | undefined;
  private href: string;
  /** What the page is about (its title and question) when its address was last taken as a new page. */
  private content = '';
  /** When the last rescan for a new address ran, and the one waiting for the rate limit. */
  private lastUrlScan = -Infinity;
  private urlScanTimer: ReturnType<typeof setTimeout> | undefined;
  /** Nodes left the page: marks and watched regions are released with the next frame. */
  private cancelSweep: (() => void) | undefined;
  /** Set by each full scan (see `MarkerOptions.relevantByDefault`). */
  private relevant = false;
  /** The first regions near the screen are scanned (`onScanned` was called) since the last navigation. */
  private scanned = false;
  private regions: ScanRegions | undefined;
  private stopped = false;
  private waited = false;
  private scanner: PageScanner | undefined;
  private scannerLoad: Promise<void> | undefined;
  /** Made anew for each page (URL): which terms each reading unit has marked. */
  private policy: MarkingPolicy;

  constructor(
    /**
     * Asked for only when scanning starts (after the page's load): the glossary is read from
     * storage (or asked of the background) and building the matcher costs a few ms.
     */
    private readonly loadScanner: () => Promise<PageScanner> | PageScanner,
    private options: MarkerOptions,
    private readonly doc: Document = document,
    /** Signal marks, read from the same regions as the terms (signal-marks.ts). */
    private readonly signals?: SignalMarks,
  ) {
    this.highlights = new TermHighlights(doc);
    this.href = doc.location?.href ?? '';
    this.policy = new MarkingPolicy(doc, this.href);
  }

  /** True when the page counts as being about Istio (always, except where a check is needed). */
  get isRelevant(): boolean {
    return this.relevant;
  }

  /** Whether the whole page has been scanned since the last navigation. */
  get ready(): boolean {
    return this.scanned && !this.queue.busy && !this.regions?.hasRest;
  }

  /**
   * Scans the regions the reader has not come near yet, within `budgetMs` (in slices, yielding
   * between them): what "On this page" needs to count every term of the page. False when the
   * marker has not started scanning (the page is still loading).
   */
  async scanRest(budgetMs: number): Promise<boolean> {
    const scanner = this.scanner;
    if (!scanner || !this.regions) return false;
    for (const region of this.regions.takeRest()) this.scanRegion(scanner, region);
    const stopAt = performance.now() + budgetMs;
    while (this.queue.busy && performance.now() < stopAt) {
      this.queue.runNow(SLICE_MS);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return true;
  }

  start(): void {
    // A page still loading is left to load: scanning waits for its load event, or a while if it
    // never comes. The highlight styles (the terms' and the signals') go in now, while the page
    // is styled for the first time (adding them after the load costs a style recalculation of the
    // whole page, +140 ms on a 3,000-comment issue; until there are marks they style nothing).
    if (this.doc.readyState !== 'complete' && !this.waited) {
      this.waited = true;
      if (this.options.paint && this.options.relevantByDefault(this.doc.location.href)) {
        this.highlights.attach();
        this.signals?.setPainting(true);
      }
      afterLoad(this.doc, () => this.start());
      return;
    }
    if (this.stopped || this.observer) return;
    if (!this.scanner) {
      // Without a glossary (none stored, and the background did not answer) the page stays unmarked.
      this.scannerLoad ??= Promise.resolve(this.loadScanner()).then(
        (scanner) => {
          this.scanner = scanner;
          this.start();
        },
        () => (this.scannerLoad = undefined),
      );
      return;
    }
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: EDITABLE_ATTRIBUTES });
    // A history navigation may change the URL after (or without) the DOM swap it belongs to:
    // mutations check it here, and the owner calls `checkAddress` when the address changes.
    this.fullScan();
  }

  /**
   * Notices an address that changed without a mutation (`history.pushState` with the DOM swapped
   * earlier, a history navigation). The owner calls it when the browser tells of a navigation
   * (`watchAddress`, src/page/page-watch.ts): one listener for every part of the page, not one each.
   */
  checkAddress(): void {
    if (this.observer) this.checkUrl();
  }

  /**
   * A new address is a new page: everything is rescanned and nothing of the old one is kept. A
   * change of only the query or the fragment (filters, tabs, a position kept in the address) is
   * a new page only when what the page is about changed. Rescans are rate-limited
   * (`URL_RESCAN_MS`). True when the address is taken as a new page.
   */
  private checkUrl(): boolean {
    const href = this.doc.location.href;
    if (href === this.href) return false;
    const samePath = withoutQuery(href) === withoutQuery(this.href);
    this.href = href;
    if (samePath && this.contentSignature() === this.content) return false;
    this.rescanForUrl();
    return true;
  }

  private rescanForUrl(): void {
    const wait = this.lastUrlScan + URL_RESCAN_MS - performance.now();
    if (wait <= 0 && this.urlScanTimer === undefined) {
      this.lastUrlScan = performance.now();
      this.fullScan();
      return;
    }
    // Within the limit: the old page's marks go now, and one rescan comes when the limit ends.
    this.queue.cancel();
    this.regions?.disconnect();
    this.clearMarks();
    this.urlScanTimer ??= setTimeout(() => {
      this.urlScanTimer = undefined;
      if (this.stopped) return;
      this.lastUrlScan = performance.now();
      this.fullScan();
    }, Math.max(wait, 0));
  }

  private contentSignature(): string {
    return `${this.doc.title.slice(0, 300)}\n${pageQuestion(this.doc)}`;
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = undefined;
    clearTimeout(this.urlScanTimer);
    this.cancelSweep?.();
    this.queue.cancel();
    this.regions?.disconnect();
    this.marks.clear();
    this.highlights.detach();
    this.signals?.stop();
  }

  update(options: MarkerOptions): void {
    const repaint = options.paint !== this.options.paint;
    this.options = options;
    if (repaint) this.repaint();
  }

  /** Terms on the page, most frequent first: every occurrence the policy keeps, marked or not. */
  terms(): PageTerm[] {
    return tallyTerms([...this.marks].flatMap(([node, { matches }]) => (node.isConnected ? [matches] : [])));
  }

  /** The occurrences already found in a text node, if it was scanned. */
  matchesIn(node: Text): ReviewedMatch[] | undefined {
    return this.marks.get(node)?.matches;
  }

  setActive(range: AbstractRange | undefined): void {
    this.highlights.setActive(range);
  }

  private fullScan(): void {
    const scanner = this.scanner;
    if (!scanner) return;
    this.queue.cancel();
    this.regions?.disconnect();
    this.clearMarks();
    scanner.reset();
    this.scanned = false;
    this.content = this.contentSignature();
    this.policy = new MarkingPolicy(this.doc, this.href);
    this.relevant = this.options.relevantByDefault(this.href);
    if (this.relevant && this.options.paint) this.highlights.attach();
    this.signals?.setPainting(this.relevant && this.options.paint);
    let first = true;
    this.regions = new ScanRegions(this.doc, (regions) => {
      for (const region of regions) this.scanRegion(scanner, region);
      // The first regions near the screen make the page's first marks.
      if (first) {
        first = false;
        this.queue.whenIdle(() => this.afterScan());
      }
    });
    this.regions.watch(this.doc.body ?? this.doc.documentElement);
  }

  private clearMarks(): void {
    this.marks.clear();
    this.highlights.clear();
    this.signals?.clear();
  }

  private scanRegion(scanner: PageScanner, { root }: Region): void {
    if (!root.isConnected) return;
    // Signals first: a term inside a signal (a log line) is left to the signal's mark.
    const skips = new RegionSkips(root);
    if (this.signals) this.queue.push(this.signals.job(root, skips));
    this.queue.push(scanner.job(root, (found) => this.record(found), skips), () => this.afterIncrementalScan());
  }

  private record({ node, matches, position }: TextMatches): void {
    this.forget(node);
    const reviewed = this.policy.review(node, matches, position);
    if (reviewed.length === 0) return;
    const entry: NodeMarks = { matches: reviewed, ranges: [] };
    this.marks.set(node, entry);
    if (this.relevant && this.options.paint) this.paint(node, entry);
  }

  private afterScan(): void {
    this.scanned = true;
    if (!this.relevant && this.looksRelevant()) {
      this.relevant = true;
      this.repaint();
    }
    this.highlights.flush();
    this.options.onScanned?.();
    this.options.onSettled?.();
  }

  private looksRelevant(): boolean {
    const ids = new Set(this.terms().map((term) => term.termId));
    const anchored = RELEVANCE.anchors.some((id) => ids.has(id));
    const others = [...ids].filter((id) => !(RELEVANCE.anchors as readonly string[]).includes(id)).length;
    return anchored && others >= RELEVANCE.otherTerms;
  }

  private repaint(): void {
    this.signals?.setPainting(this.relevant && this.options.paint);
    this.highlights.clear();
    for (const entry of this.marks.values()) entry.ranges = [];
    if (!this.relevant || !this.options.paint) return;
    this.highlights.attach();
    for (const [node, entry] of this.marks) {
      if (!this.paint(node, entry)) break;
    }
    this.highlights.flush();
  }

  /** Paints one node's marks; false when the cap is reached (or nothing can be painted). */
  private paint(node: Text, entry: NodeMarks): boolean {
    if (!this.highlights.supported) return false;
    for (const match of entry.matches) {
      if (!match.marked || this.signals?.overlaps(node, match.start, match.end)) continue;
      const range = new StaticRange({ startContainer: node, startOffset: match.start, endContainer: node, endOffset: match.end });
      if (!this.highlights.add(range)) return false;
      entry.ranges.push(range);
    }
    return true;
  }

  private onMutations(records: MutationRecord[]): void {
    const scanner = this.scanner;
    // (A rescan waiting for the rate limit covers whatever changes until it runs.)
    if (!scanner || this.checkUrl() || this.urlScanTimer !== undefined) return;
    const roots = new Set<Node>();
    const changed = new Set<Node>();
    let removed = false;
    for (const record of records) {
      if (isOwnUi(record.target)) continue;
      if (record.type === 'characterData') {
        this.forget(record.target as Text);
        this.signals?.forget(record.target as Text);
        roots.add(record.target);
      }
      if (record.type === 'attributes') {
        // An element became editable: its marks go; one that stopped being is rescanned.
        changed.add(record.target);
        roots.add(record.target);
      }
      for (const node of record.addedNodes) if (!isOwnUi(node)) roots.add(node);
      if (record.removedNodes.length > 0) removed = true;
    }
    // What left the page is released once per frame, however many batches come in it.
    if (removed) this.cancelSweep ??= nextFrame(() => this.sweep(), this.doc.defaultView);
    if (changed.size > 0) this.forgetWithin(changed);
    if (changed.size > 0) this.signals?.forgetWithin(changed);
    for (const root of roots) {
      if (!root.isConnected || hasAncestorIn(root, roots)) continue;
      // Added content is scanned when it comes near the screen, like the rest of the page.
      if (this.regions && root.nodeType === Node.ELEMENT_NODE && !changed.has(root)) this.regions.add(root);
      else this.scanRegion(scanner, { root });
    }
  }

  private sweep(): void {
    this.cancelSweep = undefined;
    this.prune();
    this.signals?.prune();
    this.regions?.sweep();
  }

  private afterIncrementalScan(): void {
    // A page can become about Istio as the reader scrolls or its comments load.
    if (this.scanned && !this.relevant && this.looksRelevant()) {
      this.relevant = true;
      this.repaint();
    }
    // Pages that replace document.adoptedStyleSheets would drop our style: put it back.
    if (this.relevant && this.options.paint && this.highlights.size > 0) this.highlights.attach();
    this.signals?.setPainting(this.relevant && this.options.paint);
    // The scan settled: what it found is painted in one change.
    if (!this.queue.busy) {
      this.highlights.flush();
      this.signals?.flush();
      this.options.onSettled?.();
    }
  }

  private prune(): void {
    for (const node of this.marks.keys()) if (!node.isConnected) this.forget(node);
  }

  private forgetWithin(roots: ReadonlySet<Node>): void {
    for (const node of this.marks.keys()) if (hasAncestorIn(node, roots)) this.forget(node);
  }

  private forget(node: Text): void {
    const entry = this.marks.get(node);
    if (!entry) return;
    for (const range of entry.ranges) this.highlights.delete(range);
    this.policy.release(node, entry.matches);
    this.marks.delete(node);
  }
}

function isOwnUi(node: Node): boolean {
  return isCardHost(node);
}

function hasAncestorIn(node: Node, roots: ReadonlySet<Node>): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) if (roots.has(parent)) return true;
  return false;
}

function withoutQuery(href: string): string {
  return href.replace(/[?#].*$/s, '');
}
