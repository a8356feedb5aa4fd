/**
 * An answer read against today's releases, on every surface that shows an answer: a compact
 * badge ("Changed since 2021 · Istio 1.19") and, one click or key away, our note: what is true
 * now, read against the version the page is about (`readNote`), its sources and the releases it
 * was checked against. Always marked as ours, never as the expert's words. Advice not tied to a
 * version gets a quiet line where a whole answer is shown, and nothing in lists and cards.
 */
import { Fragment } from 'preact';
import { useId, useState } from 'preact/hooks';
import { noteRuns, type PageVersion, productVersionName, readNote } from '../data/currency';
import type { Currency as CurrencyEntry, Lang } from '../data/types';
import { langsOf, t } from '../i18n';
import type { AnswerLanguage } from '../messaging/protocol';
import { currencyLabel } from './currency-label';

const langAttr = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

/**
 * Enough of a source's address to know it: "istio.io › announcing-1.19/change-notes",
 * "istio/api release-1.19 › wasm.proto" (a GitHub file names its branch: two releases' copies differ).
 */
export function sourceName(url: string): string {
  try {
    const { hostname, pathname } = new URL(url);
    const parts = pathname.split('/').filter(Boolean);
    if (hostname === 'github.com' && parts[2] === 'blob' && parts.length > 4) return `${parts[0]}/${parts[1]} ${parts[3]} › ${parts.at(-1)}`;
    const tail = parts.slice(-2).join('/');
    const host = hostname.replace(/^www\./, '');
    return tail ? `${host} › ${tail}` : host;
  } catch {
    return url;
  }
}

/** A note's sentence, its field and API names as code. */
function NoteText({ text }: { text: string }) {
  return <>{noteRuns(text).map((run, index) => (run.code ? <code key={index}>{run.text}</code> : run.text))}</>;
}

function NoteBody({ currency, langs, page }: { currency: CurrencyEntry; langs: Lang[]; page: PageVersion | undefined }) {
  const reading = readNote(currency, page);
  return (
    <>
      {reading.kind === 'older' && <p class="currency-context">{t('currencyOlder', productVersionName(reading.page), productVersionName(reading.since))}</p>}
      {reading.kind === 'older' && reading.before && langs.map((lang) => (
        <p key={`before-${lang}`} class="currency-before" lang={langAttr(lang)}><span class="currency-when">{t('currencyOn', productVersionName(reading.page))}</span> <NoteText text={reading.before![lang]} /></p>
      ))}
      {reading.kind === 'newer' && (
        <p class="currency-context">
          {t('currencyNewer', productVersionName(reading.page), productVersionName(reading.since))}
          {reading.notDefault && <> {t('currencyNotDefault', productVersionName(reading.notDefault))}</>}
        </p>
      )}
      {currency.status === 'unchecked' && <p>{t('currencyUncheckedNote')}</p>}
      {currency.corrects && <p class="currency-corrects">{t('currencyCorrects')}</p>}
      {currency.now && langs.map((lang) => (
        <p key={`now-${lang}`} class="currency-now" lang={langAttr(lang)}>
          {reading.kind === 'older' && <><span class="currency-when">{t('currencyFrom', productVersionName(reading.since))}</span> </>}
          <NoteText text={currency.now![lang]} />
        </p>
      ))}
      {currency.sources && currency.sources.length > 0 && (
        <p class="currency-sources">
          {t('currencySources')}{' '}
          {currency.sources.map((url, index) => (
            <Fragment key={url}>
              {index > 0 && ' · '}
              <a href={url} target="_blank" rel="noopener noreferrer" title={url}>{sourceName(url)} ↗</a>
            </Fragment>
          ))}
        </p>
      )}
      <p class="currency-reviewed">{t('currencyOurNote')} {t('currencyReviewed', currency.reviewed.istio, currency.reviewed.envoy)}</p>
    </>
  );
}

/**
 * `variant`: `badge`, the badge alone (inside a list's option, which may hold nothing to focus);
 * `note`, the badge as a disclosure button with the note under it (cards, an opened answer, the
 * answer page). `full`: a whole answer is shown (timeless advice gets its quiet line).
 */
export function Currency({ currency, lang, page, variant, full = false }: {
  currency: CurrencyEntry | undefined;
  lang: AnswerLanguage;
  page?: PageVersion | undefined;
  variant: 'badge' | 'note';
  full?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!currency) return null;
  if (currency.status === 'timeless' && (!full || !currency.now)) {
    return full ? <p class="currency currency-quiet" data-status="timeless">{t('currencyTimeless')}</p> : null;
  }
  const label = currencyLabel(currency);
  if (variant === 'badge') {
    return <span class="currency-badge" data-status={currency.status} data-corrects={currency.corrects ? '' : undefined}><span class="currency-dot" aria-hidden="true" />{label}</span>;
  }
  const noteId = `currency-note-${id}`;
  return (
    <div class="currency" data-status={currency.status}>
      <button
        type="button"
        class="currency-badge currency-toggle"
        data-status={currency.status}
        data-corrects={currency.corrects ? '' : undefined}
        data-action="currency"
        aria-expanded={open}
        aria-controls={noteId}
        title={t('currencyToggle')}
        onClick={() => setOpen((current) => !current)}
      >
        <span class="currency-dot" aria-hidden="true" />
        {label}
        <span class="currency-chevron" aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      <div id={noteId} class="currency-note" role="region" aria-label={t('currencyNoteLabel')} hidden={!open}>
        {open && <NoteBody currency={currency} langs={langsOf(lang)} page={page} />}
      </div>
    </div>
  );
}
