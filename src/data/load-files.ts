/** Reads and compiles `data/` from disk (Node only: build, tests, terminal tools). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileDataset, DATA_FILES, type RawDataFiles } from './compile';
import type { Dataset } from './types';

export const DATA_DIR = resolve(import.meta.dirname, '../../data');

export function readDataFiles(dir = DATA_DIR): RawDataFiles {
  return Object.fromEntries(DATA_FILES.map((name) => [name, readFileSync(resolve(dir, name), 'utf8')])) as RawDataFiles;
}

export function loadDataset(dir = DATA_DIR): Dataset {
  return compileDataset(readDataFiles(dir));
}
