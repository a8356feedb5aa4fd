/**
 * A list of answers (`ResultOptions`). Enter or a click opens an answer: the list then shows
 * that option only, and the full answer follows it in a region of its own, outside the listbox,
 * where its links can be reached with Tab.
 */
import type { PageVersion } from '../../data/currency';
import type { AnswerLanguage } from '../../messaging/protocol';
import { t } from '../../i18n';
import { AnswerDetail } from '../answer/AnswerDetail';
import { type ResultItem, ResultOptions } from './ResultOptions';

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
  return (
    <>
      <ResultOptions id={id} label={label} items={items} lang={lang} active={active} open={open} onActivate={onActivate} onToggle={onToggle} />
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
