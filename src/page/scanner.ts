/**
 * Finds glossary terms in a page's visible text without touching the page: a TreeWalker over
 * text nodes (skipping inputs, editors, scripts, hidden subtrees and our own UI), the shared
 * matcher on each node, and visibility checked only where a term was found.
 *
 * Work is done in slices that stop at a deadline, so no single task blocks the page; the caller
 * decides how to wait between slices.
 */
import type { TermMatch, TermMatcher } from '../glossary/matcher';
import type { PageTerm } from '../messaging/protocol';
import { isSkippedRoot, RegionSkips } from './selectors';

export interface TextMatches {
  node: Text;
  matches: TermMatch[];
  /** Characters of text this scanner had read when it reached the node (in scan order). */
  position: number;
}

/** A scan that can be resumed: `run` processes nodes until `deadline()` says stop. */
export interface ScanJob {
  /** Returns true when the whole subtree has been scanned. */
  run(deadline: () => boolean): boolean;
}

const MIN_TEXT = 2;
/**
 * A text node longer than this (a 5 MB `<pre>`) is matched a window at a time, the deadline
 * checked between windows, so one node never makes a long task; and no node keeps more than
 * MAX_MATCHES_PER_NODE matches (hover finds the rest on the spot, see hover.ts).
 */
const WINDOW_CHARS = 32_768;
export const MAX_MATCHES_PER_NODE = 500;

/** A long text node part-way through its windows. */
interface LongText {
  node: Text;
  /**
   * The node's text, read once: Firefox copies a text node's data on every read, which for a
   * 5 MB `<pre>` read a window at a time cost tens of seconds.
   */
  data: string;
  /** Where the node starts in the page's text (`TextMatches.position`). */
  start: number;
  /** How far into the node the windows have got. */
  position: number;
  matches: TermMatch[];
}

/** How often each term occurs in these matches, most frequent first. */
export function tallyTerms(matchLists: Iterable<readonly TermMatch[]>): PageTerm[] {
  const counts = new Map<string, number>();
  for (const matches of matchLists) {
    for (const match of matches) counts.set(match.termId, (counts.get(match.termId) ?? 0) + 1);
  }
  return [...counts].map(([termId, count]) => ({ termId, count })).sort((a, b) => b.count - a.count);
}

export class PageScanner {
  private visible = new WeakMap<Element, boolean>();
  /** Characters read since the last `reset`: where each node is in the page, for the policy. */
  private read = 0;

  constructor(readonly matcher: TermMatcher) {}

  /** Matches in one text node, if it is page prose and visible. */
  scanText(node: Text, data = node.data): TermMatch[] {
    if (data.length < MIN_TEXT) return [];
    return this.visibleOnly(node, this.matcher.findAll(data, MAX_MATCHES_PER_NODE));
  }

  private visibleOnly(node: Text, matches: TermMatch[]): TermMatch[] {
    if (matches.length === 0) return matches;
    return this.isVisible(node.parentElement) ? matches : [];
  }

  /** Matches the next window of a long node; true when the node is done (or its cap reached). */
  private scanWindow(long: LongText): boolean {
    const { data } = long;
    // From where the last window stopped (a term across the edge is found whole).
    long.position = this.matcher.findIn(data, long.position, Math.min(data.length, long.position + WINDOW_CHARS), MAX_MATCHES_PER_NODE, long.matches);
    return long.position >= data.length || long.matches.length >= MAX_MATCHES_PER_NODE;
  }

  /** Scans a text node, a window at a time if it is long; false when the deadline came first. */
  private scanNode(long: LongText, deadline: () => boolean, onMatches: (found: TextMatches) => void): boolean {
    while (!this.scanWindow(long)) if (deadline()) return false;
    const matches = this.visibleOnly(long.node, long.matches);
    if (matches.length > 0) onMatches({ node: long.node, matches, position: long.start });
    return true;
  }

  /** Where a node starts in the page's text, as scanned; counts its characters as read. */
  private begin(length: number): number {
    const start = this.read;
    this.read += length;
    return start;
  }

  /** A resumable scan of `root`'s subtree, reporting each text node with terms; `skips`, shared with the region's other readers. */
  job(root: Node, onMatches: (found: TextMatches) => void, skips = new RegionSkips(root)): ScanJob {
    if (root.nodeType === Node.TEXT_NODE) {
      let long: LongText | undefined;
      return {
        run: (deadline) => {
          if (isSkippedRoot(root)) return true;
          if (!long) {
            const data = (root as Text).data;
            long = { node: root as Text, data, start: this.begin(data.length), position: 0, matches: [] };
          }
          return this.scanNode(long, deadline, onMatches);
        },
      };
    }
    if (root.nodeType === Node.ELEMENT_NODE && skips.wholeRegion) return { run: () => true };
    const nextText = skips.texts();
    let long: LongText | undefined;
    return {
      run: (deadline) => {
        let count = 0;
        if (long && !this.scanNode(long, deadline, onMatches)) return false;
        long = undefined;
        for (let node = nextText(); node; node = nextText()) {
          const data = node.data;
          const position = this.begin(data.length);
          if (data.length > WINDOW_CHARS) {
            long = { node, data, start: position, position: 0, matches: [] };
            if (!this.scanNode(long, deadline, onMatches)) return false;
            long = undefined;
            continue;
          }
          const matches = this.scanText(node, data);
          if (matches.length > 0) onMatches({ node, matches, position });
          // Checking the clock every node would cost more than the matching.
          if (++count % 16 === 0 && deadline()) return false;
        }
        return true;
      },
    };
  }

  /** Starts over for a new page: visibility is measured again and positions count from 0. */
  reset(): void {
    this.visible = new WeakMap();
    this.read = 0;
  }

  private isVisible(element: Element | null): boolean {
    if (!element) return false;
    let visible = this.visible.get(element);
    if (visible === undefined) {
      visible = typeof element.checkVisibility === 'function'
        ? element.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)
        : (element as HTMLElement).offsetParent !== null || element.getClientRects().length > 0;
      this.visible.set(element, visible);
    }
    return visible;
  }
}
