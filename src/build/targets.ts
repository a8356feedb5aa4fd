/**
 * The oldest browsers the build is for: Vite compiles for them (wxt.config.ts) and the manifest
 * refuses older ones (`minimum_chrome_version`, `strict_min_version`), so the two cannot drift.
 */
export const MIN_CHROME = 120;
export const MIN_FIREFOX = 140;
