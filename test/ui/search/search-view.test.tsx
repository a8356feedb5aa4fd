// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../../src/data/load-files';
import { SearchEngine } from '../../../src/search/engine';
import type { PageState } from '../../../src/ui/search/page-context';
import { EMPTY_SEARCH, type SearchState, SearchView } from '../../../src/ui/search/SearchView';
import { useEnglishMessages } from '../english-messages';

const engine = new SearchEngine(loadDataset());

function Surface({ page, query = 'EnvoyFilter' }: { page: PageState; query?: string }) {
  const [state, setState] = useState<SearchState>({ ...EMPTY_SEARCH, query });
  return <SearchView surface="popup" engine={engine} page={page} lang="en" onLang={() => {}} state={state} onState={setState} />;
}

const combobox = (root: HTMLElement) => root.querySelector<HTMLInputElement>('input[role="combobox"]')!;
const optionIds = (root: HTMLElement) => [...root.querySelectorAll('[role="option"]')].map((option) => option.id);

describe('SearchView', () => {
  beforeAll(useEnglishMessages);
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('keeps the reader’s place when the same list is worked out again', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<Surface page={undefined} />, root));
    await vi.waitFor(() => expect(optionIds(root).length).toBeGreaterThan(2));
    const ids = optionIds(root);
    expect(combobox(root).getAttribute('aria-activedescendant')).toBe(ids[0]);
    await act(() => {
      combobox(root).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    expect(combobox(root).getAttribute('aria-activedescendant')).toBe(ids[1]);
    // The tab's page comes in while the reader is in the list: the same answers, worked out again.
    await act(() => render(<Surface page={{ unreadable: 'unknown' }} />, root));
    expect(optionIds(root)).toEqual(ids);
    expect(combobox(root).getAttribute('aria-activedescendant')).toBe(ids[1]);
  });

  it('keeps an arrow pressed as soon as a new list is drawn, before the effects after the paint', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<Surface page={undefined} query="sidecar memory" />, root));
    const before = optionIds(root);
    // The reader types: the new list is drawn (a microtask), and the arrow comes before the next frame.
    const input = combobox(root);
    input.value = 'EnvoyFilter';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Preact draws on a microtask and runs effects after the next frame: a few microtasks draw the list only.
    for (let turn = 0; turn < 5 && optionIds(root).join() === before.join(); turn++) await Promise.resolve();
    const ids = optionIds(root);
    expect(ids).not.toEqual(before);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(combobox(root).getAttribute('aria-activedescendant')).toBe(ids[1]);
  });
});
