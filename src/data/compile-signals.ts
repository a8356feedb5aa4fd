/**
 * Validates the signal catalogue (`data/signals/*.json`) as `compile.ts` validates the rest: a
 * problem names the file, the entry, the field and the reason, and the build fails on any.
 */
import type { z } from 'zod';
import type { SignalCatalogue } from '../signals/types';
import { type DataProblem, DatasetError } from './compile';
import { analyzerSchema, clusterSchema, detailSchema, errorSchema, flagSchema, resetReasonSchema, sourcesSchema } from './signal-schema';

/** The catalogue's files under `data/signals/`, and the key that names an entry in each. */
export const SIGNAL_FILES = {
  'flags.json': 'code',
  'details.json': 'token',
  'reset-reasons.json': 'token',
  'clusters.json': 'name',
  'analyzers.json': 'code',
  'errors.json': 'id',
  'sources.json': '-',
} as const;
export type SignalFileName = keyof typeof SIGNAL_FILES;
/** A file's text, or undefined when the file is missing. */
export type RawSignalFiles = Record<SignalFileName, string | undefined>;

const SCHEMAS = {
  'flags.json': flagSchema,
  'details.json': detailSchema,
  'reset-reasons.json': resetReasonSchema,
  'clusters.json': clusterSchema,
  'analyzers.json': analyzerSchema,
  'errors.json': errorSchema,
} as const;
type EntryFile = keyof typeof SCHEMAS;

const fileLabel = (file: SignalFileName) => `signals/${file}`;

function entryLabel(entry: unknown, index: number, key: string): string {
  const value = (entry as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' && value !== '' ? value : `#${index}`;
}

function parse(file: SignalFileName, source: string | undefined, problems: DataProblem[]): unknown {
  if (source === undefined) {
    problems.push({ file: fileLabel(file), entry: '-', field: '-', reason: 'is missing' });
    return undefined;
  }
  try {
    return JSON.parse(source);
  } catch (error) {
    problems.push({ file: fileLabel(file), entry: '-', field: '-', reason: `is not valid JSON (${(error as Error).message})` });
    return undefined;
  }
}

function entries<F extends EntryFile>(file: F, source: string | undefined, qaIds: ReadonlySet<string>, problems: DataProblem[]): z.infer<(typeof SCHEMAS)[F]>[] {
  const data = parse(file, source, problems);
  if (data === undefined) return [];
  if (!Array.isArray(data)) {
    problems.push({ file: fileLabel(file), entry: '-', field: '-', reason: 'must be a JSON array' });
    return [];
  }
  const key = SIGNAL_FILES[file];
  const valid: z.infer<(typeof SCHEMAS)[F]>[] = [];
  const seen = new Set<string>();
  data.forEach((raw, index) => {
    const entry = entryLabel(raw, index, key);
    const result = SCHEMAS[file].safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ file: fileLabel(file), entry, field: issue.path.length > 0 ? issue.path.join('.') : '-', reason: issue.message });
      return;
    }
    if (seen.has(entry)) problems.push({ file: fileLabel(file), entry, field: key, reason: 'duplicate' });
    seen.add(entry);
    result.data.answers.forEach((id, at) => {
      if (!qaIds.has(id)) problems.push({ file: fileLabel(file), entry, field: `answers.${at}`, reason: `"${id}" is not an answer in qa.json` });
    });
    valid.push(result.data as z.infer<(typeof SCHEMAS)[F]>);
  });
  return valid;
}

/** `qaIds`: the ids in qa.json, which `answers` must name. */
export function compileSignals(files: RawSignalFiles, qaIds: ReadonlySet<string>): SignalCatalogue {
  const problems: DataProblem[] = [];
  const flags = entries('flags.json', files['flags.json'], qaIds, problems);
  const details = entries('details.json', files['details.json'], qaIds, problems);
  const resetReasons = entries('reset-reasons.json', files['reset-reasons.json'], qaIds, problems);
  const clusters = entries('clusters.json', files['clusters.json'], qaIds, problems);
  const analyzers = entries('analyzers.json', files['analyzers.json'], qaIds, problems);
  const errors = entries('errors.json', files['errors.json'], qaIds, problems);
  // A phrase may belong to one error only, or a line could not say which it is.
  const phraseOwners = new Map<string, string>();
  for (const error of errors) {
    error.phrases.forEach((phrase, at) => {
      const owner = phraseOwners.get(phrase.toLowerCase());
      if (owner !== undefined && owner !== error.id) problems.push({ file: 'signals/errors.json', entry: error.id, field: `phrases.${at}`, reason: `"${phrase}" is also a phrase of "${owner}"` });
      phraseOwners.set(phrase.toLowerCase(), owner ?? error.id);
    });
  }
  const rawSources = parse('sources.json', files['sources.json'], problems);
  let sources: SignalCatalogue['sources'] | undefined;
  if (rawSources !== undefined) {
    const result = sourcesSchema.safeParse(rawSources);
    if (result.success) sources = result.data as SignalCatalogue['sources'];
    else for (const issue of result.error.issues) problems.push({ file: 'signals/sources.json', entry: '-', field: issue.path.length > 0 ? issue.path.join('.') : '-', reason: issue.message });
  }
  if (problems.length > 0 || !sources) throw new DatasetError(problems);
  return { flags, details, resetReasons, clusters, analyzers, errors, sources };
}
