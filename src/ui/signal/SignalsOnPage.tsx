/**
 * "On this page", first: the signals the page carries (`503 UC ×3: the upstream closed the
 * connection …`), each a search that decodes it.
 */
import type { Lang } from '../../data/types';
import { t } from '../../i18n';
import type { PageSignal } from '../../messaging/protocol';
import { useSignalDecoder } from './query-signals';

const SIGNALS_SHOWN = 6;

export function SignalsOnPage({ signals, lang, onSearch }: { signals: readonly PageSignal[]; lang: Lang; onSearch(query: string): void }) {
  const decoder = useSignalDecoder();
  if (signals.length === 0) return null;
  return (
    <div class="page-signals" role="group" aria-label={t('signalsOnPage')}>
      <h3 class="subheading">{t('signalsOnPage')}</h3>
      <ul>
        {signals.slice(0, SIGNALS_SHOWN).map(({ label, count }) => {
          const meaning = decoder?.meaningOf(label)?.[lang];
          return (
            <li key={label}>
              <button type="button" class="page-signal" onClick={() => onSearch(label)} title={meaning}>
                <code>{label}</code>
                {count > 1 && <span class="count-badge">×{count}</span>}
                {meaning && <span class="page-signal-meaning">{meaning}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
