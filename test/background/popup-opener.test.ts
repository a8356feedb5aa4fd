/**
 * The popup opened on a request: its address carries the request; where the browser refuses to
 * open it, a badge says it waits there; the engine loads while it opens.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import * as engine from '../../src/background/engine';
import { openPopup } from '../../src/background/popup-opener';
import { popupRequestIn } from '../../src/messaging/popup-request';

describe('opening the popup on a request', () => {
  let setPopup: ReturnType<typeof vi.fn>;
  let setBadgeText: ReturnType<typeof vi.fn>;
  beforeEach(async () => {
    // (an earlier test's engine load runs first)
    await new Promise((resolve) => setTimeout(resolve, 0));
    fakeBrowser.reset();
    setPopup = vi.fn(async () => {});
    setBadgeText = vi.fn(async () => {});
    Object.assign(fakeBrowser.action, { setPopup, setBadgeText, openPopup: vi.fn(async () => {}) });
  });
  const opened = () => popupRequestIn(new URL((setPopup.mock.lastCall![0] as { popup: string }).popup, 'chrome-extension://id/').searchParams);

  it('opens it at the request’s address', async () => {
    expect(await openPopup({ query: 'rate limiting & sidecar 热升级 #1', answerId: 'ep01-q01' })).toBe(true);
    expect(opened()).toEqual({ query: 'rate limiting & sidecar 热升级 #1', answerId: 'ep01-q01' });
    expect(setBadgeText).not.toHaveBeenCalled();
  });

  it('loads the engine once the browser is asked to open the popup (its first paint asks for the list at once)', async () => {
    const loadIndex = vi.fn();
    const getEngine = vi.spyOn(engine, 'getEngine').mockReturnValue({ loadIndex } as never);
    const asked = vi.fn(async () => expect(loadIndex).not.toHaveBeenCalled());
    fakeBrowser.action.openPopup = asked;
    await openPopup({ query: 'rate limiting' });
    expect(asked).toHaveBeenCalled();
    await vi.waitFor(() => expect(loadIndex).toHaveBeenCalledTimes(1));
    getEngine.mockRestore();
  });

  it('leaves the request in the address, with a badge, where the browser will not open the popup', async () => {
    fakeBrowser.action.openPopup = vi.fn(async () => Promise.reject(new Error('no gesture')));
    expect(await openPopup({ query: 'sidecar 热升级' })).toBe(false);
    expect(opened()).toEqual({ query: 'sidecar 热升级' });
    expect(setBadgeText).toHaveBeenCalledWith({ text: '1' });
  });
});
