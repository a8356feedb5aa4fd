/**
 * The version of Istio a page is about, so that an answer's note can be read against it
 * (`readNote`): from the address on istio.io (`/v1.20/docs/…` against `/latest/`), envoyproxy.io
 * and GitHub release branches; on a GitHub issue or discussion, from its opening comment: the
 * "Version" section, `istioctl version` output and plain statements ("after upgrading to 1.19",
 * "on Istio 1.18", "升级到 1.19 之后"). Not any number: HTTP/1.1, 1.1.1.1, Kubernetes v1.25.9,
 * image tags and releases newer than any we know (2.0) are not taken. Bounded: at most
 * `VERSION_LIMITS.text` characters are read and `VERSION_LIMITS.candidates` numbers weighed.
 */
import { compareVersions, NEWEST_KNOWN, type PageVersion } from '../data/currency';
import { leadingText } from './leading-text';
import { firstElement, PAGE_QUESTION } from './selectors';

export const VERSION_LIMITS = { text: 20_000, candidates: 64, blocks: 300, context: 60 } as const;

type Pinned = Extract<PageVersion, { product: string }>;

/** Whether a release is one we know of (not 2.0, not 1.99). */
function known(product: Pinned['product'], major: number, minor: number): boolean {
  return major === 1 && compareVersions(`${major}.${minor}`, NEWEST_KNOWN[product]) <= 0;
}

function pinned(product: Pinned['product'], major: string, minor: string): Pinned | undefined {
  const [a, b] = [Number(major), Number(minor)];
  return known(product, a, b) ? { product, version: `${a}.${b}` } : undefined;
}

/**
 * What the address says: a pinned release, today's docs (`latest`), or nothing (`undefined`:
 * read the page). An istio.io or envoyproxy.io address with a release we do not know is today's.
 */
export function versionFromUrl(url: string): PageVersion | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.slice(0, 4000));
  } catch {
    return undefined;
  }
  const host = parsed.hostname;
  const path = parsed.pathname;
  if (host === 'istio.io' || host.endsWith('.istio.io')) {
    if (host !== 'istio.io' && host !== 'preliminary.istio.io' && host !== 'www.istio.io') return undefined;
    const release = /^\/v(\d+)\.(\d+)\//.exec(path);
    return (release && pinned('istio', release[1]!, release[2]!)) || { latest: true };
  }
  if (host === 'www.envoyproxy.io' || host === 'envoyproxy.io') {
    const release = /^\/docs\/envoy\/v(\d+)\.(\d+)(?:\.\d+)?\//.exec(path);
    return (release && pinned('envoy', release[1]!, release[2]!)) || { latest: true };
  }
  if (host === 'github.com') {
    const istio = /^\/istio\/[\w.-]+\/(?:blob|tree)\/release-(\d+)\.(\d+)\//.exec(`${path}/`);
    if (istio) return pinned('istio', istio[1]!, istio[2]!);
    const envoy = /^\/envoyproxy\/envoy\/(?:blob|tree)\/release\/v(\d+)\.(\d+)\//.exec(`${path}/`);
    if (envoy) return pinned('envoy', envoy[1]!, envoy[2]!);
  }
  return undefined;
}

/**
 * A version-like number: not inside a word, a path, a tag (`proxyv2:1.16.2`), a dotted number
 * (`2023.1.19`) or an HTTP version (`HTTP/1.1`). A suffix (`-distroless`, `-rc.1`) is allowed.
 */
const VERSION_TOKEN = /(?<![\w./:@=-])v?(\d{1,3})\.(\d{1,3})((?:\.\d{1,4})*)(?:-[A-Za-z][\w.-]{0,30})?(?![\w/]|\.\d)/g;

/** Other software whose versions share the form: the number after it is not Istio's. */
const OTHER_SOFTWARE = /\b(?:kubernetes|k8s|kubectl|kubelet|kube[\w-]*|kustomize|eks|gke|aks|openshift|minikube|k3s|k0s|kind|rke2?|envoy|golang|go|node(?:js)?|helm|docker|containerd|cri-o|runc|ubuntu|centos|debian|rhel|alpine|kernel|linux|java|jdk|python|spring|dubbo|nginx|http|https|tls|grpc|cilium|calico|flannel|prometheus|grafana|jaeger|zipkin|kiali|cert-manager|gateway api|openssl|boringssl|server version|gitversion|git version|api version|apiversion)\b[^\n]{0,24}$/i;

/** Where a candidate comes from, most telling first. */
const WEIGHTS = {
  controlPlane: 60,
  dataPlane: 55,
  istioctl: 50,
  versionSection: 45,
  upgradeTo: 42,
  istioNamed: 40,
} as const;

interface Candidate {
  version: string;
  weight: number;
  at: number;
}

/** How the text just before a number says what it is a version of (`undefined`: not Istio's). */
function weighOne(before: string, section: string | undefined, inVersionSection: boolean): number | undefined {
  const line = before.slice(before.lastIndexOf('\n') + 1);
  if (/control[ -]?plane(?: version)?\s*[:=]?\s*$/i.test(line)) return WEIGHTS.controlPlane;
  if (/data[ -]?plane(?: version)?\s*[:=]?\s*$/i.test(line)) return WEIGHTS.dataPlane;
  if (/\bistioctl\b[^\n]{0,20}$/i.test(line) || /\bpilot\b[^\n]{0,12}$/i.test(line)) return WEIGHTS.istioctl;
  // "client version: 1.16.2" is istioctl's; kubectl's "Client Version: v1.25.9" sits in a block with "Server Version" or "Kustomize".
  if (/\bclient version\s*[:=]?\s*$/i.test(line)) {
    return section !== undefined && /server version|kustomize|kubectl|gitversion/i.test(section) && !/control plane|istioctl/i.test(section) ? undefined : WEIGHTS.istioctl;
  }
  if (OTHER_SOFTWARE.test(line)) return undefined;
  if (/(?:upgrad|updat|migrat|bump|mov)\w*\s+(?:[\w.-]+\s+){0,4}?to\s+(?:istio\s+)?v?$/i.test(line)) return WEIGHTS.upgradeTo;
  if (/(?:升级|更新|迁移|升)(?:到|至)\s*(?:istio\s*)?v?$/i.test(line)) return WEIGHTS.upgradeTo;
  if (/\bistio(?:\s+version)?[\s:=-]*v?$/i.test(line) || /istio\s*(?:的)?\s*版本\s*(?:是|为)?[\s:：]*v?$/i.test(line)) return WEIGHTS.istioNamed;
  if (inVersionSection) return WEIGHTS.versionSection;
  return undefined;
}

/**
 * The Istio release a text is about (major.minor), or undefined. Headings are lines starting
 * with `#` (as `pageVersionText` writes them, and as Markdown has them): under a "Version"
 * heading a bare release counts, elsewhere only one the text says is Istio's.
 */
export function istioVersionInText(input: string): string | undefined {
  const text = input.slice(0, VERSION_LIMITS.text);
  const candidates: Candidate[] = [];
  const headings = [...text.matchAll(/^#+[ \t]*([^\n]{0,80})/gm)].slice(0, VERSION_LIMITS.blocks).map((match) => ({ at: match.index, text: match[1]!.trim() }));
  let headingIndex = -1;
  for (const match of text.matchAll(VERSION_TOKEN)) {
    if (candidates.length >= VERSION_LIMITS.candidates) break;
    const at = match.index;
    const [, major, minor, rest] = match;
    // Four numbers is an address; a release we do not know (2.0, 1.99) is no version of the page's.
    if ((rest ?? '').split('.').length > 3 || !known('istio', Number(major), Number(minor))) continue;
    while (headingIndex + 1 < headings.length && headings[headingIndex + 1]!.at < at) headingIndex++;
    const heading = headings[headingIndex];
    const sectionStart = Math.max(text.lastIndexOf('\n\n', at), text.lastIndexOf('```', at), heading?.at ?? 0, at - 300, 0);
    const before = text.slice(Math.max(0, at - VERSION_LIMITS.context), at);
    const inVersionSection = heading !== undefined && /^(?:istio\s+)?version\b|^版本/i.test(heading.text);
    const weight = weighOne(before, text.slice(sectionStart, Math.min(text.length, at + 200)), inVersionSection);
    if (weight !== undefined) candidates.push({ version: `${Number(major)}.${Number(minor)}`, weight, at });
  }
  if (candidates.length === 0) return undefined;
  // The most telling kind of evidence; among several of that kind, the version said most often, then the first.
  const top = Math.max(...candidates.map((candidate) => candidate.weight));
  const counts = new Map<string, number>();
  for (const candidate of candidates) if (candidate.weight === top) counts.set(candidate.version, (counts.get(candidate.version) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/** The version a page is about: its address first, then (GitHub issues and discussions) its text. */
export function pageVersion(url: string, text: string): PageVersion | undefined {
  const fromUrl = versionFromUrl(url);
  if (fromUrl) return fromUrl;
  const version = istioVersionInText(text);
  return version ? { product: 'istio', version } : undefined;
}

const GITHUB_THREAD = /^https:\/\/github\.com\/[^/]+\/[^/]+\/(?:issues|discussions|pull)\/\d+/;

/**
 * A GitHub issue's or discussion's title and opening comment as lines, headings marked with `#`,
 * for `istioVersionInText`; empty elsewhere. At most `VERSION_LIMITS.blocks` blocks and
 * `VERSION_LIMITS.text` characters are read, whatever the comment holds.
 */
export function pageVersionText(doc: Document = document): string {
  if (!GITHUB_THREAD.test(doc.location?.href ?? '')) return '';
  const title = firstElement(doc, PAGE_QUESTION.githubTitle);
  const opening = firstElement(doc, PAGE_QUESTION.githubOpening);
  const lines = [(title ? leadingText(title, 400) : '').trim()];
  let length = lines[0]!.length;
  if (opening) {
    let blocks = 0;
    for (const block of opening.querySelectorAll('h1, h2, h3, h4, h5, h6, p, pre, li')) {
      if (++blocks > VERSION_LIMITS.blocks || length >= VERSION_LIMITS.text) break;
      // A list item's paragraphs are read as paragraphs.
      if (block.tagName === 'LI' && block.querySelector('p, pre')) continue;
      const text = leadingText(block, VERSION_LIMITS.text - length);
      lines.push(/^H\d$/.test(block.tagName) ? `# ${text.trim()}` : text);
      length += text.length + 1;
    }
  }
  return lines.join('\n').slice(0, VERSION_LIMITS.text);
}
