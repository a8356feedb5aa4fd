/**
 * What the answer page's address asks for: `#ep04-q12` an answer, `#ep04` an episode, `?q=` the
 * results for a text. Anything else (`#ep99-q99`, `#<script>`, a broken escape) is named back to
 * the reader, cut short, as plain text.
 */
import type { Dataset } from '../../data/types';

export type Fragment =
  | { kind: 'none' }
  | { kind: 'answer'; id: string; episode: number }
  | { kind: 'episode'; number: number }
  | { kind: 'unknown'; text: string };

/** How much of an unknown fragment is shown. */
const SHOWN_CHARS = 60;

export function parseFragment(hash: string, dataset: Dataset): Fragment {
  const raw = hash.replace(/^#/, '');
  if (raw.trim() === '') return { kind: 'none' };
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    text = raw;
  }
  const answer = /^ep(\d{2})-q(\d{2})$/i.exec(text.trim());
  if (answer) {
    const id = text.trim().toLowerCase();
    const entry = dataset.qa.find((candidate) => candidate.id === id);
    if (entry) return { kind: 'answer', id, episode: entry.episode };
  }
  const episode = /^ep(\d{1,2})$/i.exec(text.trim());
  if (episode && dataset.episodes.some((candidate) => candidate.number === Number(episode[1]))) return { kind: 'episode', number: Number(episode[1]) };
  const shown = [...text.replace(/[\u0000-\u001f\u007f]/g, ' ')];
  return { kind: 'unknown', text: shown.length > SHOWN_CHARS ? `${shown.slice(0, SHOWN_CHARS).join('')}…` : shown.join('') };
}

/** Which answers the page lists: all, or (`?filter=changed`) those a later release changed or superseded. */
export type AnswerFilter = 'all' | 'changed';

export function filterOf(search: string): AnswerFilter {
  return new URLSearchParams(search).get('filter') === 'changed' ? 'changed' : 'all';
}

/** The address's query part for a text and a filter (`?q=…&filter=changed`, or nothing). */
export function searchFor(query: string, filter: AnswerFilter): string {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query);
  if (filter === 'changed') params.set('filter', 'changed');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The text to search for (`?q=`), bounded like any query. */
export function queryOf(search: string): string {
  return (new URLSearchParams(search).get('q') ?? '').slice(0, 2000);
}
