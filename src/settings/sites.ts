/**
 * The sites where terms are marked without being asked. Everything about "which page is which
 * site" lives here, so the manifest, the content script and the options page agree.
 */

export interface BuiltInSite {
  id: string;
  /** What the options page shows. */
  label: string;
  /** Whole origins: the manifest matches every page on them (`originPattern`). */
  origins: string[];
}

export const BUILT_IN_SITES = [
  { id: 'istio.io', label: 'istio.io', origins: ['https://istio.io', 'https://preliminary.istio.io'] },
  { id: 'discuss.istio.io', label: 'discuss.istio.io', origins: ['https://discuss.istio.io'] },
  { id: 'envoyproxy.io', label: 'envoyproxy.io', origins: ['https://envoyproxy.io', 'https://www.envoyproxy.io'] },
  { id: 'github.com', label: 'github.com', origins: ['https://github.com'] },
] as const satisfies readonly BuiltInSite[];

export type BuiltInSiteId = (typeof BUILT_IN_SITES)[number]['id'];

/** The match pattern of every page on an origin (a site, built in or added): `https://example.com/*`. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

export const DEFAULT_SITE_MATCHES: string[] = BUILT_IN_SITES.flatMap((site) => site.origins.map(originPattern));

/** GitHub organisations whose pages are about Istio or Envoy whatever they say. */
export const MESH_GITHUB_ORGS = ['istio', 'envoyproxy', 'istio-ecosystem'] as const;
