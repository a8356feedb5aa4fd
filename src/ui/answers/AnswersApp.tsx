/**
 * The answer page (answers.html): every episode and every answer at full width, with the popup's
 * search on top. `#ep04-q12` opens on that answer (scrolled to, focused, highlighted), `#ep04` on
 * its episode, `?q=` on the results for a text; any other fragment opens the whole list with a
 * plain message. What the address says is what the page shows, so Back and Forward work.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import dataset from 'virtual:dataset';
import { plainText } from '../../data/markdown';
import { langsOf, t } from '../../i18n';
import { episodeFragment } from '../../messaging/answer-page';
import { useAnswerLanguage } from '../answer-language';
import { Footer } from '../Footer';
import { listKeyDown } from '../search/list-keys';
import { ResultList } from '../search/ResultList';
import { optionId, ResultCount } from '../search/ResultOptions';
import { searchResults } from '../search/results';
import { SearchHeader } from '../search/SearchHeader';
import { useShippedEngine } from '../search/use-engine';
import { EpisodeSection } from './EpisodeSection';
import { isOvertaken } from '../../data/currency';
import { type AnswerFilter, filterOf, type Fragment, parseFragment, queryOf, searchFor } from './fragment';

const RESULTS_ID = 'results';
const answersPerEpisode = new Map<number, number>();
for (const entry of dataset.qa) answersPerEpisode.set(entry.episode, (answersPerEpisode.get(entry.episode) ?? 0) + 1);

const readAddress = () => ({ query: queryOf(location.search), fragment: parseFragment(location.hash, dataset), filter: filterOf(location.search) });
const changedCount = dataset.qa.filter((entry) => isOvertaken(entry.currency)).length;

function targetIdOf(fragment: Fragment): string | undefined {
  if (fragment.kind === 'answer') return fragment.id;
  if (fragment.kind === 'episode') return episodeFragment(fragment.number);
  return undefined;
}

export function AnswersApp() {
  const engine = useShippedEngine();
  const [lang, changeLang] = useAnswerLanguage();
  const [address, setAddress] = useState(readAddress);
  const [query, setQuery] = useState(address.query);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const { fragment, filter } = address;
  const targetId = targetIdOf(fragment);
  const primary = langsOf(lang)[0]!;
  const searching = query.trim() !== '';

  // Links inside the page (#ep03-q02), Back and Forward: the address is read again.
  useEffect(() => {
    const onNavigate = () => {
      const next = readAddress();
      setAddress(next);
      setQuery(next.query);
    };
    window.addEventListener('hashchange', onNavigate);
    window.addEventListener('popstate', onNavigate);
    return () => {
      window.removeEventListener('hashchange', onNavigate);
      window.removeEventListener('popstate', onNavigate);
    };
  }, []);

  // The answer or episode asked for: scrolled into view, focused (its heading is read), marked.
  useLayoutEffect(() => {
    if (searching) return;
    const target = targetId ? document.getElementById(targetId) : null;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    }
  }, [targetId, address, searching]);

  useEffect(() => {
    const entry = fragment.kind === 'answer' ? dataset.qa.find((candidate) => candidate.id === fragment.id) : undefined;
    const episode = fragment.kind === 'episode' ? dataset.episodes.find((candidate) => candidate.number === fragment.number) : undefined;
    const subject = entry ? plainText(entry.question[primary]) : episode ? `${t('episodeNumber', episode.number)}: ${episode.title[primary]}` : searching ? t('resultsFor', query.trim()) : '';
    document.title = subject ? `${subject.slice(0, 90)} — ${t('answersPageTitle')}` : t('answersPageTitle');
  }, [fragment, primary, searching, query]);

  const { items, total } = useMemo(() => {
    if (!engine || !searching) return { items: [], total: 0 };
    const results = searchResults(engine, query, lang);
    if (filter === 'all') return results;
    const kept = results.items.filter((item) => isOvertaken(item.summary.currency));
    return { items: kept, total: kept.filter((item) => item.summary.confident !== false).length };
  }, [engine, query, searching, lang, filter]);
  useEffect(() => setActive(0), [items]);

  const onQuery = (text: string) => {
    setQuery(text);
    history.replaceState(null, '', `${location.pathname}${searchFor(text, filter)}${location.hash}`);
  };

  /** The filter is part of the address (`?filter=changed`): a link or a reload keeps it. */
  const setFilter = (next: AnswerFilter) => {
    history.replaceState(null, '', `${location.pathname}${searchFor(query, next)}${location.hash}`);
    setAddress((current) => ({ ...current, filter: next }));
  };

  /** A result opens its answer where it stands in the page (a new entry in the history). */
  const openAnswer = (answerId: string) => {
    history.pushState(null, '', `${location.pathname}${searchFor('', filter)}#${answerId}`);
    setQuery('');
    setAddress(readAddress());
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moved = listKeyDown(event, {
      count: items.length,
      setActive,
      onEnter: () => {
        const item = items[active];
        if (item) openAnswer(item.summary.id);
      },
    });
    if (!moved && event.key === 'Escape' && query !== '') {
      event.preventDefault();
      onQuery('');
    }
  };

  const activeItem = items[active];
  const printScope = searching ? 'results' : fragment.kind === 'answer' ? 'answer' : fragment.kind === 'episode' ? 'episode' : 'all';

  return (
    <div class="answers-page theme" data-scheme="auto" data-print={printScope}>
      {/* Moves the focus, not the address: "#book" is no answer to open. */}
      <a
        class="skip-link"
        href="#book"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('book')?.focus();
        }}
      >
        {t('skipToAnswers')}
      </a>
      <div class="page-top">
        <div class="brand">
          <h1><a href="answers.html">{t('answersPageTitle')}</a></h1>
          <p class="tagline">{t('answersPageTagline', dataset.episodes.length, dataset.qa.length)}</p>
        </div>
        <SearchHeader
          inputRef={input}
          query={query}
          lang={lang}
          expanded={searching && items.length > 0}
          listId={RESULTS_ID}
          activeDescendant={searching && activeItem ? optionId(RESULTS_ID, activeItem.summary.id) : undefined}
          onQuery={onQuery}
          onKeyDown={onKeyDown}
          onLang={changeLang}
          autoFocus={targetId === undefined}
          actions={
            <button type="button" class="filter-toggle" data-action="filter-changed" aria-pressed={filter === 'changed'} title={t('filterChangedTitle')} onClick={() => setFilter(filter === 'changed' ? 'all' : 'changed')}>
              <span class="currency-dot" aria-hidden="true" />
              {t('filterChanged', changedCount)}
            </button>
          }
        />
      </div>
      <div class="page-body">
        <nav class="toc" aria-label={t('episodes')}>
          <h2>{t('episodes')}</h2>
          <ol>
            {dataset.episodes.map((episode) => {
              const id = episodeFragment(episode.number);
              const current = fragment.kind === 'episode' ? fragment.number === episode.number : fragment.kind === 'answer' && fragment.episode === episode.number;
              return (
                <li key={id}>
                  <a href={`#${id}`} aria-current={current ? 'location' : undefined}>
                    <span class="toc-number">{episode.number}</span>
                    <span class="toc-title">{episode.title[primary]}</span>
                    <span class="toc-count">{answersPerEpisode.get(episode.number) ?? 0}</span>
                  </a>
                </li>
              );
            })}
          </ol>
        </nav>
        <main id="book" class="book" tabIndex={-1} aria-busy={searching && !engine}>
          {fragment.kind === 'unknown' && <p class="notice" role="alert">{t('fragmentUnknown', fragment.text)}</p>}
          {searching && (
            <section class="results-section" aria-label={t('resultsFor', query.trim())}>
              {engine && items.length === 0 && <p class="empty" role="status">{filter === 'changed' ? t('filterNoResults') : t('noResults', query.trim())}</p>}
              {items.length > 0 && (
                <>
                  <ResultCount total={total} />
                  <ResultList
                    id={RESULTS_ID}
                    label={t('resultsFor', query.trim())}
                    items={items}
                    lang={lang}
                    active={active}
                    expanded={undefined}
                    onActivate={setActive}
                    onToggle={openAnswer}
                    onSearchTerm={onQuery}
                  />
                </>
              )}
            </section>
          )}
          <div class="episodes-list" hidden={searching}>
            {dataset.episodes.map((episode) => <EpisodeSection key={episode.number} episode={episode} lang={lang} targetId={targetId} onlyChanged={filter === 'changed'} />)}
          </div>
        </main>
      </div>
      <Footer />
    </div>
  );
}
