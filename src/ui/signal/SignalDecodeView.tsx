/**
 * A decoded signal (`src/signals/decode.ts`), as the hover card, the popup and the side panel
 * show it: the line part by part (status, each flag, the details, the upstream cluster split into
 * direction, port, subset and host, analyze codes, error lines), then for the part in focus its
 * likely causes, what to check and its docs. Only text: nothing of the page is rendered as markup.
 */
import type { Lang } from '../../data/types';
import { langsOf, t } from '../../i18n';
import type { AnswerLanguage } from '../../messaging/protocol';
import type { DecodedPart, SignalDecode } from '../../signals/decode';

/** `istioctl proxy-config …` in backticks becomes code; the rest stays text. */
function WithCode({ text }: { text: string }) {
  const pieces = text.split('`');
  return <>{pieces.map((piece, index) => (index % 2 === 1 ? <code key={index}>{piece}</code> : piece))}</>;
}

const KIND_LABEL = {
  flag: 'signalFlag',
  detail: 'signalDetails',
  reset: 'signalReset',
  cluster: 'signalCluster',
  analyzer: 'signalAnalyzer',
  error: 'signalError',
} as const;

const UNKNOWN = { flag: 'signalUnknownFlag', detail: 'signalUnknownDetail', analyzer: 'signalUnknownCode' } as const;

function PartRow({ part, langs }: { part: DecodedPart; langs: Lang[] }) {
  const unknown = !part.info && part.kind in UNKNOWN ? UNKNOWN[part.kind as keyof typeof UNKNOWN] : undefined;
  return (
    <div class="signal-part" data-kind={part.kind} data-focused={String(part.focused)} data-known={String(part.info !== undefined)}>
      <dt>{t(KIND_LABEL[part.kind])}</dt>
      <dd>
        <span class="signal-token">
          <code>{part.text}</code>
          {part.name && <span class="signal-name">{part.name}</span>}
          {part.level && <span class="signal-level" data-level={part.level}>{part.level}</span>}
        </span>
        {part.anatomy && (
          <span class="signal-anatomy">
            <span><em>{t('clusterDirection')}</em> {part.anatomy.direction}</span>
            <span><em>{t('clusterPort')}</em> {part.anatomy.port || '—'}</span>
            <span><em>{t('clusterSubset')}</em> {part.anatomy.subset || t('clusterNoSubset')}</span>
            <span><em>{t('clusterHost')}</em> {part.anatomy.host || '—'}</span>
            <span class="signal-note">{t(part.anatomy.direction === 'outbound' ? 'clusterOutbound' : 'clusterInbound')}</span>
          </span>
        )}
        {part.info && langs.map((lang) => <span class="signal-meaning" lang={lang === 'zh' ? 'zh-CN' : 'en'} key={lang}>{part.info!.meaning[lang]}</span>)}
        {unknown && (
          <span class="signal-meaning signal-unknown">
            {t(unknown)} <a href={part.docsUrl} target="_blank" rel="noopener noreferrer">{t('signalDocs')} ↗</a>
          </span>
        )}
        {part.resetReason && <span class="signal-extra">{t('signalReset')}: <code>{part.resetReason}</code>{part.retried && <> ({t('signalRetried')})</>}</span>}
        {part.transportFailure && <span class="signal-extra">{t('signalTransport')}: <code>{part.transportFailure}</code></span>}
      </dd>
    </div>
  );
}

export function SignalDecodeView({ decode, lang }: { decode: SignalDecode; lang: AnswerLanguage }) {
  const langs = langsOf(lang);
  const primary = langs[0]!;
  const focus = decode.parts.find((part) => part.focused && part.info) ?? decode.parts.find((part) => part.info);
  return (
    <section class="signal-decode" aria-label={t('signalDecoded')}>
      <dl class="signal-parts">
        {decode.status !== undefined && (
          <div class="signal-part" data-kind="status">
            <dt>{t('signalStatus')}</dt>
            <dd><code>{decode.status}</code>{decode.status === 0 && <span class="signal-meaning">{t('signalStatusNone')}</span>}</dd>
          </div>
        )}
        {decode.parts.map((part, index) => <PartRow part={part} langs={langs} key={`${part.kind}${index}`} />)}
      </dl>
      {focus?.info && (
        <div class="signal-focus" data-focus={focus.text}>
          {focus.info.causes[primary].length > 0 && (
            <>
              <h3>{t('signalCauses')} · <code>{focus.text}</code></h3>
              <ul>{focus.info.causes[primary].map((cause) => <li key={cause}><WithCode text={cause} /></li>)}</ul>
            </>
          )}
          <h3>{t('signalCheck')}</h3>
          <ul>{focus.info.check[primary].map((check) => <li key={check}><WithCode text={check} /></li>)}</ul>
          <a class="signal-docs" href={focus.docsUrl} target="_blank" rel="noopener noreferrer">{t('signalDocs')}: {new URL(focus.docsUrl).host} ↗</a>
        </div>
      )}
    </section>
  );
}
