/**
 * What a card points at. A hover card follows its term's text; a lookup card follows one point of
 * the selection, never the selection's whole extent: floating-ui measures the anchor on every
 * scroll, and measuring a 5 MB selection each time made scrolling about 5× slower.
 */
import type { CardAnchor } from './card-api';

interface TextPoint {
  node: Text;
  offset: number;
}

/** A live range over a term's text: it moves with the text, and is gone once its node leaves the page. */
export function textAnchor(node: Text, start: number, end: number): CardAnchor {
  const range = node.ownerDocument.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    get isConnected() {
      return node.isConnected;
    },
  };
}

/**
 * Where a lookup card opens: the point where the selection ends (where the user's drag stopped),
 * or where it starts if only that is in view; for a selection with no text (a field's), the
 * focused element; else the top of the viewport.
 */
export function selectionAnchor(selection: Selection | null, doc: Document = document): CardAnchor {
  if (selection && selection.rangeCount > 0 && !selection.isCollapsed) {
    const range = selection.getRangeAt(0);
    const focusIsEnd = selection.focusNode === range.endContainer && selection.focusOffset === range.endOffset;
    const end = textPointAt(doc, range.endContainer, range.endOffset, 'end');
    const start = textPointAt(doc, range.startContainer, range.startOffset, 'start');
    const points = (focusIsEnd ? [end, start] : [start, end]).flatMap((point) => (point ? [pointAnchor(point)] : []));
    const shown = points.find((anchor) => inViewport(anchor.getBoundingClientRect(), doc)) ?? points.find((anchor) => anchor.getClientRects().length > 0);
    if (shown) return shown;
  }
  const active = doc.activeElement;
  if (active && active !== doc.body && active !== doc.documentElement) return active;
  const rect = new DOMRect((doc.defaultView?.innerWidth ?? 0) / 2, 48, 0, 0);
  return { getBoundingClientRect: () => rect, getClientRects: () => [rect] };
}

/** A collapsed range at a point of text: measuring it costs the same however long the selection. */
function pointAnchor({ node, offset }: TextPoint): CardAnchor {
  return textAnchor(node, offset, offset);
}

function inViewport(rect: DOMRect, doc: Document): boolean {
  const view = doc.defaultView;
  if (!view || (rect.width === 0 && rect.height === 0 && rect.x === 0 && rect.y === 0)) return false;
  return rect.bottom >= 0 && rect.top <= view.innerHeight && rect.right >= 0 && rect.left <= view.innerWidth;
}

/**
 * A boundary point as a point in text: an element boundary (`selectNodeContents`, a triple click)
 * has no box of its own, so the nearest visible text before an end, or after a start, stands in.
 */
export function textPointAt(doc: Document, container: Node, offset: number, edge: 'start' | 'end'): TextPoint | undefined {
  if (container.nodeType === Node.TEXT_NODE) return { node: container as Text, offset };
  const root = doc.body ?? doc.documentElement;
  if (!root) return undefined;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => ((node as Text).data.trim() === '' ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT),
  });
  const child = container.childNodes[offset];
  let found: Node | null;
  if (child) {
    walker.currentNode = child;
    found = edge === 'start' && isText(child) ? child : edge === 'start' ? walker.nextNode() : walker.previousNode();
  } else {
    // The point is after the container's last child: its last descendant, then onwards.
    let last: Node = container;
    while (last.lastChild) last = last.lastChild;
    walker.currentNode = last;
    found = edge === 'end' && isText(last) ? last : edge === 'end' ? walker.previousNode() : walker.nextNode();
  }
  if (!found || !isText(found)) return undefined;
  return { node: found, offset: edge === 'start' ? 0 : found.data.length };
}

function isText(node: Node): node is Text {
  return node.nodeType === Node.TEXT_NODE && (node as Text).data.trim() !== '';
}
