/**
 * One expert answer as a list shows it: the question, a preview of the answer and the episode.
 * Shared by the popup's result list and the in-page cards.
 */
import type { Lang } from '../data/types';
import type { AnswerLanguage, AnswerSummary as Summary } from '../messaging/protocol';
import type { Range } from '../search/highlight';
import { Highlighted } from './Highlighted';
import { langsOf, t } from '../i18n';
import { Currency } from './Currency';

export function TranslatedBadge() {
  return <span class="badge" title={t('translatedTitle')}>{t('translated')}</span>;
}

/** "Ep. 5 · <title, cut to fit>" over "Zhong Hua (Tencent Cloud) · 2021-06-30". */
export function EpisodeMeta({ episode, lang }: { episode: Summary['episode']; lang: Lang }) {
  return (
    <span class="meta" title={`${t('episodeShort', episode.number)}: ${episode.title[lang]}`}>
      <span class="meta-episode">{t('episodeShort', episode.number)} · <span class="meta-title">{episode.title[lang]}</span></span>
      <span class="meta-who">{episode.guest[lang]} · <time dateTime={episode.date}>{episode.date}</time></span>
    </span>
  );
}

export function AnswerSummaryView({ answer, lang, questionHighlights, currencyBadge = false }: {
  answer: Summary;
  lang: AnswerLanguage;
  /** Show the answer's currency badge (lists; a card shows it with its note under the answer). */
  currencyBadge?: boolean;
  /** Where the query's terms occur in each language's question. */
  questionHighlights?: Partial<Record<Lang, Range[]>>;
}) {
  const langs = langsOf(lang);
  return (
    <div class="summary">
      {langs.map((language) => (
        <div class="summary-lang" lang={language === 'zh' ? 'zh-CN' : 'en'} key={language}>
          <div class="question">
            <Highlighted text={answer.question[language]} ranges={questionHighlights?.[language]} />
          </div>
          {answer.preview[language] && (
            <div class="preview">
              <Highlighted text={answer.preview[language]!.text} ranges={answer.preview[language]!.highlights} />
            </div>
          )}
        </div>
      ))}
      <EpisodeMeta episode={answer.episode} lang={langs[0]!} />
      {currencyBadge && <Currency currency={answer.currency} lang={lang} variant="badge" />}
    </div>
  );
}
