import { runInNewContext } from 'node:vm';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { polyfillAsEsm } from '../../src/build/polyfill-as-esm';

type Transform = (code: string, id: string) => { code: string } | undefined;
const transform = polyfillAsEsm().transform as unknown as Transform;

/** A bundle of `import browser from 'webextension-polyfill'`, made as the extension's build makes it (with or without the plugin). */
async function bundle(withPlugin: boolean): Promise<string> {
  const entry = 'polyfill-entry.js';
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [
      ...(withPlugin ? [polyfillAsEsm()] : []),
      { name: 'entry', resolveId: (id) => (id.endsWith(entry) ? entry : undefined), load: (id) => (id === entry ? "import browser from 'webextension-polyfill';\nglobalThis.imported = browser;\n" : undefined) },
    ],
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: 'polyfillTest' } },
  });
  const chunks = (Array.isArray(output) ? output[0]! : output) as { output: { code?: string }[] };
  return chunks.output[0]!.code!;
}

/** Runs a bundle where the browser has its own `browser` (Firefox, Chromium now); returns what it imported and how many API descriptors were read. */
function run(code: string): { sameObject: boolean; descriptorsRead: number } {
  let descriptorsRead = 0;
  const apis = Object.fromEntries(['app', 'runtime', 'storage', 'i18n', 'tabs', 'scripting', 'contextMenus'].map((name) => [name, { id: name === 'runtime' ? 'extension-id' : undefined }]));
  const browser = new Proxy(apis, {
    getOwnPropertyDescriptor(target, key) {
      descriptorsRead++;
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
  const context: Record<string, unknown> = { browser, chrome: { runtime: { id: 'extension-id' } } };
  context.globalThis = context;
  runInNewContext(code, context);
  return { sameObject: context.imported === browser, descriptorsRead };
}

describe('polyfillAsEsm', () => {
  it('imports the polyfill’s export as it is, without copying every API onto another object', async () => {
    const withPlugin = await bundle(true);
    expect(withPlugin).not.toContain('__copyProps');
    expect(run(withPlugin)).toEqual({ sameObject: true, descriptorsRead: 0 });
    // Without it, the bundler's CommonJS import read the descriptor of every API the browser has.
    const without = await bundle(false);
    expect(without).toContain('__copyProps');
    expect(run(without).descriptorsRead).toBeGreaterThanOrEqual(7);
  });

  it('leaves other modules alone and fails the build when the polyfill’s wrapper has changed', () => {
    expect(transform('module.exports = 1', '/work/node_modules/other/index.js')).toBeUndefined();
    expect(() => transform('export default globalThis.browser;', '/work/node_modules/webextension-polyfill/dist/browser-polyfill.js')).toThrow(/not found/);
  });
});
