// @vitest-environment happy-dom
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadDataset } from '../../../src/data/load-files';
import { popupPageFor } from '../../../src/messaging/popup-request';
import { backgroundMessaging } from '../../../src/messaging/protocol';
import { listHits, listItems } from '../../../src/search/cards';
import { SearchEngine } from '../../../src/search/engine';
import { shownHits } from '../../../src/search/list';
import { keepList, readKept, startFirstPaint } from '../../../src/ui/popup/first-paint';
import type { Opening } from '../../../src/ui/popup/opening';
import { searchResults } from '../../../src/ui/search/results';
import { useEnglishMessages } from '../english-messages';

const engine = new SearchEngine(loadDataset());
const KEPT_KEY = 'istio-experts:popup-first-paint';

function keep(query: string, complete = true) {
  const { items, total } = searchResults(engine, query, 'en');
  keepList({ query, lang: 'en', total, items, complete });
  return { items, total };
}

const never = new Promise<Opening>(() => {});
const root = () => {
  document.body.replaceChildren();
  const element = document.createElement('div');
  document.body.append(element);
  return element;
};
const hasList = (element: HTMLElement) => element.querySelector('[role=option]') !== null;
const optionIds = (element: HTMLElement) => [...element.querySelectorAll('[role=option]')].map((option) => option.id);

describe('the popup’s first paint', () => {
  beforeAll(() => {
    useEnglishMessages();
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
  });
  beforeEach(() => {
    localStorage.clear();
    vi.restoreAllMocks();
    // No background here unless a test gives one: asked, it answers nothing.
    vi.spyOn(backgroundMessaging, 'sendMessage').mockResolvedValue(undefined as never);
  });

  it('draws the list kept for the last query at once, before the opening is read, in the order the app lists it', async () => {
    const { items } = keep('rate limiting');
    const element = root();
    const firstPaint = startFirstPaint(element, new URLSearchParams(), never);
    expect(hasList(element)).toBe(true);
    // Painted, so the app may load: at once, with the kept list.
    await firstPaint.painted;
    expect(element.querySelector('input')!.value).toBe('rate limiting');
    expect(optionIds(element)).toEqual(items.slice(0, optionIds(element).length).map((item) => `results-${item.summary.id}`));
    expect(element.querySelector('.count')!.textContent).toMatch(/close match/);
    expect(element.querySelector('main')!.getAttribute('aria-busy')).toBe('true');
  });

  it('draws the search box alone for an address query it kept no list for, once the background gave none, and for a list that was not whole', async () => {
    keep('rate limiting');
    const other = root();
    startFirstPaint(other, new URLSearchParams('q=sidecar memory'), never);
    // Nothing is drawn until the background's answer is in: then the search box and its list in one frame.
    expect(other.querySelector('input')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hasList(other)).toBe(false);
    expect(other.querySelector('input')!.value).toBe('sidecar memory');
    expect(other.querySelector('[role=option]')).toBeNull();

    // A decoded log line or docs above the list: the first paint would draw only part of it.
    keep('rate limiting', false);
    const partial = root();
    startFirstPaint(partial, new URLSearchParams(), never);
    expect(hasList(partial)).toBe(false);
    expect(partial.querySelector('input')!.value).toBe('rate limiting');
  });

  it('opens on the request in its address (a lookup), with the list kept for it, or none of the last query’s', async () => {
    const address = (request: Opening) => new URLSearchParams(new URL(popupPageFor(request), 'chrome-extension://id/').search);
    keep('rate limiting');
    const kept = root();
    const keptPaint = startFirstPaint(kept, address({ query: 'rate limiting', answerId: 'ep01-q01' }), never);
    expect(kept.querySelector('input')!.value).toBe('rate limiting');
    expect(hasList(kept)).toBe(true);
    expect(keptPaint.handOver()).toMatchObject({ query: 'rate limiting', answerId: 'ep01-q01' });
    vi.spyOn(backgroundMessaging, 'sendMessage').mockImplementation((async () => undefined) as never);
    const other = root();
    await startFirstPaint(other, address({ query: 'sidecar 热升级' }), never).painted;
    expect(other.querySelector('input')!.value).toBe('sidecar 热升级');
    expect(hasList(other)).toBe(false);
  });

  it('asks the background for a query it kept nothing for, and draws its list if it is whole', async () => {
    const answer = (query: string) => {
      const hits = listHits(engine, query);
      const { shown, total } = shownHits(hits);
      return { total, items: listItems(engine, shown, 'en'), complete: total > 0, hits };
    };
    const ask = vi.spyOn(backgroundMessaging, 'sendMessage').mockImplementation((async (_: string, request: { query: string }) => answer(request.query)) as never);
    const element = root();
    const firstPaint = startFirstPaint(element, new URLSearchParams('q=lazy xds'), never);
    expect(ask).toHaveBeenCalledWith('listResults', { query: 'lazy xds', lang: 'en' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The app lists from the same hits, without asking again.
    expect(firstPaint.answered()).toEqual({ query: 'lazy xds', hits: answer('lazy xds').hits });
    const expected = answer('lazy xds').items.slice(0, 3).map((item) => `results-${item.summary.id}`);
    expect(optionIds(element).slice(0, 3)).toEqual(expected);

    // Not whole (no close match: docs would come first), or the reader typed meanwhile: nothing drawn.
    ask.mockImplementation((async () => ({ ...answer('lazy xds'), complete: false })) as never);
    const partial = root();
    startFirstPaint(partial, new URLSearchParams('q=lazy xds'), never);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(partial.querySelector('[role=option]')).toBeNull();
    // A background that answers late: the search box alone at 80 ms, and the late list is not drawn.
    let late!: (list: unknown) => void;
    ask.mockImplementation((() => new Promise((resolve) => (late = resolve))) as never);
    const slow = root();
    const slowPaint = startFirstPaint(slow, new URLSearchParams('q=lazy xds'), never);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(slow.querySelector('input')).toBeNull();
    await slowPaint.painted;
    expect(slow.querySelector('input')!.value).toBe('lazy xds');
    late(answer('lazy xds'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(slow.querySelector('[role=option]')).toBeNull();
  });

  it('is drawn again on the opening if a request was waiting, unless the reader has begun typing', async () => {
    keep('rate limiting');
    const element = root();
    let open!: (opening: Opening) => void;
    startFirstPaint(element, new URLSearchParams(), new Promise((resolve) => (open = resolve)));
    open({ query: 'lazy xds', answerId: 'ep01-q01' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(element.querySelector('input')!.value).toBe('lazy xds');
    expect(element.querySelector('[role=option]')).toBeNull();
  });

  it('hands over what the reader typed, switched and opened, with the focus and selection in the search box', async () => {
    keep('rate limiting');
    const element = root();
    const firstPaint = startFirstPaint(element, new URLSearchParams(), Promise.resolve({ query: 'rate limiting' }));
    const first = element.querySelector('[role=option]') as HTMLElement;
    first.click();
    // Switched before the click was drawn: both go over.
    (element.querySelector('.lang-switch button') as HTMLElement).click();
    expect(firstPaint.handOver()).toMatchObject({ query: 'rate limiting', answerId: first.id.replace('results-', ''), lang: 'zh' });
    await Promise.resolve();
    const input = element.querySelector('input')!;
    input.focus();
    input.value = 'rate limit';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
    input.setSelectionRange(2, 4);
    const handover = firstPaint.handOver();
    expect(handover).toMatchObject({ query: 'rate limit', lang: 'zh', answerId: undefined, focus: { start: 2, end: 4 } });
  });

  it('takes Enter (the first result opens) and Escape (the answer, then the query, then the popup) as the app does', async () => {
    keep('rate limiting');
    const element = root();
    const firstPaint = startFirstPaint(element, new URLSearchParams(), Promise.resolve({ query: 'rate limiting' }));
    const first = element.querySelector('[role=option]') as HTMLElement;
    const input = element.querySelector('input')!;
    const press = async (key: string) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      input.dispatchEvent(event);
      await Promise.resolve();
      return event.defaultPrevented;
    };
    expect(await press('Enter')).toBe(true);
    expect(firstPaint.handOver()).toMatchObject({ query: 'rate limiting', answerId: first.id.replace('results-', '') });
    expect(await press('ArrowDown')).toBe(false);
    expect(await press('Escape')).toBe(true);
    expect(firstPaint.handOver()).toMatchObject({ query: 'rate limiting', answerId: undefined });
    await press('Escape');
    expect(firstPaint.handOver()).toMatchObject({ query: '', answerId: undefined });
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    await press('Escape');
    expect(close).toHaveBeenCalledOnce();
  });

  it('ignores a kept list that is malformed, too long or from another shape of summary, and draws the search box', () => {
    const bad = [
      '{',
      JSON.stringify({ query: 7, lang: 'en', total: 1, items: [] }),
      JSON.stringify({ query: 'x', lang: 'en', total: 1, items: [{ summary: { id: 'ep01-q01' } }] }),
      JSON.stringify({ query: 'x', lang: 'en', total: 1, items: Array.from({ length: 31 }, () => ({})) }),
      JSON.stringify({ query: 'x'.repeat(301), lang: 'en', total: 0, items: [] }),
    ];
    for (const value of bad) {
      localStorage.setItem(KEPT_KEY, value);
      expect(readKept()).toBeUndefined();
      const element = root();
      startFirstPaint(element, new URLSearchParams(), never);
    expect(hasList(element)).toBe(false);
      expect(element.querySelector('input')).not.toBeNull();
    }
  });

  it('keeps the query even where it keeps no list, so the next first paint opens on it', () => {
    keep('rate limiting');
    keepList({ query: '', lang: 'en', total: 0, items: [], complete: false });
    expect(readKept()).toMatchObject({ query: '', items: [] });
  });
});
