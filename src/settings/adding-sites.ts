/**
 * Adding a site in the settings: the input is read as a match pattern would (site-input.ts), the
 * settings must still fit in storage.sync, the browser is asked for the site's permission, and
 * the permission is given back if the settings cannot be saved, so no grant outlives a failure.
 */
import { SETTINGS_KEY, type Settings } from './settings';
import { parseSiteInput, type SiteInputOptions, type SiteRefusal } from './site-input';
import { originPattern } from './sites';

/**
 * storage.sync keeps each item to 8 KB (Chrome's QUOTA_BYTES_PER_ITEM; Firefox enforces the same
 * without exposing the constant), and the settings are one item: about 170 added sites.
 */
export const SYNC_ITEM_QUOTA = 8192;
/** The settings page says how much room is left once fewer sites than this still fit. */
export const FEW_SITES_LEFT = 20;

/** The settings' size as storage.sync counts it: the key and the JSON of the value, in UTF-8 bytes. */
export function settingsBytes(settings: Settings): number {
  return new TextEncoder().encode(SETTINGS_KEY + JSON.stringify(settings)).length;
}

/** About how many more sites, as long as those added so far, the settings have room for. */
export function sitesLeft(settings: Settings): number {
  const sites = settings.customSites;
  // Each one costs its origin, its quotes and a comma.
  const perSite = (sites.length > 0 ? sites.reduce((sum, site) => sum + site.length, 0) / sites.length : 24) + 3;
  return Math.max(0, Math.floor((SYNC_ITEM_QUOTA - settingsBytes(settings)) / perSite));
}

export type AddSiteOutcome =
  | { kind: 'added'; origin: string; portDropped?: string }
  | { kind: 'refused'; reason: SiteRefusal }
  | { kind: 'exists'; origin: string }
  | { kind: 'full' }
  | { kind: 'denied'; origin: string }
  /** The permission request failed (the browser refused the pattern). */
  | { kind: 'request-failed'; origin: string; error: string }
  /** The settings could not be saved; the permission was given back. */
  | { kind: 'save-failed'; origin: string; error: string };

type PermissionRequest = { origins: string[] };

export interface SiteAdding {
  permissions: {
    contains(request: PermissionRequest): Promise<boolean>;
    request(request: PermissionRequest): Promise<boolean>;
    remove(request: PermissionRequest): Promise<boolean>;
  };
  /** Saves a change to the settings (updateSettings). */
  save(change: (current: Settings) => Settings): Promise<unknown>;
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Adds the site typed in `input` to `current` settings. Call it from the click itself: the
 * permission request is made before anything is awaited, while the user's gesture lasts.
 */
export function addSite(input: string, current: Settings, adding: SiteAdding, options: SiteInputOptions): Promise<AddSiteOutcome> {
  const site = parseSiteInput(input, options);
  if (!site.ok) return Promise.resolve({ kind: 'refused', reason: site.reason });
  const { origin } = site;
  if (current.customSites.includes(origin)) return Promise.resolve({ kind: 'exists', origin });
  if (settingsBytes({ ...current, customSites: [...current.customSites, origin] }) > SYNC_ITEM_QUOTA) return Promise.resolve({ kind: 'full' });
  const pattern = { origins: [originPattern(origin)] };
  // Whether it was granted before, so that only a grant made here is given back on failure.
  const grantedBefore = adding.permissions.contains(pattern).catch(() => false);
  const request = adding.permissions.request(pattern);
  return (async (): Promise<AddSiteOutcome> => {
    let granted: boolean;
    try {
      granted = await request;
    } catch (error) {
      return { kind: 'request-failed', origin, error: reason(error) };
    }
    if (!granted) return { kind: 'denied', origin };
    try {
      await adding.save((settings) => ({ ...settings, customSites: [...settings.customSites.filter((known) => known !== origin), origin] }));
    } catch (error) {
      if (!(await grantedBefore)) await adding.permissions.remove(pattern).catch(() => false);
      return { kind: 'save-failed', origin, error: reason(error) };
    }
    return { kind: 'added', origin, ...(site.portDropped ? { portDropped: site.portDropped } : {}) };
  })();
}
