/**
 * Real questions (`../shared/eval/real-queries.json`: verbatim GitHub issue titles, each judged
 * against the 118 answers), read where they are at run time and never copied into the project.
 *
 * They are split once, by a rule fixed before any tuning: sorted by the SHA-256 of their URL,
 * the even positions are the tuning half and the odd ones the held-out half. Ranking and
 * confidence are tuned on the tuning half only; the held-out half is only ever reported.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface RealQuery {
  q: string;
  /** Answers that would directly help; empty when none does. */
  rel: string[];
  src: string;
  url: string;
  note?: string;
}

export type Half = 'tuning' | 'held-out';

export const REAL_QUERIES_PATH = resolve(import.meta.dirname, '../../../shared/eval/real-queries.json');

export function hasRealQueries(): boolean {
  return existsSync(REAL_QUERIES_PATH);
}

const urlHash = (url: string) => createHash('sha256').update(url).digest('hex');

/** Every real query with its half. */
export function loadRealQueries(path = REAL_QUERIES_PATH): (RealQuery & { half: Half })[] {
  const queries = JSON.parse(readFileSync(path, 'utf8')) as RealQuery[];
  return queries
    .map((query) => ({ query, hash: urlHash(query.url) }))
    .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0))
    .map(({ query }, index) => ({ ...query, half: index % 2 === 0 ? 'tuning' : 'held-out' }));
}

export function realHalf(half: Half, path = REAL_QUERIES_PATH): RealQuery[] {
  return loadRealQueries(path).filter((query) => query.half === half);
}

/** Written in Chinese: any Han character. */
export const isChinese = (text: string): boolean => /[\u3400-\u9fff]/.test(text);
