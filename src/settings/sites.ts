/**
 * The sites where terms are marked without being asked. Everything about "which page is which
 * site" lives here, so the manifest, the content script and the options page agree.
 */

export interface BuiltInSite {
  id: string;
  /** What the options page shows. */
  label: string;
  /** Match patterns, as in the manifest. */
  matches: string[];
}

export const BUILT_IN_SITES = [
  { id: 'istio.io', label: 'istio.io', matches: ['https://istio.io/*', 'https://preliminary.istio.io/*'] },
  { id: 'discuss.istio.io', label: 'discuss.istio.io', matches: ['https://discuss.istio.io/*'] },
  { id: 'envoyproxy.io', label: 'envoyproxy.io', matches: ['https://envoyproxy.io/*', 'https://www.envoyproxy.io/*'] },
  { id: 'github.com', label: 'github.com', matches: ['https://github.com/*'] },
] as const satisfies readonly BuiltInSite[];

export type BuiltInSiteId = (typeof BUILT_IN_SITES)[number]['id'];

export const DEFAULT_SITE_MATCHES: string[] = BUILT_IN_SITES.flatMap((site) => [...site.matches]);

/** GitHub organisations whose pages are about Istio or Envoy whatever they say. */
export const MESH_GITHUB_ORGS = ['istio', 'envoyproxy', 'istio-ecosystem'] as const;
