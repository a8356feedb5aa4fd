/**
 * Imports the Chinese Q&A text from the original page into `data/qa.json`, keeping every English
 * translation already there. Run after correcting the source: `npm run data:import`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSourceQa } from '../data/source-parser';
import type { QaEntry } from '../data/types';

const dataDir = resolve(import.meta.dirname, '../../data');
const qaPath = resolve(dataDir, 'qa.json');

function readExisting(): Map<string, QaEntry> {
  try {
    const entries = JSON.parse(readFileSync(qaPath, 'utf8')) as QaEntry[];
    return new Map(entries.map((entry) => [entry.id, entry]));
  } catch {
    return new Map();
  }
}

const existing = readExisting();
const source = parseSourceQa(readFileSync(resolve(dataDir, 'source/istio-big-talk.md'), 'utf8'));
const entries: QaEntry[] = source.map(({ id, episode, number, question, answer }) => ({
  id,
  episode,
  number,
  question: { zh: question, en: existing.get(id)?.question.en ?? '' },
  answer: { zh: answer, en: existing.get(id)?.answer.en ?? '' },
}));
writeFileSync(qaPath, `${JSON.stringify(entries, null, 2)}\n`);
console.log(`data/qa.json: ${entries.length} Q&A entries`);
