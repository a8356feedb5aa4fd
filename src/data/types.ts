/**
 * The dataset as stored in `data/*.json`. Chinese (`zh`) is always the original wording of the
 * livestream page; English (`en`) is our translation, marked as such in the UI.
 */

export type Lang = 'zh' | 'en';

/** A text that exists in the Chinese original and in our English translation. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface Guest {
  name: Bilingual;
  organization: Bilingual;
  bio: Bilingual;
}

export interface Link {
  text: Bilingual;
  url: string;
}

export interface Episode {
  /** 1–8, as numbered by the series. */
  number: number;
  title: Bilingual;
  /** ISO 8601 with the China Standard Time offset, e.g. `2021-06-02T20:00:00+08:00`. */
  start: string;
  end?: string;
  guests: Guest[];
  /** The topic summary (Markdown subset, see `src/data/markdown.ts`). */
  summary: Bilingual;
  outline: Bilingual[];
  replayUrl: string;
  links: Link[];
}

export interface QaEntry {
  /** `epNN-qMM`: episode and the question number printed in the source. */
  id: string;
  episode: number;
  number: number;
  /** Markdown subset: paragraphs, `1.` and `1)` lists, fenced code, links, inline code. */
  question: Bilingual;
  answer: Bilingual;
}

export interface GlossaryTerm {
  /** Stable kebab-case id, e.g. `rate-limiting`. */
  id: string;
  name: Bilingual;
  /**
   * Spellings that name this term on a page or in a query. Matching is case-insensitive, except
   * for short acronyms (≤ 5 characters with two or more capitals, such as `EDS`, `xDS`, `mTLS`),
   * which match only as written, so that a name like "Eds" is not taken; a common lowercase
   * spelling ("xds") is listed as an alias of its own.
   */
  aliases: { en: string[]; zh: string[] };
  definition: Bilingual;
  /** Official documentation on istio.io or envoyproxy.io, where one exists. */
  docsUrl?: string;
  /**
   * Closely related terms (ids), searched too, with less weight: "outlier detection" finds the
   * answers about 熔断 (circuit breaking) though no expert said "outlier detection".
   */
  related?: string[];
  /**
   * How people describe a problem that is about this term ("OOMKilled", "memory keeps growing"):
   * read in queries only (`src/search/symptoms.ts`), never marked on pages, where such words mean
   * many things.
   */
  symptoms?: { en: string[]; zh: string[] };
}

/** About the dataset: source, licence, attribution, translation notice (`data/dataset.json`). */
export interface DatasetInfo {
  title: Bilingual;
  source: { url: string; repository: string; commit: string; path: string };
  licence: { name: string; url: string };
  attribution: Bilingual;
  translation: Bilingual;
  /** The series' own pages: live room, video archive, slides. */
  links: Link[];
}

/** What a later release changed is a release of one of these (`data/currency.json`). */
export type CurrencyProduct = 'istio' | 'envoy' | 'kubernetes';
export type CurrencyStatus = 'timeless' | 'current' | 'changed' | 'superseded' | 'unchecked';

/** A minor release, `major.minor` ("1.19"). */
export interface ProductVersion {
  product: CurrencyProduct;
  version: string;
}

/**
 * An answer read against today's releases (`data/currency.json`): our note, written from primary
 * sources, never the expert's words. `since`: the first release where the change landed
 * (changed/superseded); `default`: where it became the default, when later; `before`: what to do
 * on releases older than `since`.
 */
export interface Currency {
  id: string;
  status: CurrencyStatus;
  since?: ProductVersion;
  default?: ProductVersion;
  now?: Bilingual;
  before?: Bilingual;
  sources?: string[];
  /** The note corrects the 2021 answer itself (it was not accurate then either), not only a later change. */
  corrects?: boolean;
  /** The releases it was checked against. */
  reviewed: { istio: string; envoy: string };
}

/** A Q&A entry with the glossary terms it mentions, found by the build (`compile.ts`). */
export interface LinkedQa extends QaEntry {
  /** Glossary term ids, most mentioned first. */
  terms: string[];
  /** The answer read against today's releases; every shipped answer has one (absent only in hand-made test data). */
  currency?: Currency;
}

/**
 * How people ask for one answer, in their own words (`data/asks.json`): issue titles, symptoms,
 * error lines, goals, keywords, colloquial Chinese. Written by us from the answer, indexed as a
 * search field of its own, never shown as the experts' words.
 */
export interface AskList {
  /** The Q&A entry's id. */
  id: string;
  en: string[];
  zh: string[];
}

/** What the build hands the extension: validated, with Q&A linked to terms. */
export interface Dataset {
  info: DatasetInfo;
  episodes: Episode[];
  qa: LinkedQa[];
  glossary: GlossaryTerm[];
  /**
   * Where the index is built (the build, tests, terminal tools). The shipped dataset leaves them
   * out: its index is prebuilt and nothing shows them.
   */
  asks?: AskList[];
}
