/**
 * One answer at full width: question and answer in the chosen language(s) (side by side when
 * both fit), who answered and when, ways to cite it, its terms with their definitions, and the
 * answers that share them.
 */
import dataset from 'virtual:dataset';
import { plainText } from '../../data/markdown';
import type { Episode, Lang, LinkedQa } from '../../data/types';
import { langsOf, t } from '../../i18n';
import type { AnswerLanguage } from '../../messaging/protocol';
import { citeAnswer } from '../../search/cite';
import { relatedAnswers } from '../../search/related';
import { CiteActions } from '../answer/CiteActions';
import { TranslatedBadge } from '../AnswerSummary';
import { episodeDate, guestWithOrganization } from '../dates';
import { Markdown } from '../Markdown';
import { Currency } from '../Currency';

const termsById = new Map(dataset.glossary.map((term) => [term.id, term]));
const qaById = new Map(dataset.qa.map((entry) => [entry.id, entry]));
/** Terms and related answers shown under an answer: enough to follow, not a second index. */
const TERMS_SHOWN = 8;
const RELATED_SHOWN = 4;

const langAttr = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

export function AnswerArticle({ entry, episode, lang, targeted }: { entry: LinkedQa; episode: Episode; lang: AnswerLanguage; targeted: boolean }) {
  const langs = langsOf(lang);
  const primary = langs[0]!;
  const terms = entry.terms.flatMap((id) => termsById.get(id) ?? []).slice(0, TERMS_SHOWN);
  const related = relatedAnswers(dataset, entry.id, RELATED_SHOWN);
  const headingId = `${entry.id}-question`;
  return (
    <article id={entry.id} class={`qa${targeted ? ' targeted' : ''}`} tabIndex={-1} aria-labelledby={headingId}>
      <p class="qa-number"><a href={`#${entry.id}`} title={t('answerAnchor', entry.id)}>{t('questionNumber', episode.number, entry.number)}</a></p>
      <Currency currency={entry.currency} lang={lang} variant="note" full />
      <div class="qa-langs" data-langs={langs.length}>
        {langs.map((language, index) => (
          <div class="qa-lang" lang={langAttr(language)} key={language}>
            {langs.length > 1 && <p class="lang-heading">{language === 'zh' ? '中文（原文）' : <>English <TranslatedBadge /></>}</p>}
            {/* A heading that holds the question's own blocks (an <h3> may hold no paragraph). */}
            <div class="qa-question" role="heading" aria-level={3} id={index === 0 ? headingId : undefined}>
              <Markdown source={entry.question[language]} lang={langAttr(language)} />
            </div>
            <Markdown source={entry.answer[language]} lang={langAttr(language)} />
            {langs.length === 1 && language === 'en' && <p class="translation-note"><TranslatedBadge /> {t('translationNote')}</p>}
          </div>
        ))}
      </div>
      <p class="qa-meta">
        {episode.guests.map((guest) => guestWithOrganization(guest, primary)).join(primary === 'zh' ? '，' : ', ')} · {t('episodeNumber', episode.number)} ·{' '}
        <time dateTime={episode.start}>{episodeDate(episode, primary)}</time> ·{' '}
        <a href={episode.replayUrl} target="_blank" rel="noopener noreferrer">{t('replay')} ↗</a> ·{' '}
        <a href={dataset.info.source.url} target="_blank" rel="noopener noreferrer">{t('sourcePage')} ↗</a>
      </p>
      <CiteActions cite={() => citeAnswer(dataset, entry.id, lang)} />
      {terms.length > 0 && (
        <section class="qa-terms" aria-label={t('termsMentioned')}>
          <h4>{t('termsMentioned')}</h4>
          <dl>
            {terms.map((term) => (
              <div class="term" key={term.id}>
                <dt>
                  {term.name[primary]}
                  {term.name.zh !== term.name.en && <span class="alt" lang={langAttr(primary === 'zh' ? 'en' : 'zh')}> {term.name[primary === 'zh' ? 'en' : 'zh']}</span>}
                </dt>
                {langs.map((language) => <dd key={language} lang={langAttr(language)}>{term.definition[language]}</dd>)}
                {term.docsUrl && <dd class="docs"><a href={term.docsUrl} target="_blank" rel="noopener noreferrer">{t('officialDocs')} ↗</a></dd>}
              </div>
            ))}
          </dl>
        </section>
      )}
      {related.length > 0 && (
        <section class="qa-related" aria-label={t('relatedHeading')}>
          <h4>{t('relatedHeading')}</h4>
          <ul>
            {related.map(({ id, shared }) => {
              const other = qaById.get(id)!;
              const names = shared.slice(0, 3).flatMap((term) => termsById.get(term)?.name[primary] ?? []);
              return (
                <li key={id}>
                  <a href={`#${id}`} lang={langAttr(primary)}>{plainText(other.question[primary]).replace(/\s+/g, ' ')}</a>
                  <span class="shared"> · {t('episodeShort', other.episode)} · {names.join(', ')}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </article>
  );
}
