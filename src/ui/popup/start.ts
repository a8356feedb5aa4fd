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
  const mount = () => void import('./mount').then(({ mountPopup }) => mountPopup(root, params, opening, firstPaint));
  // Evaluating the app's chunks holds the next paint back: a kept list is painted first.
  if (firstPaint.drewList) requestAnimationFrame(() => setTimeout(mount, 0));
  else mount();
}
