/// <reference types="vite/client" />

declare module 'virtual:dataset' {
  const dataset: import('./data/types').Dataset;
  export default dataset;
}

/** The glossary's spellings in the compact form of `src/glossary/compact.ts`. */
declare module 'virtual:glossary-terms' {
  const terms: string;
  export default terms;
}

/** The MiniSearch index of the dataset, serialized at build time (`SearchEngine.serialize`). */
declare module 'virtual:search-index' {
  const serializedIndex: string;
  export default serializedIndex;
}
