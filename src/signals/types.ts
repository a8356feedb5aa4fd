/**
 * The signal catalogue (`data/signals/*.json`): what Envoy and Istio print when something goes
 * wrong — response flags, response code details, reset reasons, Istio's special clusters,
 * `istioctl analyze` codes and the error lines people paste — each explained in our own words,
 * with the docs, the sources and the expert answers that speak to it.
 */
import type { Bilingual } from '../data/types';

/** What every catalogue entry says. */
export interface SignalInfo {
  meaning: Bilingual;
  /** Usual causes in a mesh. */
  causes: { en: string[]; zh: string[] };
  /** What to check; commands in backticks. */
  check: { en: string[]; zh: string[] };
  /** The official docs page for this signal. */
  docsUrl: string;
  /** Primary sources the meaning was read from. */
  sources: string[];
  /** Expert answers (data/qa.json ids) that speak to it. */
  answers: string[];
}

/** A `%RESPONSE_FLAGS%` value: `UF` / `UpstreamConnectionFailure`. */
export interface FlagEntry extends SignalInfo {
  code: string;
  name: string;
}

/** A `%RESPONSE_CODE_DETAILS%` value; `suffix` says what may follow it (`{reason}`, `[policy]`). */
export interface DetailEntry extends SignalInfo {
  token: string;
  suffix: string | null;
}

/** A stream reset reason, as it appears inside `{…}` of a detail. */
export interface ResetReasonEntry extends SignalInfo {
  token: string;
}

/** One of Istio's special clusters (`BlackHoleCluster`, `PassthroughCluster`, …). */
export interface ClusterEntry extends SignalInfo {
  name: string;
}

export type AnalyzerLevel = 'Error' | 'Warning' | 'Info';

/** An `istioctl analyze` message code. */
export interface AnalyzerEntry extends SignalInfo {
  code: string;
  name: string;
  level: AnalyzerLevel;
  /** Still listed in messages.yaml, but no analyzer reports it any more. */
  retired?: boolean;
}

/** An error line people paste; `phrases` are matched case-insensitively as substrings. */
export interface ErrorEntry extends SignalInfo {
  id: string;
  phrases: string[];
}

/** Where each kind was counted, and how many the source lists. */
export interface SignalSources {
  [kind: string]: string | Record<string, number>;
  counts: Record<string, number>;
}

export interface SignalCatalogue {
  flags: FlagEntry[];
  details: DetailEntry[];
  resetReasons: ResetReasonEntry[];
  clusters: ClusterEntry[];
  analyzers: AnalyzerEntry[];
  errors: ErrorEntry[];
  sources: SignalSources;
}

/** What the page's reader needs of the catalogue: the keys, not the explanations. */
export interface SignalKeys {
  flags: readonly string[];
  details: readonly string[];
  resetReasons: readonly string[];
  clusters: readonly string[];
  analyzers: readonly string[];
  errors: readonly { id: string; phrases: readonly string[] }[];
}

export function signalKeys(catalogue: SignalCatalogue): SignalKeys {
  return {
    flags: catalogue.flags.map((flag) => flag.code),
    details: catalogue.details.map((detail) => detail.token),
    resetReasons: catalogue.resetReasons.map((reason) => reason.token),
    clusters: catalogue.clusters.map((cluster) => cluster.name),
    analyzers: catalogue.analyzers.map((analyzer) => analyzer.code),
    errors: catalogue.errors.map(({ id, phrases }) => ({ id, phrases })),
  };
}
