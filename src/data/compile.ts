/**
 * Turns the raw data files into the dataset the extension ships: every file validated (a problem
 * names the file, the entry, the field and the reason), then each Q&A linked to the glossary
 * terms it mentions. The build, the tests and the terminal tools all go through here.
 */
import type { z } from 'zod';
import { aliasKey, TermMatcher } from '../glossary/matcher';
import { matcherTerms, termAliases } from '../glossary/terms';
import { links, outline, plainText } from './markdown';
import { checkCurrency } from './currency-check';
import { asksSchema, currencySchema, datasetInfoSchema, episodeSchema, glossarySchema, qaSchema } from './schema';
import type { AskList, Currency, Dataset, DatasetInfo, Episode, GlossaryTerm, LinkedQa, QaEntry } from './types';

export const DATA_FILES = ['dataset.json', 'episodes.json', 'qa.json', 'asks.json', 'glossary.json', 'currency.json'] as const;
export type DataFileName = (typeof DATA_FILES)[number];
export type RawDataFiles = Record<DataFileName, string>;

export interface DataProblem {
  file: string;
  /** The entry's id (or number), `#index` when it has none, `-` for the whole file. */
  entry: string;
  /** Dotted path inside the entry, `-` for the whole entry. */
  field: string;
  reason: string;
}

export class DatasetError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(
      `The dataset has ${problems.length} problem(s):\n` +
        problems.map((p) => `  data/${p.file}: ${p.entry}: ${p.field}: ${p.reason}`).join('\n'),
    );
    this.name = 'DatasetError';
  }
}

export class ProblemList {
  readonly items: DataProblem[] = [];
  add(file: string, entry: string, field: string, reason: string): void {
    this.items.push({ file, entry, field, reason });
  }
}

function parseJson(file: DataFileName, source: string, problems: ProblemList): unknown {
  try {
    return JSON.parse(source);
  } catch (error) {
    problems.add(file, '-', '-', `is not valid JSON (${(error as Error).message})`);
    return undefined;
  }
}

function entryLabel(entry: unknown, index: number, key: 'id' | 'number'): string {
  const value = (entry as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : `#${index}`;
}

/** Validates each entry of an array file, reporting per entry; returns the valid ones. */
function validateEntries<T>(
  file: DataFileName,
  data: unknown,
  schema: z.ZodType<T>,
  key: 'id' | 'number',
  problems: ProblemList,
): T[] {
  if (data === undefined) return [];
  if (!Array.isArray(data)) {
    problems.add(file, '-', '-', 'must be a JSON array');
    return [];
  }
  const valid: T[] = [];
  data.forEach((entry, index) => {
    const result = schema.safeParse(entry);
    if (result.success) valid.push(result.data);
    else reportIssues(file, entryLabel(entry, index, key), result.error, problems);
  });
  return valid;
}

function reportIssues(file: string, entry: string, error: z.ZodError, problems: ProblemList): void {
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join('.') : '-';
    problems.add(file, entry, field, issue.message);
  }
}

/** The ids (or numbers) of a raw array file's entries, whether the entries are valid or not. */
function idsOf(data: unknown, key: 'id' | 'number'): Set<unknown> {
  return new Set(Array.isArray(data) ? data.map((entry) => (entry as Record<string, unknown> | null)?.[key]) : []);
}

function checkDuplicates<T>(file: string, items: T[], key: (item: T) => string, problems: ProblemList): void {
  const seen = new Set<string>();
  for (const item of items) {
    const id = key(item);
    if (seen.has(id)) problems.add(file, id, '-', 'duplicate id');
    seen.add(id);
  }
}

/** Links in Markdown must be https; a translation keeps its original's structure and links. */
function checkMarkdown(file: string, entry: string, field: string, zh: string, en: string, problems: ProblemList): void {
  for (const [lang, value] of [['zh', zh], ['en', en]] as const) {
    for (const link of links(value)) {
      if (!link.url.startsWith('https://')) problems.add(file, entry, `${field}.${lang}`, `link is not https: ${link.url}`);
    }
  }
  if (en.trim() === '') return;
  if (outline(zh) !== outline(en)) {
    problems.add(file, entry, `${field}.en`, `translation structure "${outline(en)}" differs from the original "${outline(zh)}"`);
  }
  const urls = (value: string): string => links(value).map((link) => link.url).sort().join(' ');
  if (urls(zh) !== urls(en)) problems.add(file, entry, `${field}.en`, 'translation links differ from the original');
}

/** `episodeNumbers`: every number in episodes.json, valid entry or not (one problem, not a cascade). */
function checkQa(qa: QaEntry[], episodeNumbers: ReadonlySet<unknown>, problems: ProblemList): void {
  for (const entry of qa) {
    const expected = `ep${String(entry.episode).padStart(2, '0')}-q${String(entry.number).padStart(2, '0')}`;
    if (entry.id !== expected) problems.add('qa.json', entry.id, 'id', `does not match episode ${entry.episode} question ${entry.number} (${expected})`);
    if (!episodeNumbers.has(entry.episode)) problems.add('qa.json', entry.id, 'episode', `episode ${entry.episode} is not in episodes.json`);
    checkMarkdown('qa.json', entry.id, 'question', entry.question.zh, entry.question.en, problems);
    checkMarkdown('qa.json', entry.id, 'answer', entry.answer.zh, entry.answer.en, problems);
  }
}

/** Every answer is asked for, once; asks name only answers that exist (raw ids, valid or not). */
function checkAsks(asks: AskList[], qaIds: ReadonlySet<unknown>, rawAskIds: ReadonlySet<unknown>, problems: ProblemList): void {
  for (const id of qaIds) {
    if (typeof id === 'string' && !rawAskIds.has(id)) problems.add('asks.json', id, '-', 'no asks for this answer (each answer needs its list)');
  }
  for (const entry of asks) {
    if (!qaIds.has(entry.id)) problems.add('asks.json', entry.id, 'id', 'is not the id of an answer in qa.json');
  }
}

function checkEpisodes(episodes: Episode[], problems: ProblemList): void {
  for (const episode of episodes) {
    checkMarkdown('episodes.json', String(episode.number), 'summary', episode.summary.zh, episode.summary.en, problems);
    if (episode.end && episode.end <= episode.start) problems.add('episodes.json', String(episode.number), 'end', 'is not after start');
  }
}

/** An alias (or name) may name only one term, or the matcher could not tell which is meant. */
/** `ids`: every id in glossary.json, valid entry or not (one problem, not a cascade). */
function checkGlossary(glossary: GlossaryTerm[], ids: ReadonlySet<unknown>, problems: ProblemList): void {
  for (const term of glossary) {
    for (const related of term.related ?? []) {
      if (!ids.has(related) || related === term.id) problems.add('glossary.json', term.id, 'related', `"${related}" is not another term's id`);
    }
  }
  const owners = new Map<string, string>();
  for (const term of glossary) {
    for (const alias of termAliases(term)) {
      const key = aliasKey(alias);
      if (key.length < 2) {
        problems.add('glossary.json', term.id, 'aliases', `alias "${alias}" is shorter than 2 characters`);
        continue;
      }
      const owner = owners.get(key);
      if (owner !== undefined && owner !== term.id) {
        problems.add('glossary.json', term.id, 'aliases', `alias "${alias}" is also an alias of "${owner}"`);
      }
      owners.set(key, owner ?? term.id);
    }
  }
  // A symptom leads to one term, and is not already a spelling of one.
  const symptomOwners = new Map<string, string>();
  for (const term of glossary) {
    for (const symptom of [...(term.symptoms?.en ?? []), ...(term.symptoms?.zh ?? [])]) {
      const key = aliasKey(symptom);
      const owner = owners.get(key) ?? symptomOwners.get(key);
      if (key.length < 2) problems.add('glossary.json', term.id, 'symptoms', `symptom "${symptom}" is shorter than 2 characters`);
      else if (owner !== undefined && owner !== term.id) problems.add('glossary.json', term.id, 'symptoms', `symptom "${symptom}" is also a spelling or symptom of "${owner}"`);
      else if (owners.get(key) === term.id) problems.add('glossary.json', term.id, 'symptoms', `symptom "${symptom}" is already an alias`);
      symptomOwners.set(key, symptomOwners.get(key) ?? term.id);
    }
  }
}

/** Term ids a Q&A mentions in either language, most mentioned first. */
function linkTerms(entry: QaEntry, matcher: TermMatcher): string[] {
  const counts = new Map<string, number>();
  const text = [entry.question.zh, entry.answer.zh, entry.question.en, entry.answer.en].map(plainText).join('\n');
  for (const match of matcher.findAll(text)) counts.set(match.termId, (counts.get(match.termId) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

export function compileDataset(files: RawDataFiles): Dataset {
  const problems = new ProblemList();
  const rawInfo = parseJson('dataset.json', files['dataset.json'], problems);
  const infoResult = rawInfo === undefined ? undefined : datasetInfoSchema.safeParse(rawInfo);
  if (infoResult && !infoResult.success) reportIssues('dataset.json', '-', infoResult.error, problems);

  const rawEpisodes = parseJson('episodes.json', files['episodes.json'], problems);
  const episodes = validateEntries('episodes.json', rawEpisodes, episodeSchema, 'number', problems);
  const episodeNumbers = idsOf(rawEpisodes, 'number');
  const rawQa = parseJson('qa.json', files['qa.json'], problems);
  const qa = validateEntries('qa.json', rawQa, qaSchema, 'id', problems);
  const rawAsks = parseJson('asks.json', files['asks.json'], problems);
  const asks = validateEntries('asks.json', rawAsks, asksSchema, 'id', problems);
  const rawGlossary = parseJson('glossary.json', files['glossary.json'], problems);
  const glossary = validateEntries('glossary.json', rawGlossary, glossarySchema, 'id', problems);
  const rawCurrency = parseJson('currency.json', files['currency.json'], problems);
  const currency: Currency[] = validateEntries('currency.json', rawCurrency, currencySchema, 'id', problems);

  checkDuplicates('episodes.json', episodes, (episode) => String(episode.number), problems);
  checkDuplicates('qa.json', qa, (entry) => entry.id, problems);
  checkDuplicates('glossary.json', glossary, (term) => term.id, problems);
  checkDuplicates('asks.json', asks, (entry) => entry.id, problems);
  checkEpisodes(episodes, problems);
  checkQa(qa, episodeNumbers, problems);
  if (rawQa !== undefined && rawAsks !== undefined) checkAsks(asks, idsOf(rawQa, 'id'), idsOf(rawAsks, 'id'), problems);
  checkGlossary(glossary, idsOf(rawGlossary, 'id'), problems);
  if (rawQa !== undefined && rawCurrency !== undefined) checkCurrency(currency, idsOf(rawQa, 'id'), rawCurrency, problems);

  if (problems.items.length > 0 || !infoResult?.success) throw new DatasetError(problems.items);

  const matcher = new TermMatcher(matcherTerms(glossary));
  const currencyById = new Map(currency.map((entry) => [entry.id, entry]));
  const linked: LinkedQa[] = qa.map((entry) => ({ ...entry, terms: linkTerms(entry, matcher), currency: currencyById.get(entry.id)! }));
  return { info: infoResult.data as DatasetInfo, episodes, qa: linked, glossary, asks };
}
