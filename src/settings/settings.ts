/**
 * Everything a person can set: its shape, defaults and `normalizeSettings`, which makes any stored
 * value, however old or damaged, a complete valid one. Stored in `storage.sync` under
 * SETTINGS_KEY, as a versioned WXT storage item (`settings-item.ts`); the content script reads
 * the same key without the storage library (`settings-reader.ts`).
 */
import type { Lang } from '../data/types';
import { parseSiteInput } from './site-input';
import { BUILT_IN_SITES, type BuiltInSiteId } from './sites';

export type AnswerLanguageSetting = 'auto' | Lang | 'both';
export type HoverModifier = 'none' | 'alt' | 'ctrl' | 'shift' | 'meta';

export interface Settings {
  /** Built-in sites on or off. */
  sites: Record<BuiltInSiteId, boolean>;
  /** Sites the user added, as origins (`https://example.com`); each needs its permission. */
  customSites: string[];
  /** Hosts paused from the popup ("not on this site"). */
  pausedHosts: string[];
  hover: { delayMs: number; modifier: HoverModifier; marks: boolean };
  answerLanguage: AnswerLanguageSetting;
}

export const HOVER_DELAY = { min: 0, max: 2000, default: 350 } as const;
export const HOVER_MODIFIERS: readonly HoverModifier[] = ['none', 'alt', 'ctrl', 'shift', 'meta'];
const ANSWER_LANGUAGES: readonly AnswerLanguageSetting[] = ['auto', 'zh', 'en', 'both'];

/** The key in `storage.sync`. */
export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  sites: Object.fromEntries(BUILT_IN_SITES.map((site) => [site.id, true])) as Record<BuiltInSiteId, boolean>,
  customSites: [],
  pausedHosts: [],
  hover: { delayMs: HOVER_DELAY.default, modifier: 'none', marks: true },
  answerLanguage: 'auto',
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** Any stored value → complete settings; unknown or invalid fields fall back to the defaults. */
export function normalizeSettings(value: unknown): Settings {
  const stored = isRecord(value) ? value : {};
  const sites = isRecord(stored.sites) ? stored.sites : {};
  const hover = isRecord(stored.hover) ? stored.hover : {};
  const delay = typeof hover.delayMs === 'number' && Number.isFinite(hover.delayMs) ? hover.delayMs : HOVER_DELAY.default;
  return {
    sites: Object.fromEntries(
      BUILT_IN_SITES.map((site) => [site.id, typeof sites[site.id] === 'boolean' ? sites[site.id] : true]),
    ) as Record<BuiltInSiteId, boolean>,
    customSites: [...new Set(strings(stored.customSites).flatMap((site) => normalizeOrigin(site) ?? []))],
    pausedHosts: [...new Set(strings(stored.pausedHosts))],
    hover: {
      delayMs: Math.round(Math.min(HOVER_DELAY.max, Math.max(HOVER_DELAY.min, delay))),
      modifier: HOVER_MODIFIERS.includes(hover.modifier as HoverModifier) ? (hover.modifier as HoverModifier) : 'none',
      marks: typeof hover.marks === 'boolean' ? hover.marks : true,
    },
    answerLanguage: ANSWER_LANGUAGES.includes(stored.answerLanguage as AnswerLanguageSetting)
      ? (stored.answerLanguage as AnswerLanguageSetting)
      : 'auto',
  };
}

/**
 * `example.com`, `https://example.com/path` → `https://example.com`, `*.example.com` →
 * `https://*.example.com`; undefined if it is not a site (see site-input.ts). On Firefox a port
 * is dropped, as its match patterns do.
 */
export function normalizeOrigin(input: string): string | undefined {
  const site = parseSiteInput(input, { portsInPatterns: !import.meta.env.FIREFOX });
  return site.ok ? site.origin : undefined;
}
