/**
 * Signals on the page: access-log lines, analyze output and error lines, decoded where they are
 * (`src/signals/reader.ts`). They live in code and in log-shaped lines, where term marks never
 * go, and are painted under a highlight of their own (a boxed underline in another colour), so a
 * reader tells "a signal I can decode" from "a term I can learn about". The page marker hands
 * over the same regions as for terms (viewport first, in idle slices); a long `<pre>` is read a
 * window at a time and every count is capped.
 */
import { marksOf, MAX_LINE_CHARS, MAX_READ_CHARS, type ReadMode, type SignalLine, type SignalMark, type SignalReader, signalLabel } from '../signals/reader';
import { TermHighlights } from './highlights';
import { SIGNAL_STYLE } from './mark-styles';
import type { ScanJob } from './scanner';
import { CODE_ELEMENTS, isInSkippedRegion, RegionSkips } from './selectors';

/** Marks kept (and painted) on one page at most, and in one text node. */
export const MAX_SIGNAL_MARKS = 600;
const MAX_NODE_MARKS = 300;
/** How a text node is read: code (pre, code) or prose. */
export function readModeOf(node: Text): ReadMode {
  return node.parentElement?.closest(CODE_ELEMENTS) ? 'code' : 'prose';
}

/**
 * Characters the page reads between two looks at the clock: 16 Ki characters of log lines take a
 * few milliseconds (`npm run signals` prints what 1 MB costs), so a slice stays near its 8 ms.
 */
export const PAGE_WINDOW_CHARS = 16_384;

/**
 * The signals of a text node from `from` on: one window of at most `size` characters, cut at a
 * line's end; `next` is where the following window starts (the node's length when done).
 */
export function readWindow(reader: SignalReader, data: string, from: number, mode: ReadMode, size = PAGE_WINDOW_CHARS): { lines: SignalLine[]; next: number } {
  const window = Math.min(size, MAX_READ_CHARS);
  if (data.length - from <= window) return { lines: shift(reader.read(from === 0 ? data : data.slice(from), mode), from), next: data.length };
  let end = data.lastIndexOf('\n', from + window);
  if (end <= from) end = from + window;
  return { lines: shift(reader.read(data.slice(from, end), mode), from), next: end + 1 };
}

function shift(lines: SignalLine[], by: number): SignalLine[] {
  if (by === 0) return lines;
  const move = <T extends { start: number; end: number }>(span: T) => {
    span.start += by;
    span.end += by;
  };
  for (const line of lines) {
    move(line);
    line.flags.forEach(move);
    if (line.details) move(line.details);
    line.clusters.forEach(move);
    line.analyzers.forEach(move);
    line.errors.forEach(move);
  }
  return lines;
}

/** A text node's signal marks, read whole (tests, measurements; the page reads in slices). */
export function signalsInText(reader: SignalReader, node: Text): { marks: SignalMark[]; inCode: boolean } {
  const mode = readModeOf(node);
  const marks: SignalMark[] = [];
  const data = node.data;
  for (let from = 0; from < data.length && marks.length < MAX_NODE_MARKS; ) {
    const { lines, next } = readWindow(reader, data, from, mode);
    marks.push(...marksOf(lines));
    from = next;
  }
  return { marks: marks.slice(0, MAX_NODE_MARKS), inCode: mode === 'code' };
}

/** The line of `data` around `offset` (at most MAX_LINE_CHARS either side). */
function lineAround(data: string, offset: number): { text: string; start: number } {
  const start = Math.max(data.lastIndexOf('\n', offset - 1) + 1, offset - MAX_LINE_CHARS);
  let end = data.indexOf('\n', offset);
  if (end < 0 || end - offset > MAX_LINE_CHARS) end = Math.min(data.length, offset + MAX_LINE_CHARS);
  return { text: data.slice(start, end), start };
}

/** A signal on the page the pointer is on. */
export interface SignalAtPoint {
  node: Text;
  mark: SignalMark;
  /** The line's text, which the background reads again for the card. */
  lineText: string;
  /** Where the mark starts in `lineText`. */
  at: number;
}

/** "On this page": a kind of signal and how often it occurs. */
export interface PageSignal {
  /** `503 UC`, `IST0101`, `upstream_connect_error`. */
  label: string;
  count: number;
}

interface NodeSignals {
  marks: SignalMark[];
  ranges: StaticRange[];
}

export class SignalMarks {
  private readonly nodes = new Map<Text, NodeSignals>();
  private readonly highlights: TermHighlights;
  private painting = false;
  private kept = 0;

  constructor(
    private readonly reader: SignalReader,
    doc: Document = document,
  ) {
    this.highlights = new TermHighlights(doc, SIGNAL_STYLE);
  }

  /** Paints (or stops painting) the marks: as the page's term marks are painted or not. */
  setPainting(painting: boolean): void {
    if (painting === this.painting) {
      if (painting && this.highlights.size > 0) this.highlights.attach();
      return;
    }
    this.painting = painting;
    this.highlights.clear();
    for (const entry of this.nodes.values()) entry.ranges = [];
    if (!painting) return;
    this.highlights.attach();
    for (const [node, entry] of this.nodes) this.paint(node, entry);
  }

  /** A resumable read of `root`'s text, as the page marker's scan of the same region (`skips`, shared with it). */
  job(root: Node, skips = new RegionSkips(root)): ScanJob {
    if (skips.wholeRegion) return { run: () => true };
    const nextText = root.nodeType === Node.TEXT_NODE ? undefined : skips.texts();
    // The node's text is read once: Firefox makes a new copy of a text node's data on every read (5 MB, hundreds of windows).
    let current: { node: Text; data: string; from: number; marks: SignalMark[]; mode: ReadMode } | undefined;
    let single = root.nodeType === Node.TEXT_NODE ? (root as Text) : undefined;
    const next = (): Text | undefined => {
      if (single) {
        const node = single;
        single = undefined;
        return node;
      }
      return nextText?.() ?? undefined;
    };
    return {
      run: (deadline) => {
        let count = 0;
        for (;;) {
          if (this.kept >= MAX_SIGNAL_MARKS) return true;
          if (!current) {
            const node = next();
            if (!node) return true;
            // Signals need a few characters: a status and a flag at least.
            const data = node.data;
            if (data.length < 4 || !node.isConnected) continue;
            current = { node, data, from: 0, marks: [], mode: readModeOf(node) };
          }
          const { lines, next: after } = readWindow(this.reader, current.data, current.from, current.mode);
          current.marks.push(...marksOf(lines));
          current.from = after;
          if (current.from >= current.data.length || current.marks.length >= MAX_NODE_MARKS) {
            this.record(current.node, current.marks.slice(0, MAX_NODE_MARKS));
            current = undefined;
          }
          if (++count % 16 === 0 && deadline()) return false;
          if (current && deadline()) return false;
        }
      },
    };
  }

  /** The signal under a caret position, as read when scanned, or read now from its line. */
  at(node: Text, offset: number): SignalAtPoint | undefined {
    if (isInSkippedRegion(node) || node.parentElement?.isContentEditable) return undefined;
    const known = this.nodes.get(node)?.marks.find((mark) => offset >= mark.start && offset <= mark.end);
    if (known) {
      // The whole entry (a JSON record may span lines), bounded.
      const end = Math.min(known.line.end, known.line.start + MAX_READ_CHARS);
      return { node, mark: known, lineText: node.data.slice(known.line.start, end), at: known.start - known.line.start };
    }
    const { text, start } = lineAround(node.data, offset);
    const mark = marksOf(this.reader.read(text, readModeOf(node))).map((found) => moved(found, start)).find((found) => offset >= found.start && offset <= found.end);
    if (!mark) return undefined;
    return { node, mark, lineText: text, at: mark.start - start };
  }

  /** Whether a signal mark in `node` overlaps `[start, end)` (a term there is not marked). */
  overlaps(node: Text, start: number, end: number): boolean {
    return this.nodes.get(node)?.marks.some((mark) => mark.start < end && start < mark.end) === true;
  }

  setActive(range: AbstractRange | undefined): void {
    this.highlights.setActive(range);
  }

  /** The page's signals by kind, most frequent first (each line counted once). */
  signals(): PageSignal[] {
    const counts = new Map<string, number>();
    for (const [node, { marks }] of this.nodes) {
      if (!node.isConnected) continue;
      const lines = new Set(marks.map((mark) => mark.line));
      // The node's text is read only where an error sentence needs its words.
      const text = [...lines].some((line) => line.errors.length > 0) ? node.data : undefined;
      for (const line of lines) {
        const label = signalLabel(line, text);
        if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
      }
    }
    return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
  }

  forget(node: Text): void {
    const entry = this.nodes.get(node);
    if (!entry) return;
    for (const range of entry.ranges) this.highlights.delete(range);
    this.kept -= entry.marks.length;
    this.nodes.delete(node);
  }

  forgetWithin(roots: ReadonlySet<Node>): void {
    for (const node of this.nodes.keys()) {
      for (let parent = node.parentNode; parent; parent = parent.parentNode) {
        if (roots.has(parent)) {
          this.forget(node);
          break;
        }
      }
    }
  }

  prune(): void {
    for (const node of this.nodes.keys()) if (!node.isConnected) this.forget(node);
  }

  /** Paints what the scan found in one change (highlights.ts), as the term marks are. */
  flush(): void {
    this.highlights.flush();
  }

  clear(): void {
    this.nodes.clear();
    this.kept = 0;
    this.highlights.clear();
  }

  stop(): void {
    this.clear();
    this.painting = false;
    this.highlights.detach();
  }

  private record(node: Text, marks: SignalMark[]): void {
    this.forget(node);
    if (marks.length === 0 || !isShown(node.parentElement)) return;
    const kept = marks.slice(0, MAX_SIGNAL_MARKS - this.kept);
    if (kept.length === 0) return;
    const entry: NodeSignals = { marks: kept, ranges: [] };
    this.nodes.set(node, entry);
    this.kept += kept.length;
    if (this.painting) this.paint(node, entry);
  }

  private paint(node: Text, entry: NodeSignals): void {
    if (!this.highlights.supported) return;
    for (const mark of entry.marks) {
      const range = new StaticRange({ startContainer: node, startOffset: mark.start, endContainer: node, endOffset: mark.end });
      if (!this.highlights.add(range)) return;
      entry.ranges.push(range);
    }
  }
}

function moved(mark: SignalMark, by: number): SignalMark {
  return { ...mark, start: mark.start + by, end: mark.end + by };
}

function isShown(element: Element | null): boolean {
  if (!element) return false;
  return typeof element.checkVisibility === 'function' ? element.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions) : true;
}
