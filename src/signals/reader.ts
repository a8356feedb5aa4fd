/**
 * Reads the signals in pasted text: access-log lines (Envoy's and Istio's default text formats,
 * JSON and `key="value"` entries, a table of counts), `istioctl analyze` lines, detail tokens and
 * the error sentences Envoy and Istio write. Only by shape, and only what is certain:
 * - a flag is read only where a response flag stands: after the status of an access-log line,
 *   as the value of `response_flags`, in a `response_flags` column, or beside a detail token.
 *   There an unknown or lower-case flag is reported as unknown; anywhere else "UF" is a word;
 * - outside code (`mode: 'prose'`) only whole log shapes count: a line with a request and a
 *   status, a JSON key, an analyze line with its level, a table of counts, an error sentence;
 *   a detail token, a bare `IST` code or cluster name alone is read only in code or a query;
 * - pure and bounded: the input, each line and the lines found are capped, and every pattern is
 *   linear (no nested quantifiers; tokens are cut by hand).
 */
import type { SignalKeys } from './types';

/** Text read per call; the caller reads longer text a window at a time. */
export const MAX_READ_CHARS = 65_536;
/** Characters of one line that are read. */
export const MAX_LINE_CHARS = 4096;
/** Lines with signals reported per call. */
export const MAX_SIGNAL_LINES = 200;
/** Fields of one line looked at. */
const MAX_FIELDS = 64;
/** A `{…}` or `[…]` suffix longer than this is not a detail's. */
const MAX_SUFFIX = 200;

export type ReadMode = 'prose' | 'code' | 'query';

export interface Span {
  start: number;
  end: number;
}

export interface FlagRead extends Span {
  code: string;
  known: boolean;
}

export interface DetailRead extends Span {
  token: string;
  /** What is inside the `{…}` or `[…]` after the token, as written. */
  suffix?: string;
  known: boolean;
  /** The suffix read as a reset reason of the catalogue (`local reset` → `local_reset`). */
  resetReason?: string;
}

export interface ClusterAnatomy {
  direction: 'outbound' | 'inbound';
  port: string;
  subset: string;
  host: string;
}

export interface ClusterRead extends Span {
  name: string;
  /** One of the catalogue's special clusters. */
  special: boolean;
  anatomy?: ClusterAnatomy;
}

export interface AnalyzerRead extends Span {
  code: string;
  level?: string;
  known: boolean;
}

export interface ErrorRead extends Span {
  id: string;
  resetReason?: string;
  transportFailure?: string;
  retried: boolean;
  /** Found inside the reasons another error line gives (`transport failure reason: delayed connect error: 113`): that error's id. */
  within?: string;
}

export type LineShape = 'access-log' | 'json-log' | 'table' | 'analyze' | 'error' | 'detail' | 'flags' | 'cluster';

/** The signals of one line (or of one JSON record spread over lines). */
export interface SignalLine extends Span {
  shape: LineShape;
  status?: number;
  flags: FlagRead[];
  details?: DetailRead;
  clusters: ClusterRead[];
  analyzers: AnalyzerRead[];
  errors: ErrorRead[];
}

/** A part of a line a page marks and a hover decodes. */
export interface SignalMark extends Span {
  kind: 'flag' | 'detail' | 'cluster' | 'analyzer' | 'error';
  line: SignalLine;
}

interface Field extends Span {
  text: string;
  quoted: boolean;
}

const REQUEST = /^(?:[A-Z]{3,10}|-) \S{1,2048} (?:HTTP\/[0-9.]{1,3}|-)$/;
const STATUS = /^(?:0|[1-5]\d\d)$/;
const FLAGS_FIELD = /^[A-Za-z]{1,8}(?:,[A-Za-z]{1,8}){0,15}$/;
// A `[…]` suffix may nest (`rbac_access_denied_matched_policy[ns[shop]-policy[deny]-rule[0]]`).
const DETAIL = /^([a-z][a-z0-9_.]{0,80}[a-z0-9])(?:\{([^{}]{1,200})\}|\[([^\n]{1,200})\])?$/;
const CLUSTER = /^(outbound|inbound)\|(\d{0,5})\|([^|]{0,253})\|([^|\s]{0,253})$/;
const SNI_CLUSTER = /^(outbound|inbound)_\.(\d{1,5})_\.([^_]{0,63})_\.([\w.-]{1,253})$/;
const ANALYZER = /\b(?:(Error|Warning|Warn|Info)\s?\[)?(IST\d{4})\b/g;
const JSON_KEY = /["*]{0,4}\b(response_flags|responseFlags|response_code_details|responseCodeDetails|response_code|responseCode|upstream_cluster|upstreamCluster)\b["*]{0,4}[ \t]{0,8}[:=][ \t]{0,8}/g;
const FLAGS_HEADER = /^response[_ ]?flags?$/i;
const CODE_HEADER = /^(?:response[_ ]?)?code$/i;
const FLAG_WORD = /flag/i;
/** What a line of prose needs for any reading but the error sentences (`read`). */
const PROSE_SIGNAL = /["|]|esponse|pstream|IST/;
const RESET_REASON = 'reset reason:';
const TRANSPORT_FAILURE = 'transport failure reason:';

const isSpace = (code: number) => code === 32 || code === 9 || code === 13 || code === 10 || code === 0xa0;

/** Splits a line into fields: `"quoted"` strings, and bare tokens that keep a `{…}`/`[…]` whole. */
function fieldsOf(line: string, offset: number): Field[] {
  const fields: Field[] = [];
  let i = 0;
  const n = line.length;
  while (i < n && fields.length < MAX_FIELDS) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    if (line[i] === '"') {
      let j = i + 1;
      while (j < n && line[j] !== '"') j++;
      fields.push({ start: offset + start, end: offset + Math.min(n, j + 1), text: line.slice(start + 1, j), quoted: true });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < n && !isSpace(line.charCodeAt(j))) {
      const open = line[j];
      const close = open === '{' ? '}' : open === '[' ? ']' : undefined;
      if (close) {
        // To the matching bracket (nested ones counted), within MAX_SUFFIX characters.
        let depth = 0;
        let k = j;
        for (; k < n && k - j <= MAX_SUFFIX && line[k] !== '"'; k++) {
          if (line[k] === open) depth++;
          else if (line[k] === close && --depth === 0) break;
        }
        if (k < n && line[k] === close && depth === 0) {
          j = k + 1;
          continue;
        }
        // Unmatched: what was scanned is plain text (so each character is scanned once at most).
        j = Math.max(j + 1, k);
        continue;
      }
      j++;
    }
    fields.push({ start: offset + start, end: offset + j, text: line.slice(start, j), quoted: false });
    i = j;
  }
  return fields;
}

/** Characters a paste adds around a token: `**200**`, `` `UC` ``, `(UF)` (leading, then trailing). */
const isLeadMark = (code: number) => code === 0x60 || code === 0x2a || code === 0x27 || code === 0x28;
const isTrailMark = (code: number) => code === 0x60 || code === 0x2a || code === 0x27 || code === 0x2c || code === 0x3b || code === 0x2e || code === 0x29;

/**
 * The token without the Markdown and punctuation around it; the field itself when there is none
 * (most fields: tested by character, since this runs for every field of every log line).
 */
function trimToken(field: Field): Field {
  const { text } = field;
  let lead = 0;
  while (lead < text.length && isLeadMark(text.charCodeAt(lead))) lead++;
  let trail = 0;
  while (trail < text.length - lead && isTrailMark(text.charCodeAt(text.length - 1 - trail))) trail++;
  if (lead + trail === 0 || lead + trail >= text.length) return field;
  return { ...field, start: field.start + lead, end: field.end - trail, text: text.slice(lead, text.length - trail) };
}

export class SignalReader {
  private readonly flags: ReadonlySet<string>;
  private readonly details: ReadonlySet<string>;
  private readonly resetReasons: ReadonlySet<string>;
  private readonly clusters: ReadonlySet<string>;
  private readonly analyzers: ReadonlySet<string>;
  private readonly phrases: { phrase: string; id: string }[];
  /** Any of the error sentences, in lowercased text. */
  private readonly anyPhrase: RegExp;

  constructor(keys: SignalKeys) {
    this.flags = new Set(keys.flags);
    this.details = new Set(keys.details);
    this.resetReasons = new Set(keys.resetReasons);
    this.clusters = new Set(keys.clusters);
    this.analyzers = new Set(keys.analyzers);
    // Longest first: where two phrases overlap the longer one is the error.
    this.phrases = keys.errors
      .flatMap(({ id, phrases }) => phrases.map((phrase) => ({ phrase: phrase.toLowerCase(), id })))
      .sort((a, b) => b.phrase.length - a.phrase.length);
    this.anyPhrase = this.phrases.length === 0 ? /$^/ : new RegExp(this.phrases.map(({ phrase }) => phrase.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'));
  }

  /** The signals of `text` (its first MAX_READ_CHARS), line by line. */
  read(text: string, mode: ReadMode): SignalLine[] {
    const input = text.length > MAX_READ_CHARS ? text.slice(0, MAX_READ_CHARS) : text;
    const found: SignalLine[] = [];
    // Lines are searched for the error sentences only when the text holds one: one native search
    // instead of every phrase on every line (most of the reading of a log block).
    const errors = this.anyPhrase.test(input.toLowerCase());
    // In prose, every other reading needs one of these in its line (a quoted request, a JSON key,
    // a table or a cluster, an analyzer code): a paragraph with none is passed over whole.
    if (mode === 'prose' && !errors && !PROSE_SIGNAL.test(input)) return found;
    let table: { flags: number; code: number } | undefined;
    let offset = 0;
    while (offset <= input.length && found.length < MAX_SIGNAL_LINES) {
      let end = input.indexOf('\n', offset);
      if (end < 0) end = input.length;
      const line = input.slice(offset, Math.min(end, offset + MAX_LINE_CHARS));
      if (line.includes('|')) {
        // (A header names a flags column: a log line with a cluster's `|` is not one.)
        const header = FLAG_WORD.test(line) ? tableHeader(line) : undefined;
        if (header) table = header;
        else if (table) this.addTableRow(line, offset, table, found);
      } else table = undefined;
      const signal = this.readLine(line, offset, mode, errors);
      if (signal) {
        const previous = found.at(-1);
        // A JSON record pretty-printed or wrapped over lines is one entry.
        if (previous && signal.shape === 'json-log' && previous.shape === 'json-log' && !closesRecord(input.slice(previous.start, previous.end))) mergeInto(previous, signal);
        else found.push(signal);
      }
      offset = end + 1;
    }
    return found;
  }

  /** The parts of `text` a page marks, in order. */
  marks(text: string, mode: ReadMode): SignalMark[] {
    return marksOf(this.read(text, mode));
  }

  private readLine(line: string, offset: number, mode: ReadMode, errors: boolean): SignalLine | undefined {
    if (line.trim() === '') return undefined;
    const signal: SignalLine = { start: offset, end: offset + line.length, shape: 'detail', flags: [], clusters: [], analyzers: [], errors: [] };
    // Each reading only where its shape can be: most lines of a log carry none of these.
    const quoted = line.includes('"');
    const keyed = line.includes('esponse') || line.includes('pstream');
    const named = line.includes('_') || line.includes('{') || line.includes('[');
    const cluster = line.includes('|') || line.includes('Cluster');
    let fields: Field[] | undefined;
    const fieldsOfLine = () => (fields ??= fieldsOf(line, offset));
    const request = quoted ? fieldsOfLine().findIndex((field) => field.quoted && REQUEST.test(field.text)) : -1;
    if (request >= 0 && STATUS.test(fieldsOfLine()[request + 1]?.text ?? '')) this.readAccessLog(fieldsOfLine(), request, signal);
    else if (!(keyed && this.readJson(line, offset, signal)) && (mode === 'query' || (mode === 'code' && named))) this.readFragment(fieldsOfLine(), mode, signal);
    if (cluster && (signal.shape === 'access-log' || signal.shape === 'json-log' || mode !== 'prose')) this.readClusters(fieldsOfLine(), signal);
    this.readAnalyzers(line, offset, mode, signal);
    if (errors) this.readErrors(line, offset, signal);
    const found = signal.flags.length > 0 || signal.details || signal.clusters.length > 0 || signal.analyzers.length > 0 || signal.errors.length > 0;
    if (!found && signal.shape !== 'access-log' && signal.shape !== 'json-log') return undefined;
    if (!found && signal.status === undefined) return undefined;
    if (signal.shape === 'detail' && !signal.details) signal.shape = signal.analyzers.length > 0 ? 'analyze' : signal.errors.length > 0 ? 'error' : signal.flags.length > 0 ? 'flags' : 'cluster';
    return signal;
  }

  /** `"GET /x HTTP/1.1" 503 UC upstream_reset_before_response_started{…} …` (and `"- - -" 0 UF,URX …`). */
  private readAccessLog(fields: Field[], request: number, signal: SignalLine): void {
    signal.shape = 'access-log';
    signal.status = Number(fields[request + 1]!.text);
    const flags = fields[request + 2];
    if (!flags || flags.quoted) return;
    let next = request + 3;
    if (flags.text === '-') {
      // no flag
    } else if (FLAGS_FIELD.test(flags.text)) {
      signal.flags = this.flagsOf(flags.text, flags.start);
    } else {
      // No flags field here (a custom format): the status may be followed by the details.
      next = request + 2;
    }
    const details = fields[next];
    if (details && !details.quoted && !/^\d+$/.test(details.text)) {
      const read = this.detailOf(details.text, details.start, 'any');
      if (read) signal.details = read;
    }
  }

  /** `"response_flags":"UF,URX"`, `responseFlags`, `response_code_details="…"`, `"response_code": 503`. */
  private readJson(line: string, offset: number, signal: SignalLine): boolean {
    let matched = false;
    JSON_KEY.lastIndex = 0;
    for (let match = JSON_KEY.exec(line); match; match = JSON_KEY.exec(line)) {
      const value = valueAt(line, match.index + match[0].length);
      if (!value) continue;
      const key = match[1]!;
      const start = offset + value.start;
      if (key === 'response_flags' || key === 'responseFlags') {
        matched = true;
        if (value.text !== '-' && FLAGS_FIELD.test(value.text)) signal.flags = this.flagsOf(value.text, start);
      } else if (key === 'response_code_details' || key === 'responseCodeDetails') {
        matched = true;
        const read = value.text === '-' || value.text === 'null' ? undefined : this.detailOf(value.text, start, 'any');
        if (read) signal.details = read;
      } else if (key === 'response_code' || key === 'responseCode') {
        matched = true;
        if (STATUS.test(value.text)) signal.status = Number(value.text);
      } else {
        const cluster = this.clusterOf(value.text, start);
        if (cluster) signal.clusters.push(cluster);
      }
      if (matched) signal.shape = 'json-log';
    }
    return matched;
  }

  /**
   * No request, no JSON: a detail token stands alone (`upstream_reset_before_response_started{…}`),
   * and flags and a status beside it are in their positions (`503 upstream_… LR`). In a query, a
   * line of known flags (`503 UC`, `UF,URX`) or a known detail or cluster name alone is decoded too.
   */
  private readFragment(fields: Field[], mode: ReadMode, signal: SignalLine): void {
    // In prose a detail token alone is a name (`direct_response` the route action), not a signal.
    if (mode === 'prose') return;
    const tokens = fields.map(trimToken);
    const need = mode === 'query' ? 'known' : 'identifier';
    const at = tokens.findIndex((field) => !field.quoted && this.detailOf(field.text, field.start, need) !== undefined);
    if (at >= 0) {
      signal.details = this.detailOf(tokens[at]!.text, tokens[at]!.start, need);
      for (const index of [at - 1, at + 1, at - 2, at + 2]) {
        const field = tokens[index];
        if (!field || field.quoted) continue;
        if (signal.status === undefined && /^[1-5]\d\d$/.test(field.text) && Math.abs(index - at) <= 2) signal.status = Number(field.text);
        else if (signal.flags.length === 0 && Math.abs(index - at) === 1 && this.allKnownFlags(field.text)) signal.flags = this.flagsOf(field.text, field.start);
      }
      return;
    }
    if (mode !== 'query') return;
    const words = tokens.filter((field) => !field.quoted);
    if (words.length === 0 || words.length > 2 || words.length !== tokens.length) return;
    const [first, second] = words;
    if (words.length === 1 && this.allKnownFlags(first!.text)) signal.flags = this.flagsOf(first!.text, first!.start);
    else if (second && /^(?:0|[1-5]\d\d)$/.test(first!.text) && this.allKnownFlags(second.text)) {
      signal.status = Number(first!.text);
      signal.flags = this.flagsOf(second.text, second.start);
    }
  }

  /** `| 503 | UC |` under a header with a `response_flags` column. */
  private addTableRow(line: string, offset: number, table: { flags: number; code: number }, found: SignalLine[]): void {
    const cells = cellsOf(line, offset);
    const flags = cells[table.flags];
    if (!flags || !FLAGS_FIELD.test(flags.text) || found.length >= MAX_SIGNAL_LINES) return;
    const code = cells[table.code];
    found.push({
      start: offset,
      end: offset + line.length,
      shape: 'table',
      ...(code && STATUS.test(code.text) ? { status: Number(code.text) } : {}),
      flags: this.flagsOf(flags.text, flags.start),
      clusters: [],
      analyzers: [],
      errors: [],
    });
  }

  private readClusters(fields: Field[], signal: SignalLine): void {
    for (const field of fields) {
      if (field.quoted || signal.clusters.length >= 4) continue;
      const token = trimToken(field);
      const cluster = this.clusterOf(token.text, token.start);
      if (cluster && !signal.clusters.some((known) => known.start === cluster.start)) signal.clusters.push(cluster);
    }
  }

  /** `Error [IST0101]`, `Warn [IST0105](Pod/…)`; a bare `IST0101` in code or a query. */
  private readAnalyzers(line: string, offset: number, mode: ReadMode, signal: SignalLine): void {
    if (!line.includes('IST')) return;
    ANALYZER.lastIndex = 0;
    for (let match = ANALYZER.exec(line); match && signal.analyzers.length < 8; match = ANALYZER.exec(line)) {
      const level = match[1];
      if (!level && mode === 'prose') continue;
      const start = offset + match.index + match[0].length - match[2]!.length;
      signal.analyzers.push({ code: match[2]!, ...(level ? { level } : {}), start, end: start + match[2]!.length, known: this.analyzers.has(match[2]!) });
    }
  }

  /** The error sentences, case-insensitively, with the reset and transport failure reasons given. */
  private readErrors(line: string, offset: number, signal: SignalLine): void {
    if (this.phrases.length === 0) return;
    const lower = line.toLowerCase();
    let reasonsEnd: Map<ErrorRead, number> | undefined;
    for (const { phrase, id } of this.phrases) {
      for (let at = lower.indexOf(phrase); at >= 0 && signal.errors.length < 8; at = lower.indexOf(phrase, at + phrase.length)) {
        const start = offset + at;
        const end = start + phrase.length;
        if (signal.errors.some((error) => error.start < end && start < error.end)) continue;
        const retried = lower.indexOf('retried and the latest reset reason', at + phrase.length);
        const error: ErrorRead = { id, start, end, retried: retried >= 0 && retried - (at + phrase.length) <= 4 };
        const reset = reasonAfter(line, lower, RESET_REASON, at + phrase.length, /[,;]/);
        if (reset) error.resetReason = reset.text;
        const transport = reasonAfter(line, lower, TRANSPORT_FAILURE, at + phrase.length, /$^/);
        if (transport) error.transportFailure = transport.text;
        (reasonsEnd ??= new Map()).set(error, offset + Math.max(reset?.end ?? 0, transport?.end ?? 0));
        signal.errors.push(error);
      }
    }
    signal.errors.sort((a, b) => a.start - b.start);
    if (!reasonsEnd) return;
    for (const error of signal.errors) {
      const outer = signal.errors.find((other) => other !== error && error.start >= other.end && error.start < (reasonsEnd!.get(other) ?? 0));
      if (outer) error.within = outer.id;
    }
  }

  private allKnownFlags(text: string): boolean {
    return FLAGS_FIELD.test(text) && text.split(',').every((code) => this.flags.has(code));
  }

  private flagsOf(text: string, start: number): FlagRead[] {
    const flags: FlagRead[] = [];
    let at = start;
    for (const code of text.split(',')) {
      flags.push({ code, start: at, end: at + code.length, known: this.flags.has(code) });
      at += code.length + 1;
    }
    return flags;
  }

  /**
   * A detail token, with its `{…}`/`[…]` suffix. `need`: in a details position any token is one
   * (`any`); found by itself, only a known one (`known`, in a query), and on a page only a known
   * one that is plainly an identifier, with an `_` or a suffix (`identifier`: not "overload").
   */
  private detailOf(text: string, start: number, need: 'any' | 'known' | 'identifier'): DetailRead | undefined {
    const match = DETAIL.exec(text);
    if (!match) return undefined;
    const token = match[1]!;
    const known = this.details.has(token);
    if (need !== 'any' && !known) return undefined;
    if (need === 'identifier' && !(token.includes('_') || match[2] || match[3])) return undefined;
    const suffix = match[2] ?? match[3];
    const read: DetailRead = { token, start, end: start + text.length, known, ...(suffix !== undefined ? { suffix } : {}) };
    const reason = suffix?.trim().toLowerCase().replace(/[\s-]+/g, '_');
    if (reason && match[2] !== undefined && this.resetReasons.has(reason)) read.resetReason = reason;
    return read;
  }

  private clusterOf(text: string, start: number): ClusterRead | undefined {
    if (this.clusters.has(text)) return { name: text, start, end: start + text.length, special: true };
    // Most fields of a log line are neither shape: passed over without running either pattern.
    const match = (text.includes('|') ? CLUSTER.exec(text) : null) ?? (text.includes('_.') ? SNI_CLUSTER.exec(text) : null);
    if (!match) return undefined;
    return {
      name: text,
      start,
      end: start + text.length,
      special: false,
      anatomy: { direction: match[1] as 'outbound' | 'inbound', port: match[2]!, subset: match[3]!, host: match[4]! },
    };
  }
}

/** A JSON or `key="value"` value at `at`: quoted (Markdown bold inside stripped) or bare. */
function valueAt(line: string, at: number): { text: string; start: number } | undefined {
  let start = at;
  while (line.startsWith('**', start)) start += 2;
  let end: number;
  if (line[start] === '"') {
    start++;
    end = start;
    while (end < line.length && end - start < 300 && line[end] !== '"') end++;
    if (line[end] !== '"') return undefined;
  } else {
    end = start;
    while (end < line.length && end - start < 300 && !/[\s,}"]/.test(line[end]!)) end++;
  }
  while (line.startsWith('**', start) && start + 2 <= end) start += 2;
  while (end - 2 >= start && line.startsWith('**', end - 2)) end -= 2;
  return end > start ? { text: line.slice(start, end), start } : undefined;
}

function cellsOf(line: string, offset: number): Field[] {
  const cells: Field[] = [];
  let start = 0;
  for (let i = 0; i <= line.length && cells.length < 32; i++) {
    if (i < line.length && line[i] !== '|') continue;
    const raw = line.slice(start, i);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    cells.push({ start: offset + start + lead, end: offset + start + lead + text.length, text, quoted: false });
    start = i + 1;
  }
  // A row written with outer pipes (`| a | b |`) has an empty cell at each end.
  if (cells[0]?.text === '' && line.trimStart().startsWith('|')) cells.shift();
  return cells;
}

function tableHeader(line: string): { flags: number; code: number } | undefined {
  const cells = cellsOf(line, 0);
  const flags = cells.findIndex((cell) => FLAGS_HEADER.test(cell.text));
  if (flags < 0) return undefined;
  return { flags, code: cells.findIndex((cell) => CODE_HEADER.test(cell.text)) };
}

/** The reason after `label` on the line (up to `stop` or the line's end), without quotes. */
function reasonAfter(line: string, lower: string, label: string, from: number, stop: RegExp): { text: string; end: number } | undefined {
  const at = lower.indexOf(label, from);
  if (at < 0 || at - from > 120) return undefined;
  let rest = line.slice(at + label.length, at + label.length + 120);
  const cut = rest.search(stop);
  if (cut >= 0) rest = rest.slice(0, cut);
  const reason = rest.trim().replace(/[`"'*.]+$/, '').trim();
  return reason === '' ? undefined : { text: reason, end: at + label.length + rest.length };
}

function closesRecord(text: string): boolean {
  return /\}\s*$/.test(text) && text.includes('{');
}

function mergeInto(record: SignalLine, next: SignalLine): void {
  record.end = next.end;
  if (next.status !== undefined) record.status ??= next.status;
  if (next.flags.length > 0 && record.flags.length === 0) record.flags = next.flags;
  record.details ??= next.details;
  record.clusters.push(...next.clusters);
  record.analyzers.push(...next.analyzers);
  record.errors.push(...next.errors);
}

/** Every markable part of these lines, in text order. */
export function marksOf(lines: readonly SignalLine[]): SignalMark[] {
  const marks: SignalMark[] = [];
  for (const line of lines) {
    const parts: SignalMark[] = [
      ...line.flags.map((flag) => ({ kind: 'flag' as const, start: flag.start, end: flag.end, line })),
      // `via_upstream` is the upstream's own response: nothing to decode, so not marked.
      ...(line.details && line.details.token !== 'via_upstream' ? [{ kind: 'detail' as const, start: line.details.start, end: line.details.end, line }] : []),
      ...line.clusters.map((cluster) => ({ kind: 'cluster' as const, start: cluster.start, end: cluster.end, line })),
      ...line.analyzers.map((analyzer) => ({ kind: 'analyzer' as const, start: analyzer.start, end: analyzer.end, line })),
      ...line.errors.map((error) => ({ kind: 'error' as const, start: error.start, end: error.end, line })),
    ];
    marks.push(...parts.sort((a, b) => a.start - b.start));
  }
  return marks;
}

/**
 * What a line is, in a few characters, for "On this page" (`503 UC`, `IST0101`, an error
 * sentence as written in `text`, the line's text); undefined for a line that carries nothing to
 * explain. A label read again as a query decodes to the same signal.
 */
export function signalLabel(line: SignalLine, text?: string): string | undefined {
  const flags = line.flags.map((flag) => flag.code).join(',');
  if (flags) return line.status !== undefined && line.status > 0 ? `${line.status} ${flags}` : flags;
  if (line.details && line.details.token !== 'via_upstream') return line.status !== undefined && line.status > 0 ? `${line.status} ${line.details.token}` : line.details.token;
  if (line.analyzers.length > 0) return line.analyzers[0]!.code;
  if (line.errors.length > 0) return text === undefined ? line.errors[0]!.id : text.slice(line.errors[0]!.start, line.errors[0]!.end);
  return undefined;
}
