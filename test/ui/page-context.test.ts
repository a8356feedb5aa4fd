import { describe, expect, it } from 'vitest';
import { PAGE_TEXT_LIMITS, readPageTerms } from '../../src/messaging/panel-feed';
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
  it('accepts the page’s terms, with only well-formed term counts', () => {
    expect(readPageTerms(page)).toEqual(page);
    expect(readPageTerms({ ...page, terms: [{ termId: 3, count: 3 }, { termId: 'x', count: 1.5 }, { termId: 'mtls', count: 2 }] })?.terms).toEqual([{ termId: 'mtls', count: 2 }]);
    expect(readPageTerms({ ...page, terms: Array.from({ length: 5000 }, () => ({ termId: 'x', count: 1 })) })?.terms).toHaveLength(PAGE_TEXT_LIMITS.terms);
    expect(readPageTerms(null)).toBeNull();
    expect(readPageTerms('page')).toBeNull();
    expect(readPageTerms({ ...page, title: 7 })).toBeNull();
  });

  it('trims a huge title, address or question instead of dropping the page', () => {
    const huge = readPageTerms({ ...page, title: 'x'.repeat(8_000_000), url: `${page.url}?${'q'.repeat(100_000)}`, question: 'q'.repeat(50_000) });
    expect(huge?.title).toHaveLength(PAGE_TEXT_LIMITS.title);
    expect(huge?.url).toHaveLength(PAGE_TEXT_LIMITS.url);
    expect(huge?.question).toHaveLength(PAGE_TEXT_LIMITS.question);
    expect(huge?.terms).toEqual(page.terms);
  });
});
