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

  /** A message in @webext-core/messaging's wire format, from an extension page to the background. */
  const sendToBackground = async (type: string, data: unknown): Promise<void> => {
    const page = await controlPage();
    const reply = await page.evaluateWith(
      ({ type, data }) => (globalThis as unknown as { browser: { runtime: { sendMessage(message: unknown): Promise<{ err?: unknown }> } } }).browser.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }),
      { type, data },
    );
    if (reply?.err) throw new Error(`background ${type} failed: ${JSON.stringify(reply.err)}`);
  };

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
    // As the menu's click does, the lookup names the frame it was made in (the top one unless
    // told); without a frame the background would guess it, as it does for the shortcut.
    async contextMenuLookup(url, selectionText, frameId = 0) {
      await sendToBackground('lookupSelection', { tabId: await session.tabIdOf(url), text: selectionText, frameId });
    },
    async shortcutLookup(url) {
      await sendToBackground('lookupSelection', { tabId: await session.tabIdOf(url) });
    },
    async close() {
      await browser.close();
    },
  };
  return session;
}
