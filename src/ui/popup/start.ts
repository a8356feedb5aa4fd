/**
 * The popup's opening: its first paint at once (`first-paint.tsx`), while the app, with the
 * dataset and the index, loads as a chunk of its own (`mount.tsx`) and then takes over.
 */
import { startFirstPaint } from './first-paint';
import { openingQuery } from './opening';

/**
 * `styles`: the popup's stylesheet, given as text and put in the page here: a stylesheet linked
 * from `popup.html` is one more request before the first paint (`npm run bench -- popup`).
 */
export function startPopup(root: HTMLElement, params: URLSearchParams, styles: string): void {
  document.documentElement.lang = navigator.language;
  const style = document.createElement('style');
  style.textContent = styles;
  document.head.append(style);
  const opening = openingQuery(params);
  const firstPaint = startFirstPaint(root, params, opening);
  // Evaluating the app's chunks holds the next paint back: the first paint's list is painted first.
  void firstPaint.painted.then(() => import('./mount')).then(({ mountPopup }) => mountPopup(root, params, opening, firstPaint));
}
