/** Decides, for a page URL and the settings, whether terms are marked there and why not. */
import type { Settings } from './settings';
import { isOnSite } from './site-input';
import { BUILT_IN_SITES, type BuiltInSiteId, MESH_GITHUB_ORGS } from './sites';

export type SiteStatus =
  /** Marks terms and shows hover cards. */
  | { mode: 'active'; site: BuiltInSiteId | 'custom'; host: string; needsRelevanceCheck: boolean }
  /** Only answers on demand (selection lookup, popup's "On this page"). */
  | { mode: 'passive'; reason: 'not-a-site' | 'site-off' | 'paused'; host: string; site?: BuiltInSiteId | 'custom' };

function builtInSiteOf(url: URL): BuiltInSiteId | undefined {
  return BUILT_IN_SITES.find((site) => site.origins.some((origin) => isOnSite(url, origin)))?.id;
}

/** On github.com, pages outside the mesh organisations are marked only if they are about Istio. */
function isMeshGithubPage(url: URL): boolean {
  const owner = url.pathname.split('/')[1]?.toLowerCase();
  return owner !== undefined && (MESH_GITHUB_ORGS as readonly string[]).includes(owner);
}

export function siteStatus(href: string, settings: Settings): SiteStatus {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { mode: 'passive', reason: 'not-a-site', host: '' };
  }
  const host = url.hostname;
  const builtIn = builtInSiteOf(url);
  const custom = settings.customSites.some((origin) => isOnSite(url, origin));
  const site = builtIn ?? (custom ? 'custom' : undefined);
  if (site === undefined) return { mode: 'passive', reason: 'not-a-site', host };
  if (settings.pausedHosts.includes(host)) return { mode: 'passive', reason: 'paused', host, site };
  if (builtIn !== undefined && !settings.sites[builtIn] && !custom) return { mode: 'passive', reason: 'site-off', host, site };
  return { mode: 'active', site, host, needsRelevanceCheck: builtIn === 'github.com' && !isMeshGithubPage(url) };
}

/**
 * Marked from the page's first scan, without first proving it is about Istio (GitHub outside
 * the mesh organisations must): the content script's loader asks with the default settings
 * before any are read, the app with the user's.
 */
export function markedFromStart(href: string, settings: Settings): boolean {
  const status = siteStatus(href, settings);
  return status.mode === 'active' && !status.needsRelevanceCheck;
}

/** Marked only once the page proves it is about Istio (the other active pages: `markedFromStart`). */
export function markedOnceRelevant(href: string, settings: Settings): boolean {
  const status = siteStatus(href, settings);
  return status.mode === 'active' && status.needsRelevanceCheck;
}
