/**
 * Vite plugin: Preact's one `innerHTML = value` (its `dangerouslySetInnerHTML` prop, which this
 * extension never uses) becomes an error, so no code in the extension writes HTML from a value
 * and the Firefox add-on linter has nothing to warn about. A Preact release that changes the code
 * fails the build here rather than shipping the assignment unnoticed.
 */
import type { Plugin } from 'vite';

const PREACT_RUNTIME = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(mjs|module\.js)$/;
/** `(u.innerHTML=h.__html)` in Preact's minified diff. */
const HTML_ASSIGNMENT = /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g;
const REFUSAL = '(()=>{throw new Error("dangerouslySetInnerHTML is not supported")})()';

export function noInnerHtml(): Plugin {
  return {
    name: 'no-inner-html',
    transform(code, id) {
      if (!PREACT_RUNTIME.test(id)) return undefined;
      const replaced = code.replace(HTML_ASSIGNMENT, REFUSAL);
      if (replaced === code) throw new Error(`no-inner-html: Preact's innerHTML assignment not found in ${id}; update src/build/no-inner-html.ts`);
      return { code: replaced, map: null };
    },
  };
}
