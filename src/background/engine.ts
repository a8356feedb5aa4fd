/** The background's one search engine, built on first use and kept while the worker lives. */
import dataset from 'virtual:dataset';
import { SearchEngine } from '../search/engine';

let engine: SearchEngine | undefined;

export function getEngine(): SearchEngine {
  engine ??= new SearchEngine(dataset);
  return engine;
}
