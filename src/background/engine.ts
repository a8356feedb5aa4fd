/** The background's one search engine, made on first use and kept while the worker lives. */
import type { SearchEngine } from '../search/engine';
import { createShippedEngine } from '../search/shipped-engine';

let engine: SearchEngine | undefined;

export function getEngine(): SearchEngine {
  engine ??= createShippedEngine();
  return engine;
}
