/**
 * The popup's opening: its first paint at once (`first-paint.tsx`), while the app, with the
 * dataset and the index, loads as a chunk of its own (`mount.tsx`) and then takes over.
 */
import { startFirstPaint } from './first-paint';
import { openingQuery } from './opening';

export function startPopup(root: HTMLElement, params: URLSearchParams): void {
  document.documentElement.lang = navigator.language;
  const opening = openingQuery(params);
  const firstPaint = startFirstPaint(root, params, opening);
  // Evaluating the app's chunks holds the next paint back: the first paint's list is painted first.
  void firstPaint.painted.then(() => import('./mount')).then(({ mountPopup }) => mountPopup(root, params, opening, firstPaint));
}
