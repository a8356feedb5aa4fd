/// <reference types="vite/client" />

declare module 'virtual:dataset' {
  const dataset: import('./data/types').Dataset;
  export default dataset;
}

/** The dataset's source and licence only (attribution, without loading the answers). */
declare module 'virtual:dataset-info' {
  const info: import('./data/types').DatasetInfo;
  export default info;
}

/** The glossary's spellings, compacted and sorted (`src/glossary/compact.ts`). */
declare module 'virtual:glossary-terms' {
  const terms: import('./glossary/matcher').SortedSpellings;
  export default terms;
}

/** A hash of those spellings: which glossary a stored copy of them is. */
declare module 'virtual:glossary-version' {
  const version: string;
  export default version;
}

/** The fewest spellings of Istio and Envoy whose absence means a page does not name them (`mentionSpellings`). */
declare module 'virtual:mention-spellings' {
  const spellings: readonly string[];
  export default spellings;
}

/** The MiniSearch index of the dataset, serialized at build time (`SearchEngine.serialize`). */
declare module 'virtual:search-index' {
  const serializedIndex: string;
  export default serializedIndex;
  /** A hash of the index and the ranking. */
  export const version: string;
}

/** The signal catalogue, validated at build time (`data/signals/`). */
declare module 'virtual:signals' {
  const catalogue: import('./signals/types').SignalCatalogue;
  export default catalogue;
}

/** The catalogue's keys only, for the content script's reader. */
declare module 'virtual:signal-keys' {
  const keys: import('./signals/types').SignalKeys;
  export default keys;
}
