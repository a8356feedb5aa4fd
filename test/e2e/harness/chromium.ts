/// <reference types="chrome" />
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { cardFunction, extensionBuild, FixtureServer, LOCATE_CARD_HOST, poll, requireBinary } from './common';
import type { Session, SessionOptions, TestPage } from './session';

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
  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }
  async close(): Promise<void> {
    await this.page.close();
  }
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
