/**
 * Vite plugin behind `virtual:dataset`, `virtual:glossary-terms` and `virtual:search-index`: the data files are validated
 * and compiled when the extension is built, so a malformed file fails the build with the file,
 * entry, field and reason, and the extension never parses or checks raw data at run time.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compactTerms } from '../glossary/compact';
import { matcherTerms } from '../glossary/terms';
import { SearchEngine } from '../search/engine';
import { DATA_FILES } from './compile';
import { DATA_DIR, loadDataset } from './load-files';

const MODULES = {
  'virtual:dataset': () => `export default JSON.parse(${JSON.stringify(JSON.stringify(loadDataset()))});`,
  // The content script carries the matcher, not the dataset: ids and spellings only, compacted.
  'virtual:glossary-terms': () => `export default ${JSON.stringify(compactTerms(matcherTerms(loadDataset().glossary)))};`,
  // The search index, built here once: loading it is faster than indexing in each popup (npm run bench).
  'virtual:search-index': () => `export default ${JSON.stringify(new SearchEngine(loadDataset()).serialize())};`,
} as const;

type ModuleId = keyof typeof MODULES;
const isModuleId = (id: string): id is ModuleId => id in MODULES;

export function datasetPlugin(): Plugin {
  return {
    name: 'istio-experts-dataset',
    resolveId(id) {
      return isModuleId(id) ? `\0${id}` : undefined;
    },
    load(id) {
      const name = id.startsWith('\0') ? id.slice(1) : '';
      if (!isModuleId(name)) return undefined;
      for (const file of DATA_FILES) this.addWatchFile(resolve(DATA_DIR, file));
      // (JSON.parse of a string literal starts faster than an object literal of the same size.)
      return MODULES[name]();
    },
  };
}
