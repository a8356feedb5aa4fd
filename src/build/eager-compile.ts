/**
 * Vite plugin: V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, the file's first line)
 * on the content script's app. Chromium imports the app as a module, streamed and parsed on a
 * background thread; with the hint, its functions are compiled there too, instead of one by one
 * on the page's main thread as the app first calls them. Our script's main-thread time on a
 * 20-comment issue fell by 2.6–5.8 ms in six readings (`npm run bench -- page-cost`,
 * docs/performance-log.md). On the classic content script it cost more (the compiling was on the main
 * thread), so only the module gets it; Firefox ignores the comment.
 */
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

export function eagerCompile(fileName: string): Plugin {
  return {
    name: 'eager-compile',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunk = bundle[fileName];
      if (chunk?.type === 'chunk') chunk.code = COMPILE_HINT + chunk.code;
    },
  };
}
