/**
 * Reads the painted marks of a page as a reader sees them, and checks each against the kinds of
 * identifier a mark must never sit in. This check is the measurement's own, written from the
 * issue's list and independent of the extension's marking policy (`src/page/marking-policy.ts`),
 * so that the policy is measured, not restated.
 */
import type { TestPage } from '../e2e/harness';

export interface PageMark {
  surface: string;
  /** Which occurrence of the surface (case-insensitive) in the page's text, from 0. */
  n: number;
  /** The whitespace-delimited token the mark sits in. */
  token: string;
  /** The kind of identifier the mark sits in, if any. */
  identifier: string | null;
  /** The text around the mark (for labelling; never stored in the project). */
  context: string;
}

export async function readMarks(page: TestPage): Promise<PageMark[]> {
  // tsx keeps function names with a helper the page does not have.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  return page.evaluate(() => {
    const highlight = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('istio-experts-term');
    if (!highlight || highlight.size === 0) return [];
    // The page's text in document order, and where each text node starts in it.
    const starts = new Map<Node, number>();
    let text = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let previous: Element | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Text in different elements reads apart ("Istio / Docs" in a breadcrumb), except inside
      // one piece of code, where an identifier may be split into highlighted spans.
      const parent = node.parentElement;
      const code = parent?.closest('pre, code');
      if (previous && parent !== previous && !(code && code === previous.closest('pre, code'))) text += ' ';
      previous = parent;
      starts.set(node, text.length);
      text += (node as Text).data;
    }
    const lower = text.toLowerCase();
    const CODE = 'pre, code, kbd, samp, tt';
    const LABEL_KEY = /(^|[./-])(name|app|version|rev|revision|namespace|host|hosts|subset|cluster|service)$/i;
    const classify = (at: number, end: number, inCode: boolean): { token: string; identifier: string | null } => {
      let from = at;
      let to = end;
      while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
      while (to < text.length && !/\s/.test(text[to]!)) to++;
      // Quotes, brackets and sentence punctuation around a token are not part of it.
      const raw = text.slice(from, to);
      const lead = raw.match(/^["'`(<[{]*/)![0].length;
      const trail = raw.match(/["'`)>\]},;:!?。，、]*\.?$/)![0].length;
      const token = raw.slice(lead, raw.length - trail);
      const start = at - from - lead;
      const stop = start + (end - at);
      const before = token.slice(0, start);
      const after = token.slice(stop);
      if (/:\/\//.test(token) || /^www\./.test(token)) return { token, identifier: 'URL' };
      if (/\$\{?\w*$/.test(before) || /^\w*\}/.test(after) && before.includes('$')) return { token, identifier: 'shell variable' };
      if (token.includes('|')) return { token, identifier: 'Envoy cluster or stat name' };
      if (token.includes('=')) return { token, identifier: 'label selector or key=value' };
      if (/[\w-]\.$/.test(before) || /^\.[\w-]/.test(after)) return { token, identifier: 'hostname, DNS or dotted name' };
      if (/\//.test(token) && (/^(\/|\.\.?\/|~\/)/.test(token) || (token.match(/\//g)?.length ?? 0) >= 2 || /\.[a-z]{2,4}$/i.test(token))) return { token, identifier: 'file path or URL path' };
      if (inCode) {
        if (/[\w]$/.test(before) || /^[\w]/.test(after) || /[-_]$/.test(before) || /^[-_]\w/.test(after)) return { token, identifier: 'part of a code identifier' };
        const lineStart = text.lastIndexOf('\n', at - 1) + 1;
        const lineEnd = text.indexOf('\n', end);
        const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
        const offset = at - lineStart;
        const keyMatch = /^\s*(?:-\s+)?([\w./-]+):(\s|$)/.exec(line);
        if (keyMatch && offset >= keyMatch[0].indexOf(keyMatch[1]!) && offset < keyMatch[0].indexOf(keyMatch[1]!) + keyMatch[1]!.length) return { token, identifier: 'YAML key' };
        const valueMatch = /^\s*(?:-\s+)?([\w./-]+):\s+(\S.*)$/.exec(line);
        if (valueMatch && LABEL_KEY.test(valueMatch[1]!) && offset >= line.indexOf(valueMatch[2]!)) return { token, identifier: 'label value' };
      }
      return { token, identifier: null };
    };
    const marks = [];
    for (const range of highlight) {
      const start = starts.get(range.startContainer);
      if (start === undefined) continue;
      const at = start + range.startOffset;
      const end = start + range.endOffset;
      const surface = text.slice(at, end);
      const needle = surface.toLowerCase();
      let n = 0;
      for (let index = lower.indexOf(needle); index >= 0 && index < at; index = lower.indexOf(needle, index + 1)) n++;
      const element = range.startContainer.parentElement;
      const { token, identifier } = classify(at, end, element?.closest(CODE) !== null);
      marks.push({ surface, n, token, identifier, context: text.slice(Math.max(0, at - 90), end + 90).replace(/\s+/g, ' ') });
    }
    return marks;
  });
}
