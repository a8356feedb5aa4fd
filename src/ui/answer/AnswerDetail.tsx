/**
 * The whole answer, in the popup and the side panel: both languages as chosen, its links, the
 * replay, the terms it mentions, and the ways to cite it or read it on the answer page.
 */
import dataset from 'virtual:dataset';
import type { PageVersion } from '../../data/currency';
import type { AnswerLanguage } from '../../messaging/protocol';
import type { Range } from '../../search/highlight';
import { episodeDate, guestWithOrganization } from '../dates';
import { langsOf, t } from '../../i18n';
import { TranslatedBadge } from '../AnswerSummary';
import { Markdown } from '../Markdown';
import { answerPagePath } from '../../messaging/answer-page';
import { citeAnswer } from '../../search/cite';
import { CiteActions } from './CiteActions';
import { Currency } from '../Currency';

const qaById = new Map(dataset.qa.map((entry) => [entry.id, entry]));
const termsById = new Map(dataset.glossary.map((term) => [term.id, term]));
const episodesByNumber = new Map(dataset.episodes.map((episode) => [episode.number, episode]));

export function AnswerDetail({ answerId, lang, highlight, onSearchTerm, page }: {
  answerId: string;
  lang: AnswerLanguage;
  highlight?: ((text: string) => Range[]) | undefined;
  onSearchTerm(term: string): void;
  /** The version the reader's page is about (`readNote`). */
  page?: PageVersion | undefined;
}) {
  const entry = qaById.get(answerId);
  if (!entry) return null;
  const episode = episodesByNumber.get(entry.episode)!;
  const langs = langsOf(lang);
  const primary = langs[0]!;
  const terms = entry.terms.flatMap((id) => termsById.get(id) ?? []).slice(0, 12);
  return (
    <article class="answer-detail" data-answer-id={entry.id}>
      <Currency currency={entry.currency} lang={lang} page={page} variant="note" full />
      {langs.map((language) => (
        <div class="answer-lang" key={language} lang={language === 'zh' ? 'zh-CN' : 'en'}>
          {langs.length > 1 && <h3 class="lang-heading">{language === 'zh' ? '中文（原文）' : <>English <TranslatedBadge /></>}</h3>}
          {langs.length === 1 && language === 'en' && <p class="translation-note"><TranslatedBadge /> {t('translationNote')}</p>}
          <Markdown source={entry.answer[language]} {...(highlight ? { highlight } : {})} lang={language === 'zh' ? 'zh-CN' : 'en'} />
        </div>
      ))}
      <p class="episode-line">
        {t('episodeNumber', episode.number)}: {episode.title[primary]} · {episode.guests.map((guest) => guestWithOrganization(guest, primary)).join(primary === 'zh' ? '，' : ', ')} · {episodeDate(episode, primary)}
      </p>
      <p class="links">
        <a href={episode.replayUrl} target="_blank" rel="noopener noreferrer">{t('replay')} ↗</a>
        <a href={dataset.info.source.url} target="_blank" rel="noopener noreferrer">{t('sourcePage')} ↗</a>
      </p>
      <CiteActions cite={() => citeAnswer(dataset, entry.id, lang)}>
        <a class="small" href={answerPagePath({ answerId: entry.id })} target="_blank" rel="noopener">{t('answerPage')} ↗</a>
      </CiteActions>
      {terms.length > 0 && (
        <div class="term-list" role="group" aria-label={t('termsMentioned')}>
          {terms.map((term) => (
            <button type="button" class="chip" key={term.id} onClick={() => onSearchTerm(term.name[primary])}>
              {term.name[primary]}
            </button>
          ))}
        </div>
      )}
    </article>
  );
}
