/**
 * Recall and precision of the signal reader on text people pasted into public issues
 * (`../shared/real-pages/logs/pasted.json`, read at run time and never copied), and the marks it
 * leaves in the prose of the real pages (`../shared/real-pages`), which should be none.
 * `npm run signals` prints these; `pasted.test.ts` holds them to their floor.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { signalsInText } from '../../src/page/signal-marks';
import { type ReadMode, type SignalLine, type SignalReader } from '../../src/signals/reader';
import type { SignalCatalogue } from '../../src/signals/types';
import { REAL_PAGES_DIR, realPages } from '../fixtures/real-pages';

export const PASTED_FILE = resolve(REAL_PAGES_DIR, 'logs/pasted.json');

export interface PastedEntry {
  kind: 'text-log' | 'json-log' | 'analyze' | 'error' | 'prose-negative';
  text: string;
  url: string;
  expect: {
    flags?: string[];
    details?: string | null;
    code?: number | null;
    codes?: string[];
    levels?: string[];
    error?: string;
    reset_reason?: string;
    transport_failure?: string;
    retried?: boolean;
    not_decoded?: string[];
  };
}

/** The pasted entries; throws (the tests fail) when `../shared` is not beside the clone. */
export function readPasted(): PastedEntry[] {
  if (!existsSync(PASTED_FILE)) throw new Error(`${PASTED_FILE} is missing: the signal tests read real pasted text from ../shared beside the clone`);
  return JSON.parse(readFileSync(PASTED_FILE, 'utf8')) as PastedEntry[];
}

/** Found of expected, and right of decoded. */
export interface Score {
  expected: number;
  found: number;
  decoded: number;
  right: number;
  /** What was missed or wrong, for the report (entry index and what). */
  misses: string[];
}

const score = (): Score => ({ expected: 0, found: 0, decoded: 0, right: 0, misses: [] });

export interface PastedReport {
  flags: Score;
  details: Score;
  status: Score;
  analyzers: Score;
  levels: Score;
  errors: Score;
  reasons: Score;
  /** Marks left on the prose negatives' text, in every mode (should be 0). */
  negativeMarks: number;
  negativeMisses: string[];
}

/** The details as written, token and suffix (`upstream_reset_before_response_started{protocol_error}`). */
function writtenDetails(text: string, line: SignalLine): string | undefined {
  return line.details ? text.slice(line.details.start, line.details.end) : undefined;
}

export function evaluatePasted(reader: SignalReader, entries: readonly PastedEntry[], mode: ReadMode = 'code'): PastedReport {
  const report: PastedReport = { flags: score(), details: score(), status: score(), analyzers: score(), levels: score(), errors: score(), reasons: score(), negativeMarks: 0, negativeMisses: [] };
  entries.forEach((entry, index) => {
    const { expect } = entry;
    if (entry.kind === 'prose-negative') {
      for (const negativeMode of ['prose', 'code', 'query'] as const) {
        const marks = reader.marks(entry.text, negativeMode);
        report.negativeMarks += marks.length;
        for (const mark of marks) report.negativeMisses.push(`#${index} ${negativeMode}: marked "${entry.text.slice(mark.start, mark.end)}"`);
      }
      return;
    }
    const lines = reader.read(entry.text, mode);
    if (entry.kind === 'text-log' || entry.kind === 'json-log') {
      const flags = lines.flatMap((line) => line.flags);
      const expected = new Set(expect.flags ?? []);
      report.flags.expected += expected.size;
      report.flags.decoded += flags.length;
      for (const flag of flags) if (expected.has(flag.code) && flag.known) report.flags.right++;
      for (const code of expected) {
        if (flags.some((flag) => flag.code === code && flag.known)) report.flags.found++;
        else report.flags.misses.push(`#${index} flag ${code}`);
      }
      const details = lines.flatMap((line) => writtenDetails(entry.text, line) ?? []);
      const known = lines.flatMap((line) => (line.details?.known ? [writtenDetails(entry.text, line)!] : []));
      report.details.decoded += details.length;
      report.details.right += details.filter((text) => text === expect.details).length;
      if (expect.details) {
        report.details.expected++;
        if (known.includes(expect.details)) report.details.found++;
        else report.details.misses.push(`#${index} details ${details.length > 0 ? `read "${details.join(', ')}"` : 'not read'}${details.includes(expect.details) ? ' (not in the catalogue)' : ''}`);
      }
      const statuses = lines.flatMap((line) => (line.status !== undefined ? [line.status] : []));
      report.status.decoded += new Set(statuses).size;
      report.status.right += new Set(statuses.filter((status) => status === expect.code)).size;
      if (expect.code !== null && expect.code !== undefined) {
        report.status.expected++;
        if (statuses.includes(expect.code)) report.status.found++;
        else report.status.misses.push(`#${index} status ${expect.code}`);
      }
    }
    if (entry.kind === 'analyze') {
      const analyzers = lines.flatMap((line) => line.analyzers);
      const codes = new Set(analyzers.filter((analyzer) => analyzer.known).map((analyzer) => analyzer.code));
      const expected = new Set(expect.codes ?? []);
      report.analyzers.expected += expected.size;
      report.analyzers.decoded += new Set(analyzers.map((analyzer) => analyzer.code)).size;
      for (const code of expected) {
        if (codes.has(code)) report.analyzers.found++;
        else report.analyzers.misses.push(`#${index} ${code}`);
      }
      report.analyzers.right += [...codes].filter((code) => expected.has(code)).length;
      const levels = analyzers.flatMap((analyzer) => analyzer.level ?? []);
      report.levels.expected += expect.levels?.length ?? 0;
      report.levels.decoded += levels.length;
      const want = [...(expect.levels ?? [])];
      for (const level of levels) {
        const at = want.indexOf(level);
        if (at >= 0) {
          want.splice(at, 1);
          report.levels.found++;
          report.levels.right++;
        }
      }
      for (const level of want) report.levels.misses.push(`#${index} level ${level}`);
    }
    if (entry.kind === 'error') {
      // An error named inside another's reasons (a transport failure) is part of that one's decode.
      const errors = lines.flatMap((line) => line.errors).filter((error) => error.within === undefined);
      report.errors.expected++;
      report.errors.decoded += errors.length;
      report.errors.right += errors.filter((error) => error.id === expect.error).length;
      const error = errors.find((candidate) => candidate.id === expect.error);
      if (error) report.errors.found++;
      else report.errors.misses.push(`#${index} ${expect.error}`);
      for (const [field, want] of [['resetReason', expect.reset_reason], ['transportFailure', expect.transport_failure]] as const) {
        if (want === undefined) continue;
        report.reasons.expected++;
        const got = error?.[field];
        if (got !== undefined) report.reasons.decoded++;
        if (got === want) {
          report.reasons.found++;
          report.reasons.right++;
        } else report.reasons.misses.push(`#${index} ${field} ${got === undefined ? 'not read' : `read "${got}"`}`);
      }
    }
  });
  return report;
}

export interface ProseReport {
  pages: number;
  /** Marks outside code, other than on a log line pasted as text (which is where they belong). */
  proseMarks: number;
  /** Marks on access-log, JSON-log, analyze lines and count tables pasted outside code. */
  logLineMarks: number;
  codeMarks: number;
  /** Where prose was marked: page and text. */
  prose: string[];
}

const LOG_SHAPES = new Set(['access-log', 'json-log', 'analyze', 'table']);

/** Each real page, parsed as a page would be, with its text nodes. */
function* realPageTextNodes(): Generator<{ source: string; nodes: Text[] }> {
  const window = new Window();
  try {
    for (const page of realPages()) {
      const doc = new window.DOMParser().parseFromString(page.html, 'text/html') as unknown as Document;
      const walker = doc.createTreeWalker(doc.body, 4 /* SHOW_TEXT */);
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      yield { source: page.source, nodes };
    }
  } finally {
    window.close();
  }
}

/** The text of every text node of every real page. */
export function realPageTexts(): string[] {
  return [...realPageTextNodes()].flatMap(({ nodes }) => nodes.map((node) => node.data)).filter((text) => text.trim().length > 3);
}

/** The signal marks on each real page, as the page would make them: in prose (should be none) and in code. */
export function realPageMarks(reader: SignalReader): ProseReport {
  const report: ProseReport = { pages: 0, proseMarks: 0, logLineMarks: 0, codeMarks: 0, prose: [] };
  for (const { source, nodes } of realPageTextNodes()) {
    report.pages++;
    for (const node of nodes) {
      const { marks, inCode } = signalsInText(reader, node);
      if (inCode) {
        report.codeMarks += marks.length;
        continue;
      }
      for (const mark of marks) {
        if (LOG_SHAPES.has(mark.line.shape)) {
          report.logLineMarks++;
          continue;
        }
        report.proseMarks++;
        report.prose.push(`${source}: "${node.data.slice(mark.start, mark.end)}"`);
      }
    }
  }
  return report;
}

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);

export function formatReport(report: PastedReport, prose: ProseReport | undefined): string {
  const rows: [string, Score][] = [
    ['response flags', report.flags],
    ['response code details', report.details],
    ['HTTP status', report.status],
    ['istioctl analyze codes', report.analyzers],
    ['analyze levels', report.levels],
    ['error sentences', report.errors],
    ['reset / transport reasons', report.reasons],
  ];
  const lines = ['kind                         found/expected  recall   right/decoded  precision'];
  for (const [name, s] of rows) {
    lines.push(`${name.padEnd(28)} ${`${s.found}/${s.expected}`.padStart(14)}  ${percent(s.found, s.expected).padStart(6)}  ${`${s.right}/${s.decoded}`.padStart(13)}  ${percent(s.right, s.decoded).padStart(9)}`);
  }
  lines.push(`prose negatives: ${report.negativeMarks} mark(s) on their flag-like words (prose, code and query readings)`);
  if (prose) lines.push(`real pages: ${prose.pages} pages, ${prose.proseMarks} signal mark(s) in prose, ${prose.logLineMarks} on log lines pasted as text, ${prose.codeMarks} in code`);
  const misses = [...rows.flatMap(([name, s]) => s.misses.map((miss) => `${name}: ${miss}`)), ...report.negativeMisses, ...(prose?.prose ?? [])];
  if (misses.length > 0) lines.push('misses:', ...misses.map((miss) => `  ${miss}`));
  return lines.join('\n');
}

/** Each kind of the catalogue: how many it has, and how many its source lists where counted. */
export function catalogueCounts(catalogue: SignalCatalogue): string[] {
  const kinds: [string, number][] = [
    ['flags', catalogue.flags.length],
    ['details', catalogue.details.length],
    ['resetReasons', catalogue.resetReasons.length],
    ['clusters', catalogue.clusters.length],
    ['analyzers', catalogue.analyzers.length],
    ['errors', catalogue.errors.length],
  ];
  const retired = catalogue.analyzers.filter((analyzer) => analyzer.retired).length;
  return kinds.map(([kind, count]) => {
    const source = catalogue.sources.counts[kind];
    const url = catalogue.sources[kind];
    // Retired analyzer codes (from older messages.yaml) are kept, so a pasted old one still decodes.
    const current = kind === 'analyzers' ? count - retired : count;
    const against = source !== undefined ? `   ${current} current, the source lists ${source}${kind === 'analyzers' ? `; ${retired} retired ones kept` : ''}` : '';
    return `${kind.padEnd(13)} ${String(count).padStart(3)}${against}${typeof url === 'string' ? `   ${url}` : ''}`;
  });
}
