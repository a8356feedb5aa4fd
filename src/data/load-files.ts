/** Reads and compiles `data/` from disk (Node only: build, tests, terminal tools). */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileDataset, DATA_FILES, type RawDataFiles } from './compile';
import type { SignalCatalogue } from '../signals/types';
import { compileSignals, type RawSignalFiles, SIGNAL_FILES } from './compile-signals';
import type { Dataset } from './types';

export const DATA_DIR = resolve(import.meta.dirname, '../../data');

export function readDataFiles(dir = DATA_DIR): RawDataFiles {
  return Object.fromEntries(DATA_FILES.map((name) => [name, readFileSync(resolve(dir, name), 'utf8')])) as RawDataFiles;
}

export function loadDataset(dir = DATA_DIR): Dataset {
  return compileDataset(readDataFiles(dir));
}

export function readSignalFiles(dir = DATA_DIR): RawSignalFiles {
  const read = (name: string) => (existsSync(resolve(dir, 'signals', name)) ? readFileSync(resolve(dir, 'signals', name), 'utf8') : undefined);
  return Object.fromEntries(Object.keys(SIGNAL_FILES).map((name) => [name, read(name)])) as RawSignalFiles;
}

/** The ids in qa.json as written (valid entries or not: a broken answer is reported once, there). */
export function qaIdsOf(qaSource: string): Set<string> {
  try {
    const qa = JSON.parse(qaSource) as unknown;
    return new Set(Array.isArray(qa) ? qa.flatMap((entry) => (typeof entry?.id === 'string' ? [entry.id as string] : [])) : []);
  } catch {
    return new Set();
  }
}

export function loadSignals(dir = DATA_DIR): SignalCatalogue {
  return compileSignals(readSignalFiles(dir), qaIdsOf(readFileSync(resolve(dir, 'qa.json'), 'utf8')));
}
