/**
 * What the page scanner must never read or mark, in one place. Checks are attribute and tag
 * tests, not `Element.matches`, because they run for every element of very large pages.
 */

/**
 * The attribute on the element that hosts our card; its (closed) shadow root is our UI, never page
 * text. The host is a plain `div`, not a custom element: a page can define any custom element name
 * before we use it (and make `attachShadow` throw), but it cannot redefine `div`.
 */
export const CARD_HOST_ATTRIBUTE = 'data-istio-experts-card';
export const CARD_HOST_TAG = 'div';

export function isCardHost(node: Node | null | undefined): boolean {
  return node?.nodeType === Node.ELEMENT_NODE && (node as Element).hasAttribute(CARD_HOST_ATTRIBUTE);
}

/**
 * Removes cards left by an earlier copy of the content script (Firefox ends an updated
 * extension's scripts at once, leaving whatever they had added to the page); ours is never open
 * when the script starts. Hosts are children of the root: those are read, not matched with a
 * selector, which is tried against every element of the page.
 */
export function removeOrphanedCards(doc: Document): void {
  for (const host of [...(doc.documentElement?.children ?? [])]) if (isCardHost(host)) host.remove();
}

/**
 * Elements whose text is not page prose: code stays in (EnvoyFilter YAML is what people ask
 * about), navigation and footers go (menus, breadcrumbs and link lists are not read as text).
 */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'SVG', 'svg', 'MATH', 'math',
  'HEAD', 'TITLE', 'NAV', 'FOOTER',
]);
/** Navigation by role, and labelled side columns (a docs site's menu and its "On this page"). */
const SKIPPED_ROLES = new Set(['navigation', 'contentinfo', 'menu', 'menubar', 'tablist']);

/** Code editors: their text is what a person is typing, and their DOM is fragile. */
const EDITOR_CLASSES = ['CodeMirror', 'cm-editor', 'monaco-editor', 'ace_editor'];

export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  if (element.hasAttribute('hidden') || element.hasAttribute(CARD_HOST_ATTRIBUTE)) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = element.getAttribute('role');
  if (role === 'textbox' || (role !== null && SKIPPED_ROLES.has(role))) return true;
  if (element.tagName === 'ASIDE' && element.hasAttribute('aria-label')) return true;
  const { classList } = element;
  return classList.length > 0 && EDITOR_CLASSES.some((name) => classList.contains(name));
}

/**
 * The text nodes under `root` (itself not skipped) that are not inside a skipped element, one at
 * a time. The browser's own walker finds text nodes (a filter function would be called back for
 * every element of the page); whether a node's ancestors are skipped is worked out once per
 * element and remembered in `skipped` (shared by the walks of one region, see `RegionSkips`).
 */
export function unskippedTexts(root: Node, skipped = new Map<Element, boolean>()): () => Text | null {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const chain: Element[] = [];
  const isSkipped = (node: Text): boolean => {
    let element = node.parentElement;
    let inside = false;
    chain.length = 0;
    for (; element && element !== root; element = element.parentElement) {
      const known = skipped.get(element);
      if (known !== undefined) {
        inside = known;
        break;
      }
      chain.push(element);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      inside ||= isSkippedElement(chain[i]!);
      skipped.set(chain[i]!, inside);
    }
    return inside;
  };
  return () => {
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) if (!isSkipped(node)) return node;
    return null;
  };
}

/** True when a scan's root is skipped whole: a skipped element, or a node inside one. */
export function isSkippedRoot(root: Node): boolean {
  return (root.nodeType === Node.ELEMENT_NODE && isSkippedElement(root as Element)) || isInSkippedRegion(root);
}

/**
 * What is skipped in one region, worked out once for all its readers: the signals and the terms
 * each walk the region, and each asked the same questions of every element and of the root's
 * ancestors.
 */
export class RegionSkips {
  private readonly skipped = new Map<Element, boolean>();
  private rootSkipped: boolean | undefined;

  constructor(readonly region: Node) {}

  /** Whether the whole region is skipped (as when its reading was set up). */
  get wholeRegion(): boolean {
    return (this.rootSkipped ??= isSkippedRoot(this.region));
  }

  /** The region's text nodes that are not skipped, one at a time (the region itself not skipped). */
  texts(): () => Text | null {
    return unskippedTexts(this.region, this.skipped);
  }
}

/** True when a node lies inside something the scanner skips (for hover hit-testing). */
export function isInSkippedRegion(node: Node): boolean {
  for (let element = node.parentElement; element; element = element.parentElement) {
    if (isSkippedElement(element)) return true;
  }
  return isCardHost((node.getRootNode() as ShadowRoot).host);
}

/** Text that is code: names are joined by `-` and `_` there, and lines are YAML. */
export const CODE_ELEMENTS = 'pre, code, kbd, samp, tt';

/**
 * The reading units a term is marked once in (`markUnit`): a comment (GitHub, discussions), else
 * the text under a heading. `block` is the paragraph-sized element whose text the sense checks
 * read.
 */
export const MARK_UNIT = {
  comment: '.comment-body, .js-comment-body, [data-testid="issue-body"], [data-testid="comment-body"], .timeline-comment, .post, .topic-body',
  /**
   * A GitHub issue's, pull request's or discussion's whole conversation: one reading unit, since
   * its comments are short and say the same terms again (`threadPage`).
   */
  thread: '.js-discussion, [data-testid="issue-viewer-issue-container"], [data-testid="issue-viewer-comments-container"], .discussion-timeline, #discussion_bucket',
  block: 'p, pre, blockquote, h1, h2, h3, h4, h5, h6, figcaption, summary, dd, dt, li, td, th',
} as const;

/** A GitHub thread: an issue, a pull request's conversation or a discussion. */
export const THREAD_PATH = /^\/[^/]+\/[^/]+\/(?:issues|pull|discussions)\/\d+(?:\/?$|#)/;

/** Closest element that reads as one unit of prose, for the sentence around a term. */
export const CONTEXT_BLOCK = 'p, li, td, th, dd, dt, blockquote, pre, h1, h2, h3, h4, h5, h6, figcaption, summary';

/**
 * Where a page states its question (`page-question.ts`). GitHub: the title and the opening
 * comment of an issue, pull request or discussion, in its server-rendered and React views.
 * Elsewhere: the page's headings (navigation and our UI aside).
 */
export const PAGE_QUESTION = {
  /** In order of preference: the first that matches is used. */
  githubTitle: ['[data-testid="issue-title"]', 'bdi.js-issue-title', '.js-issue-title', '.gh-header-title'],
  githubOpening: ['[data-testid="issue-body"] .markdown-body', '.js-comment-body', '.comment-body'],
  headings: 'h1, h2, h3',
  notContent: 'nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"]',
} as const;

/** The element of the first selector in `selectors` that finds one (the later ones are not tried). */
export function firstElement(doc: Document, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    const element = doc.querySelector(selector);
    if (element) return element;
  }
  return undefined;
}
