/**
 * What the popup and the side panel read back from storage is checked like a message: a content
 * script can write `storage.local`, so a damaged value must neither break a surface nor be saved
 * again.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { clearPopupRequest, popupPageFor, popupRequestIn } from '../../../src/messaging/popup-request';
import { takePanelRequest } from '../../../src/messaging/side-panel';
import { MAX_LOOKUP_CHARS, MAX_QUERY_CHARS } from '../../../src/messaging/validate';
import { MAX_RECENT, readLastQuery, readRecentSearches, validRecentSearches, withRecent } from '../../../src/ui/search/history';

describe('stored recent searches', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads a corrupt value as an empty list, and replaces it in storage', async () => {
    await fakeBrowser.storage.local.set({ recentSearches: 'corrupt' });
    expect(await readRecentSearches()).toEqual([]);
    expect((await fakeBrowser.storage.local.get('recentSearches')).recentSearches).toEqual([]);
  });

  it('keeps the strings of a mixed list, each once, and at most the list’s length', async () => {
    await fakeBrowser.storage.local.set({ recentSearches: ['sidecar', 7, null, { q: 'x' }, 'Sidecar', ' rate  limit ', 'x'.repeat(5000)] });
    expect(await readRecentSearches()).toEqual(['sidecar', 'rate limit']);
  });

  it('cuts 10,000 stored searches to the few a surface shows', async () => {
    await fakeBrowser.storage.local.set({ recentSearches: Array.from({ length: 10_000 }, (_, i) => `query ${i}`) });
    const recent = await readRecentSearches();
    expect(recent).toHaveLength(MAX_RECENT);
    expect(recent[0]).toBe('query 0');
    expect((await fakeBrowser.storage.local.get('recentSearches')).recentSearches).toEqual(recent);
  });

  it('leaves a valid list as it is', async () => {
    const valid = withRecent(withRecent([], 'keepalive'), 'sidecar memory');
    expect(validRecentSearches(valid)).toEqual(valid);
  });
});

describe('the stored last query', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads a value that is not text as no query, and never saves it again', async () => {
    for (const bad of [42, { query: 'x' }, ['sidecar'], true]) {
      await fakeBrowser.storage.local.set({ lastQuery: bad });
      expect(await readLastQuery()).toBe('');
      expect((await fakeBrowser.storage.local.get('lastQuery')).lastQuery).toBe('');
    }
  });

  it('cuts a huge query to a search box’s worth', async () => {
    await fakeBrowser.storage.local.set({ lastQuery: 'sidecar '.repeat(100_000) });
    expect((await readLastQuery()).length).toBe(MAX_QUERY_CHARS);
  });
});

describe('a stored popup or panel request', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads a popup request from the popup’s address, checked like a message', () => {
    const request = (search: string) => popupRequestIn(new URLSearchParams(search));
    expect(request(new URL(popupPageFor({ query: 'sidecar 热升级 (.*+?)&answer=x#', answerId: 'ep08-q01' }), 'chrome-extension://id/').search)).toEqual({ query: 'sidecar 热升级 (.*+?)&answer=x#', answerId: 'ep08-q01' });
    expect(request('q=keepalive')).toEqual({ query: 'keepalive' });
    expect(request('')).toBeNull();
    expect(request('q=')).toEqual({ query: '' });
    expect(request('tab=3')).toBeNull();
    expect(request('q=keepalive&answer=<script>')).toBeNull();
    expect(request(`q=${'x'.repeat(MAX_LOOKUP_CHARS + 1)}`)?.query.length ?? 0).toBeLessThanOrEqual(MAX_LOOKUP_CHARS);
  });

  it('sets the plain popup back, and clears the badge, once a request is shown', async () => {
    const setPopup = vi.fn(async () => {});
    const setBadgeText = vi.fn(async () => {});
    Object.assign(fakeBrowser.action, { setPopup, setBadgeText });
    await clearPopupRequest();
    expect(setPopup).toHaveBeenLastCalledWith({ popup: 'popup.html' });
    expect(setBadgeText).toHaveBeenLastCalledWith({ text: '' });
  });

  it('drops a malformed panel request', async () => {
    await fakeBrowser.storage.session.set({ 'panelRequest.3': { query: ['x'], at: Date.now() } });
    expect(await takePanelRequest(3)).toBeNull();
    await fakeBrowser.storage.session.set({ 'panelRequest.3': 'corrupt' });
    expect(await takePanelRequest(3)).toBeNull();
    await fakeBrowser.storage.session.set({ 'panelRequest.3': { query: 'keepalive', at: Date.now() } });
    expect(await takePanelRequest(3)).toMatchObject({ query: 'keepalive' });
  });
});
