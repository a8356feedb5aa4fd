/**
 * The search surface the popup and the side panel share: search as you type, "On this page"
 * before anything is typed, browsing by episode and by term, recent searches, the answer
 * language switch, and the whole answer under its result. What is searched and opened (the
 * query, the view, the open answer) belongs to the surface: the popup restores its last query,
 * the side panel keeps one per tab.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import dataset from 'virtual:dataset';
import { t } from '../../i18n';
import type { AnswerLanguage } from '../../messaging/protocol';
import { answerSummary, pageAnswers } from '../../search/cards';
import type { SearchEngine } from '../../search/engine';
import { useRecentSearches } from './history';
import { HomeView, type View } from './HomeView';
import { isPageContext, type PageState } from './page-context';
import { listKeyDown } from './list-keys';
import { ResultList } from './ResultList';
import { optionId, QueryResultCount, RESULTS_ID, type ResultItem } from './ResultOptions';
import { resultItems, searchResults } from './results';
import { queryDocs } from '../../search/query-docs';
import { QueryDocs } from '../QueryDocs';
import { SearchHeader } from './SearchHeader';
import { SignalDecodeView } from '../signal/SignalDecodeView';
import { decodeQuery, signalItems, useSignalDecoder, withSignalItems } from '../signal/query-signals';

export interface SearchState {
  query: string;
  view: View;
  /** The answer open under its result. */
  expanded: string | undefined;
}

export const EMPTY_SEARCH: SearchState = { query: '', view: { kind: 'home' }, expanded: undefined };

const PAGE_ANSWERS = 8;
/** A query counts as a search worth remembering after this long without typing. */
const RECENT_AFTER_MS = 1500;

/** What a surface shows for a query: `complete` where the list is all there is (no decoded signal, no docs). */
export interface ShownList {
  query: string;
  lang: AnswerLanguage;
  total: number;
  items: ResultItem[];
  complete: boolean;
}

export function SearchView({ surface, engine, page, lang, onLang, state, onState, onEscape, onShown, headerActions, showPageTitle = false }: {
  /** Names the timing marks `npm run bench` reads (`popup:input` → `popup:results-rendered`). */
  surface: 'popup' | 'panel';
  engine: SearchEngine | undefined;
  page: PageState;
  lang: AnswerLanguage;
  onLang(lang: AnswerLanguage): void;
  state: SearchState;
  onState(change: (current: SearchState) => SearchState): void;
  /** Escape with nothing left to clear (the popup closes). */
  onEscape?: () => void;
  /** Each list shown (the popup keeps it for its next first paint). */
  onShown?: (shown: ShownList) => void;
  /** Buttons beside the language switch. */
  headerActions?: ComponentChildren;
  showPageTitle?: boolean;
}) {
  const { query, view, expanded } = state;
  const { recent, remember, clear } = useRecentSearches();
  const input = useRef<HTMLInputElement>(null);
  const set = (change: Partial<SearchState>) => onState((current) => ({ ...current, ...change }));

  useEffect(() => {
    if (query.trim() === '') return;
    const timer = setTimeout(() => remember(query), RECENT_AFTER_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const searching = query.trim() !== '';
  // A pasted log line, error sentence or analyze code is decoded above its answers.
  const signals = useSignalDecoder();
  const decoded = useMemo(() => (searching ? decodeQuery(signals, query) : []), [signals, query, searching]);
  const [items, total] = useMemo<[ResultItem[], number]>(() => {
    if (!engine) return [[], 0];
    if (searching) {
      const { items, total } = searchResults(engine, query, lang);
      const signal = signalItems(engine, decoded, lang);
      const alsoClose = new Set(items.filter((item) => item.summary.confident).map((item) => item.summary.id));
      return [withSignalItems(signal, items), total + signal.filter((item) => !alsoClose.has(item.summary.id)).length];
    }
    if (view.kind === 'episode') {
      const entries = dataset.qa.filter((entry) => entry.episode === view.number);
      return [entries.map((entry) => ({ summary: answerSummary(engine, entry.id, lang) })), entries.length];
    }
    if (isPageContext(page)) {
      const hits = pageAnswers(engine, page, PAGE_ANSWERS);
      return [resultItems(engine, hits, lang), hits.length];
    }
    return [[], 0];
  }, [engine, query, searching, view, page, lang, decoded]);

  // Timings for `npm run bench`: from a keystroke (popup:input) to its results in the DOM.
  useLayoutEffect(() => {
    if (items.length > 0) performance.mark(`${surface}:results-rendered`);
  }, [items]);

  // The reader's place belongs to the list it was taken in. A new list starts at its top (or at
  // the answer the request named) in the very render that shows it, so an arrow pressed at once is
  // not undone by an effect that runs after the paint. The same list worked out again (the page's
  // context or the signal decoder came in) is not new: the place stays.
  const listKey = items.map((item) => item.summary.id).join(' ');
  const openIndex = expanded === undefined ? -1 : items.findIndex((item) => item.summary.id === expanded);
  const [place, setPlace] = useState({ list: '', index: 0 });
  const indexIn = (taken: typeof place) => (taken.list === listKey ? taken.index : Math.max(0, openIndex));
  const active = indexIn(place);
  const setActive = (update: number | ((index: number) => number)) =>
    setPlace((current) => ({ list: listKey, index: typeof update === 'number' ? update : update(indexIn(current)) }));
  // A named answer that is not in the list is forgotten.
  useEffect(() => {
    if (openIndex < 0 && expanded !== undefined && engine) set({ expanded: undefined });
  }, [listKey]);

  const search = (text: string) => {
    set({ query: text, expanded: undefined, view: { kind: 'home' } });
    input.current?.focus();
  };

  const toggle = (answerId: string) => {
    onState((current) => ({ ...current, expanded: current.expanded === answerId ? undefined : answerId }));
    if (searching) remember(query);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moved = listKeyDown(event, {
      count: items.length,
      setActive,
      onMove: () => set({ expanded: undefined }),
      onEnter: () => {
        const item = items[active];
        if (item) toggle(item.summary.id);
      },
    });
    if (moved || event.key !== 'Escape') return;
    event.preventDefault();
    if (expanded !== undefined) set({ expanded: undefined });
    else if (query !== '') set({ query: '' });
    else if (view.kind !== 'home') set({ view: { kind: 'home' } });
    else onEscape?.();
  };

  // "/" focuses the search box from anywhere in the surface.
  useEffect(() => {
    const onSlash = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.target === input.current || (event.target as HTMLElement | null)?.closest?.('input, textarea')) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onSlash);
    return () => document.removeEventListener('keydown', onSlash);
  }, []);

  // No close match: the docs for the question's terms come before the nearest answers.
  const docs = useMemo(() => (engine && searching && total === 0 ? queryDocs(engine, query) : []), [engine, searching, total, query]);
  useEffect(() => {
    if (engine) onShown?.({ query, lang, total, items, complete: searching && decoded.length === 0 && docs.length === 0 });
  }, [items, docs]);
  const activeItem = items[active];
  const listLabel = searching ? t('resultsFor', query.trim()) : view.kind === 'episode' ? t('episodeNumber', view.number) : t('onThisPageAnswers');
  const showList = items.length > 0;
  const list = (
    <ResultList
      id={RESULTS_ID}
      label={listLabel}
      items={items}
      lang={lang}
      active={active}
      expanded={expanded}
      onActivate={setActive}
      onToggle={toggle}
      onSearchTerm={search}
      page={isPageContext(page) ? page.version : undefined}
    />
  );

  return (
    <>
      <SearchHeader
        inputRef={input}
        query={query}
        lang={lang}
        expanded={showList}
        listId={RESULTS_ID}
        activeDescendant={showList && activeItem ? optionId(RESULTS_ID, activeItem.summary.id) : undefined}
        onQuery={(text) => {
          performance.mark(`${surface}:input`);
          set({ query: text, expanded: undefined });
        }}
        onKeyDown={onKeyDown}
        onLang={onLang}
        actions={headerActions}
      />
      {/* Focusable so the keyboard can scroll it: the options themselves are not focus targets. */}
      <main class="content" aria-busy={!engine} tabIndex={0} aria-label={t('resultsRegion')}>
        {decoded.length > 0 && (
          <section class="section signal-query" aria-labelledby="signal-query-heading">
            <h2 id="signal-query-heading">{t('signalsDecodedQuery')}</h2>
            {decoded.map((decode, index) => <SignalDecodeView decode={decode} lang={lang} key={index} />)}
          </section>
        )}
        {searching && engine && items.length === 0 && <p class="empty" role="status">{t('noResults', query.trim())}</p>}
        {!searching && (
          <HomeView
            view={view}
            page={page}
            recent={recent}
            lang={lang === 'zh' ? 'zh' : 'en'}
            showPageTitle={showPageTitle}
            onView={(next) => set({ view: next, expanded: undefined })}
            onSearch={search}
            onClearRecent={clear}
            list={showList ? list : engine && isPageContext(page) && view.kind !== 'episode' ? <p class="muted" role="status">{t('noPageAnswers')}</p> : null}
          />
        )}
        {searching && showList && (
          <>
            <QueryResultCount total={total} lang={lang} />
            {expanded === undefined && <QueryDocs docs={docs} lang={lang === 'zh' ? 'zh' : 'en'} />}
            {list}
          </>
        )}
      </main>
    </>
  );
}
