// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SurfaceBoundary } from '../../src/ui/SurfaceBoundary';
import { useEnglishMessages } from './english-messages';

function Broken(): never {
  // What a damaged stored value did to the popup before it was checked on read.
  (('corrupt' as unknown) as string[]).map(String);
  throw new Error('unreachable');
}

describe('a surface’s error boundary', () => {
  beforeAll(useEnglishMessages);
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  it('shows a plain message and a search that still works when the view throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <SurfaceBoundary>
        <Broken />
      </SurfaceBoundary>,
      root,
    );
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/went wrong/));
    const form = root.querySelector('form')!;
    expect(form.getAttribute('action')).toBe('/answers.html');
    expect(form.querySelector('input[name="q"]')).not.toBeNull();
    expect(root.querySelector('[aria-busy="true"]')).toBeNull();
  });

  it('renders the view itself when nothing throws', () => {
    const root = document.createElement('div');
    render(
      <SurfaceBoundary>
        <p id="view">answers</p>
      </SurfaceBoundary>,
      root,
    );
    expect(root.querySelector('#view')).not.toBeNull();
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });
});
