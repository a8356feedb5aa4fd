import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, eagerCompile } from '../../src/build/eager-compile';

/** A one-file IIFE build named `name`, as WXT builds an unlisted script, with the plugin for `hinted`. */
async function built(name: string, hinted: string): Promise<string> {
  const entry = 'hint-entry.js';
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [
      eagerCompile(hinted),
      { name: 'entry', resolveId: (id) => (id.endsWith(entry) ? entry : undefined), load: (id) => (id === entry ? 'globalThis.ran = () => 1;\n' : undefined) },
    ],
    build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'hintTest', fileName: () => name } },
  });
  const [result] = Array.isArray(output) ? output : [output];
  const chunk = (result as { output: { type: string; fileName: string; code?: string }[] }).output.find((file) => file.type === 'chunk')!;
  expect(chunk.fileName).toBe(name);
  return chunk.code!;
}

describe('eagerCompile', () => {
  it('puts V8’s compile hint on the first line of the named file, after minifying', async () => {
    const code = await built('content-app.js', 'content-app.js');
    expect(code.startsWith(COMPILE_HINT)).toBe(true);
    expect(code.split(COMPILE_HINT)).toHaveLength(2);
  });

  it('leaves every other file as it is', async () => {
    expect(await built('content-loader.js', 'content-app.js')).not.toContain('allFunctionsCalledOnLoad');
  });
});
