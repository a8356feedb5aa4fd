/**
 * A list of answers with listbox semantics (the search box is its combobox). Enter or a click
 * opens an answer: the list then shows that option only, and the full answer follows it in a
 * region of its own, outside the listbox, where its links can be reached with Tab.
 */
import type { Lang } from '../../data/types';
import type { AnswerLanguage, AnswerSummary } from '../../messaging/protocol';
import type { Range } from '../../search/highlight';
import { AnswerSummaryView } from '../AnswerSummary';
import { t } from '../../i18n';
import { AnswerDetail } from './AnswerDetail';

export interface ResultItem {
  summary: AnswerSummary;
  questionHighlights?: Partial<Record<Lang, Range[]>>;
  /** Highlights in the full answer, by language. */
  highlight?: (text: string) => Range[];
}

export const optionId = (listId: string, answerId: string) => `${listId}-${answerId}`;

export function ResultList({ id, label, items, lang, active, expanded, onActivate, onToggle, onSearchTerm }: {
  id: string;
  label: string;
  items: readonly ResultItem[];
  lang: AnswerLanguage;
  active: number;
  expanded: string | undefined;
  onActivate(index: number): void;
  onToggle(answerId: string): void;
  onSearchTerm(term: string): void;
}) {
  const open = expanded === undefined ? undefined : items.find((item) => item.summary.id === expanded);
  return (
    <>
      <ul id={id} role="listbox" aria-label={label} class="results">
        {items.map((item, index) => {
          const hidden = open !== undefined && open !== item;
          return (
            <li
              key={item.summary.id}
              id={optionId(id, item.summary.id)}
              role="option"
              aria-selected={index === active}
              class={`result${index === active ? ' active' : ''}${open === item ? ' open' : ''}`}
              hidden={hidden}
              onPointerMove={() => index !== active && onActivate(index)}
              onClick={() => {
                onActivate(index);
                onToggle(item.summary.id);
              }}
            >
              <AnswerSummaryView answer={item.summary} lang={lang} questionHighlights={item.questionHighlights} />
            </li>
          );
        })}
      </ul>
      {open && (
        <section class="detail" aria-label={t('answerRegion')}>
          <AnswerDetail answerId={open.summary.id} lang={lang} highlight={open.highlight} onSearchTerm={onSearchTerm} />
          <button type="button" class="link-button back" onClick={() => onToggle(open.summary.id)}>
            ← {t('backToList')}
          </button>
        </section>
      )}
    </>
  );
}
