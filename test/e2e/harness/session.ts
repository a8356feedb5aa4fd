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
  bringToFront(): Promise<void>;
  close(): Promise<void>;
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
