/**
 * The in-page card, for a hovered term and for looked-up text alike: the term and its
 * definition, the best expert answers, "all N answers" in the popup and the official docs.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnswerSummary, CardData } from '../../messaging/protocol';
import type { CardHandlers, CardState } from '../../page/card-api';
import { AnswerSummaryView, TranslatedBadge } from '../AnswerSummary';
import { langsOf, t } from '../../i18n';
import { CiteActions } from '../answer/CiteActions';
import { Currency } from '../Currency';
import { SidePanelIcon } from '../icons';
import { QueryDocs } from '../QueryDocs';
import { SignalDecodeView } from '../signal/SignalDecodeView';

const PinIcon = () => (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true"><path fill="currentColor" d="M9.6 1.4a1 1 0 0 1 1.4 0l3.6 3.6a1 1 0 0 1 0 1.4l-1.2 1.2a1 1 0 0 1-1 .25l-2.1 2.1.3 2.6a1 1 0 0 1-.3.8l-.6.6a.75.75 0 0 1-1.06 0L6.2 11.5l-3.7 3.7a.75.75 0 1 1-1.06-1.06l3.7-3.7-2.45-2.45a.75.75 0 0 1 0-1.06l.6-.6a1 1 0 0 1 .8-.3l2.6.3 2.1-2.1a1 1 0 0 1 .25-1z" /></svg>
);
const CloseIcon = () => (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true"><path fill="currentColor" d="M3.7 2.64a.75.75 0 0 0-1.06 1.06L6.94 8l-4.3 4.3a.75.75 0 1 0 1.06 1.06L8 9.06l4.3 4.3a.75.75 0 1 0 1.06-1.06L9.06 8l4.3-4.3a.75.75 0 0 0-1.06-1.06L8 6.94z" /></svg>
);

/**
 * The answers: close matches first; the others are only the nearest answers. A lookup lists them
 * under that heading; a hover card folds them away, leaving the definition and the docs link.
 */
function CardAnswers({ data, kind, lang, handlers, page }: { data: CardData; kind: CardState['kind']; lang: CardState['lang']; handlers: CardHandlers; page: CardState['pageVersion'] }) {
  // Each answer opens in the popup; under it, ways to cite it and its own page.
  const button = (answer: AnswerSummary) => (
    <div class="answer-row" key={answer.id} data-answer-id={answer.id} data-confident={String(answer.confident === true)}>
      <button type="button" class="answer" onClick={() => handlers.onOpenPopup(data.query, answer.id)}>
        <AnswerSummaryView answer={answer} lang={lang} />
      </button>
      <Currency currency={answer.currency} lang={lang} page={page} variant="note" />
      <CiteActions cite={() => handlers.onCite(answer.id)}>
        <button type="button" class="link-button small" data-action="answer-page" onClick={() => handlers.onOpenAnswerPage(answer.id)}>{t('answerPage')} ↗</button>
      </CiteActions>
    </div>
  );
  const close = data.answers.filter((answer) => answer.confident !== false);
  const nearest = data.answers.filter((answer) => answer.confident === false);
  return (
    <>
      {data.related && close.length > 0 && <div class="note">{t('relatedAnswers')}</div>}
      {close.map(button)}
      {close.length === 0 && kind === 'lookup' && data.docs && <QueryDocs docs={data.docs} lang={lang === 'zh' ? 'zh' : 'en'} />}
      {nearest.length > 0 && kind === 'lookup' && (
        <section class="nearest" aria-labelledby="nearest-heading">
          <h3 id="nearest-heading" class="group-heading">{close.length === 0 ? t('noCloseMatch') : t('lessCloseAnswers')}</h3>
          {nearest.map(button)}
        </section>
      )}
      {nearest.length > 0 && kind === 'hover' && (
        <details class="nearest">
          <summary class="group-heading">{close.length === 0 ? t('foldedNearest', nearest.length) : t('foldedMore', nearest.length)}</summary>
          {nearest.map(button)}
        </details>
      )}
    </>
  );
}

/**
 * "Open in side panel". Where the browser will not open it from a page (Firefox: only its own
 * controls may), the card says how to, and the panel will show this when it opens.
 */
function SidePanelButton({ query, handlers }: { query: string; handlers: CardHandlers }) {
  const [hint, setHint] = useState<string>();
  const open = async () => {
    const outcome = await handlers.onOpenSidePanel(query).catch(() => ({ opened: false, shortcut: undefined }));
    if (!outcome.opened) setHint(outcome.shortcut ? t('sidePanelHint', outcome.shortcut) : t('sidePanelHintNoShortcut'));
  };
  return (
    <>
      <button type="button" class="link-button side-panel" data-action="side-panel" onClick={() => void open()}>
        <SidePanelIcon /> {t('openSidePanel')}
      </button>
      {/* In the card from the start, so that a screen reader announces the hint when it comes. */}
      <p class="hint" aria-live="polite">{hint}</p>
    </>
  );
}

export function CardView({ state, handlers }: { state: CardState; handlers: CardHandlers }) {
  const { data, lang, pinned, kind } = state;
  const dialog = useRef<HTMLDivElement>(null);
  const langs = langsOf(lang);
  const primary = langs[0]!;
  const term = kind === 'hover' ? data?.terms[0] : undefined;
  const signal = data?.signal;
  const label = signal ? t('signalCardLabel', signal.label) : term ? t('cardLabel', term.name[primary]) : t('lookupLabel');

  useEffect(() => {
    if (state.focus) dialog.current?.focus({ preventScroll: true });
  }, [state.focus, data === undefined]);

  return (
    <div
      ref={dialog}
      class={signal ? 'card theme signal-card' : 'card theme'}
      data-scheme={state.scheme}
      role="dialog"
      aria-label={label}
      tabIndex={-1}
      onPointerEnter={handlers.onPointerEnter}
      onPointerLeave={handlers.onPointerLeave}
      onClick={handlers.onPin}
    >
      <header class="card-head">
        <div class="card-title">
          <h2>
            {signal ? (
              <code class="signal-title">{signal.label}</code>
            ) : term ? (
              <>
                {term.name[primary]}
                {term.name.zh !== term.name.en && <span class="alt" lang={primary === 'zh' ? 'en' : 'zh-CN'}>{term.name[primary === 'zh' ? 'en' : 'zh']}</span>}
              </>
            ) : (
              t('lookupLabel')
            )}
          </h2>
          <button type="button" class="icon-button" aria-pressed={pinned} title={pinned ? t('pinned') : t('pin')} aria-label={t('pin')} onClick={handlers.onPin}>
            <PinIcon />
          </button>
          <button
            type="button"
            class="icon-button"
            title={t('close')}
            aria-label={t('close')}
            onClick={(event) => {
              event.stopPropagation();
              handlers.onClose();
            }}
          >
            <CloseIcon />
          </button>
        </div>
        {term && langs.map((language) => <div class="definition" lang={language === 'zh' ? 'zh-CN' : 'en'} key={language}>{term.definition[language]}</div>)}
        {!term && data && data.terms.length > 0 && (
          <div class="term-chips">{data.terms.map((found) => <span class="chip" key={found.id}>{found.name[primary]}</span>)}</div>
        )}
      </header>
      <div class="card-body">
        {!data && <div class="status" role="status">{t('loading')}</div>}
        {signal && <SignalDecodeView decode={signal} lang={lang} />}
        {signal && <h3 class="group-heading">{t('signalAnswers')}</h3>}
        {data && data.answers.length === 0 && <div class="status">{t(signal ? 'signalNoAnswers' : 'noAnswers')}</div>}
        {data && <CardAnswers data={data} kind={kind} lang={lang} handlers={handlers} page={state.pageVersion} />}
      </div>
      <footer class="card-foot">
        <div class="card-actions">
          {data && data.total > 0 && (
            <button type="button" class="link-button" onClick={() => handlers.onOpenPopup(data.query)}>
              {kind === 'hover' && !data.related ? (data.total === 1 ? t('theOnlyAnswer') : t('allAnswers', data.total)) : t('openInPopup')} →
            </button>
          )}
          {data && data.total > 0 && <SidePanelButton query={data.query} handlers={handlers} />}
          {term?.docsUrl && <a href={term.docsUrl} target="_blank" rel="noopener noreferrer">{t('officialDocs')} ↗</a>}
        </div>
        <div class="credit">{t('cardFooter')}{lang !== 'zh' && <> · <TranslatedBadge /></>}</div>
      </footer>
    </div>
  );
}
