/** The popup's frame and its side-panel button: the same for its first paint and the app. */
import type { ComponentChildren } from 'preact';
import { t } from '../../i18n';
import { Footer } from '../Footer';
import { SidePanelIcon } from '../icons';

export function PopupFrame({ children }: { children: ComponentChildren }) {
  return (
    <div class="popup search-surface theme" data-scheme="auto">
      {children}
      <Footer />
    </div>
  );
}

export function SidePanelButton({ onClick }: { onClick(): void }) {
  return (
    <button type="button" class="icon-button header-button" title={t('openSidePanelTitle')} aria-label={t('openSidePanel')} onClick={onClick}>
      <SidePanelIcon />
    </button>
  );
}
