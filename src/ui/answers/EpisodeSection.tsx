/** One episode on the answer page: its title, guest, date and replay, then all its answers. */
import dataset from 'virtual:dataset';
import type { Episode } from '../../data/types';
import { answersCount, langsOf, t } from '../../i18n';
import { episodeFragment } from '../../messaging/answer-page';
import type { AnswerLanguage } from '../../messaging/protocol';
import { episodeDate } from '../dates';
import { Markdown } from '../Markdown';
import { AnswerArticle } from './AnswerArticle';
import { isOvertaken } from '../../data/currency';

/** `onlyChanged`: only the answers a later release changed or superseded (an episode with none is left out). */
export function EpisodeSection({ episode, lang, targetId, onlyChanged = false }: { episode: Episode; lang: AnswerLanguage; targetId: string | undefined; onlyChanged?: boolean }) {
  const langs = langsOf(lang);
  const primary = langs[0]!;
  const id = episodeFragment(episode.number);
  const entries = dataset.qa.filter((entry) => entry.episode === episode.number && (!onlyChanged || isOvertaken(entry.currency)));
  if (onlyChanged && entries.length === 0) return null;
  const holdsTarget = targetId === id || entries.some((entry) => entry.id === targetId);
  return (
    <section id={id} class={`episode-section${targetId === id ? ' targeted' : ''}${holdsTarget ? ' holds-target' : ''}`} tabIndex={-1} aria-labelledby={`${id}-title`}>
      <header class="episode-head">
        <p class="kicker">{t('episodeNumber', episode.number)} · <time dateTime={episode.start}>{episodeDate(episode, primary)}</time></p>
        <h2 id={`${id}-title`}>
          <span lang={primary === 'zh' ? 'zh-CN' : 'en'}>{episode.title[primary]}</span>
          {langs.length > 1 && <span class="alt" lang="en"> {episode.title.en}</span>}
        </h2>
        {episode.guests.map((guest) => (
          <p class="guest" key={guest.name.en}>
            <strong>{guest.name[primary]}</strong> · {guest.organization[primary]} — {guest.bio[primary]}
          </p>
        ))}
        <p class="episode-links">
          <a href={episode.replayUrl} target="_blank" rel="noopener noreferrer">{t('replay')} ↗</a>
          <span class="count">{entries.length > 0 ? answersCount(entries.length) : t('noQa')}</span>
        </p>
        <details class="episode-about">
          <summary>{t('aboutEpisode')}</summary>
          <Markdown source={episode.summary[primary]} lang={primary === 'zh' ? 'zh-CN' : 'en'} />
        </details>
      </header>
      {entries.map((entry) => <AnswerArticle key={entry.id} entry={entry} episode={episode} lang={lang} targeted={entry.id === targetId} />)}
    </section>
  );
}
