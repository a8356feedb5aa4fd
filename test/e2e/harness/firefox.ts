import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Frame, type KeyInput, type Page } from 'puppeteer-core';
import { cardFunction, extensionBuild, FixtureServer, LOCATE_CARD_HOST, poll, requireBinary } from './common';
import type { Session, SessionOptions, TestPage } from './session';

const FIREFOX = '/usr/bin/firefox-esr';
/** The gecko id in wxt.config.ts, and the internal UUID we pin so extension URLs are known. */
const GECKO_ID = 'istio-expert-answers@istio-big-talk.example';
const EXTENSION_UUID = '6c1b2c36-9b0e-4c55-a1b6-0e4f3cbb7a11';

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
  async setColorScheme(scheme: 'light' | 'dark'): Promise<void> {
    await this.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  }
  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }
  async close(): Promise<void> {
    await this.page.close();
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
      await page.goto(url);
      return page;
    },
    async openExtensionPage(path) {
      const page = await FirefoxPage.open(browser, fixtures, errors, false);
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
    async close() {
      await browser.close();
    },
  };
  return session;
}
