/**
 * The popup: the shared search surface (`SearchView`) on the tab it was opened on. It opens on
 * a waiting request (a card's "all answers") or on the last query, and can hand itself over to
 * the side panel, which stays open beside the page.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import { takePendingPopup } from '../../messaging/popup-request';
import { openSidePanel, requestPanel } from '../../messaging/side-panel';
import { useAnswerLanguage } from '../answer-language';
import { Footer } from '../Footer';
import { lastQueryItem, readLastQuery } from '../search/history';
import { pageContext, type PageState, targetTab } from '../search/page-context';
import { EMPTY_SEARCH, type SearchState, SearchView } from '../search/SearchView';
import { useShippedEngine } from '../search/use-engine';
import { SidePanelIcon } from '../icons';

/** What the popup opens on: a waiting request (a card's "all answers"), the address's query, or the last one. */
async function openingQuery(params: URLSearchParams): Promise<{ query: string; answerId?: string | undefined }> {
  const pending = await takePendingPopup().catch(() => null);
  if (pending) return { query: pending.query, answerId: pending.answerId };
  if (params.has('q')) return { query: params.get('q')!, answerId: params.get('answer') ?? undefined };
  return { query: await readLastQuery() };
}

export function PopupApp({ params }: { params: URLSearchParams }) {
  const [opening] = useState(() => openingQuery(params));
  const [firstQuery] = useState(() => opening.then(({ query }) => query));
  const engine = useShippedEngine(firstQuery);
  const [lang, changeLang] = useAnswerLanguage();
  const [state, setState] = useState<SearchState>({ ...EMPTY_SEARCH, query: params.get('q') ?? '', expanded: params.get('answer') ?? undefined });
  const [page, setPage] = useState<PageState>();
  // The query is saved only once the saved one has been read (or a request replaced it).
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    void opening.then(({ query, answerId }) => {
      // The user may have typed already: the opening query does not replace what they typed.
      setState((current) => (current.query === (params.get('q') ?? '') ? { ...current, query, expanded: answerId } : current));
      setRestored(true);
    });
    void targetTab(params).then(async (tab) => setPage(tab ? await pageContext(tab) : null));
  }, []);

  useEffect(() => {
    if (restored) void lastQueryItem.setValue(state.query);
  }, [state.query, restored]);

  // The panel must be asked first thing in the click (it needs the gesture); what it should show
  // follows through storage, and the popup gives way to it.
  const toSidePanel = () => {
    const opening = openSidePanel(browser.windows.WINDOW_ID_CURRENT);
    void (async () => {
      await opening;
      const { id } = await browser.windows.getCurrent();
      if (id !== undefined) await requestPanel(id, { query: state.query, ...(state.expanded ? { answerId: state.expanded } : {}) });
      window.close();
    })().catch(() => {});
  };

  return (
    <div class="popup search-surface theme" data-scheme="auto">
      <SearchView
        surface="popup"
        engine={engine}
        page={page}
        lang={lang}
        onLang={changeLang}
        state={state}
        onState={setState}
        onEscape={() => window.close()}
        headerActions={
          <button type="button" class="icon-button header-button" title={t('openSidePanelTitle')} aria-label={t('openSidePanel')} onClick={toSidePanel}>
            <SidePanelIcon />
          </button>
        }
      />
      <Footer />
    </div>
  );
}
