/**
 * Every surface (popup, side panel, answer page, settings) renders inside this boundary. If its
 * app throws while rendering (a damaged stored value, a bug), the person sees a plain message and
 * a search that still works, not a blank or forever-busy pane. The fallback is a plain form to
 * the answer page's results (`answers.html?q=`): it needs none of the code that failed.
 */
import { Component, type ComponentChildren } from 'preact';
import { t } from '../i18n';
import { answerPagePath } from '../messaging/answer-page';

export class SurfaceBoundary extends Component<{ children: ComponentChildren }, { failed: boolean }> {
  override state = { failed: false };

  static override getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // Our own page's console (never a web page's): where a developer looks.
    console.error('Istio experts: this view failed to render', error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main class="surface-error theme" data-scheme="auto">
        <p role="alert">{t('surfaceFailed')}</p>
        <form action={answerPagePath()} method="get" target="_blank" role="search">
          <label>
            {t('searchLabel')}
            <input type="search" name="q" maxLength={300} required />
          </label>
          <button type="submit">{t('surfaceFailedSearch')}</button>
        </form>
      </main>
    );
  }
}
