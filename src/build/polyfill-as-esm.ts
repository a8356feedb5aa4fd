/**
 * Vite plugin: webextension-polyfill (behind `browser` from `wxt/browser`) is a UMD module, and the
 * bundler imports a CommonJS module by copying each of its export's own properties onto a new
 * object (`__toESM`). The polyfill exports the browser's own `browser` wherever there is one
 * (Firefox, and Chromium now), so every page load read the descriptor of every API on it, in every
 * script of the extension. Given as an ES module whose default export is its `module.exports`,
 * the polyfill's export is used as it is. Measured on the content script's start (EvaluateScript
 * of content.js, p50 of 20–30 loads, three paired runs): 0.4–3.0 ms less. A polyfill release of
 * another shape fails the build here.
 */
import type { Plugin } from 'vite';

const POLYFILL = /[\\/]node_modules[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill(\.min)?\.js$/;
/** The UMD wrapper's CommonJS branch, which hands the factory `module`. */
const COMMONJS_BRANCH = /typeof exports\s*!==\s*["']undefined["']\s*\)\s*\{?\s*factory\(module\)/;

export function polyfillAsEsm(): Plugin {
  return {
    name: 'polyfill-as-esm',
    enforce: 'pre',
    transform(code, id) {
      if (!POLYFILL.test(id)) return undefined;
      if (!COMMONJS_BRANCH.test(code)) throw new Error(`polyfill-as-esm: the UMD wrapper was not found in ${id}; update src/build/polyfill-as-esm.ts`);
      // `module` and `exports` are this module's own bindings: the wrapper takes its CommonJS branch.
      return { code: `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`, map: null };
    },
  };
}
