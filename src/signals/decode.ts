/**
 * A line's signals explained from the catalogue: each part (status, flags, details, reset reason,
 * cluster, analyze code, error) with its meaning, and the expert answers that speak to them. What
 * the catalogue does not know is said to be unknown, with the docs that list the known ones.
 */
import type { Bilingual } from '../data/types';
import { type ClusterAnatomy, type ReadMode, type SignalLine, SignalReader, signalLabel, type Span } from './reader';
import { signalKeys, type SignalCatalogue, type SignalInfo } from './types';

/** Where the known values of each kind are listed, for a value that is not among them. */
export const KIND_DOCS = {
  flag: 'https://www.envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage#config-access-log-format-response-flags',
  detail: 'https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_conn_man/response_code_details',
  analyzer: 'https://istio.io/latest/docs/reference/config/analysis/',
  cluster: 'https://istio.io/latest/docs/ops/diagnostic-tools/proxy-cmd/',
} as const;

export type PartKind = 'flag' | 'detail' | 'reset' | 'cluster' | 'analyzer' | 'error';

/** What the card shows of one entry. */
export interface PartInfo {
  meaning: Bilingual;
  causes: { en: string[]; zh: string[] };
  check: { en: string[]; zh: string[] };
  docsUrl: string;
}

export interface DecodedPart {
  kind: PartKind;
  /** As written on the line: `UC`, `upstream_reset_before_response_started{connection_termination}`. */
  text: string;
  /** The long name where there is one: `UpstreamConnectionTermination`, `ReferencedResourceNotFound`. */
  name?: string;
  /** Absent when the catalogue does not know it (an unknown or lower-case flag, a future code). */
  info?: PartInfo;
  /** The docs page: the entry's, or where the known values are listed. */
  docsUrl: string;
  /** The part the pointer is on (the card explains it first). */
  focused: boolean;
  anatomy?: ClusterAnatomy;
  level?: string;
  /** Error lines: what Envoy says after the sentence. */
  resetReason?: string;
  transportFailure?: string;
  retried?: boolean;
}

export interface SignalDecode {
  /** `503 UC`, `IST0101`, `upstream_connect_error`. */
  label: string;
  status?: number;
  parts: DecodedPart[];
  /** Expert answers that speak to the parts, the focused part's first. */
  answers: string[];
}

const info = (entry: SignalInfo): PartInfo => ({ meaning: entry.meaning, causes: entry.causes, check: entry.check, docsUrl: entry.docsUrl });

export class SignalDecoder {
  readonly reader: SignalReader;
  private readonly flags: Map<string, SignalCatalogue['flags'][number]>;
  private readonly details: Map<string, SignalCatalogue['details'][number]>;
  private readonly resets: Map<string, SignalCatalogue['resetReasons'][number]>;
  private readonly clusters: Map<string, SignalCatalogue['clusters'][number]>;
  private readonly analyzers: Map<string, SignalCatalogue['analyzers'][number]>;
  private readonly errors: Map<string, SignalCatalogue['errors'][number]>;

  constructor(readonly catalogue: SignalCatalogue) {
    this.reader = new SignalReader(signalKeys(catalogue));
    this.flags = new Map(catalogue.flags.map((entry) => [entry.code, entry]));
    this.details = new Map(catalogue.details.map((entry) => [entry.token, entry]));
    this.resets = new Map(catalogue.resetReasons.map((entry) => [entry.token, entry]));
    this.clusters = new Map(catalogue.clusters.map((entry) => [entry.name, entry]));
    this.analyzers = new Map(catalogue.analyzers.map((entry) => [entry.code, entry]));
    this.errors = new Map(catalogue.errors.map((entry) => [entry.id, entry]));
  }

  /** The signals of `text`, each line decoded (at most `limit` lines). */
  decodeText(text: string, mode: ReadMode, limit = 5): SignalDecode[] {
    return this.reader.read(text, mode).slice(0, limit).flatMap((line) => {
      const decoded = this.decodeLine(text, line);
      return decoded.parts.length > 0 ? [decoded] : [];
    });
  }

  /** The line of `text` with a signal at `at`, decoded with that part focused. */
  decodeAt(text: string, at: number, mode: ReadMode): SignalDecode | undefined {
    const line = this.reader.read(text, mode).find((candidate) => at >= candidate.start && at <= candidate.end);
    return line ? this.decodeLine(text, line, at) : undefined;
  }

  decodeLine(text: string, line: SignalLine, at?: number): SignalDecode {
    const written = (span: Span) => text.slice(span.start, span.end);
    const focused = (span: Span) => at !== undefined && at >= span.start && at < Math.max(span.end, span.start + 1);
    const parts: DecodedPart[] = [];
    for (const flag of line.flags) {
      const entry = flag.known ? this.flags.get(flag.code) : undefined;
      parts.push({ kind: 'flag', text: flag.code, ...(entry ? { name: entry.name, info: info(entry) } : {}), docsUrl: entry?.docsUrl ?? KIND_DOCS.flag, focused: focused(flag) });
    }
    if (line.details) {
      const entry = this.details.get(line.details.token);
      parts.push({ kind: 'detail', text: written(line.details), ...(entry ? { info: info(entry) } : {}), docsUrl: entry?.docsUrl ?? KIND_DOCS.detail, focused: focused(line.details) });
      const reset = line.details.resetReason ? this.resets.get(line.details.resetReason) : undefined;
      if (reset) parts.push({ kind: 'reset', text: reset.token, info: info(reset), docsUrl: reset.docsUrl, focused: false });
    }
    for (const cluster of line.clusters) {
      const entry = this.clusters.get(cluster.name);
      parts.push({
        kind: 'cluster',
        text: cluster.name,
        ...(entry ? { info: info(entry) } : {}),
        docsUrl: entry?.docsUrl ?? KIND_DOCS.cluster,
        focused: focused(cluster),
        ...(cluster.anatomy ? { anatomy: cluster.anatomy } : {}),
      });
    }
    for (const analyzer of line.analyzers) {
      const entry = this.analyzers.get(analyzer.code);
      parts.push({
        kind: 'analyzer',
        text: analyzer.code,
        ...(entry ? { name: entry.name, info: info(entry) } : {}),
        docsUrl: entry?.docsUrl ?? KIND_DOCS.analyzer,
        focused: focused(analyzer),
        ...(analyzer.level ? { level: analyzer.level } : entry ? { level: entry.level } : {}),
      });
    }
    for (const error of line.errors) {
      const entry = this.errors.get(error.id)!;
      parts.push({
        kind: 'error',
        text: written(error),
        info: info(entry),
        docsUrl: entry.docsUrl,
        focused: focused(error),
        ...(error.resetReason ? { resetReason: error.resetReason } : {}),
        ...(error.transportFailure ? { transportFailure: error.transportFailure } : {}),
        ...(error.retried ? { retried: true } : {}),
      });
      // "reset reason: connection failure" is the reset reason `connection_failure`.
      const reset = error.resetReason ? this.resets.get(error.resetReason.toLowerCase().replace(/[\s-]+/g, '_')) : undefined;
      if (reset && !parts.some((part) => part.kind === 'reset' && part.text === reset.token)) parts.push({ kind: 'reset', text: reset.token, info: info(reset), docsUrl: reset.docsUrl, focused: false });
    }
    // Without a pointer (a pasted query), the first part that says something is the focus.
    if (!parts.some((part) => part.focused)) {
      const first = parts.find((part) => part.info && part.kind !== 'cluster') ?? parts[0];
      if (first) first.focused = true;
    }
    return { label: signalLabel(line, text) ?? parts[0]?.text ?? '', ...(line.status !== undefined ? { status: line.status } : {}), parts, answers: this.answersOf(parts, line) };
  }

  /** The catalogue's meaning of an "On this page" label's first part (`503 UC` → UC's). */
  meaningOf(label: string): Bilingual | undefined {
    const decoded = this.decodeText(label, 'query', 1)[0];
    return decoded?.parts.find((part) => part.focused)?.info?.meaning;
  }

  private answersOf(parts: readonly DecodedPart[], line: SignalLine): string[] {
    const ids: string[] = [];
    const add = (entry: SignalInfo | undefined) => {
      for (const id of entry?.answers ?? []) if (!ids.includes(id)) ids.push(id);
    };
    const ordered = [...parts].sort((a, b) => Number(b.focused) - Number(a.focused));
    for (const part of ordered) {
      if (part.kind === 'flag') add(this.flags.get(part.text));
      if (part.kind === 'detail' && line.details) add(this.details.get(line.details.token));
      if (part.kind === 'reset') add(this.resets.get(part.text));
      if (part.kind === 'cluster') add(this.clusters.get(part.text));
      if (part.kind === 'analyzer') add(this.analyzers.get(part.text));
    }
    for (const error of line.errors) add(this.errors.get(error.id));
    return ids;
  }
}

/**
 * A decoded line as a short query that decodes to the same signals (the card's "all answers" in
 * the popup): status, flags and details, or the analyze code with its level, or the error sentence.
 */
export function signalQuery(decode: SignalDecode): string {
  const words: string[] = [];
  const flags = decode.parts.filter((part) => part.kind === 'flag').map((part) => part.text).join(',');
  const details = decode.parts.find((part) => part.kind === 'detail');
  if (decode.status !== undefined && decode.status > 0 && (flags || details)) words.push(String(decode.status));
  if (flags) words.push(flags);
  if (details) words.push(details.text);
  for (const part of decode.parts) {
    if (part.kind === 'analyzer') words.push(part.level ? `${part.level} [${part.text}]` : part.text);
    if (part.kind === 'error') words.push(part.resetReason ? `${part.text}. reset reason: ${part.resetReason}` : part.text);
  }
  if (words.length === 0) {
    const cluster = decode.parts.find((part) => part.kind === 'cluster');
    if (cluster) words.push(cluster.text);
  }
  return words.join(' ').slice(0, 300);
}
