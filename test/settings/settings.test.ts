import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeOrigin, normalizeSettings } from '../../src/settings/settings';
import { loadSettings, settingsItem, updateSettings } from '../../src/settings/settings-item';
import { readSettings } from '../../src/settings/settings-reader';
import { markedFromStart, siteStatus } from '../../src/settings/site-status';

describe('normalizeSettings', () => {
  it('turns anything stored into complete, valid settings', () => {
    for (const stored of [undefined, null, 42, 'x', [], {}, { hover: 'fast' }, { sites: null }]) {
      expect(normalizeSettings(stored)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps valid fields, repairs the rest, and bounds the delay', () => {
    const settings = normalizeSettings({
      sites: { 'github.com': false, 'example.org': false },
      customSites: ['docs.example.com', 'https://docs.example.com/path', 'not a site', 7],
      hover: { delayMs: 99_999, modifier: 'hyper', marks: false },
      answerLanguage: 'fr',
    });
    expect(settings.sites['github.com']).toBe(false);
    expect(settings.sites['istio.io']).toBe(true);
    expect(settings.customSites).toEqual(['https://docs.example.com']);
    expect(settings.hover).toEqual({ delayMs: 2000, modifier: 'none', marks: false });
    expect(settings.answerLanguage).toBe('auto');
  });

  it('reads origins the way people type them', () => {
    expect(normalizeOrigin('example.com')).toBe('https://example.com');
    expect(normalizeOrigin('http://intranet.corp:8080/wiki')).toBe('http://intranet.corp:8080');
    expect(normalizeOrigin('ftp://example.com')).toBeUndefined();
    expect(normalizeOrigin('javascript:alert(1)')).toBeUndefined();
    expect(normalizeOrigin('   ')).toBeUndefined();
    expect(normalizeOrigin('*.example.com')).toBe('https://*.example.com');
    expect(normalizeOrigin('https://%2A.example.com')).toBeUndefined();
  });
});

describe('the stored settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips through storage.sync, read by the item and by the content script alike', async () => {
    await updateSettings((current) => ({ ...current, answerLanguage: 'zh', hover: { ...current.hover, modifier: 'alt' } }));
    expect((await loadSettings()).answerLanguage).toBe('zh');
    expect(await readSettings()).toEqual(await loadSettings());
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toMatchObject({ answerLanguage: 'zh' });
  });

  it('reads a damaged value as defaults rather than failing', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'garbage' });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(settingsItem.fallback).toEqual(DEFAULT_SETTINGS);
  });
});

describe('siteStatus', () => {
  const settings = normalizeSettings({ customSites: ['https://docs.example.com', 'http://localhost:8080'], pausedHosts: ['istio.io'] });

  it('marks on the built-in sites, with the relevance check outside the mesh organisations', () => {
    expect(siteStatus('https://github.com/istio/istio/issues/1', settings)).toMatchObject({ mode: 'active', needsRelevanceCheck: false });
    expect(siteStatus('https://github.com/envoyproxy/envoy/pull/2', settings)).toMatchObject({ mode: 'active', needsRelevanceCheck: false });
    expect(siteStatus('https://github.com/facebook/react/issues/3', settings)).toMatchObject({ mode: 'active', needsRelevanceCheck: true });
    expect(siteStatus('https://www.envoyproxy.io/docs/envoy/latest/', settings)).toMatchObject({ mode: 'active', site: 'envoyproxy.io' });
    expect(siteStatus('https://discuss.istio.io/t/1', settings)).toMatchObject({ mode: 'active', site: 'discuss.istio.io' });
  });

  it('says which pages are marked from their first scan: not one that must first prove it is about Istio, nor a paused one', () => {
    expect(markedFromStart('https://github.com/istio/istio/issues/1', settings)).toBe(true);
    expect(markedFromStart('https://github.com/facebook/react/issues/3', settings)).toBe(false);
    expect(markedFromStart('https://istio.io/latest/docs/', settings)).toBe(false);
    expect(markedFromStart('https://www.envoyproxy.io/docs/envoy/latest/', settings)).toBe(true);
  });

  it('honours paused hosts, switched-off sites and added sites', () => {
    expect(siteStatus('https://istio.io/latest/docs/', settings)).toMatchObject({ mode: 'passive', reason: 'paused' });
    expect(siteStatus('https://github.com/istio/istio', { ...settings, sites: { ...settings.sites, 'github.com': false } })).toMatchObject({ mode: 'passive', reason: 'site-off' });
    expect(siteStatus('https://docs.example.com/mesh', settings)).toMatchObject({ mode: 'active', site: 'custom' });
    expect(siteStatus('https://example.com/', settings)).toMatchObject({ mode: 'passive', reason: 'not-a-site' });
    expect(siteStatus('not a url', settings)).toMatchObject({ mode: 'passive' });
  });

  it('matches sites as their match patterns do: scheme and host, a port only where the site names one', () => {
    expect(siteStatus('https://istio.io.evil.example/docs', settings)).toMatchObject({ reason: 'not-a-site' });
    expect(siteStatus('https://notgithub.com/istio/istio', settings)).toMatchObject({ reason: 'not-a-site' });
    expect(siteStatus('http://github.com/istio/istio', settings)).toMatchObject({ reason: 'not-a-site' });
    expect(siteStatus('https://GitHub.com:443/istio/istio', settings)).toMatchObject({ mode: 'active', site: 'github.com' });
    expect(siteStatus('https://docs.example.com:8443/mesh', settings)).toMatchObject({ mode: 'active', site: 'custom' });
    expect(siteStatus('http://localhost:8080/docs', settings)).toMatchObject({ mode: 'active', site: 'custom' });
    expect(siteStatus('http://localhost:3000/docs', settings)).toMatchObject({ reason: 'not-a-site' });
  });
});
