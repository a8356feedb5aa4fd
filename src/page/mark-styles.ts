/**
 * The style sheets of the marks (terms, and signals), and their early start. A sheet adopted
 * after the page's first styling has the whole page styled again (a 3,000-comment issue: 208 ms
 * of style against 136, `npm run bench -- page-cost`), and the app comes in as a module, late.
 * So the content script's loader adopts the sheets at `document_start`, on pages marked from the
 * start, and the app's highlights take them over (`takeEarlySheet`).
 */

/** The names of a set of marks and of its active mark, and their style sheet. */
export interface HighlightStyle {
  mark: string;
  active: string;
  styles: string;
}

/**
 * Where the highlight rules match. Chromium gives a highlight's style to the text of every
 * descendant of the element a rule matches (highlight inheritance), so its rules match the root
 * alone: a rule on every element (`::highlight(…)`, which is `*::highlight(…)`) made each element
 * of the page resolve a highlight style whenever it was styled, +48% style time on a 3,000-comment
 * issue even before any mark (`npm run bench -- page-cost`). Firefox styles each element's
 * highlight on its own, so there the rules match every element.
 */
export const HIGHLIGHT_SCOPE = import.meta.env?.FIREFOX ? '' : ':root';

/** Term marks: a dotted blue underline. */
export const TERM_STYLE: HighlightStyle = {
  mark: 'istio-experts-term',
  active: 'istio-experts-active',
  styles: `
${HIGHLIGHT_SCOPE}::highlight(istio-experts-term) {
  text-decoration-line: underline;
  text-decoration-style: dotted;
  text-decoration-color: rgb(66 133 244 / 0.85);
  text-decoration-thickness: 2px;
  text-underline-offset: 3px;
}
${HIGHLIGHT_SCOPE}::highlight(istio-experts-active) {
  background-color: rgb(66 133 244 / 0.2);
  text-decoration-line: underline;
  text-decoration-style: solid;
  text-decoration-color: rgb(66 133 244);
  text-decoration-thickness: 2px;
  text-underline-offset: 3px;
}
`,
};

/** Signal marks: boxed and amber, unlike the terms' dotted blue. */
export const SIGNAL_STYLE: HighlightStyle = {
  mark: 'istio-experts-signal',
  active: 'istio-experts-signal-active',
  styles: `
${HIGHLIGHT_SCOPE}::highlight(istio-experts-signal) {
  text-decoration-line: underline;
  text-decoration-style: double;
  text-decoration-color: rgb(217 119 6 / 0.95);
  text-decoration-thickness: 1px;
  text-underline-offset: 2px;
  background-color: rgb(245 158 11 / 0.14);
}
${HIGHLIGHT_SCOPE}::highlight(istio-experts-signal-active) {
  background-color: rgb(245 158 11 / 0.32);
  text-decoration-line: underline;
  text-decoration-style: solid;
  text-decoration-color: rgb(217 119 6);
  text-decoration-thickness: 2px;
  text-underline-offset: 2px;
}
`,
};

/** A new sheet of `style`'s rules; undefined where constructed sheets are refused. */
export function markSheet(style: HighlightStyle): CSSStyleSheet | undefined {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(style.styles);
    return sheet;
  } catch {
    return undefined;
  }
}

/**
 * The sheets the loader adopted and the app has not taken yet, by mark name. On the isolated
 * world's global, which the page cannot see: the loader and the app are two bundles.
 */
const EARLY_SHEETS = '__istioExpertsEarlySheets';

function earlySheets(): Map<string, CSSStyleSheet> | undefined {
  const sheets = (globalThis as Record<string, unknown>)[EARLY_SHEETS];
  return sheets instanceof Map ? (sheets as Map<string, CSSStyleSheet>) : undefined;
}

/** Adopts the sheets of both kinds of marks now, for the app to take over. */
export function adoptEarlySheets(doc: Document): void {
  if (earlySheets() || typeof CSSStyleSheet !== 'function') return;
  const sheets = new Map<string, CSSStyleSheet>();
  for (const style of [TERM_STYLE, SIGNAL_STYLE]) {
    const sheet = markSheet(style);
    if (sheet) sheets.set(style.mark, sheet);
  }
  try {
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, ...sheets.values()];
    (globalThis as Record<string, unknown>)[EARLY_SHEETS] = sheets;
  } catch {
    // A page that forbids constructed sheets: the app's highlights find none to take.
  }
}

/** The sheet the loader adopted for `style`, handed over once. */
export function takeEarlySheet(style: HighlightStyle): CSSStyleSheet | undefined {
  const sheets = earlySheets();
  const sheet = sheets?.get(style.mark);
  sheets?.delete(style.mark);
  return sheet;
}

/** Removes the early sheets nobody took: the settings say this page is not marked after all. */
export function releaseEarlySheets(doc: Document): void {
  const sheets = earlySheets();
  delete (globalThis as Record<string, unknown>)[EARLY_SHEETS];
  if (!sheets || sheets.size === 0) return;
  const unused = new Set(sheets.values());
  doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((sheet) => !unused.has(sheet));
}
