import { describe, expect, it, vi } from 'vitest';
import { addSite, settingsBytes, sitesLeft, SYNC_ITEM_QUOTA } from '../../src/settings/adding-sites';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';

const withSites = (count: number): Settings => ({
  ...DEFAULT_SETTINGS,
  customSites: Array.from({ length: count }, (_, index) => `https://docs-${String(index).padStart(3, '0')}.example.com`),
});

/** A browser whose permission prompt answers `answer`, and settings saved with `save`. */
function adding(answer: boolean | Error, save: () => Promise<unknown> = async () => undefined, grantedBefore = false) {
  const granted = new Set<string>(grantedBefore ? ['https://docs.example.com/*'] : []);
  const permissions = {
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((origin) => granted.has(origin))),
    request: vi.fn(async ({ origins }: { origins: string[] }) => {
      if (answer instanceof Error) throw answer;
      if (answer) origins.forEach((origin) => granted.add(origin));
      return answer;
    }),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => {
      origins.forEach((origin) => granted.delete(origin));
      return true;
    }),
  };
  return { permissions, save: vi.fn<(change: (current: Settings) => Settings) => Promise<unknown>>(save), granted };
}

describe('addSite', () => {
  it('asks for the site’s permission at once, then saves it', async () => {
    const browser = adding(true);
    const outcome = addSite('*.example.com', DEFAULT_SETTINGS, browser, { portsInPatterns: true });
    // The request is made before anything is awaited: the user's click still counts.
    expect(browser.permissions.request).toHaveBeenCalledWith({ origins: ['https://*.example.com/*'] });
    expect(await outcome).toEqual({ kind: 'added', origin: 'https://*.example.com' });
    expect(browser.save).toHaveBeenCalledTimes(1);
    expect(browser.save.mock.calls[0]![0](DEFAULT_SETTINGS).customSites).toEqual(['https://*.example.com']);
  });

  it('gives the permission back when the settings cannot be saved', async () => {
    const browser = adding(true, async () => {
      throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    });
    const outcome = await addSite('docs.example.com', DEFAULT_SETTINGS, browser, { portsInPatterns: true });
    expect(outcome).toEqual({ kind: 'save-failed', origin: 'https://docs.example.com', error: 'QUOTA_BYTES_PER_ITEM quota exceeded' });
    expect(browser.permissions.remove).toHaveBeenCalledWith({ origins: ['https://docs.example.com/*'] });
    expect(browser.granted.size).toBe(0);
  });

  it('keeps a permission it did not grant itself when the save fails', async () => {
    const browser = adding(true, async () => Promise.reject(new Error('too many writes')), true);
    expect((await addSite('docs.example.com', DEFAULT_SETTINGS, browser, { portsInPatterns: true })).kind).toBe('save-failed');
    expect(browser.permissions.remove).not.toHaveBeenCalled();
  });

  it('says so when the permission is refused, or the request itself fails', async () => {
    expect(await addSite('docs.example.com', DEFAULT_SETTINGS, adding(false), { portsInPatterns: true })).toEqual({ kind: 'denied', origin: 'https://docs.example.com' });
    const failing = adding(new Error('Invalid pattern'));
    expect(await addSite('docs.example.com', DEFAULT_SETTINGS, failing, { portsInPatterns: true })).toEqual({ kind: 'request-failed', origin: 'https://docs.example.com', error: 'Invalid pattern' });
    expect(failing.save).not.toHaveBeenCalled();
  });

  it('refuses, without asking for a permission, what is not a site, a site already there, or one that does not fit', async () => {
    const browser = adding(true);
    expect(await addSite('docs*.example.com', DEFAULT_SETTINGS, browser, { portsInPatterns: true })).toEqual({ kind: 'refused', reason: 'wildcard' });
    expect(await addSite('docs-001.example.com', withSites(3), browser, { portsInPatterns: true })).toEqual({ kind: 'exists', origin: 'https://docs-001.example.com' });
    let count = 0;
    while (settingsBytes(withSites(count + 1)) <= SYNC_ITEM_QUOTA) count++;
    expect(await addSite('one-more-site.example.com', withSites(count), browser, { portsInPatterns: true })).toEqual({ kind: 'full' });
    expect(browser.permissions.request).not.toHaveBeenCalled();
  });

  it('drops a port on Firefox and says which', async () => {
    expect(await addSite('localhost:3000', DEFAULT_SETTINGS, adding(true), { portsInPatterns: false })).toEqual({ kind: 'added', origin: 'https://localhost', portDropped: '3000' });
  });
});

describe('the synced settings’ room', () => {
  it('counts bytes as storage.sync does, and how many more sites fit', () => {
    expect(settingsBytes(DEFAULT_SETTINGS)).toBe(new TextEncoder().encode(`settings${JSON.stringify(DEFAULT_SETTINGS)}`).length);
    expect(sitesLeft(DEFAULT_SETTINGS)).toBeGreaterThan(200);
    // The estimate holds: that many more sites of the same length fit, one more than that does not.
    const settings = withSites(150);
    const left = sitesLeft(settings);
    expect(settingsBytes(withSites(150 + left))).toBeLessThanOrEqual(SYNC_ITEM_QUOTA);
    expect(settingsBytes(withSites(150 + left + 2))).toBeGreaterThan(SYNC_ITEM_QUOTA);
  });
});
