/**
 * Vite plugin behind `virtual:dataset` (with `virtual:dataset-info`), `virtual:glossary-terms` (with `virtual:glossary-version`
 * and `virtual:mention-spellings`) and `virtual:search-index`: the data files are validated and compiled when the extension is
 * built, so a malformed file fails the build with the file, entry, field and reason, and the
 * extension never parses or checks raw data at run time.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { shippedSpellings } from '../glossary/compact';
import { mentionSpellings } from '../glossary/relevance';
import { matcherTerms } from '../glossary/terms';
import { RANKING, SearchEngine } from '../search/engine';
import { signalKeys } from '../signals/types';
import { compileDataset, DATA_FILES } from './compile';
import { compileSignals, SIGNAL_FILES } from './compile-signals';
import { DATA_DIR, qaIdsOf, readDataFiles, readSignalFiles } from './load-files';
import type { Dataset } from './types';

type ModuleId = 'virtual:dataset' | 'virtual:dataset-info' | 'virtual:glossary-terms' | 'virtual:glossary-version' | 'virtual:mention-spellings' | 'virtual:search-index';

/** The sorted spellings as JSON, made once per dataset (two modules need them: the spellings and their version). */
const spellingsJson = new WeakMap<Dataset, string>();
function glossaryTerms(dataset: Dataset): string {
  let json = spellingsJson.get(dataset);
  if (json === undefined) spellingsJson.set(dataset, (json = JSON.stringify(shippedSpellings(matcherTerms(dataset.glossary)))));
  return json;
}

const generate: Record<ModuleId, (dataset: Dataset) => string> = {
  // JSON.parse of a string literal starts faster than an object literal of the same size. The
  // asks are left out: they are in the prebuilt index, and nothing shows them.
  'virtual:dataset': ({ asks: _asks, ...shipped }) => `export default JSON.parse(${JSON.stringify(JSON.stringify(shipped))});`,
  // The attribution alone (source and licence), for what a page draws before its data is loaded.
  'virtual:dataset-info': ({ info }) => `export default ${JSON.stringify(info)};`,
  // What the content script's matcher is made of (the background stores it for pages, the engine
  // uses it too): ids and spellings only, compacted, keyed and sorted.
  'virtual:glossary-terms': (dataset) => `export default JSON.parse(${JSON.stringify(glossaryTerms(dataset))});`,
  // Which glossary a stored copy of those spellings is (`src/messaging/glossary-terms.ts`).
  'virtual:glossary-version': (dataset) => `export default ${JSON.stringify(createHash('sha256').update(glossaryTerms(dataset)).digest('hex').slice(0, 16))};`,
  // The spellings that tell the content script's loader a page may be about Istio (src/glossary/relevance.ts).
  'virtual:mention-spellings': (dataset) => `export default ${JSON.stringify(mentionSpellings(matcherTerms(dataset.glossary)))};`,
  // The search index, built here: loading it is faster than indexing in each popup (npm run bench).
  // `version`: which index and ranking this is (a page's results kept from an earlier build are not reused).
  'virtual:search-index': (dataset) => {
    const serialized = new SearchEngine(dataset).serialize();
    const version = createHash('sha256').update(serialized).update(JSON.stringify(RANKING)).digest('hex').slice(0, 16);
    return `export default ${JSON.stringify(serialized)};\nexport const version = ${JSON.stringify(version)};`;
  },
};

/**
 * The signal catalogue (`data/signals/`): whole for the background, the popup and the side panel
 * (`virtual:signals`); only its keys for the content script's reader (`virtual:signal-keys`).
 */
type SignalModuleId = 'virtual:signals' | 'virtual:signal-keys';
const SIGNAL_MODULES: readonly string[] = ['virtual:signals', 'virtual:signal-keys'];
let signalCache: { source: string; modules: Partial<Record<SignalModuleId, string>> } | undefined;

function signalModule(id: SignalModuleId): string {
  const files = readSignalFiles();
  const qa = readDataFiles()['qa.json'];
  const source = JSON.stringify([files, qa]);
  if (signalCache?.source !== source) {
    const catalogue = compileSignals(files, qaIdsOf(qa));
    signalCache = {
      source,
      modules: {
        'virtual:signals': `export default JSON.parse(${JSON.stringify(JSON.stringify(catalogue))});`,
        'virtual:signal-keys': `export default ${JSON.stringify(signalKeys(catalogue))};`,
      },
    };
  }
  return signalCache.modules[id]!;
}

const isModuleId = (id: string): id is ModuleId => id in generate;
const isSignalModuleId = (id: string): id is SignalModuleId => SIGNAL_MODULES.includes(id);

/**
 * The modules for the data files as they are now. A build asks for them from several entrypoints
 * (and WXT builds each browser's scripts separately): the files are compiled once per content.
 */
let cache: { source: string; modules: Partial<Record<ModuleId, string>>; dataset: Dataset } | undefined;

function moduleFor(id: ModuleId): string {
  const files = readDataFiles();
  const source = JSON.stringify(files);
  if (cache?.source !== source) cache = { source, modules: {}, dataset: compileDataset(files) };
  cache.modules[id] ??= generate[id](cache.dataset);
  return cache.modules[id];
}

export function datasetPlugin(): Plugin {
  return {
    name: 'istio-experts-dataset',
    resolveId(id) {
      return isModuleId(id) || isSignalModuleId(id) ? `\0${id}` : undefined;
    },
    load(id) {
      const name = id.startsWith('\0') ? id.slice(1) : '';
      if (isSignalModuleId(name)) {
        for (const file of Object.keys(SIGNAL_FILES)) this.addWatchFile(resolve(DATA_DIR, 'signals', file));
        return signalModule(name);
      }
      if (!isModuleId(name)) return undefined;
      for (const file of DATA_FILES) this.addWatchFile(resolve(DATA_DIR, file));
      return moduleFor(name);
    },
  };
}
