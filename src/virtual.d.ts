declare module 'virtual:dataset' {
  const dataset: import('./data/types').Dataset;
  export default dataset;
}

declare module 'virtual:glossary-terms' {
  const terms: import('./glossary/matcher').TermAliases[];
  export default terms;
}
