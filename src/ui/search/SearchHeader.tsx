/** The search box (an ARIA combobox over the result list) and the answer language switch; shared by the popup, the side panel and the answer page. */
import type { ComponentChildren, Ref } from 'preact';
import { t } from '../../i18n';
import type { AnswerLanguage } from '../../messaging/protocol';

const LANGUAGES: { value: AnswerLanguage; label: string; title: () => string }[] = [
  { value: 'zh', label: '中文', title: () => t('langZhTitle') },
  { value: 'en', label: 'EN', title: () => t('langEnTitle') },
  { value: 'both', label: '中/EN', title: () => t('langBothTitle') },
];

export function SearchHeader({ inputRef, query, lang, expanded, listId, activeDescendant, onQuery, onKeyDown, onLang, actions, autoFocus = true }: {
  inputRef: Ref<HTMLInputElement>;
  query: string;
  lang: AnswerLanguage;
  expanded: boolean;
  listId: string;
  activeDescendant: string | undefined;
  onQuery(text: string): void;
  onKeyDown(event: KeyboardEvent): void;
  onLang(lang: AnswerLanguage): void;
  /** Buttons after the language switch (the popup's "Open in side panel"). */
  actions?: ComponentChildren;
  autoFocus?: boolean;
}) {
  return (
    <header class="header">
      <div class="search">
        <svg class="search-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <path fill="currentColor" d="M10.68 11.74a6 6 0 1 1 1.06-1.06l3.04 3.04a.75.75 0 1 1-1.06 1.06zM11.5 7a4.5 4.5 0 1 0-9 0 4.5 4.5 0 0 0 9 0" />
        </svg>
        <input
          ref={inputRef}
          type="search"
          role="combobox"
          aria-label={t('searchLabel')}
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeDescendant}
          placeholder={t('searchPlaceholder')}
          value={query}
          autoFocus={autoFocus}
          spellcheck={false}
          autoComplete="off"
          maxLength={2000}
          onInput={(event) => onQuery(event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <kbd class="hint" aria-hidden="true">/</kbd>
      </div>
      <div class="lang-switch" role="group" aria-label={t('answerLanguage')}>
        {LANGUAGES.map((option) => (
          <button type="button" key={option.value} aria-pressed={lang === option.value} title={option.title()} onClick={() => onLang(option.value)}>
            {option.label}
          </button>
        ))}
      </div>
      {actions}
    </header>
  );
}
