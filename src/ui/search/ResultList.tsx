/**
 * A list of answers with listbox semantics (the search box is its combobox). Enter or a click
 * opens an answer: the list then shows that option only, and the full answer follows it in a
 * region of its own, outside the listbox, where its links can be reached with Tab.
 */
import type { ComponentChildren } from 'preact';
import type { PageVersion } from '../../data/currency';
import type { Lang } from '../../data/types';
import type { AnswerLanguage, AnswerSummary } from '../../messaging/protocol';
import type { Range } from '../../search/highlight';
import { AnswerSummaryView } from '../AnswerSummary';
import { t } from '../../i18n';
import { AnswerDetail } from '../answer/AnswerDetail';
import { SEARCH_LIMIT } from './results';

export interface ResultItem {
  summary: AnswerSummary;
  questionHighlights?: Partial<Record<Lang, Range[]>>;
  /** Highlights in the full answer, by language. */
  highlight?: (text: string) => Range[];
}

export const optionId = (listId: string, answerId: string) => `${listId}-${answerId}`;

/** "3 close matches", "No close match", "Top 20 of 31 close matches": above a query's results. */
export function ResultCount({ total, children }: { total: number; children?: ComponentChildren }) {
  return (
    <p class="count" role="status">
      {total === 0 ? t('noCloseMatchCount') : total === 1 ? t('resultCountOne') : total > SEARCH_LIMIT ? t('resultCountTop', SEARCH_LIMIT, total) : t('resultCount', total)}
      {children}
    </p>
  );
}

export function ResultList({ id, label, items, lang, active, expanded, onActivate, onToggle, onSearchTerm, page }: {
  id: string;
  label: string;
  items: readonly ResultItem[];
  lang: AnswerLanguage;
  active: number;
  expanded: string | undefined;
  onActivate(index: number): void;
  onToggle(answerId: string): void;
  onSearchTerm(term: string): void;
  /** The version the reader's page is about: the open answer's note is read against it. */
  page?: PageVersion | undefined;
}) {
  const open = expanded === undefined ? undefined : items.find((item) => item.summary.id === expanded);
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
  return (
    <>
      {nearestFrom < 0 ? (
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
      )}
      {open && (
        <section class="detail" aria-label={t('answerRegion')}>
          <AnswerDetail answerId={open.summary.id} lang={lang} highlight={open.highlight} onSearchTerm={onSearchTerm} page={page} />
          <button type="button" class="link-button back" onClick={() => onToggle(open.summary.id)}>
            ← {t('backToList')}
          </button>
        </section>
      )}
    </>
  );
}
