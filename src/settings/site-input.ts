/**
 * A site as the user types it, read the way the browser's match patterns will see it: a scheme
 * (https unless written), a host, optionally every subdomain (`*.example.com`, the browser's own
 * pattern), optionally a port. What a match pattern cannot say is refused with the reason, and a
 * port is dropped on Firefox, whose match patterns ignore ports (the site is then every port).
 */

export type SiteRefusal =
  /** Not a web address at all. */
  | 'invalid'
  /** A `*` anywhere but as the first label (`*.example.com`). */
  | 'wildcard';

export type SiteInput =
  | { ok: true; origin: string; portDropped?: string }
  | { ok: false; reason: SiteRefusal };

export interface SiteInputOptions {
  /** False on Firefox: its match patterns ignore ports. */
  portsInPatterns: boolean;
}

/** scheme, `*.`, host, port of a stored site origin (`https://*.example.com`, `http://localhost:3000`). */
const SITE_ORIGIN = /^(https?):\/\/(\*\.)?([^/:*]+)(?::(\d{1,5}))?$/;

export interface SiteOrigin {
  scheme: 'http' | 'https';
  host: string;
  /** Every subdomain of `host`, and `host` itself. */
  subdomains: boolean;
  port: string | undefined;
}

export function parseSiteOrigin(origin: string): SiteOrigin | undefined {
  const match = SITE_ORIGIN.exec(origin);
  if (!match) return undefined;
  return { scheme: match[1] as 'http' | 'https', host: match[3]!, subdomains: match[2] !== undefined, port: match[4] };
}

/** Whether a page's URL is on a site, as the site's match pattern (`originPattern`) matches it. */
export function isOnSite(url: URL, origin: string): boolean {
  const site = parseSiteOrigin(origin);
  if (!site || url.protocol !== `${site.scheme}:`) return false;
  const host = url.hostname;
  const hostMatches = host === site.host || (site.subdomains && host.endsWith(`.${site.host}`));
  return hostMatches && (site.port === undefined || site.port === url.port);
}

/** What the user typed → the site's origin, or why it cannot be one. */
export function parseSiteInput(input: string, options: SiteInputOptions): SiteInput {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'invalid' };
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed);
  const scheme = schemeMatch ? schemeMatch[1]!.toLowerCase() : 'https';
  if (scheme !== 'https' && scheme !== 'http') return { ok: false, reason: 'invalid' };
  const rest = schemeMatch ? trimmed.slice(schemeMatch[0].length) : trimmed;
  // The authority: up to the path, query or fragment.
  const authority = rest.split(/[/?#]/, 1)[0]!;
  const subdomains = authority.startsWith('*.');
  const plain = subdomains ? authority.slice(2) : authority;
  if (plain.includes('*')) return { ok: false, reason: 'wildcard' };
  let url: URL;
  try {
    url = new URL(`${scheme}://${plain}`);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'invalid' };
  const host = url.hostname;
  // `%2A` is a `*` too (and some URL parsers keep it encoded): no match pattern means either.
  if (/[*%]/.test(host)) return { ok: false, reason: 'wildcard' };
  // A name with a dot, or localhost (an IPv6 address is not one a site list needs).
  if ((!host.includes('.') && host !== 'localhost') || host.startsWith('[')) return { ok: false, reason: 'invalid' };
  const base = `${scheme}://${subdomains ? '*.' : ''}${host}`;
  if (url.port === '') return { ok: true, origin: base };
  if (!options.portsInPatterns) return { ok: true, origin: base, portDropped: url.port };
  return { ok: true, origin: `${base}:${url.port}` };
}
