import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Fixture } from './session';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const ARTIFACTS = resolve(ROOT, 'test/e2e/artifacts');

/** The production build the user loads; the tests never build their own variant. */
export function extensionBuild(target: 'chrome-mv3' | 'firefox-mv3'): string {
  const dir = resolve(ROOT, '.output', target);
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No production build in ${dir}: run \`npm run build\` first.`);
  }
  return dir;
}

export function requireBinary(path: string, debianPackage: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: install the Debian package \`${debianPackage}\` (apt-get install ${debianPackage}).`);
  return path;
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return resolve(ARTIFACTS, name);
}

/** Fixture pages by URL (without the fragment), shared by the routing of both browsers. */
export class FixtureServer {
  private readonly pages = new Map<string, string>();
  readonly unexpected: string[] = [];

  add(fixtures: readonly Fixture[]): void {
    for (const fixture of fixtures) this.pages.set(FixtureServer.key(fixture.url), fixture.html);
  }

  /** The HTML to serve, or undefined after recording the request as unexpected. */
  serve(url: string): string | undefined {
    const html = this.pages.get(FixtureServer.key(url));
    if (html === undefined && !url.startsWith('data:') && !url.endsWith('/favicon.ico')) this.unexpected.push(url);
    return html;
  }

  private static key(url: string): string {
    return url.split('#')[0]!;
  }
}

/** The first truthy value `read` gives, read every 50 ms until `timeoutMs` (then an error saying what was awaited). */
export async function poll<T>(read: () => Promise<T>, timeoutMs: number, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await read();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((resolveTimer) => setTimeout(resolveTimer, 50));
  }
}

/** The attribute of the card's host (src/page/selectors.ts), as the harness finds it. */
export const CARD_HOST = '[data-istio-experts-card]';

/**
 * Finds the card's host in the page (or in the same-origin iframe `frame` selects): run in the
 * harness's own world, so it is a function of the page's DOM only.
 */
export const LOCATE_CARD_HOST = `(frame) => {
  const doc = frame ? document.querySelector(frame)?.contentDocument : document;
  return doc?.documentElement?.querySelector(':scope > ${CARD_HOST}') ?? null;
}`;

/** `fn(root, arg)` as a function of the root and the argument's JSON, giving the result's JSON. */
export function cardFunction(fn: (root: ShadowRoot, arg: never) => unknown): string {
  return `async function (root, json) { const result = await (${fn.toString()})(root, JSON.parse(json)); return JSON.stringify(result === undefined ? null : result); }`;
}
