import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noInnerHtml } from '../../src/build/no-inner-html';

type Transform = (code: string, id: string) => { code: string } | undefined;
const transform = noInnerHtml().transform as unknown as Transform;
const preactDist = join(createRequire(import.meta.url).resolve('preact/package.json'), '../dist');

describe('noInnerHtml', () => {
  it.each(['preact.module.js', 'preact.mjs'])('turns Preact’s innerHTML assignment in %s into an error', (file) => {
    const id = join(preactDist, file);
    const code = readFileSync(id, 'utf8');
    expect(code).toMatch(/\.innerHTML=[\w$]+\.__html/);
    const result = transform(code, id)!;
    expect(result.code).not.toMatch(/\.innerHTML=[\w$]+\.__html/);
    expect(result.code).toContain('dangerouslySetInnerHTML is not supported');
  });

  it('leaves other modules alone and fails the build when Preact’s code has changed', () => {
    expect(transform('el.innerHTML=x.__html', '/work/src/ui/popup/App.tsx')).toBeUndefined();
    expect(() => transform('el.setHTML(x)', '/work/node_modules/preact/dist/preact.mjs')).toThrow(/not found/);
  });
});
