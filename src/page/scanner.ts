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
import { isInSkippedRegion, isSkippedElement } from './selectors';

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
  scanText(node: Text): TermMatch[] {
    const data = node.data;
    if (data.length < MIN_TEXT) return [];
    const matches = this.matcher.findAll(data);
    if (matches.length === 0) return matches;
    return this.isVisible(node.parentElement) ? matches : [];
  }

  /** A resumable scan of `root`'s subtree, reporting each text node with terms. */
  job(root: Node, onMatches: (found: TextMatches) => void): ScanJob {
    const doc = root.ownerDocument ?? (root as Document);
    if (root.nodeType === Node.TEXT_NODE) {
      return {
        run: () => {
          if (!isInSkippedRegion(root)) {
            const position = this.read;
            this.read += (root as Text).data.length;
            const matches = this.scanText(root as Text);
            if (matches.length > 0) onMatches({ node: root as Text, matches, position });
          }
          return true;
        },
      };
    }
    if (root.nodeType === Node.ELEMENT_NODE && (isSkippedElement(root as Element) || isInSkippedRegion(root))) return { run: () => true };
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.nodeType === Node.TEXT_NODE
          ? NodeFilter.FILTER_ACCEPT
          : isSkippedElement(node as Element)
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_SKIP,
    });
    return {
      run: (deadline) => {
        let count = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const position = this.read;
          this.read += (node as Text).data.length;
          const matches = this.scanText(node as Text);
          if (matches.length > 0) onMatches({ node: node as Text, matches, position });
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
