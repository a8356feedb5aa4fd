/**
 * The popup: search as you type, "On this page" before anything is typed, browsing by episode
 * and by term, recent searches, and the answer language switch. The search engine runs here
 * (built just after the first paint), so typing never waits for the background.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import dataset from 'virtual:dataset';
import { answerLanguageFor, langsOf, t, uiLanguage } from '../../i18n';
import { takePendingPopup } from '../../messaging/popup-request';
import type { AnswerLanguage } from '../../messaging/protocol';
import { answerSummary, confidentFirst, pageAnswers } from '../../search/cards';
import type { SearchEngine, SearchHit } from '../../search/engine';
import { loadSettings, updateSettings } from '../../settings/settings-item';
import { TranslatedBadge } from '../AnswerSummary';
import { Footer } from '../Footer';
import { lastQueryItem, recentSearchesItem, withRecent } from '../search/history';
import { HomeView, type View } from '../search/HomeView';
import { pageContext, type PageContext, targetTab } from '../search/page-context';
import { optionId, type ResultItem, ResultList } from '../search/ResultList';
import { SearchHeader } from '../search/SearchHeader';

// The engine's chunk (code and prebuilt index) starts loading with the popup, not after its
// first render: it arrives while the popup paints.
const shippedEngine = import('../../search/shipped-engine');

const RESULTS_ID = 'results';
const SEARCH_LIMIT = 20;
/** Answers that are only the nearest: a few, for orientation, never a long list of misses. */
const NEAREST_LIMIT = 5;
const PAGE_ANSWERS = 8;
/** A query counts as a search worth remembering after this long without typing. */
const RECENT_AFTER_MS = 1500;

function resultItems(engine: SearchEngine, hits: readonly SearchHit[], lang: AnswerLanguage): ResultItem[] {
  return hits.map((hit) => {
    const summary = answerSummary(engine, hit.id, lang, hit);
    return {
      summary,
      questionHighlights: Object.fromEntries(langsOf(lang).map((l) => [l, engine.highlights(summary.question[l], hit.matchedTerms)])),
      highlight: (text: string) => engine.highlights(text, hit.matchedTerms),
    };
  });
}

export function PopupApp({ params }: { params: URLSearchParams }) {
  const [engine, setEngine] = useState<SearchEngine>();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [lang, setLang] = useState<AnswerLanguage>(uiLanguage());
  const [view, setView] = useState<View>({ kind: 'home' });
  const [active, setActive] = useState(0);
  const [expanded, setExpanded] = useState<string | undefined>(params.get('answer') ?? undefined);
  const [page, setPage] = useState<PageContext | null>();
  const [recent, setRecent] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);
  // The query is saved only once the saved one has been read (or a request replaced it).
  const [restored, setRestored] = useState(false);

  // Everything that does not need the index first; the index right after the first paint.
  useEffect(() => {
    void loadSettings().then((settings) => setLang(answerLanguageFor(settings.answerLanguage)));
    void recentSearchesItem.getValue().then(setRecent);
    void (async () => {
      const pending = await takePendingPopup().catch(() => null);
      if (pending) {
        setQuery(pending.query);
        setExpanded(pending.answerId);
      } else if (!params.has('q')) {
        const last = await lastQueryItem.getValue();
        setQuery((current) => (current === '' ? last : current));
      }
      setRestored(true);
    })();
    void targetTab(params).then(async (tab) => setPage(tab ? ((await pageContext(tab)) ?? null) : null));
    // The engine is built from its chunk (code and index) once that has loaded (see shippedEngine).
    let cancelled = false;
    void shippedEngine.then(({ createShippedEngine }) => {
      if (!cancelled) setEngine(createShippedEngine());
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (!restored) return;
    void lastQueryItem.setValue(query);
    if (query.trim() === '') return;
    const timer = setTimeout(() => remember(query), RECENT_AFTER_MS);
    return () => clearTimeout(timer);
  }, [query, restored]);

  const remember = (text: string) => {
    setRecent((current) => {
      const next = withRecent(current, text);
      void recentSearchesItem.setValue(next);
      return next;
    });
  };

  const searching = query.trim() !== '';
  const [items, total] = useMemo<[ResultItem[], number]>(() => {
    if (!engine) return [[], 0];
    if (searching) {
      const hits = engine.search(query, { asYouType: true, limit: Infinity });
      const close = hits.filter((hit) => hit.confident);
      const shown = confidentFirst([...close.slice(0, SEARCH_LIMIT), ...hits.filter((hit) => !hit.confident).slice(0, NEAREST_LIMIT)]);
      return [resultItems(engine, shown, lang), close.length];
    }
    if (view.kind === 'episode') {
      const entries = dataset.qa.filter((entry) => entry.episode === view.number);
      return [entries.map((entry) => ({ summary: answerSummary(engine, entry.id, lang) })), entries.length];
    }
    if (page) {
      const hits = pageAnswers(engine, page, PAGE_ANSWERS);
      return [resultItems(engine, hits, lang), hits.length];
    }
    return [[], 0];
  }, [engine, query, searching, view, page, lang]);

  // Timings for `npm run bench`: from a keystroke (popup:input) to its results in the DOM.
  useLayoutEffect(() => {
    if (items.length > 0) performance.mark('popup:results-rendered');
  }, [items]);

  // A new list starts at its top, closed (unless the request named an answer to open).
  useEffect(() => {
    setExpanded((current) => {
      const index = current === undefined ? -1 : items.findIndex((item) => item.summary.id === current);
      setActive(Math.max(0, index));
      return index >= 0 ? current : undefined;
    });
  }, [items]);

  const search = useCallback((text: string) => {
    setQuery(text);
    setExpanded(undefined);
    setView({ kind: 'home' });
    input.current?.focus();
  }, []);

  const changeLang = (next: AnswerLanguage) => {
    setLang(next);
    void updateSettings((settings) => ({ ...settings, answerLanguage: next }));
  };

  const toggle = (answerId: string) => {
    setExpanded((current) => (current === answerId ? undefined : answerId));
    if (searching) remember(query);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const count = items.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (count === 0) return;
        event.preventDefault();
        setExpanded(undefined);
        setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
        break;
      }
      case 'Enter': {
        const item = items[active];
        if (!item) return;
        event.preventDefault();
        toggle(item.summary.id);
        break;
      }
      case 'Escape': {
        event.preventDefault();
        if (expanded !== undefined) setExpanded(undefined);
        else if (query !== '') setQuery('');
        else if (view.kind !== 'home') setView({ kind: 'home' });
        else window.close();
        break;
      }
    }
  };

  // "/" focuses the search box from anywhere in the popup.
  useEffect(() => {
    const onSlash = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.target === input.current) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onSlash);
    return () => document.removeEventListener('keydown', onSlash);
  }, []);

  const activeItem = items[active];
  const listLabel = searching ? t('resultsFor', query.trim()) : view.kind === 'episode' ? t('episodeNumber', view.number) : t('onThisPageAnswers');
  const showList = items.length > 0;

  return (
    <div class="popup theme" data-scheme="auto">
      <SearchHeader
        inputRef={input}
        query={query}
        lang={lang}
        expanded={showList}
        listId={RESULTS_ID}
        activeDescendant={showList && activeItem ? optionId(RESULTS_ID, activeItem.summary.id) : undefined}
        onQuery={(text) => {
          performance.mark('popup:input');
          setQuery(text);
          setExpanded(undefined);
        }}
        onKeyDown={onKeyDown}
        onLang={changeLang}
      />
      {/* Focusable so the keyboard can scroll it: the options themselves are not focus targets. */}
      <main class="content" aria-busy={!engine} tabIndex={0} aria-label={t('resultsRegion')}>
        {searching && engine && items.length === 0 && <p class="empty" role="status">{t('noResults', query.trim())}</p>}
        {!searching && (
          <HomeView
            view={view}
            page={page}
            recent={recent}
            lang={lang === 'zh' ? 'zh' : 'en'}
            onView={(next) => {
              setView(next);
              setExpanded(undefined);
            }}
            onSearch={search}
            onClearRecent={() => {
              setRecent([]);
              void recentSearchesItem.setValue([]);
            }}
            list={
              showList ? (
                <ResultList id={RESULTS_ID} label={listLabel} items={items} lang={lang} active={active} expanded={expanded} onActivate={setActive} onToggle={toggle} onSearchTerm={search} />
              ) : engine && page && view.kind !== 'episode' ? (
                <p class="muted" role="status">{t('noPageAnswers')}</p>
              ) : null
            }
          />
        )}
        {searching && showList && (
          <>
            <p class="count" role="status">
              {total === 0 ? t('noCloseMatchCount') : total === 1 ? t('resultCountOne') : total > SEARCH_LIMIT ? t('resultCountTop', SEARCH_LIMIT, total) : t('resultCount', total)}
              {lang !== 'zh' && <> · <TranslatedBadge /> {t('translationShort')}</>}
            </p>
            <ResultList id={RESULTS_ID} label={listLabel} items={items} lang={lang} active={active} expanded={expanded} onActivate={setActive} onToggle={toggle} onSearchTerm={search} />
          </>
        )}
      </main>
      <Footer />
    </div>
  );
}
