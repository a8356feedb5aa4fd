/**
 * Typed messages between the extension's parts. The background owns the search engine and the
 * dataset; the content script asks it for the glossary's spellings and for answers on demand.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageVersion } from '../data/currency';
import type { Currency, Lang } from '../data/types';
import type { SortedSpellings } from '../glossary/matcher';
import type { Citation } from '../search/cite';
import type { SearchHit } from '../search/engine';
import type { Range } from '../search/highlight';
import type { SignalDecode } from '../signals/decode';

export type AnswerLanguage = Lang | 'both';

/** One result of a list, as it travels: its summary and its question's highlights. */
export interface ListItem {
  summary: AnswerSummary;
  questionHighlights: Partial<Record<Lang, Range[]>>;
}

/** A query's list as the popup's first paint draws it (`listResults`). */
export interface ListResults {
  total: number;
  items: ListItem[];
  /** The list is all a surface shows for the query: close matches, and no signal decoded from it. */
  complete: boolean;
  /** Every hit, as `listHits` gives them: the app that takes over lists from these, without asking again. */
  hits: SearchHit[];
}

/** One answer as a card or list shows it. */
export interface AnswerSummary {
  id: string;
  question: { zh: string; en: string };
  /** The answer's best sentence for the request, in the requested language(s). */
  preview: { zh?: PreviewText; en?: PreviewText };
  episode: { number: number; title: { zh: string; en: string }; guest: { zh: string; en: string }; date: string };
  /**
   * A close match for what was asked (`SearchHit.confident`), not merely the nearest answer;
   * absent where nothing was asked (browsing an episode).
   */
  confident?: boolean;
  /** The answer read against today's releases (`data/currency.json`). */
  currency?: Currency;
}

export interface PreviewText {
  text: string;
  highlights: Range[];
}

export interface TermInfo {
  id: string;
  name: { zh: string; en: string };
  definition: { zh: string; en: string };
  docsUrl?: string;
}

/** What a hover or lookup card shows. */
export interface CardData {
  /** The term the card is about (hover), or the terms found in the looked-up text. */
  terms: TermInfo[];
  answers: AnswerSummary[];
  /** How many answers there are in all (the card shows the first few). */
  total: number;
  /** The query the popup should open with for "all answers". */
  query: string;
  /** No answer names the term: these answers are related through the text around it. */
  related?: boolean;
  /** No close match for a lookup: the official docs for the terms it names (`queryDocs`). */
  docs?: TermInfo[];
  /** A signal card: the line decoded (`src/signals/decode.ts`); `terms` is then empty. */
  signal?: SignalDecode;
}

/** A signal the pointer rests on: its line, as the page has it, and where the signal starts in it. */
export interface SignalCardRequest {
  text: string;
  at: number;
  /** Code (pre, code) or prose: how the line is read. */
  mode: 'code' | 'prose';
  lang: AnswerLanguage;
}

/** "On this page": a kind of signal and how often it occurs (`503 UC` ×3). */
export interface PageSignal {
  label: string;
  count: number;
}

export interface TermCardRequest {
  termId: string;
  /** The sentence around the term, which re-ranks the answers. */
  context: string;
  lang: AnswerLanguage;
}

export interface LookupRequest {
  text: string;
  lang: AnswerLanguage;
}

export interface PageTerm {
  termId: string;
  count: number;
}

export interface PageTerms {
  url: string;
  title: string;
  /** What the page asks (`pageQuestion`): an issue's title and opening comment, a doc's headings. */
  question: string;
  terms: PageTerm[];
  /** The version of Istio (or Envoy) the page is about (`src/page/page-version.ts`), when it says. */
  version?: PageVersion;
  /** The signals on the page (access-log flags, analyze codes, error lines), most frequent first. */
  signals?: PageSignal[];
}

/** What the popup opens on: a query, and the answer to expand. */
export interface PopupRequest {
  query: string;
  answerId?: string;
}

/** What a card asks the side panel to show (as the popup: a query and the answer to expand). */
export type PanelRequest = PopupRequest;

/** Whether the side panel opened; Firefox opens it only from its own controls (`shortcut`). */
export interface PanelOutcome {
  opened: boolean;
  /** The keyboard shortcut that opens the panel, when one is set. */
  shortcut?: string;
}

/** An answer to quote, in the reader's language (`src/search/cite.ts`). */
export interface CiteRequest {
  answerId: string;
  lang: AnswerLanguage;
}

interface BackgroundProtocol {
  termCard(request: TermCardRequest): CardData | undefined;
  lookup(request: LookupRequest): CardData;
  /** The card of a signal on the page: the line read again here and decoded, with its answers. */
  signalCard(request: SignalCardRequest): CardData | undefined;
  /** Opens the popup on a query (from a card's "all N answers" or "open in popup"). */
  openPopup(request: PopupRequest): void;
  /** The glossary's spellings for the content script's matcher (`src/glossary/compact.ts`). */
  glossaryTerms(): SortedSpellings;
  /** Injects the card UI into the sender's frame (it is loaded only when a first card opens). */
  loadCardUi(): void;
  /** A search list's hits for a query (`listHits`), for the popup's first results while its own index loads. */
  listHits(request: { query: string }): SearchHit[];
  /** A search list's results for a query, drawn by the popup's first paint before its own data loads. */
  listResults(request: { query: string; lang: AnswerLanguage }): ListResults;
  /** Opens the side panel of the card's window on a query (a card's "Open in side panel"). */
  openSidePanel(request: PanelRequest): PanelOutcome;
  /** The Markdown quote and source link of an answer, for a card's "Copy as Markdown" and "Copy link". */
  citeAnswer(request: CiteRequest): Citation;
  /** Opens an answer on the answer page, in a tab next to the card's. */
  openAnswerPage(request: { answerId: string }): void;
}

interface ContentProtocol {
  /** Glossary terms in the page's visible text, most frequent first. */
  pageTerms(): PageTerms;
  /** Shows the lookup card at the current selection; false when this frame has none. */
  showLookup(request: { text?: string }): boolean;
}

export const backgroundMessaging = defineExtensionMessaging<BackgroundProtocol>();
export const contentMessaging = defineExtensionMessaging<ContentProtocol>();
