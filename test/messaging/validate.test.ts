import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { contentScriptSender, popupRequest, requireExtensionSender, text } from '../../src/messaging/validate';

const tab = { id: 3 };
const ownId = fakeBrowser.runtime.id;

describe('message senders', () => {
  it('tells our content script from our pages and from other extensions', () => {
    expect(contentScriptSender({ id: ownId, url: 'https://example.com/', tab, frameId: 4 })).toEqual({ tabId: 3, frameId: 4 });
    expect(() => contentScriptSender({ id: 'other', url: 'https://example.com/', tab })).toThrow(/not from a content script/);
    expect(() => contentScriptSender({ id: ownId, url: fakeBrowser.runtime.getURL('/options.html'), tab })).toThrow(/not from a content script/);
    expect(() => contentScriptSender({ id: ownId, url: 'https://example.com/', tab: { ...tab, id: -1 } })).toThrow();
  });

  it('lets a content script take orders only from the background and our pages', () => {
    expect(() => requireExtensionSender({ id: ownId })).not.toThrow();
    expect(() => requireExtensionSender({ id: ownId, url: fakeBrowser.runtime.getURL('/popup.html'), tab })).not.toThrow();
    expect(() => requireExtensionSender({ id: ownId, url: 'https://example.com/', tab })).toThrow(/from a content script/);
    expect(() => requireExtensionSender({ id: 'other' })).toThrow(/not from this extension/);
    expect(() => requireExtensionSender({})).toThrow(/not from this extension/);
  });
});

describe('message fields', () => {
  it('cut text to a bound and refuse what is not text', () => {
    expect(text('x'.repeat(10), 4)).toBe('xxxx');
    expect(text('', 4, false)).toBe('');
    expect(() => text('  ', 4)).toThrow(/empty/);
    expect(() => text({ toString: () => 'x' }, 4)).toThrow(/not text/);
  });

  it('take a popup request only with an answer id of the dataset’s form', () => {
    expect(popupRequest({ query: 'sidecar', answerId: 'ep05-q12' }, 300)).toEqual({ query: 'sidecar', answerId: 'ep05-q12' });
    expect(popupRequest({ query: 'sidecar', extra: 'ignored' }, 300)).toEqual({ query: 'sidecar' });
    expect(() => popupRequest({ query: 'sidecar', answerId: 5 }, 300)).toThrow(/bad answer id/);
    expect(() => popupRequest(null, 300)).toThrow(/not an object/);
  });
});
