/**
 * What the popup shows before anything is typed: the answers that fit the current page, recent
 * searches, and browsing by episode and by term (an episode opens its list of answers).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import dataset from 'virtual:dataset';
import type { Lang } from '../../data/types';
import { answersCount, t } from '../../i18n';
import { loadSettings, updateSettings } from '../../settings/settings-item';
import { siteStatus, type SiteStatus } from '../../settings/site-status';
import { answerPagePath } from '../../messaging/answer-page';
import { episodeDate, guestWithOrganization } from '../dates';
import { Markdown } from '../Markdown';
import { browser } from 'wxt/browser';
import { sidePanelShortcut } from '../../messaging/side-panel';
import { isPageContext, type PageState, type Unreadable } from './page-context';
import { SignalsOnPage } from '../signal/SignalsOnPage';

const termsById = new Map(dataset.glossary.map((term) => [term.id, term]));
const answersPerEpisode = new Map<number, number>();
for (const entry of dataset.qa) answersPerEpisode.set(entry.episode, (answersPerEpisode.get(entry.episode) ?? 0) + 1);
const answersPerTerm = new Map<string, number>();
for (const entry of dataset.qa) for (const id of entry.terms) answersPerTerm.set(id, (answersPerTerm.get(id) ?? 0) + 1);
const PAGE_TERMS_SHOWN = 10;

export type View = { kind: 'home' } | { kind: 'episode'; number: number } | { kind: 'terms' };

export function HomeView({ view, page, recent, lang, list, showPageTitle = false, onView, onSearch, onClearRecent }: {
  view: View;
  page: PageState;
  recent: readonly string[];
  lang: Lang;
  list: ComponentChildren;
  /** Name the page "On this page" is about (the side panel, which follows the tab). */
  showPageTitle?: boolean;
  onView(view: View): void;
  onSearch(query: string): void;
  onClearRecent(): void;
}) {
  if (view.kind === 'episode') return <EpisodeView number={view.number} lang={lang} list={list} onBack={() => onView({ kind: 'home' })} />;
  return (
    <>
      <OnThisPage page={page} lang={lang} list={list} showTitle={showPageTitle} onSearch={onSearch} />
      {recent.length > 0 && (
        <section class="section" aria-labelledby="recent-heading">
          <div class="section-head">
            <h2 id="recent-heading">{t('recentSearches')}</h2>
            <button type="button" class="link-button small" onClick={onClearRecent}>{t('clear')}</button>
          </div>
          <div class="chips">
            {recent.map((item) => <button type="button" class="chip" key={item} onClick={() => onSearch(item)}>{item}</button>)}
          </div>
        </section>
      )}
      <section class="section" aria-labelledby="browse-heading">
        <div class="section-head">
          <h2 id="browse-heading">{t('browse')}</h2>
          <div class="tabs" role="group" aria-label={t('browse')}>
            <button type="button" aria-pressed={view.kind === 'home'} onClick={() => onView({ kind: 'home' })}>{t('episodes')}</button>
            <button type="button" aria-pressed={view.kind === 'terms'} onClick={() => onView({ kind: 'terms' })}>{t('terms')}</button>
          </div>
        </div>
        {view.kind === 'terms' ? <TermIndex lang={lang} onSearch={onSearch} /> : <EpisodeIndex lang={lang} onOpen={(number) => onView({ kind: 'episode', number })} />}
      </section>
    </>
  );
}

function OnThisPage({ page, lang, list, showTitle, onSearch }: { page: PageState; lang: Lang; list: ComponentChildren; showTitle: boolean; onSearch(query: string): void }) {
  if (page === undefined) return <section class="section"><p class="muted" role="status">{t('readingPage')}</p></section>;
  if (page === null) return <section class="section"><p class="muted">{t('openOnPage')}</p></section>;
  if (!isPageContext(page)) return <UnreadablePage reason={page.unreadable} />;
  const title = showTitle && page.title.trim() !== '' ? <p class="page-title" title={page.title}>{page.title}</p> : null;
  if (page.terms.length === 0) {
    return (
      <section class="section">
        {title}
        <PauseToggle url={page.url} />
        <SignalsOnPage signals={page.signals} lang={lang} onSearch={onSearch} />
        <p class="muted">{t('noTermsOnPage')}</p>
      </section>
    );
  }
  return (
    <section class="section" aria-labelledby="page-heading">
      <div class="section-head">
        <h2 id="page-heading">{t('onThisPage')}</h2>
        <PauseToggle url={page.url} />
      </div>
      {title}
      <SignalsOnPage signals={page.signals} lang={lang} onSearch={onSearch} />
      <div class="chips" aria-label={t('termsOnPage')} role="group">
        {page.terms.slice(0, PAGE_TERMS_SHOWN).flatMap(({ termId, count }) => {
          const term = termsById.get(termId);
          if (!term) return [];
          return [
            <button type="button" class="chip" key={termId} onClick={() => onSearch(term.name[lang])} title={term.definition[lang]}>
              {term.name[lang]} <span class="count-badge">{count}</span>
            </button>,
          ];
        })}
      </div>
      {list}
    </section>
  );
}

/** A tab that cannot be read: why, and what still works (search, browsing, a way to allow the site). */
function UnreadablePage({ reason }: { reason: Unreadable }) {
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    if (reason === 'not-allowed' || reason === 'unknown') void sidePanelShortcut().then(setShortcut);
  }, [reason]);
  const message = {
    'browser-page': () => t('pageBrowserPage'),
    store: () => t('pageStore'),
    'extension-page': () => t('pageExtension'),
    'not-allowed': () => (shortcut ? t('pageNotAllowed', shortcut) : t('pageNotAllowedNoShortcut')),
    unknown: () => (shortcut ? t('pageUnknown', shortcut) : t('pageUnknownNoShortcut')),
  }[reason]();
  return (
    <section class="section unreadable" data-unreadable={reason}>
      <p class="muted" role="status">{message}</p>
      {(reason === 'not-allowed' || reason === 'unknown') && (
        <p>
          <button type="button" class="link-button small" onClick={() => void browser.runtime.openOptionsPage()}>{t('openSettings')}</button>
        </p>
      )}
    </section>
  );
}

/** Pauses marks on the current site (or resumes them), from the popup. */
function PauseToggle({ url }: { url: string }) {
  const [status, setStatus] = useState<SiteStatus>();
  useEffect(() => {
    void loadSettings().then((settings) => setStatus(siteStatus(url, settings)));
  }, [url]);
  if (!status || (status.mode === 'passive' && status.reason !== 'paused')) return null;
  const paused = status.mode === 'passive';
  const toggle = async () => {
    const settings = await updateSettings((current) => ({
      ...current,
      pausedHosts: paused ? current.pausedHosts.filter((host) => host !== status.host) : [...current.pausedHosts, status.host],
    }));
    setStatus(siteStatus(url, settings));
  };
  return (
    <button type="button" class="link-button small" aria-pressed={paused} onClick={() => void toggle()}>
      {paused ? t('resumeOnSite', status.host) : t('pauseOnSite', status.host)}
    </button>
  );
}

function EpisodeIndex({ lang, onOpen }: { lang: Lang; onOpen(number: number): void }) {
  return (
    <ul class="episodes">
      {dataset.episodes.map((episode) => {
        const count = answersPerEpisode.get(episode.number) ?? 0;
        const guest = episode.guests[0]!;
        return (
          <li key={episode.number}>
            <button type="button" class="episode" onClick={() => onOpen(episode.number)}>
              <span class="episode-number">{episode.number}</span>
              <span class="episode-text">
                <span class="episode-title">{episode.title[lang]}</span>
                <span class="meta">
                  {guest.name[lang]} · {guest.organization[lang]} · {episode.start.slice(0, 10)} · {count > 0 ? answersCount(count) : t('noQa')}
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function TermIndex({ lang, onSearch }: { lang: Lang; onSearch(query: string): void }) {
  const terms = [...answersPerTerm].sort((a, b) => b[1] - a[1]).flatMap(([id, count]) => {
    const term = termsById.get(id);
    return term ? [{ term, count }] : [];
  });
  return (
    <div class="chips term-index">
      {terms.map(({ term, count }) => (
        <button type="button" class="chip" key={term.id} onClick={() => onSearch(term.name[lang])} title={term.definition[lang]}>
          {term.name[lang]} <span class="count-badge">{count}</span>
        </button>
      ))}
    </div>
  );
}

function EpisodeView({ number, lang, list, onBack }: { number: number; lang: Lang; list: ComponentChildren; onBack(): void }) {
  const episode = dataset.episodes.find((candidate) => candidate.number === number)!;
  return (
    <section class="section" aria-labelledby="episode-heading">
      <button type="button" class="link-button small" onClick={onBack}>← {t('back')}</button>
      <h2 id="episode-heading" class="episode-heading">{t('episodeNumber', number)}: {episode.title[lang]}</h2>
      <p class="meta">
        {episode.guests.map((guest) => guestWithOrganization(guest, lang)).join(lang === 'zh' ? '，' : ', ')} · {episodeDate(episode, lang)} ·{' '}
        <a href={episode.replayUrl} target="_blank" rel="noopener noreferrer">{t('replay')} ↗</a> ·{' '}
        <a href={answerPagePath({ episode: number })} target="_blank" rel="noopener">{t('answerPage')} ↗</a>
      </p>
      <details class="episode-about">
        <summary>{t('aboutEpisode')}</summary>
        {episode.guests.map((guest) => <p key={guest.name.en}>{guest.bio[lang]}</p>)}
        <Markdown source={episode.summary[lang]} />
      </details>
      {(answersPerEpisode.get(number) ?? 0) === 0 ? <p class="muted">{t('noQa')}</p> : list}
    </section>
  );
}
