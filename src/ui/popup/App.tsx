/**
 * The popup: the shared search surface (`SearchView`) on the tab it was opened on. It opens on
 * a waiting request (a card's "all answers") or on the last query (`opening.ts`), takes over
 * from its first paint (`first-paint.tsx`), and can hand itself over to the side panel, which
 * stays open beside the page.
 */
import { useEffect, useState } from 'preact/hooks';
import { useAnswerLanguage } from '../answer-language';
import { lastQueryItem } from '../search/history';
import { pageContext, type PageState, targetTab } from '../search/page-context';
import { EMPTY_SEARCH, type SearchState, SearchView } from '../search/SearchView';
import { useShippedEngine } from '../search/use-engine';
import { type Handover, keepList } from './first-paint';
import { toSidePanel } from './opening';
import { PopupFrame, SidePanelButton } from './PopupFrame';

/** `opened`: what the popup opened on, and what the reader did in its first paint (`first-paint.tsx`). */
export function PopupApp({ params, opened }: { params: URLSearchParams; opened: Handover }) {
  const engine = useShippedEngine();
  const [lang, changeLang] = useAnswerLanguage(opened.lang);
  const [state, setState] = useState<SearchState>({ ...EMPTY_SEARCH, query: opened.query, expanded: opened.answerId });
  const [page, setPage] = useState<PageState>();

  useEffect(() => {
    void targetTab(params).then(async (tab) => setPage(tab ? await pageContext(tab) : null));
  }, []);

  useEffect(() => {
    void lastQueryItem.setValue(state.query);
  }, [state.query]);

  return (
    <PopupFrame>
      <SearchView
        surface="popup"
        engine={engine}
        page={page}
        lang={lang}
        onLang={changeLang}
        state={state}
        onState={setState}
        onEscape={() => window.close()}
        onShown={keepList}
        headerActions={<SidePanelButton onClick={() => toSidePanel({ query: state.query, answerId: state.expanded })} />}
      />
    </PopupFrame>
  );
}
