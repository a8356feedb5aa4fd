// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TermHighlights } from '../../src/page/highlights';
import { adoptEarlySheets, releaseEarlySheets, SIGNAL_STYLE, takeEarlySheet, TERM_STYLE } from '../../src/page/mark-styles';

/** happy-dom has no CSS Custom Highlight API: a stand-in, as a browser's, for the time of a test. */
function withHighlightApi(): () => void {
  vi.stubGlobal('CSS', { highlights: new Map() });
  vi.stubGlobal('Highlight', class extends Set<AbstractRange> {
    priority = 0;
  });
  return () => vi.unstubAllGlobals();
}

describe('the marks’ early sheets', () => {
  const pageSheet = new CSSStyleSheet();
  afterEach(() => {
    releaseEarlySheets(document);
    document.adoptedStyleSheets = [];
  });

  it('are adopted beside the page’s own, and each is handed over once', () => {
    document.adoptedStyleSheets = [pageSheet];
    adoptEarlySheets(document);
    expect(document.adoptedStyleSheets).toHaveLength(3);
    expect(document.adoptedStyleSheets[0]).toBe(pageSheet);
    const term = takeEarlySheet(TERM_STYLE);
    expect(term).toBe(document.adoptedStyleSheets[1]);
    expect(takeEarlySheet(TERM_STYLE)).toBeUndefined();
    expect(takeEarlySheet(SIGNAL_STYLE)).toBe(document.adoptedStyleSheets[2]);
  });

  it('are adopted once, however often the loader runs', () => {
    adoptEarlySheets(document);
    adoptEarlySheets(document);
    expect(document.adoptedStyleSheets).toHaveLength(2);
  });

  it('are taken over by the highlights, not added to', () => {
    const restore = withHighlightApi();
    try {
      adoptEarlySheets(document);
      const early = [...document.adoptedStyleSheets];
      const highlights = new TermHighlights(document);
      highlights.attach();
      expect(document.adoptedStyleSheets).toEqual(early);
      // Taken: the highlights remove it when they stop, and the signals' sheet stays until its marks come.
      highlights.detach();
      expect(document.adoptedStyleSheets).toEqual([early[1]]);
    } finally {
      restore();
    }
  });

  it('go when nobody took them, and only those', () => {
    document.adoptedStyleSheets = [pageSheet];
    adoptEarlySheets(document);
    const term = takeEarlySheet(TERM_STYLE);
    releaseEarlySheets(document);
    expect(document.adoptedStyleSheets).toEqual([pageSheet, term]);
  });
});
