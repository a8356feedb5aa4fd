/**
 * Vite plugin: the modules the popup's first paint runs, and everything they import statically,
 * in one chunk, which the other pages load too (they share most of it). Left to itself the
 * bundler split them by which pages share them: the popup asked for four scripts before it could
 * draw, and each request costs an extension page's main thread time before it paints
 * (`npm run bench -- popup`). Dynamic imports (the popup's app, its dataset and its engine) stay
 * chunks of their own.
 */
import type { Plugin } from 'vite';

/**
 * Common chunks smaller than this are copied into the chunks that import them instead: WXT's
 * script for its plugins, empty here, was a request of its own on every page.
 */
const INLINED_CHUNK_BYTES = 2048;

export function firstPaintChunk(firstPaint: RegExp, chunkName: string): Plugin {
  return {
    name: 'first-paint-chunk',
    apply: 'build',
    config(config) {
      // The content scripts and the background are built one file each: nothing to split.
      if (config.build?.lib) return undefined;
      return {
        build: {
          rollupOptions: {
            output: {
              codeSplitting: {
                experimentalInlineCommonChunks: { maxSize: INLINED_CHUNK_BYTES },
                groups: [{ name: chunkName, test: firstPaint, includeDependenciesRecursively: true }],
              },
            },
          },
        },
      };
    },
  };
}
