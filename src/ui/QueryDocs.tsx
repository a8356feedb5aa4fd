/**
 * "No close match": before the nearest answers, the official docs for the terms the question
 * names (`queryDocs`), a compact list of links, so the reader has somewhere to go.
 */
import type { Lang } from '../data/types';
import type { TermInfo } from '../messaging/protocol';
import { t } from '../i18n';

export function QueryDocs({ docs, lang }: { docs: readonly TermInfo[]; lang: Lang }) {
  if (docs.length === 0) return null;
  return (
    <section class="query-docs" aria-labelledby="query-docs-heading">
      <h3 id="query-docs-heading" class="query-docs-heading">{t('queryDocsHeading')}</h3>
      <ul>
        {docs.map((term) => (
          <li key={term.id}>
            <a href={term.docsUrl} target="_blank" rel="noopener noreferrer" data-term-id={term.id}>
              {term.name[lang]} ↗
            </a>
            <span class="query-docs-host">{new URL(term.docsUrl!).hostname.replace(/^www\./, '')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
