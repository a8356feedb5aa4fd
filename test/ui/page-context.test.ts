import { describe, expect, it } from 'vitest';
import { isPageTerms } from '../../src/messaging/panel-feed';
import { unreadableReason } from '../../src/ui/search/page-context';

describe('why a tab cannot be read', () => {
  it('tells browser pages, web stores and sites without permission apart where the browser says', () => {
    // Chromium's errors from scripting.executeScript, on a tab whose URL we may not see.
    expect(unreadableReason(undefined, new Error('Cannot access a chrome:// URL'))).toBe('browser-page');
    expect(unreadableReason(undefined, new Error('The extensions gallery cannot be scripted.'))).toBe('store');
    expect(unreadableReason(undefined, new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'))).toBe('not-allowed');
    // Firefox says the same for all of them.
    expect(unreadableReason(undefined, new Error('Missing host permission for the tab'))).toBe('unknown');
    // Where the URL is known (our sites, activeTab), it decides.
    expect(unreadableReason('https://chromewebstore.google.com/detail/x', undefined)).toBe('store');
    expect(unreadableReason('https://addons.mozilla.org/en-US/firefox/', undefined)).toBe('store');
    expect(unreadableReason('about:addons', undefined)).toBe('browser-page');
    expect(unreadableReason('chrome://settings/', undefined)).toBe('browser-page');
    expect(unreadableReason('not a url', undefined)).toBe('unknown');
  });
});

describe('what the side panel takes from a page', () => {
  const page = { url: 'https://github.com/istio/istio/issues/1', title: 't', question: 'q', terms: [{ termId: 'sidecar', count: 3 }] };
  it('accepts the page’s terms and nothing else', () => {
    expect(isPageTerms(page)).toBe(true);
    expect(isPageTerms({ ...page, terms: [{ termId: 3, count: 3 }] })).toBe(false);
    expect(isPageTerms({ ...page, terms: [{ termId: 'x', count: 1.5 }] })).toBe(false);
    expect(isPageTerms({ ...page, title: 'x'.repeat(5000) })).toBe(false);
    expect(isPageTerms({ ...page, terms: Array.from({ length: 1001 }, () => ({ termId: 'x', count: 1 })) })).toBe(false);
    expect(isPageTerms(null)).toBe(false);
    expect(isPageTerms('page')).toBe(false);
  });
});
