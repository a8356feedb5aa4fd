/**
 * A list of answers with listbox semantics (the search box is its combobox), without the open
 * answer: this and what it imports are light, so the popup's first paint draws it before the
 * dataset and the index are loaded (`ResultList` adds the open answer).
 */
import type { ComponentChildren } from 'preact';
import type { Lang } from '../../data/types';
import type { AnswerLanguage, AnswerSummary } from '../../messaging/protocol';
import type { Range } from '../../search/highlight';
import { AnswerSummaryView, TranslatedBadge } from '../AnswerSummary';
import { t } from '../../i18n';
import { SEARCH_LIMIT } from '../../search/list';

export interface ResultItem {
  summary: AnswerSummary;
  questionHighlights?: Partial<Record<Lang, Range[]>> | undefined;
  /** Highlights in the full answer, by language. */
  highlight?: (text: string) => Range[];
}

/** The id of the list a search surface shows (its search box controls it). */
export const RESULTS_ID = 'results';

export const optionId = (listId: string, answerId: string) => `${listId}-${answerId}`;

/** The element timing of the count above the results: when the list it heads is on screen (the popup's first paint waits for it; `npm run bench`). */
export const RESULT_COUNT_TIMING = 'result-count';

/** "3 close matches", "No close match", "Top 20 of 31 close matches": above a query's results. */
export function ResultCount({ total, children }: { total: number; children?: ComponentChildren }) {
  return (
    <p class="count" role="status" elementtiming={RESULT_COUNT_TIMING}>
      {total === 0 ? t('noCloseMatchCount') : total === 1 ? t('resultCountOne') : total > SEARCH_LIMIT ? t('resultCountTop', SEARCH_LIMIT, total) : t('resultCount', total)}
      {children}
    </p>
  );
}

/** The count above a query's results, with the note that answers are translated where they are. */
export function QueryResultCount({ total, lang }: { total: number; lang: AnswerLanguage }) {
  return <ResultCount total={total}>{lang !== 'zh' && <> · <TranslatedBadge /> {t('translationShort')}</>}</ResultCount>;
}

export function ResultOptions({ id, label, items, lang, active, open, onActivate, onToggle }: {
  id: string;
  label: string;
  items: readonly ResultItem[];
  lang: AnswerLanguage;
  active: number;
  /** The open answer's item: the list shows that option only. */
  open: ResultItem | undefined;
  onActivate(index: number): void;
  onToggle(answerId: string): void;
}) {
  const option = (item: ResultItem, index: number) => (
    <li
      key={item.summary.id}
      id={optionId(id, item.summary.id)}
      role="option"
      aria-selected={index === active}
      class={`result${index === active ? ' active' : ''}${open === item ? ' open' : ''}`}
      hidden={open !== undefined && open !== item}
      onPointerMove={() => index !== active && onActivate(index)}
      onClick={() => {
        onActivate(index);
        onToggle(item.summary.id);
      }}
    >
      <AnswerSummaryView answer={item.summary} lang={lang} questionHighlights={item.questionHighlights} currencyBadge />
    </li>
  );
  // Items come confident first (`confidentFirst`); the rest are only the nearest answers.
  const nearestFrom = items.findIndex((item) => item.summary.confident === false);
  return nearestFrom < 0 ? (
    <ul id={id} role="listbox" aria-label={label} class="results">{items.map(option)}</ul>
  ) : (
    <div id={id} role="listbox" aria-label={label} class="results">
      {nearestFrom > 0 && <ul role="group" aria-label={t('closeMatches')} class="result-group">{items.slice(0, nearestFrom).map(option)}</ul>}
      <ul role="group" aria-labelledby={`${id}-nearest`} class="result-group nearest">
        <li role="presentation" id={`${id}-nearest`} class="group-heading" hidden={open !== undefined}>
          {nearestFrom === 0 ? t('noCloseMatch') : t('lessCloseAnswers')}
        </li>
        {items.slice(nearestFrom).map((item, index) => option(item, nearestFrom + index))}
      </ul>
    </div>
  );
}
