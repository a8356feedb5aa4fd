/**
 * The side panel: the popup's search surface (`SearchView`) in a pane that stays open beside the
 * page. It follows the active tab of its window ("On this page" changes with tab switches, loads
 * and GitHub's navigations without a load), keeps each tab's search while it is open, and shows
 * what a card, the popup or the shortcut asked of it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import { type StoredPanelRequest, takePanelRequest, watchPanelRequests } from '../../messaging/side-panel';
import { useAnswerLanguage } from '../answer-language';
import { Footer } from '../Footer';
import type { PageState } from '../search/page-context';
import { EMPTY_SEARCH, type SearchState, SearchView } from '../search/SearchView';
import { useShippedEngine } from '../search/use-engine';
import { type FollowedTab, followActiveTab, watchPage } from './follow';

export function SidePanelApp() {
  const engine = useShippedEngine();
  const [lang, changeLang] = useAnswerLanguage();
  const [tab, setTab] = useState<FollowedTab>();
  const [page, setPage] = useState<PageState>();
  const [search, setSearch] = useState<SearchState>(EMPTY_SEARCH);
  // Read the page again: it loaded, or the shortcut granted `activeTab` on it.
  const [reads, setReads] = useState(0);
  /** Each tab's search while the panel is open; the panel's memory ends with it. */
  const searches = useRef(new Map<number, SearchState>());
  const current = useRef<{ tab?: FollowedTab; search: SearchState }>({ search: EMPTY_SEARCH });
  current.current.search = search;

  useEffect(() => {
    document.title = t('sidePanelTitle');
    let stop: (() => void) | undefined;
    let unwatch: (() => void) | undefined;
    // A request is for the tab in front: one that comes before the panel knows it waits for it.
    let waiting: StoredPanelRequest | undefined;
    const apply = (request: StoredPanelRequest) => {
      if (!current.current.tab) {
        waiting = request;
        return;
      }
      if (request.reread) setReads((count) => count + 1);
      if (request.query !== undefined) setSearch({ ...EMPTY_SEARCH, query: request.query, expanded: request.answerId });
    };
    void browser.windows.getCurrent().then(({ id: windowId }) => {
      if (windowId === undefined) return;
      stop = followActiveTab(windowId, {
        onTab(next) {
          const previous = current.current.tab;
          if (previous?.id === next.id) return;
          if (previous) searches.current.set(previous.id, current.current.search);
          current.current.tab = next;
          setSearch(searches.current.get(next.id) ?? EMPTY_SEARCH);
          setTab(next);
          if (waiting) apply(waiting);
          waiting = undefined;
        },
        onLoading(tabId) {
          if (tabId === current.current.tab?.id) setPage(undefined);
        },
        onLoaded(loaded) {
          current.current.tab = loaded;
          setTab(loaded);
          setReads((count) => count + 1);
        },
        onClosed(tabId) {
          searches.current.delete(tabId);
        },
      });
      void takePanelRequest(windowId).then((request) => request && apply(request));
      unwatch = watchPanelRequests(windowId, apply);
    });
    return () => {
      stop?.();
      unwatch?.();
    };
  }, []);

  useEffect(() => (tab ? watchPage(tab, setPage) : undefined), [tab?.id, reads]);

  return (
    <div class="panel search-surface theme" data-scheme="auto">
      <SearchView surface="panel" engine={engine} page={page} lang={lang} onLang={changeLang} state={search} onState={setSearch} showPageTitle />
      <Footer />
    </div>
  );
}
