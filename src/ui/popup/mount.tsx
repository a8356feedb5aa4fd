/**
 * The popup app taking over from its first paint: drawn aside once its engine is ready (so its
 * first render has the list the first paint showed, from the same hits), then put in its place,
 * with the reader's focus and selection in the search box.
 */
import { render } from 'preact';
import { SurfaceBoundary } from '../SurfaceBoundary';
import { rememberHits } from '../search/first-results';
import { prepareShippedEngine } from '../search/use-engine';
import { PopupApp } from './App';
import type { startFirstPaint } from './first-paint';
import type { Opening } from './opening';

export async function mountPopup(root: HTMLElement, params: URLSearchParams, opening: Promise<Opening>, firstPaint: ReturnType<typeof startFirstPaint>): Promise<void> {
  const answered = firstPaint.answered();
  if (answered) rememberHits(answered.query, answered.hits);
  await prepareShippedEngine(opening.then(({ query }) => query));
  const opened = firstPaint.handOver();
  const app = document.createElement('div');
  app.id = root.id;
  render(
    <SurfaceBoundary>
      <PopupApp params={params} opened={opened} />
    </SurfaceBoundary>,
    app);
  root.replaceWith(app);
  render(null, root);
  // (an input drawn aside is not focused by its autofocus)
  const input = app.querySelector('input');
  input?.focus();
  if (opened.focus) input?.setSelectionRange(opened.focus.start, opened.focus.end);
}
