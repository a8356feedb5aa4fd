/**
 * The popup's first paint: the search box and a list, before the dataset, the index and the app
 * are loaded (hundreds of KB: their loading was most of what an opening cost, npm run bench).
 * The list is the one the popup showed last, kept in `localStorage` (read synchronously), or
 * the background's for the query. The app takes over once its engine is ready and the same list
 * is in it; what the reader typed, switched or clicked in the meantime goes over with it
 * (`Handover`).
 *
 * A list is kept only where the first paint draws all the app would: close matches, no decoded
 * signal and no docs above them.
 */
import { render } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../i18n';
import { popupRequestIn } from '../../messaging/popup-request';
import { type AnswerLanguage, backgroundMessaging } from '../../messaging/protocol';
import type { SearchHit } from '../../search/engine';
import { answerLanguage, MAX_QUERY_CHARS } from '../../messaging/validate';
import { updateSettings } from '../../settings/settings-item';
import { SearchHeader } from '../search/SearchHeader';
import type { ShownList } from '../search/SearchView';
import { optionId, QueryResultCount, RESULT_COUNT_TIMING, RESULTS_ID, type ResultItem, ResultOptions } from '../search/ResultOptions';
import { type Opening, toSidePanel } from './opening';
import { PopupFrame, SidePanelButton } from './PopupFrame';
import { afterShown, wait } from '../timing';

const KEPT_KEY = 'istio-experts:popup-first-paint';
/** The first paint draws what the popup (580 px high) shows before it is scrolled, three or four results; the app adds the rest. */
const FIRST_PAINT_ITEMS = 4;
/** More than a list ever shows (20 close matches and 5 nearest). */
const MAX_KEPT_ITEMS = 30;

/** A list as the first paint draws it. */
export type KeptList = Omit<ShownList, 'complete'>;

/** What the popup shows now, kept for its next first paint: the query always, the list where the first paint would draw all of it. */
export function keepList(shown: ShownList): void {
  const whole = shown.complete && shown.total > 0;
  try {
    localStorage.setItem(KEPT_KEY, JSON.stringify({ query: shown.query, lang: shown.lang, total: whole ? shown.total : 0, items: whole ? shown.items.slice(0, MAX_KEPT_ITEMS) : [] }));
  } catch {
    // (storage full or refused: the next opening draws the search box alone)
  }
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isBilingual = (value: unknown): boolean => typeof value === 'object' && value !== null && isText((value as { zh?: unknown }).zh) && isText((value as { en?: unknown }).en);
const isSummary = (item: unknown): item is ResultItem => {
  const summary = (item as Partial<ResultItem> | null)?.summary;
  return isText(summary?.id) && isBilingual(summary.question) && typeof summary.preview === 'object' && summary.preview !== null && isBilingual(summary.episode?.title) && isBilingual(summary.episode?.guest);
};

/** What was kept, if it is whole: `localStorage` is this extension's alone, but may be from an older build. */
export function readKept(): KeptList | undefined {
  try {
    const kept = JSON.parse(localStorage.getItem(KEPT_KEY) ?? 'null') as Partial<KeptList> | null;
    if (!kept || !isText(kept.query) || kept.query.length > MAX_QUERY_CHARS || typeof kept.total !== 'number' || !Array.isArray(kept.items) || kept.items.length > MAX_KEPT_ITEMS || !kept.items.every(isSummary)) return undefined;
    return { query: kept.query, lang: answerLanguage(kept.lang), total: kept.total, items: kept.items };
  } catch {
    return undefined;
  }
}

/** What the reader did before the app took over. */
export interface Handover extends Opening {
  lang: AnswerLanguage;
  /** The search box had the focus, with this selection. */
  focus?: { start: number; end: number } | undefined;
}

function FirstPaintView({ initial, list, onChange }: { initial: Handover; list: KeptList | undefined; onChange(handover: Handover): void }) {
  const [shown, setShown] = useState(initial);
  // The latest state, not the last render's: two changes may come before a render.
  const latest = useRef(initial);
  const change = (next: Partial<Handover>) => {
    latest.current = { ...latest.current, ...next };
    setShown(latest.current);
    onChange(latest.current);
  };
  // A result clicked, or the first one entered, opens once the app takes over.
  const openAnswer = (answerId: string) => change({ answerId });
  const items = list && list.query === shown.query && list.lang === shown.lang ? list.items.slice(0, FIRST_PAINT_ITEMS) : [];
  useLayoutEffect(() => {
    // Timings for `npm run bench`, as the app marks them (`SearchView`).
    if (items.length > 0) performance.mark('popup:results-rendered');
  }, [items]);
  return (
    <PopupFrame>
      <SearchHeader
        inputRef={null}
        query={shown.query}
        lang={shown.lang}
        expanded={items.length > 0}
        listId={RESULTS_ID}
        activeDescendant={items[0] && optionId(RESULTS_ID, items[0].summary.id)}
        onQuery={(query) => change({ query, answerId: undefined })}
        onKeyDown={(event) => {
          // As in the app, which takes these over: Enter opens the first result (shown open once
          // the app draws it), Escape closes the open answer, then clears the query, then the
          // popup (SearchView's order). The arrows wait for the app's whole list.
          const { answerId, query } = latest.current;
          if (event.key === 'Enter' && items[0]) {
            event.preventDefault();
            openAnswer(items[0].summary.id);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            if (answerId !== undefined) change({ answerId: undefined });
            else if (query !== '') change({ query: '' });
            else window.close();
          }
        }}
        onLang={(lang) => {
          change({ lang });
          void updateSettings((settings) => ({ ...settings, answerLanguage: lang }));
        }}
        actions={<SidePanelButton onClick={() => toSidePanel(latest.current)} />}
      />
      <main class="content" aria-busy="true" tabIndex={0} aria-label={t('resultsRegion')}>
        {items.length > 0 && (
          <>
            <QueryResultCount total={list!.total} lang={shown.lang} />
            <ResultOptions id={RESULTS_ID} label={t('resultsFor', shown.query.trim())} items={items} lang={shown.lang} active={0} open={undefined} onActivate={() => {}} onToggle={openAnswer} />
          </>
        )}
      </main>
    </PopupFrame>
  );
}

/** How long the first paint waits for the background's list before it draws the search box alone and the app loads (a background asleep answers late). */
const LIST_WAIT_MS = 80;
/** How long the app waits for the first paint's list to be on screen before it loads anyway. */
const SHOWN_WAIT_MS = 150;

/**
 * The first paint in `root`: on the address's request (a lookup, a card's "all answers"), or on
 * the query kept last (the popup's last query, kept in `storage.local` too, whose read takes
 * longer). Once the opening is known it is drawn again if it differs and the reader has not
 * begun. The list is the one kept for the query, drawn at once, or else the background's (its
 * engine is loaded while it answers the cards, and as it opens the popup on a request), drawn
 * with the search box once it is in. `painted`: its list is on screen, or there is none to wait for.
 * `handOver` ends it and says what the reader did; `answered`, the hits the background gave,
 * which the app lists from without asking again.
 */
export function startFirstPaint(root: HTMLElement, params: URLSearchParams, opening: Promise<Opening>): { painted: Promise<void>; handOver(): Handover; answered(): { query: string; hits: SearchHit[] } | undefined } {
  const kept = readKept();
  let answer: { query: string; hits: SearchHit[] } | undefined;
  const askList = async (query: string, lang: AnswerLanguage): Promise<KeptList | undefined> => {
    const list = await backgroundMessaging.sendMessage('listResults', { query, lang }).catch(() => undefined);
    if (!list) return undefined;
    answer = { query, hits: list.hits };
    return list.complete && list.items.length > 0 ? { query, lang, total: list.total, items: list.items } : undefined;
  };
  let ended = false;
  let handover!: Handover;
  let touched = false;
  const draw = (opened: Opening, list: KeptList | undefined) => {
    try {
      render(<FirstPaintView key={`${opened.query}\n${opened.answerId ?? ''}`} initial={handover} list={list} onChange={(next) => ((handover = next), (touched = true))} />, root);
    } catch {
      // (a list the components cannot draw: the app draws everything)
      render(null, root);
    }
  };
  /**
   * Draws the opening; resolves once its list is drawn (true), or there is none (false). A query
   * with no list kept is drawn once the background's list is in, or at LIST_WAIT_MS without it:
   * the search box drawn alone first kept the main thread busy (style, layout, paint) just when
   * the answer came, and the answer waited for it (`npm run bench -- popup`, a lookup).
   */
  const open = async (opened: Opening): Promise<boolean> => {
    const list = kept?.query === opened.query ? kept : undefined;
    handover = { ...opened, lang: list?.lang ?? uiLanguage() };
    if (list || opened.query.trim() === '') {
      draw(opened, list);
      return list !== undefined;
    }
    const asked = handover;
    const answered = await Promise.race([askList(opened.query, asked.lang), wait(LIST_WAIT_MS)]);
    // (drawn again meanwhile, on the opening read from storage, or the reader began there)
    if (ended || touched || handover !== asked) return false;
    draw(opened, answered);
    return answered !== undefined;
  };
  const guess: Opening = popupRequestIn(params) ?? { query: kept?.query ?? '' };
  const guessed = open(guess);
  void opening.then((opened) => {
    if (!ended && !touched && (opened.query !== guess.query || opened.answerId !== guess.answerId)) void open(opened);
  });
  return {
    painted: guessed.then((drew) => (drew ? afterShown(RESULT_COUNT_TIMING, SHOWN_WAIT_MS) : undefined)),
    handOver() {
      ended = true;
      const input = root.querySelector('input');
      if (input && document.activeElement === input) handover.focus = { start: input.selectionStart ?? input.value.length, end: input.selectionEnd ?? input.value.length };
      return handover;
    },
    answered: () => answer,
  };
}
