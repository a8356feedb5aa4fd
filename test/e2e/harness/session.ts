/**
 * One interface over the two real browsers the end-to-end tests drive: Debian Chromium through
 * playwright-core, and Debian Firefox ESR through puppeteer-core over WebDriver BiDi. Each loads
 * the production build, serves fixture pages at their real URLs (so the manifest's match
 * patterns run), refuses every other request and records it, and collects console errors.
 * A scenario written against `Session` and `TestPage` runs in both browsers.
 */

export type BrowserName = 'chromium' | 'firefox';

export interface Fixture {
  /** The page's real URL, e.g. https://github.com/istio/istio/issues/12345. */
  url: string;
  html: string;
}

export interface TestPage {
  readonly url: string;
  goto(url: string): Promise<void>;
  evaluate<T>(fn: string | (() => T)): Promise<T>;
  evaluateWith<A, T>(fn: (arg: A) => T, arg: A): Promise<T>;
  click(selector: string): Promise<void>;
  /** Moves the real mouse to the centre of the first client rect of a text range or element. */
  mouseTo(x: number, y: number): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  type(text: string): Promise<void>;
  press(key: string): Promise<void>;
  keyDown(key: string): Promise<void>;
  keyUp(key: string): Promise<void>;
  selectOption(selector: string, value: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  waitFor<T>(fn: () => T | Promise<T>, timeoutMs?: number): Promise<T>;
  /**
   * Runs `fn` on the shadow root of the open card (of the same-origin iframe `frame` selects, else
   * of the page), or gives null when no card is open. The root is closed, so page script cannot
   * reach it; the harness does through the browser's protocol (CDP, WebDriver BiDi), from a world
   * of its own that the page's script cannot tamper with. `fn` and its result travel as JSON.
   */
  inCard<A, T>(fn: (root: ShadowRoot, arg: A) => T, arg: A, frame?: string): Promise<T | null>;
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** The page as it prints (`@media print`). */
  emulatePrint(on: boolean): Promise<void>;
  bringToFront(): Promise<void>;
  /** A full garbage collection of the page's process (CDP in Chromium; Firefox's "minimize memory usage"). */
  collectGarbage(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The extension's side panel as a test reads and drives it. Chromium's is a page of its own,
 * reached over CDP, with real input and screenshots; Firefox's sidebar is not reachable by
 * WebDriver BiDi, so it is read through the extension (`extension.getViews`) and driven with
 * DOM events (`trustedInput` false).
 */
export interface PanelPage {
  readonly trustedInput: boolean;
  evaluate<T>(fn: string | (() => T)): Promise<T>;
  evaluateWith<A, T>(fn: (arg: A) => T, arg: A): Promise<T>;
  waitFor<T>(fn: () => T | Promise<T>, timeoutMs?: number): Promise<T>;
  click(selector: string): Promise<void>;
  /** Types into the focused element. */
  type(text: string): Promise<void>;
  press(key: string): Promise<void>;
  /** Chromium only. */
  screenshot?(path: string): Promise<void>;
  setColorScheme?(scheme: 'light' | 'dark'): Promise<void>;
}

export interface OmniboxSuggestion {
  content: string;
  description: string;
}

export interface Session {
  readonly browserName: BrowserName;
  /** The extension's base URL: chrome-extension://id or moz-extension://uuid. */
  readonly extensionOrigin: string;
  /** Opens a fixture (or any routed URL) in a new tab. */
  openPage(url: string): Promise<TestPage>;
  /** Opens an extension page (e.g. `popup.html?tab=3`) in a new tab. */
  openExtensionPage(path: string): Promise<TestPage>;
  /** Runs a function in the background context (service worker or background page). */
  background<T>(fn: string): Promise<T>;
  /** The browser's id for the tab showing `url`. */
  tabIdOf(url: string): Promise<number>;
  /**
   * Chooses the context menu item for the selection in the tab showing `url`. Firefox opens its
   * real menu with a right click on the selection and activates our item; Chromium (whose menus
   * headless tests cannot open) dispatches the `contextMenus.onClicked` event the click would,
   * with this text and frame.
   */
  contextMenuLookup(url: string, selectionText: string, frameId?: number): Promise<void>;
  /**
   * Runs the keyboard shortcut on the tab showing `url` (the extension finds the frame with the
   * selection): Firefox runs the key command it registered for it, Chromium dispatches
   * `commands.onCommand`.
   */
  shortcutLookup(url: string): Promise<void>;
  /**
   * Clicks the toolbar button for the tab showing `url`, which grants `activeTab` there as a
   * user's click would (Chromium only: CDP `Extensions.triggerAction`).
   */
  clickToolbarButton?(url: string): Promise<void>;
  /** The next page the browser opens itself (a tab the extension creates), once it has begun loading (Chromium only). */
  nextPage?(): Promise<TestPage>;
  /** The side panel (Chromium) or sidebar (Firefox) of the extension while it is open, else null. */
  sidePanel(): Promise<PanelPage | null>;
  /** Closes the side panel, as the user's close button would. */
  closeSidePanel(): Promise<void>;
  /**
   * Runs an extension command as the browser does when its shortcut is pressed: Firefox fires the
   * command's key element while handling user input. Chromium has no way to press a browser
   * shortcut from outside (CDP's input goes to a page), so it is undefined there.
   */
  pressCommand?(name: string): Promise<void>;
  /**
   * The open side panel beside the page it follows, as the window shows them (Chromium): the tab
   * is laid out in the width the panel leaves it, and both are captured into one image.
   */
  screenshotBesidePanel?(page: TestPage, path: string): Promise<void>;
  /**
   * Grants or refuses an origin the clipboard, as a user's site setting does (Chromium, CDP
   * `Browser.setPermission`; extension pages are not subject to it).
   */
  setClipboardAccess?(origin: string, allowed: boolean): Promise<void>;
  /**
   * Types the omnibox keyword and `text` in the address bar and reads the suggestions. Firefox:
   * its real address bar (chrome scope). Chromium, whose address bar no protocol reaches: the
   * extension's own `omnibox.onInputChanged` listener, fed as the browser feeds it, each
   * description then checked by Chromium's own parser (`setDefaultSuggestion` refuses bad XML).
   */
  omnibox(text: string): Promise<OmniboxSuggestion[]>;
  /** Presses Enter on the text as typed (`'typed'`) or on one of its suggestions. */
  omniboxEnter(text: string, choice: number | 'typed', disposition?: 'currentTab' | 'newForegroundTab' | 'newBackgroundTab'): Promise<void>;
  /**
   * Reloads the extension in the running browser, as an update or a reinstall does, and waits
   * for its new background; open tabs keep the scripts the old one left in them.
   */
  reloadExtension(): Promise<void>;
  addFixtures(fixtures: Fixture[]): void;
  /** Requests that were not fixtures (there should be none: the extension is offline). */
  readonly unexpectedRequests: string[];
  /** Console errors and uncaught exceptions from pages and the extension. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  fixtures?: Fixture[];
  /** An unpacked build other than `.output/<browser>` (the benchmark's copy with a blank page). */
  extensionDir?: string;
  colorScheme?: 'light' | 'dark';
  locale?: string;
}
