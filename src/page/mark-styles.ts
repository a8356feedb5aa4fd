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

/** Underline properties each mark and active mark set. */
interface Underline {
  style: string;
  color: string;
  thickness: string;
  offset: string;
  background?: string;
}

function rule(name: string, { style, color, thickness, offset, background }: Underline): string {
  return `${HIGHLIGHT_SCOPE}::highlight(${name}) {
  text-decoration-line: underline;
  text-decoration-style: ${style};
  text-decoration-color: ${color};
  text-decoration-thickness: ${thickness};
  text-underline-offset: ${offset};${background ? `\n  background-color: ${background};` : ''}
}`;
}

/** A set of marks and its active mark, named once: the names and the sheet's rules cannot drift apart. */
function highlightStyle(mark: string, active: string, markLook: Underline, activeLook: Underline): HighlightStyle {
  return { mark, active, styles: `${rule(mark, markLook)}\n${rule(active, activeLook)}\n` };
}

/** Term marks: a dotted blue underline. */
export const TERM_STYLE = highlightStyle(
  'istio-experts-term',
  'istio-experts-active',
  { style: 'dotted', color: 'rgb(66 133 244 / 0.85)', thickness: '2px', offset: '3px' },
  { style: 'solid', color: 'rgb(66 133 244)', thickness: '2px', offset: '3px', background: 'rgb(66 133 244 / 0.2)' },
);

/** Signal marks: boxed and amber, unlike the terms' dotted blue. */
export const SIGNAL_STYLE = highlightStyle(
  'istio-experts-signal',
  'istio-experts-signal-active',
  { style: 'double', color: 'rgb(217 119 6 / 0.95)', thickness: '1px', offset: '2px', background: 'rgb(245 158 11 / 0.14)' },
  { style: 'solid', color: 'rgb(217 119 6)', thickness: '2px', offset: '2px', background: 'rgb(245 158 11 / 0.32)' },
);

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
