/// <reference types="chrome" />
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { cardFunction, extensionBuild, FixtureServer, LOCATE_CARD_HOST, poll, requireBinary } from './common';
import type { PanelPage, Session, SessionOptions, TestPage } from './session';

const CHROMIUM = '/usr/bin/chromium';

class ChromiumPage implements TestPage {
  private cdp: Promise<CDPSession> | undefined;
  /** The harness's isolated world in the top frame, made again after a navigation. */
  private world: { contextId: number; loaderId: string } | undefined;

  constructor(readonly page: Page) {}

  private async harnessWorld(cdp: CDPSession): Promise<number> {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string; loaderId: string } } };
    const { id, loaderId } = frameTree.frame;
    if (this.world?.loaderId !== loaderId) {
      const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: id, worldName: 'e2e-harness' });
      this.world = { contextId: executionContextId, loaderId };
    }
    return this.world.contextId;
  }

  async inCard<A, T>(fn: (root: ShadowRoot, arg: A) => T, arg: A, frame?: string): Promise<T | null> {
    this.cdp ??= this.page.context().newCDPSession(this.page);
    const cdp = await this.cdp;
    const contextId = await this.harnessWorld(cdp);
    const objectGroup = 'e2e-harness';
    const { result: host } = await cdp.send('Runtime.evaluate', { expression: `(${LOCATE_CARD_HOST})(${JSON.stringify(frame ?? null)})`, contextId, objectGroup });
    if (!host.objectId) return null;
    // DOM.describeNode with `pierce` sees closed shadow roots; the root is then resolved in our world.
    const { node } = await cdp.send('DOM.describeNode', { objectId: host.objectId, depth: 0, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const resolved = await cdp
      .send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, executionContextId: contextId, objectGroup })
      // A frame's card lives in the frame's document, outside our top-level world.
      .catch(() => cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, objectGroup }));
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: resolved.object.objectId!,
      functionDeclaration: `function (json) { return (${cardFunction(fn as never)})(this, json); }`,
      arguments: [{ value: JSON.stringify(arg ?? null) }],
      returnByValue: true,
      awaitPromise: true,
    });
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => {});
    if (exceptionDetails) throw new Error(`in the card: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return JSON.parse(result.value as string) as T;
  }

  get url(): string {
    return this.page.url();
  }
  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  evaluate<T>(fn: string | (() => T)): Promise<T> {
    return this.page.evaluate(fn as () => T);
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
    await this.page.keyboard.press(key);
  }
  async keyDown(key: string): Promise<void> {
    await this.page.keyboard.down(key);
  }
  async keyUp(key: string): Promise<void> {
    await this.page.keyboard.up(key);
  }
  async selectOption(selector: string, value: string): Promise<void> {
    await this.page.selectOption(selector, value);
  }
  async setViewport(width: number, height: number): Promise<void> {
    await this.page.setViewportSize({ width, height });
  }
  waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
    return poll(() => this.page.evaluate(fn) as Promise<T>, timeoutMs, fn.toString().slice(0, 120));
  }
  async screenshot(path: string, options: { fullPage?: boolean } = {}): Promise<void> {
    // caret: 'initial' — hiding the caret would leave style="" on the page's inputs.
    await this.page.screenshot({ path, fullPage: options.fullPage ?? false, caret: 'initial' });
  }
  async setColorScheme(scheme: 'light' | 'dark'): Promise<void> {
    await this.page.emulateMedia({ colorScheme: scheme });
  }
  async emulatePrint(on: boolean): Promise<void> {
    await this.page.emulateMedia({ media: on ? 'print' : 'screen' });
  }
  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }
  async collectGarbage(): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
  }
  async close(): Promise<void> {
    await this.page.close();
  }
}

/** Keys the panel tests press, as CDP describes them. */
const KEYS: Record<string, { key: string; code: string; keyCode: number }> = {
  Enter: { key: 'Enter', code: 'Enter', keyCode: 13 },
  Escape: { key: 'Escape', code: 'Escape', keyCode: 27 },
  Tab: { key: 'Tab', code: 'Tab', keyCode: 9 },
  Backspace: { key: 'Backspace', code: 'Backspace', keyCode: 8 },
  ArrowDown: { key: 'ArrowDown', code: 'ArrowDown', keyCode: 40 },
  ArrowUp: { key: 'ArrowUp', code: 'ArrowUp', keyCode: 38 },
  '/': { key: '/', code: 'Slash', keyCode: 191 },
};

/**
 * The side panel: a page target Playwright does not list (it is no tab), driven over CDP through
 * the browser's session (`Target.sendMessageToTarget`): real mouse and keyboard input, screenshots.
 */
class ChromiumPanelPage implements PanelPage {
  readonly trustedInput = true;
  private sequence = 0;
  private readonly pending = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();

  private constructor(private readonly cdp: CDPSession, private readonly sessionId: string, errors: string[]) {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; method?: string; params?: Record<string, unknown> };
      if (message.id !== undefined) {
        this.pending.get(message.id)?.(message as never);
        this.pending.delete(message.id);
      } else if (message.method === 'Runtime.exceptionThrown') {
        errors.push(`side panel error: ${JSON.stringify((message.params as { exceptionDetails?: { exception?: { description?: string } } }).exceptionDetails?.exception?.description)}`);
      } else if (message.method === 'Runtime.consoleAPICalled' && message.params?.type === 'error') {
        errors.push(`side panel console: ${JSON.stringify(message.params.args)}`);
      }
    });
  }

  static async attach(cdp: CDPSession, targetId: string, errors: string[]): Promise<ChromiumPanelPage> {
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
    const panel = new ChromiumPanelPage(cdp, sessionId, errors);
    await panel.send('Runtime.enable');
    await panel.send('Page.enable');
    return panel;
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.sequence;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, (reply) => (reply.error ? reject(new Error(`${method}: ${reply.error.message}`)) : resolve(reply.result as T)));
      void this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) } as never).catch(reject);
    });
  }

  private async run<T>(expression: string): Promise<T> {
    const reply = await this.send<{ result: { value?: T }; exceptionDetails?: { exception?: { description?: string }; text: string } }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
      userGesture: true,
    });
    if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
    return reply.result.value as T;
  }

  evaluate<T>(fn: string | (() => T)): Promise<T> {
    return this.run<T>(typeof fn === 'string' ? fn : `(${fn.toString()})()`);
  }
  evaluateWith<A, T>(fn: (arg: A) => T, arg: A): Promise<T> {
    return this.run<T>(`(${fn.toString()})(${JSON.stringify(arg)})`);
  }
  waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
    return poll(() => this.evaluate(fn) as Promise<T>, timeoutMs, `side panel: ${fn.toString().slice(0, 120)}`);
  }
  /** Waits for `selector` as Playwright's click does: the panel re-renders when the tab it follows changes. */
  async click(selector: string): Promise<void> {
    const point = (await poll(() => this.evaluateWith((selector) => {
      const element = document.querySelector(selector);
      if (!element) return null;
      element.scrollIntoView({ block: 'nearest' });
      const rect = element.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }, selector), 5000, `${selector} in the side panel`))!;
    for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased']) {
      await this.send('Input.dispatchMouseEvent', { type, x: point.x, y: point.y, button: 'left', clickCount: type === 'mouseMoved' ? 0 : 1 });
    }
  }
  async type(text: string): Promise<void> {
    for (const char of text) {
      await this.send('Input.dispatchKeyEvent', { type: 'keyDown', key: char, text: char, unmodifiedText: char });
      await this.send('Input.dispatchKeyEvent', { type: 'keyUp', key: char });
    }
  }
  async press(name: string): Promise<void> {
    const key = KEYS[name];
    if (!key) throw new Error(`no key ${name} in the panel's key map`);
    const text = name === 'Enter' ? '\r' : name === '/' ? '/' : undefined;
    await this.send('Input.dispatchKeyEvent', { type: text ? 'keyDown' : 'rawKeyDown', key: key.key, code: key.code, windowsVirtualKeyCode: key.keyCode, ...(text ? { text } : {}) });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', key: key.key, code: key.code, windowsVirtualKeyCode: key.keyCode });
  }
  async capture(): Promise<string> {
    return (await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png' })).data;
  }
  async screenshot(path: string): Promise<void> {
    writeFileSync(path, Buffer.from(await this.capture(), 'base64'));
  }
  async setColorScheme(scheme: 'light' | 'dark'): Promise<void> {
    await this.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
  }
}

/** The Playwright page behind a Chromium test page (the benches read its DevTools protocol). */
export function playwrightPage(page: TestPage): Page | undefined {
  return page instanceof ChromiumPage ? page.page : undefined;
}

export async function launchChromium(options: SessionOptions = {}): Promise<Session> {
  const extension = options.extensionDir ?? extensionBuild('chrome-mv3');
  const fixtures = new FixtureServer();
  fixtures.add(options.fixtures ?? []);
  const errors: string[] = [];
  const context: BrowserContext = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-')), {
    executablePath: requireBinary(CHROMIUM, 'chromium'),
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Lets the tests click the toolbar button through CDP (Extensions.triggerAction).
      '--enable-unsafe-extension-debugging',
      ...(options.locale ? [`--lang=${options.locale}`] : []),
    ],
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    viewport: { width: 1280, height: 860 },
  });
  context.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  context.on('weberror', (error) => errors.push(`page error: ${error.error().message}`));
  await context.route(/^https?:\/\//, async (route) => {
    const html = fixtures.serve(route.request().url());
    if (html === undefined) await route.abort('blockedbyclient');
    else await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });

  let worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  const blank = context.pages()[0];
  let cdpSession: CDPSession | undefined;
  const browserSession = async () => (cdpSession ??= await context.browser()!.newBrowserCDPSession());
  const panels = new Map<string, ChromiumPanelPage>();

  const session: Session = {
    browserName: 'chromium',
    extensionOrigin,
    unexpectedRequests: fixtures.unexpected,
    errors,
    addFixtures: (more) => fixtures.add(more),
    async openPage(url) {
      const page = new ChromiumPage(await context.newPage());
      await page.goto(url);
      return page;
    },
    async openExtensionPage(path) {
      const page = new ChromiumPage(await context.newPage());
      await page.goto(`${extensionOrigin}/${path}`);
      return page;
    },
    background<T>(fn: string): Promise<T> {
      return worker.evaluate(fn) as Promise<T>;
    },
    async tabIdOf(url) {
      return poll(
        () => worker.evaluate(`chrome.tabs.query({}).then((tabs) => tabs.find((tab) => tab.url === ${JSON.stringify(url)})?.id)`) as Promise<number>,
        5000,
        `a tab at ${url}`,
      );
    },
    async contextMenuLookup(url, selectionText, frameId = 0) {
      const tabId = await session.tabIdOf(url);
      await worker.evaluate(
        ({ tabId, selectionText, frameId }) =>
          chrome.tabs.get(tabId).then((tab) =>
            (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(
              { menuItemId: 'ask-istio-experts', selectionText, frameId, editable: false, pageUrl: tab.url },
              tab,
            ),
          ),
        { tabId, selectionText, frameId },
      );
    },
    async shortcutLookup(url) {
      const tabId = await session.tabIdOf(url);
      await worker.evaluate(
        (tabId) => chrome.tabs.get(tabId).then((tab) => (chrome.commands.onCommand as unknown as { dispatch(...args: unknown[]): void }).dispatch('lookup-selection', tab)),
        tabId,
      );
    },
    async omnibox(text) {
      return worker.evaluate(async (text) => {
        const suggestions = await new Promise<{ content: string; description: string }[]>((resolve) =>
          (chrome.omnibox.onInputChanged as unknown as { dispatch(text: string, suggest: (found: unknown) => void): void }).dispatch(text, (found) => resolve(found as never)),
        );
        // Chromium's parser has the last word on the markup (it refuses a malformed description).
        for (const { description } of suggestions) await chrome.omnibox.setDefaultSuggestion({ description });
        return suggestions;
      }, text);
    },
    async omniboxEnter(text, choice, disposition = 'currentTab') {
      const content = choice === 'typed' ? text : (await session.omnibox(text))[choice]?.content;
      if (content === undefined) throw new Error(`no suggestion ${choice} for ${text}`);
      await worker.evaluate(({ content, disposition }) => (chrome.omnibox.onInputEntered as unknown as { dispatch(...args: unknown[]): void }).dispatch(content, disposition), { content, disposition });
    },
    async setClipboardAccess(origin, allowed) {
      const cdp = await browserSession();
      await cdp.send('Browser.setPermission', { permission: { name: 'clipboard-write' }, setting: allowed ? 'granted' : 'denied', origin } as never);
    },
    async sidePanel() {
      const cdp = await browserSession();
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string; type: string }[] };
      const target = targetInfos.find((info) => info.type === 'page' && info.url.startsWith(`${extensionOrigin}/sidepanel.html`));
      if (!target) return null;
      let panel = panels.get(target.targetId);
      if (!panel) {
        panel = await ChromiumPanelPage.attach(cdp, target.targetId, errors);
        panels.set(target.targetId, panel);
      }
      return panel;
    },
    async closeSidePanel() {
      await worker.evaluate('chrome.windows.getLastFocused().then((window) => chrome.sidePanel.close({ windowId: window.id })).catch(() => {})');
      await poll(async () => (await session.sidePanel()) === null, 5000, 'the side panel to close');
    },
    async screenshotBesidePanel(tab, path) {
      const panel = await session.sidePanel();
      if (!panel) throw new Error('no side panel is open');
      const size = await panel.evaluate(() => ({ width: innerWidth, height: innerHeight }));
      // The tab's own metrics, not its window's: resizing the window would resize the panel too.
      const page = (tab as ChromiumPage).page;
      const cdp = await context.newCDPSession(page);
      const width = 1280 - size.width;
      await cdp.send('Emulation.setDeviceMetricsOverride', { width, height: size.height, deviceScaleFactor: 1, mobile: false });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const left = ((await cdp.send('Page.captureScreenshot', { format: 'png' })) as { data: string }).data;
      const right = await (panel as ChromiumPanelPage).capture();
      await cdp.send('Emulation.clearDeviceMetricsOverride');
      await cdp.detach();
      // Composed in a tab of the same size as the others (a new viewport size would resize the window).
      const composer = await context.newPage();
      await composer.setContent(`<body style="margin:0"><img src="data:image/png;base64,${left}" width="${width}" height="${size.height}"><img src="data:image/png;base64,${right}" width="${size.width}" height="${size.height}" style="position:absolute;left:${width}px;top:0;box-shadow:-1px 0 #d1d9e0"></body>`);
      await composer.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
      await composer.screenshot({ path, clip: { x: 0, y: 0, width: width + size.width, height: size.height } });
      await composer.close();
    },
    async nextPage() {
      return new ChromiumPage(await context.waitForEvent('page'));
    },
    async clickToolbarButton(url) {
      const cdp = await context.browser()!.newBrowserCDPSession();
      const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as { targetInfos: { type: string; url: string; targetId: string }[] };
      const tab = targetInfos.find((target) => target.type === 'tab' && target.url === url);
      if (!tab) throw new Error(`no tab at ${url}`);
      await cdp.send('Extensions.triggerAction' as never, { id: new URL(extensionOrigin).host, targetId: tab.targetId } as never);
      await cdp.detach();
    },
    async reloadExtension() {
      const next = context.waitForEvent('serviceworker', { predicate: (started) => started !== worker && started.url().startsWith(extensionOrigin), timeout: 15_000 });
      // Loading the same unpacked directory again is how Chromium updates it (same id, onInstalled 'update').
      const cdp = await context.browser()!.newBrowserCDPSession();
      await cdp.send('Extensions.loadUnpacked' as never, { path: extension } as never);
      await cdp.detach();
      worker = await next;
    },
    async close() {
      await blank?.close().catch(() => {});
      await context.close();
    },
  };
  return session;
}
