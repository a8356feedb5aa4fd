/**
 * How the content script hears that its page changed address, without waking an idle tab. The
 * Navigation API's `currententrychange` fires for every same-document navigation, including
 * `history.pushState` and `replaceState` (GitHub's Turbo, React routers), so nothing needs to
 * look. A check on a timer woke every tab of ours twice a second for as long as it stayed open,
 * idle or not (`npm run bench -- soak`, the idle page). Where the API is missing, the check runs
 * on that timer still.
 */
import { throttle } from 'throttle-debounce';

/**
 * How often the address is checked at most: on a timer where the browser does not tell (no
 * Navigation API), and where it tells too often (a page that calls `replaceState` on every frame
 * runs one check at once and then one per this interval, not one per call).
 */
export const ADDRESS_CHECK_MS = 500;

/** The part of the script's lifetime this needs (WXT's ContentScriptContext). */
export interface WatchLifetime {
  /** Reading it notices a script orphaned by an update or removal (and stands it down). */
  readonly isValid: boolean;
  setInterval(handler: () => void, timeout?: number): number;
}

/**
 * Calls `onChange` after navigations within the page (and `popstate`) while `signal` is not
 * aborted. The moments a reader comes back to the tab also read `lifetime.isValid`, so a script
 * left behind by a removed extension stands down then rather than on a timer.
 */
export function watchAddress(onChange: () => void, lifetime: WatchLifetime, signal: AbortSignal, win: Window = window): void {
  const run = () => {
    if (lifetime.isValid) onChange();
  };
  // At once, then at most once per interval: the calls within one are folded into one at its end.
  const check = throttle(ADDRESS_CHECK_MS, run);
  signal.addEventListener('abort', () => check.cancel());
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') navigation.addEventListener('currententrychange', check, { signal });
  else lifetime.setInterval(run, ADDRESS_CHECK_MS);
  win.addEventListener('popstate', check, { signal });
  win.addEventListener('pageshow', check, { signal });
  win.document.addEventListener('visibilitychange', check, { signal });
}
