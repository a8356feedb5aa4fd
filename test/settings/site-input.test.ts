import { describe, expect, it } from 'vitest';
import { isOnSite, parseSiteInput } from '../../src/settings/site-input';

const chrome = { portsInPatterns: true };
const firefox = { portsInPatterns: false };

describe('parseSiteInput', () => {
  it('reads a site the way people type it', () => {
    expect(parseSiteInput('docs.example.com', chrome)).toEqual({ ok: true, origin: 'https://docs.example.com' });
    expect(parseSiteInput(' HTTP://Intranet.Corp/wiki?x#y ', chrome)).toEqual({ ok: true, origin: 'http://intranet.corp' });
    expect(parseSiteInput('localhost', chrome)).toEqual({ ok: true, origin: 'https://localhost' });
  });

  it('writes every subdomain as the browser’s own pattern, never as %2A', () => {
    expect(parseSiteInput('*.example.com', chrome)).toEqual({ ok: true, origin: 'https://*.example.com' });
    expect(parseSiteInput('http://*.example.com/docs', chrome)).toEqual({ ok: true, origin: 'http://*.example.com' });
    for (const input of ['docs*.example.com', '*example.com', 'a.*.example.com', '*', '*.*.com']) {
      expect(parseSiteInput(input, chrome), input).toEqual({ ok: false, reason: 'wildcard' });
    }
  });

  it('refuses what is not a web site', () => {
    for (const input of ['', '   ', 'ftp://example.com', 'javascript:alert(1)', 'intranet', 'user:pw@example.com', '[::1]', 'exa mple.com']) {
      expect(parseSiteInput(input, chrome).ok, input).toBe(false);
    }
  });

  it('keeps a port where match patterns have them, and drops it, saying so, on Firefox', () => {
    expect(parseSiteInput('localhost:3000', chrome)).toEqual({ ok: true, origin: 'https://localhost:3000' });
    expect(parseSiteInput('http://localhost:3000', firefox)).toEqual({ ok: true, origin: 'http://localhost', portDropped: '3000' });
    // The scheme's own port is no port at all.
    expect(parseSiteInput('https://example.com:443', firefox)).toEqual({ ok: true, origin: 'https://example.com' });
  });
});

describe('isOnSite', () => {
  const url = (href: string) => new URL(href);
  it('matches as the site’s match pattern does', () => {
    expect(isOnSite(url('https://docs.example.com/a'), 'https://*.example.com')).toBe(true);
    expect(isOnSite(url('https://example.com/'), 'https://*.example.com')).toBe(true);
    expect(isOnSite(url('https://notexample.com/'), 'https://*.example.com')).toBe(false);
    expect(isOnSite(url('http://docs.example.com/'), 'https://*.example.com')).toBe(false);
    expect(isOnSite(url('http://localhost:3000/'), 'http://localhost')).toBe(true);
    expect(isOnSite(url('http://localhost:3001/'), 'http://localhost:3000')).toBe(false);
    expect(isOnSite(url('http://localhost:3000/'), 'http://localhost:3000')).toBe(true);
    expect(isOnSite(url('https://example.com/'), 'https://%2A.example.com')).toBe(false);
  });
});
