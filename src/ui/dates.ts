import type { Episode, Guest, Lang } from '../data/types';

/** "2021-06-02 20:00" in the series' own time zone (China Standard Time), as the source gives it. */
export function episodeDate(episode: Pick<Episode, 'start'>, lang: Lang): string {
  const [date, time] = episode.start.split('T');
  const [year, month, day] = date!.split('-').map(Number);
  const clock = time!.slice(0, 5);
  return lang === 'zh' ? `${year} 年 ${month} 月 ${day} 日 ${clock}` : `${date} ${clock} CST`;
}

/** "Chen Peng (Baidu)", "陈鹏（百度）". */
export function guestWithOrganization(guest: Pick<Guest, 'name' | 'organization'>, lang: Lang): string {
  return lang === 'zh' ? `${guest.name.zh}（${guest.organization.zh}）` : `${guest.name.en} (${guest.organization.en})`;
}
