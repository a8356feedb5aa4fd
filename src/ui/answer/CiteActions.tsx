/**
 * "Copy as Markdown" and "Copy link" on an answer, on every surface: each says what it did in a
 * short message, and when the browser refuses the clipboard, says so and offers the text,
 * selected, to copy by hand.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t } from '../../i18n';
import type { Citation } from '../../search/cite';
import { copyText } from './clipboard';

type Status = { kind: 'copied'; text: string } | { kind: 'refused' | 'failed'; text: string; manual?: string };

/** How long "Copied" stays before the line clears. */
const CONFIRMATION_MS = 4000;

export function CiteActions({ cite, children }: {
  /** The citation, built here (extension pages) or asked of the background (cards). */
  cite: () => Citation | Promise<Citation>;
  /** More actions on the same line (the answer page link). */
  children?: ComponentChildren;
}) {
  const [status, setStatus] = useState<Status>();
  const manual = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (status?.kind === 'copied') {
      const timer = setTimeout(() => setStatus(undefined), CONFIRMATION_MS);
      return () => clearTimeout(timer);
    }
    if (status?.kind === 'refused') manual.current?.select();
  }, [status]);

  const copy = async (what: 'markdown' | 'link') => {
    let text: string;
    try {
      const citation = await cite();
      text = what === 'markdown' ? citation.markdown : citation.link;
    } catch {
      setStatus({ kind: 'failed', text: t('citeFailed') });
      return;
    }
    try {
      await copyText(text);
      setStatus({ kind: 'copied', text: what === 'markdown' ? t('copiedMarkdown') : t('copiedLink') });
    } catch {
      setStatus({ kind: 'refused', text: t('copyRefused'), manual: text });
    }
  };

  return (
    <div class="cite">
      <div class="cite-actions">
        <button type="button" class="link-button small" data-action="copy-markdown" onClick={() => void copy('markdown')}>{t('copyMarkdown')}</button>
        <button type="button" class="link-button small" data-action="copy-link" onClick={() => void copy('link')}>{t('copyLink')}</button>
        {children}
      </div>
      {/* Always in the page, so that a screen reader announces each new message (a live region,
          not role=status: in a card that role means its answers are still loading). */}
      <p class={`cite-status${status && status.kind !== 'copied' ? ' problem' : ''}`} aria-live="polite">{status?.text}</p>
      {status?.kind === 'refused' && status.manual && (
        <textarea ref={manual} class="cite-manual" readOnly rows={5} aria-label={t('copyByHand')} value={status.manual} />
      )}
    </div>
  );
}
