import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Frame, type KeyInput, type Page } from 'puppeteer-core';
import { cardFunction, extensionBuild, FixtureServer, LOCATE_CARD_HOST, poll, requireBinary } from './common';
import type { PanelPage, Session, SessionOptions, TestPage } from './session';

const FIREFOX = '/usr/bin/firefox-esr';
/** The gecko id in wxt.config.ts, and the internal UUID we pin so extension URLs are known. */
const GECKO_ID = 'istio-expert-answers@istio-big-talk.example';
const EXTENSION_UUID = '6c1b2c36-9b0e-4c55-a1b6-0e4f3cbb7a11';
/** The manifest's `omnibox.keyword`. */
const KEYWORD = 'iqa';

/** Script in the browser window itself (chrome scope, `--remote-allow-system-access`). */
type ChromeScript = <T>(expression: string) => Promise<T>;

/** WebDriver BiDi as puppeteer speaks it, for the commands it has no API for. */
interface Bidi {
  send(method: string, params: unknown): Promise<{ result: Record<string, unknown> }>;
}
interface BidiRemoteValue {
  type: string;
  value?: unknown;
}
interface BidiEvaluateResult {
  type: 'success' | 'exception';
  result?: BidiRemoteValue & { value?: { shadowRoot?: { sharedId?: string } | null } };
  exceptionDetails?: { text: string };
}

const bidiOf = (browser: Browser): Bidi => (browser as unknown as { connection: Bidi }).connection;
/** puppeteer's frame is a BiDi browsing context; this is its id. */
const contextOf = (frame: Frame): string => (frame as unknown as { _id: string })._id;

function evaluated(reply: { result: Record<string, unknown> }, what: string): BidiRemoteValue {
  const outcome = reply.result as unknown as BidiEvaluateResult;
  if (outcome.type === 'exception') throw new Error(`${what}: ${outcome.exceptionDetails?.text}`);
  return outcome.result!;
}

class FirefoxPage implements TestPage {
  /** Set once the session can run chrome-scope script: emulation BiDi does not offer Firefox. */
  chrome: ChromeScript | undefined;
  constructor(readonly page: Page) {}

  async inCard<A, T>(fn: (root: ShadowRoot, arg: A) => T, arg: A, frame?: string): Promise<T | null> {
    const bidi = bidiOf(this.page.browser());
    let target = this.page.mainFrame();
    if (frame) {
      const child = await (await this.page.$(frame))?.contentFrame();
      if (!child) return null;
      target = child;
    }
    // A sandbox: the harness's own realm over the page, out of reach of the page's script.
    const realm = { context: contextOf(target), sandbox: 'e2e-harness' };
    const host = evaluated(
      await bidi.send('script.callFunction', {
        functionDeclaration: LOCATE_CARD_HOST,
        arguments: [{ type: 'null' }],
        target: realm,
        awaitPromise: false,
        // Node values carry their shadow root, closed ones included.
        serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
      }),
      'finding the card',
    ) as BidiEvaluateResult['result'];
    const rootId = host?.type === 'node' ? host.value?.shadowRoot?.sharedId : undefined;
    if (!rootId) return null;
    const result = evaluated(
      await bidi.send('script.callFunction', {
        functionDeclaration: cardFunction(fn as never),
        arguments: [{ sharedId: rootId }, { type: 'string', value: JSON.stringify(arg ?? null) }],
        target: realm,
        awaitPromise: true,
      }),
      'in the card',
    );
    return JSON.parse(result.value as string) as T;
  }

  /** `intercept`: serve fixtures and refuse the network (web pages; extension pages need neither). */
  static async open(browser: Browser, fixtures: FixtureServer, errors: string[], intercept: boolean, background = false): Promise<FirefoxPage> {
    const page = await browser.newPage({ background });
    if (intercept) await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (!intercept) return;
      const url = request.url();
      if (!/^https?:/.test(url)) return void request.continue();
      const html = fixtures.serve(url);
      if (html === undefined) void request.abort('blockedbyclient');
      else void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${(error as Error).message}`));
    return new FirefoxPage(page);
  }

  get url(): string {
    return this.page.url();
  }
  async goto(url: string): Promise<void> {
    if (!url.startsWith('moz-extension:')) {
      await this.page.goto(url, { waitUntil: 'load' });
      return;
    }
    // Firefox loads extension pages in another process; puppeteer then misses the load event,
    // so the navigation is started and the page itself is asked when it has loaded.
    void this.page.goto(url, { timeout: 0 }).catch(() => {});
    await poll(
      () => this.page.evaluate((expected) => location.href === expected && document.readyState === 'complete', url).catch(() => false),
      15_000,
      `${url} to load`,
    );
  }
  evaluate<T>(fn: string | (() => T)): Promise<T> {
    return this.page.evaluate(fn as () => T) as Promise<T>;
  }
  evaluateWith<A, T>(fn: (arg: A) => T, arg: A): Promise<T> {
    return this.page.evaluate(fn as never, arg) as Promise<T>;
  }
  async click(selector: string): Promise<void> {
    await this.page.click(selector);
  }
  async mouseTo(x: number, y: number): Promise<void> {
    await this.page.mouse.move(x, y, { steps: 2 });
  }
  async mouseClick(x: number, y: number): Promise<void> {
    await this.page.mouse.click(x, y);
  }
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key as KeyInput);
  }
  async keyDown(key: string): Promise<void> {
    await this.page.keyboard.down(key as KeyInput);
  }
  async keyUp(key: string): Promise<void> {
    await this.page.keyboard.up(key as KeyInput);
  }
  async selectOption(selector: string, value: string): Promise<void> {
    await this.page.select(selector, value);
  }
  async setViewport(width: number, height: number): Promise<void> {
    await this.page.setViewport({ width, height });
  }
  waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
    return poll(() => this.page.evaluate(fn) as Promise<T>, timeoutMs, fn.toString().slice(0, 120));
  }
  async screenshot(path: string, options: { fullPage?: boolean } = {}): Promise<void> {
    await this.page.screenshot({ path: path as `${string}.png`, fullPage: options.fullPage ?? false });
  }
  /**
   * Puppeteer emulates media only over CDP: here the tab's browsing context is told, as Firefox's
   * devtools do (`prefersColorSchemeOverride`, `mediumOverride`).
   */
  private async override(property: 'prefersColorSchemeOverride' | 'mediumOverride', value: string): Promise<void> {
    const url = await this.page.evaluate(() => location.href);
    await this.chrome!<void>(`(() => {
      const browser = [gBrowser.selectedBrowser, ...gBrowser.browsers].find((candidate) => candidate.currentURI.spec === ${JSON.stringify(url)});
      browser.browsingContext.${property} = ${JSON.stringify(value)};
    })()`);
  }
  async setColorScheme(scheme: 'light' | 'dark'): Promise<void> {
    await this.override('prefersColorSchemeOverride', scheme);
  }
  async emulatePrint(on: boolean): Promise<void> {
    await this.override('mediumOverride', on ? 'print' : '');
  }
  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }
  async collectGarbage(): Promise<void> {
    // What about:memory's "Minimize memory usage" does: garbage and cycle collection in every process.
    await this.chrome!<void>(`new Promise((done) => Cc['@mozilla.org/memory-reporter-manager;1'].getService(Ci.nsIMemoryReporterManager).minimizeMemoryUsage(() => done()))`);
  }
  async close(): Promise<void> {
    await this.page.close();
  }
}

/**
 * Firefox's sidebar: WebDriver BiDi lists no context for it, so it is read from the control page
 * (an extension page in the same process) through `extension.getViews({ type: 'sidebar' })`, and
 * driven with DOM events there.
 */
class FirefoxSidebar implements PanelPage {
  readonly trustedInput = false;
  constructor(private readonly control: () => Promise<FirefoxPage>) {}

  /** Runs a function's source with the sidebar's document and window in place of the control page's. */
  private async run<T>(source: string, arg?: unknown): Promise<T> {
    const page = await this.control();
    return page.evaluate<T>(`(() => {
      const view = browser.extension.getViews({ type: 'sidebar' })[0];
      if (!view) throw new Error('no sidebar is open');
      return ((document, window, location, getComputedStyle, getSelection) => (${source})(${arg === undefined ? '' : JSON.stringify(arg)}))(view.document, view, view.location, view.getComputedStyle.bind(view), view.getSelection.bind(view));
    })()`);
  }

  evaluate<T>(fn: string | (() => T)): Promise<T> {
    return this.run<T>(typeof fn === 'string' ? `() => (${fn})` : fn.toString());
  }
  evaluateWith<A, T>(fn: (arg: A) => T, arg: A): Promise<T> {
    return this.run<T>(fn.toString(), arg);
  }
  waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
    return poll(() => this.evaluate(fn) as Promise<T>, timeoutMs, `sidebar: ${fn.toString().slice(0, 120)}`);
  }
  /** Waits for `selector` as Playwright's click does: the sidebar re-renders when the tab it follows changes. */
  async click(selector: string): Promise<void> {
    await poll(() => this.evaluateWith((selector) => {
      const element = document.querySelector(selector) as HTMLElement | null;
      element?.focus();
      element?.click();
      return element !== null || null;
    }, selector), 5000, `${selector} in the sidebar`);
  }
  async type(text: string): Promise<void> {
    await this.evaluateWith((text) => {
      const input = document.activeElement as HTMLInputElement;
      input.value += text;
      input.dispatchEvent(new window.InputEvent('input', { bubbles: true, data: text, inputType: 'insertText' }));
    }, text);
  }
  async press(key: string): Promise<void> {
    await this.evaluateWith((key) => {
      const target = document.activeElement ?? document.body;
      const event = new window.KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      if (target.dispatchEvent(event) && key === 'Enter' && target instanceof window.HTMLButtonElement) target.click();
    }, key);
  }
}

export async function launchFirefox(options: SessionOptions = {}): Promise<Session> {
  const extension = extensionBuild('firefox-mv3');
  const fixtures = new FixtureServer();
  fixtures.add(options.fixtures ?? []);
  const errors: string[] = [];
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: requireBinary(FIREFOX, 'firefox-esr'),
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir: mkdtempSync(join(tmpdir(), 'firefox-')),
    defaultViewport: { width: 1280, height: 860 },
    // Lets WebDriver BiDi open the extension's own pages (moz-extension://), as Chromium's CDP does.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'intl.locale.requested': options.locale ?? 'en-US',
      'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
      // Offline: no update checks, telemetry or remote settings.
      'network.connectivity-service.enabled': false,
      'extensions.update.enabled': false,
      // Optional permissions requested from a click are granted without the prompt tests cannot answer.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  const installedId = await browser.installExtension(extension);
  if (installedId !== GECKO_ID) throw new Error(`Installed ${installedId}, expected ${GECKO_ID}`);
  const extensionOrigin = `moz-extension://${EXTENSION_UUID}`;

  // A tab on an extension page runs background-style calls (tabs, storage) for the tests. It
  // opens behind the scenario's page: a page in a background tab has its timers throttled.
  let control: FirefoxPage | undefined;
  const controlPage = async (): Promise<FirefoxPage> => {
    if (!control) {
      control = await FirefoxPage.open(browser, fixtures, errors, false, true);
      await control.goto(`${extensionOrigin}/options.html?test-control`);
    }
    return control;
  };

  /**
   * Runs an expression in the browser window's chrome (WebDriver BiDi gives it with
   * `--remote-allow-system-access`): how the tests reach Firefox's own context menu and the
   * extension's keyboard shortcut, which a page's input does not trigger.
   */
  const inBrowserWindow = async <T>(expression: string): Promise<T> => {
    const bidi = bidiOf(browser);
    const tree = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const window = (tree.result.contexts as { context: string }[])[0]!.context;
    const value = evaluated(await bidi.send('script.evaluate', { expression, target: { context: window }, awaitPromise: true }), 'in the browser window');
    return value.value as T;
  };

  const pageAt = async (url: string): Promise<Page> => {
    const page = (await browser.pages()).find((candidate) => candidate.url() === url);
    if (!page) throw new Error(`no tab at ${url}`);
    return page;
  };

  /** The `<key>` Firefox made for the extension's lookup shortcut (Alt+Shift+E in wxt.config.ts). */
  const SHORTCUT_KEY = `[...document.querySelectorAll('keyset[id="ext-keyset-id-${GECKO_ID.replace(/[^a-z0-9_-]/gi, '_')}"] > key')].find((key) => key.getAttribute('key') === 'E' && key.getAttribute('modifiers') === 'alt,shift')`;
  /** Our item in the page's context menu (id `ask-istio-experts` in context-menu.ts). */
  const MENU_ITEM = `document.getElementById('contentAreaContextMenu').querySelector('menuitem[id$="-menuitem-_ask-istio-experts"]')`;

  const session: Session = {
    browserName: 'firefox',
    extensionOrigin,
    unexpectedRequests: fixtures.unexpected,
    errors,
    addFixtures: (more) => fixtures.add(more),
    async openPage(url) {
      const page = await FirefoxPage.open(browser, fixtures, errors, true);
      page.chrome = chromeEvaluate;
      await page.goto(url);
      return page;
    },
    async openExtensionPage(path) {
      const page = await FirefoxPage.open(browser, fixtures, errors, false);
      page.chrome = chromeEvaluate;
      await page.goto(`${extensionOrigin}/${path}`);
      return page;
    },
    async background<T>(fn: string): Promise<T> {
      return (await controlPage()).evaluate<T>(fn);
    },
    async tabIdOf(url) {
      const page = await controlPage();
      return poll(
        () => page.evaluate<number>(`browser.tabs.query({}).then((tabs) => tabs.find((tab) => tab.url === ${JSON.stringify(url)})?.id)`),
        5000,
        `a tab at ${url}`,
      );
    },
    // The real menu: a right click on the selection (in the page or a same-origin frame), then our
    // item in the menu Firefox opens. Firefox hands the extension the selection's text and frame.
    async contextMenuLookup(url) {
      const page = await pageAt(url);
      await page.bringToFront();
      const point = await page.evaluate(() => {
        const frames = [window, ...[...document.querySelectorAll('iframe')].flatMap((frame) => (frame.contentWindow ? [frame.contentWindow] : []))];
        for (const view of frames) {
          const selection = view.getSelection();
          if (!selection || selection.isCollapsed) continue;
          const range = selection.getRangeAt(0);
          const start = range.startContainer;
          (start.nodeType === Node.ELEMENT_NODE ? (start as Element) : start.parentElement)?.scrollIntoView({ block: 'start' });
          const offset = view === window ? { x: 0, y: 0 } : view.frameElement!.getBoundingClientRect();
          const rect = [...range.getClientRects()].find((box) => box.width > 2 && box.bottom > 0 && box.top < view.innerHeight);
          if (rect) return { x: offset.x + rect.left + Math.min(8, rect.width / 2), y: offset.y + rect.top + rect.height / 2 };
        }
        return null;
      });
      if (!point) throw new Error('no selection to right-click');
      await page.mouse.click(point.x, point.y, { button: 'right' });
      await poll(() => inBrowserWindow<boolean>(`document.getElementById('contentAreaContextMenu').state === 'open' && ${MENU_ITEM}?.hidden === false`), 5000, 'the context menu with our item');
      await inBrowserWindow(`(() => { const menu = document.getElementById('contentAreaContextMenu'); menu.activateItem(${MENU_ITEM}); })()`);
    },
    // The shortcut's own command, on the tab in front, as pressing Alt+Shift+E there runs it.
    async shortcutLookup(url) {
      await (await pageAt(url)).bringToFront();
      await inBrowserWindow(`${SHORTCUT_KEY}.doCommand()`);
    },
    async reloadExtension() {
      const old = await controlPage();
      control = undefined;
      // Firefox closes the extension's pages as it reloads it, the control page included.
      await old.evaluate('browser.runtime.reload()').catch(() => {});
      await old.close().catch(() => {});
      await poll(() => session.background<boolean>('browser.storage.local.get("glossaryTerms").then((items) => items.glossaryTerms !== undefined)').catch(() => {
        control = undefined;
        return false;
      }), 15_000, 'the reloaded extension');
    },
    async sidePanel() {
      const page = await controlPage();
      const open = await page.evaluate<boolean>("browser.extension.getViews({ type: 'sidebar' }).some((view) => view.document.readyState === 'complete')");
      return open ? sidebar : null;
    },
    async omnibox(text) {
      // BiDi hands back objects in its own serialization: a JSON string is read back as JSON.
      return JSON.parse(await chromeEvaluate<string>(`(async () => {
        gURLBar.focus();
        gURLBar.search(${JSON.stringify(`${KEYWORD} ${text}`)});
        await gURLBar.lastQueryContextPromise;
        // The heuristic row is the text as typed; the extension's suggestions carry its keyword.
        return gURLBar.view.visibleResults.filter((result) => !result.heuristic && result.payload.keyword === ${JSON.stringify(KEYWORD)})
          .map((result) => ({ content: result.payload.content.replace(/^${KEYWORD} /, ''), description: result.payload.title }));
      })().then(JSON.stringify)`)) as { content: string; description: string }[];
    },
    async omniboxEnter(text, choice, disposition = 'currentTab') {
      if (disposition !== 'currentTab') throw new Error('Firefox tests press Enter in the current tab');
      await chromeEvaluate<void>(`(async () => {
        gURLBar.focus();
        gURLBar.search(${JSON.stringify(`${KEYWORD} ${text}`)});
        await gURLBar.lastQueryContextPromise;
        const results = gURLBar.view.visibleResults;
        const ours = results.filter((result) => !result.heuristic && result.payload.keyword === ${JSON.stringify(KEYWORD)});
        gURLBar.view.selectedRowIndex = ${choice === 'typed' ? `results.findIndex((result) => result.heuristic)` : `results.indexOf(ours[${choice}])`};
        gURLBar.handleCommand();
      })()`);
    },
    async closeSidePanel() {
      await chromeEvaluate<void>('(window.SidebarController ?? window.SidebarUI).hide()');
      await poll(async () => (await session.sidePanel()) === null, 5000, 'the sidebar to close');
    },
    async pressCommand(name) {
      // The shortcut's key element, fired as a key press fires it (handling user input): what
      // Firefox does when the keys are pressed. BiDi's key input reaches pages, not the browser's keys.
      const page = await controlPage();
      const shortcut = await page.evaluate<string>(`browser.commands.getAll().then((all) => all.find((command) => command.name === ${JSON.stringify(name)})?.shortcut ?? '')`);
      if (!shortcut) throw new Error(`the command ${name} has no shortcut`);
      const parts = shortcut.split('+');
      const key = parts.pop()!;
      const modifiers = parts.map((part) => ({ Alt: 'alt', Shift: 'shift', Ctrl: 'accel', Command: 'accel', MacCtrl: 'control' })[part] ?? part.toLowerCase()).sort().join(',');
      const fired = await chromeEvaluate<boolean>(`(() => {
        const keys = [...document.querySelectorAll('keyset[id^="ext-keyset-id-"] key')];
        const match = keys.find((element) => element.getAttribute('key')?.toUpperCase() === ${JSON.stringify(key.toUpperCase())} && (element.getAttribute('modifiers') ?? '').split(',').sort().join(',') === ${JSON.stringify(modifiers)});
        if (!match) return false;
        const handle = window.windowUtils.setHandlingUserInput(true);
        try { match.doCommand(); } finally { handle.destruct(); }
        return true;
      })()`);
      if (!fired) throw new Error(`no key element for ${shortcut}`);
    },
    async close() {
      await browser.close();
    },
  };
  const sidebar = new FirefoxSidebar(controlPage);
  /** Script in the browser window itself (chrome scope; `--remote-allow-system-access`). */
  async function chromeEvaluate<T>(expression: string): Promise<T> {
    const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: Record<string, unknown> }> } }).connection;
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const context = (tree.result.contexts as { context: string; url: string }[]).find((candidate) => candidate.url === 'chrome://browser/content/browser.xhtml')?.context;
    if (!context) throw new Error('no browser window');
    const reply = await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
    const result = reply.result as { type: string; result?: { value?: T }; exceptionDetails?: { text: string } };
    if (result.type !== 'success') throw new Error(`chrome script failed: ${result.exceptionDetails?.text}`);
    return result.result?.value as T;
  }
  return session;
}
