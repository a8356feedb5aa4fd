// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { TermMatcher } from '../../src/glossary/matcher';
import { matcherTerms } from '../../src/glossary/terms';
import { identifierAround, isOwnName, MarkingPolicy, ownNames, umbrellaTerms } from '../../src/page/marking-policy';

const matcher = new TermMatcher(matcherTerms(loadDataset().glossary));

/** Each occurrence the policy keeps, as `surface` or `surface*` when marked, for a page at `url`. */
function review(html: string, url = 'https://github.com/istio/istio/issues/1'): string[] {
  document.body.innerHTML = html;
  const policy = new MarkingPolicy(document, url);
  const kept: string[] = [];
  let position = 0;
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      for (const match of policy.review(text, matcher.findAll(text.data), position)) kept.push(`${text.data.slice(match.start, match.end)}${match.marked ? '*' : ''}`);
      position += text.data.length;
    }
    node.childNodes.forEach(visit);
  };
  visit(document.body);
  return kept;
}

const kept = (html: string, url?: string) => review(html, url).map((surface) => surface.replace(/\*$/, ''));

beforeAll(() => {
  document.title = 'A page';
});

describe('identifiers: never a term inside them', () => {
  const cases: [string, string, string][] = [
    ['svc', 'curl reviews.default.svc.cluster.local:9080', 'dotted-name'],
    ['k8s', 'apiVersion gateway.networking.k8s.io/v1', 'dotted-name'],
    ['INGRESS', 'curl -s http://$INGRESS_HOST:$INGRESS_PORT/productpage', 'url'],
    ['INGRESS', 'export GATEWAY_URL=$INGRESS_HOST:$INGRESS_PORT', 'shell-variable'],
    ['outbound', 'cluster outbound|9080||reviews.default.svc.cluster.local', 'envoy-name'],
    ['canary', 'kubectl label namespace test-ns istio.io/rev=canary', 'key-value'],
    ['503', 'istio_requests_total{response_code="503"}', 'key-value'],
    ['istio', 'see https://github.com/istio/istio/issues/22290', 'url'],
    ['bookinfo', 'kubectl apply -f samples/bookinfo/platform/kube/bookinfo.yaml', 'path'],
    ['DNS', 'ISTIO_META_DNS_CAPTURE: "true"', 'name-part'],
  ];
  for (const [surface, text, kind] of cases) {
    it(`${surface} in "${text}" is a ${kind}`, () => {
      const start = text.indexOf(surface);
      expect(identifierAround(text, start, start + surface.length, false)).toBe(kind);
    });
  }

  it('in code: parts of longer names, YAML keys, label values and line breaks', () => {
    const yaml = 'spec:\n  trafficPolicy:\n    outlierDetection:\n      consecutive5xxErrors: 7\n  selector:\n    app: openresty\nmetadata:\n  namespace: istio-system';
    const at = (surface: string) => identifierAround(yaml, yaml.indexOf(surface), yaml.indexOf(surface) + surface.length, true);
    expect(at('outlierDetection')).toBe('yaml-key');
    expect(at('openresty')).toBe('label-value');
    expect(at('istio')).toBe('name-part');
    expect(identifierAround('trader-service\n  subsets:', 7, 24, true)).toBe('multi-line');
    expect(identifierAround('kind: EnvoyFilter', 6, 17, true)).toBeUndefined();
  });

  it('leaves prose alone: sentence punctuation, slashes between words, versions', () => {
    for (const [text, surface] of [['We run Envoy.', 'Envoy'], ['Use Istio/Envoy for this', 'Envoy'], ['the sidecar: it starts first', 'sidecar'], ['Istio 1.20 adds ambient', 'ambient'], ['（Envoy）代理', 'Envoy']] as const) {
      const start = text.indexOf(surface);
      expect(identifierAround(text, start, start + surface.length, false), text).toBeUndefined();
    }
  });

  it('keeps identifiers out of what a page reports and marks', () => {
    expect(kept('<p>The sidecar of reviews.default.svc.cluster.local and <code>outbound|9080||reviews</code>.</p>')).toEqual(['sidecar']);
  });
});

describe('senses: aliases checked by their context', () => {
  it('MCP next to "Model Context Protocol" is not Istio’s Mesh Configuration Protocol', () => {
    expect(kept('<p>The MCP filter parses Model Context Protocol messages from MCP clients.</p>')).not.toContain('MCP');
    expect(kept('<p>Istio reads config from an MCP server over xDS.</p>')).toContain('MCP');
  });

  it('a VM is a runtime in "Wasm VM", a workload elsewhere', () => {
    expect(kept('<p>Each plugin runs in a Wasm VM.</p>')).not.toContain('VM');
    expect(kept('<p>Add a VM to the mesh with a WorkloadEntry.</p>')).toContain('VM');
  });

  it('PASSTHROUGH as a TLS mode, an application’s init container, CNI plugins in general', () => {
    expect(kept('<pre>tls:\n  mode: PASSTHROUGH</pre>')).not.toContain('PASSTHROUGH');
    expect(kept('<p>With ALLOW_ANY, traffic to unknown hosts is passthrough traffic.</p>')).toContain('passthrough');
    expect(kept('<p>Your application’s init container runs before the app.</p>')).not.toContain('init container');
    expect(kept('<p>The istio-init init container sets up iptables rules.</p>')).toContain('init container');
    expect(kept('<p>Calico and other CNI plugins must be installed first.</p>')).not.toContain('CNI plugins');
    expect(kept('<p>The Istio CNI plugin replaces istio-init.</p>')).toContain('Istio CNI plugin');
  });
});

describe('which occurrences are marked', () => {
  it('marks each term once per section and once per comment, and counts every occurrence', () => {
    const far = `<p>${'Other words here. '.repeat(100)}</p>`;
    expect(review('<h2>One</h2><p>EnvoyFilter and EnvoyFilter</p><p>EnvoyFilter</p>')).toEqual(['EnvoyFilter*', 'EnvoyFilter', 'EnvoyFilter']);
    expect(review(`<h2>One</h2><p>EnvoyFilter</p><h2>Two</h2>${far}<ul><li>EnvoyFilter</li><li>EnvoyFilter</li></ul>`)).toEqual(['EnvoyFilter*', 'EnvoyFilter*', 'EnvoyFilter']);
    const forum = 'https://discuss.istio.io/t/a-question/123';
    expect(review(`<div class="comment-body"><p>EnvoyFilter</p><p>EnvoyFilter</p></div><div class="comment-body">${far}<p>EnvoyFilter</p></div>`, forum)).toEqual(['EnvoyFilter*', 'EnvoyFilter', 'EnvoyFilter*']);
  });

  it('leaves a project\'s own name, and the mesh words on mesh projects\' GitHub, unmarked', () => {
    expect(isOwnName(ownNames('https://github.com/openkruise/kruise/issues/1'), 'Kruise')).toBe(true);
    expect(isOwnName(ownNames('https://github.com/kubernetes-sigs/gateway-api/issues/1'), 'Gateway API')).toBe(true);
    expect(isOwnName(ownNames('https://github.com/istio/istio/issues/1'), 'istiod')).toBe(false);
    expect(isOwnName(ownNames('https://istio.io/latest/docs/'), 'Istio')).toBe(false);
    expect(umbrellaTerms('https://github.com/mosn/mosn/issues/1')).toContain('sidecar');
    expect(review('<p>OpenKruise and SidecarSet with istio-init</p>', 'https://github.com/openkruise/kruise/issues/1')).toEqual(['OpenKruise', 'SidecarSet*', 'istio-init*']);
  });

  it('reads a GitHub thread as one unit: a term once in it, and again only far below', () => {
    const comment = (text: string) => `<div class="TimelineItem"><div class="comment-body markdown-body js-comment-body">${text}</div></div>`;
    const far = `<p>${'Other words here. '.repeat(100)}</p>`;
    const thread = (...comments: string[]) => `<h1 class="gh-header-title">Order of filters</h1><div class="js-discussion">${comments.map(comment).join('')}</div>`;
    // Short comments that each say the term: marked in the first only.
    const short = thread('<p>EnvoyFilter</p>', `${far}<p>EnvoyFilter</p>`, `${far}<p>EnvoyFilter</p>`);
    for (const url of ['https://github.com/istio/istio/issues/1', 'https://github.com/istio/istio/pull/2', 'https://github.com/envoyproxy/envoy/discussions/3']) {
      expect(review(short, url), url).toEqual(["EnvoyFilter*", "EnvoyFilter", "EnvoyFilter"]);
    }
    // Far enough below (about 1,000 words), it is marked again; the repeats stay counted.
    const long = thread('<p>EnvoyFilter</p>', far.repeat(4), `<p>EnvoyFilter</p>`);
    expect(review(long).filter((surface) => surface === 'EnvoyFilter*')).toHaveLength(2);
    // Not a thread: a repository's file list or README, read by sections as before.
    expect(review(short, "https://github.com/istio/istio")).toEqual(["EnvoyFilter*", "EnvoyFilter*", "EnvoyFilter*"]);
  });

  it('does not mark a term again soon after its last mark, even in a new section', () => {
    expect(review('<h2>One</h2><p>EnvoyFilter</p><h2>Two</h2><p>EnvoyFilter</p>')).toEqual(['EnvoyFilter*', 'EnvoyFilter']);
  });

  it('leaves the site’s own product and umbrella words unmarked on their home site', () => {
    expect(umbrellaTerms('https://istio.io/latest/docs/')).toContain('istio');
    expect(umbrellaTerms('https://www.envoyproxy.io/docs/envoy/latest/')).toContain('envoy');
    expect(umbrellaTerms('https://github.com/istio/istio/issues/1')).toContain('istio');
    expect(umbrellaTerms('https://github.com/acme/payments/issues/12')).not.toContain('istio');
    expect(review('<p>Istio, Envoy and EnvoyFilter</p>', 'https://istio.io/latest/docs/')).toEqual(['Istio', 'Envoy', 'EnvoyFilter*']);
    expect(review('<p>Istio and Envoy</p>', 'https://www.envoyproxy.io/docs/envoy/latest/')).toEqual(['Istio*', 'Envoy']);
  });
});

describe('what a sense check reads', () => {
  /** Characters returned by reads of `property` on `target`'s prototype chain while `run` runs. */
  function charactersRead(target: object, property: string, run: () => void): number {
    let owner: object | null = target;
    while (owner && !Object.getOwnPropertyDescriptor(owner, property)) owner = Object.getPrototypeOf(owner);
    const descriptor = Object.getOwnPropertyDescriptor(owner!, property)!;
    let read = 0;
    Object.defineProperty(owner!, property, { ...descriptor, get(this: unknown) {
      const value = descriptor.get!.call(this) as string | null;
      read += value?.length ?? 0;
      return value;
    } });
    try {
      run();
    } finally {
      Object.defineProperty(owner!, property, descriptor);
    }
    return read;
  }

  it('reads the start of a huge block once for all its matches, not its whole text for each', () => {
    // 100 occurrences of VM, whose sense check reads the block's text, in a 200,000-character log.
    const line = `${'x'.repeat(1990)} VM\n`;
    document.body.innerHTML = `<pre>${line.repeat(100)}</pre>`;
    const text = document.querySelector('pre')!.firstChild as Text;
    const matches = matcher.findAll(text.data);
    expect(matches.filter((match) => match.termId === 'virtual-machine')).toHaveLength(100);
    const policy = new MarkingPolicy(document, 'https://github.com/istio/istio/issues/1');
    let kept = 0;
    const read = charactersRead(document.body, 'textContent', () => (kept = policy.review(text, matches).length));
    expect(kept).toBe(100);
    // (Before: the block's whole text for each occurrence, 20 million characters.)
    expect(read).toBe(0);
  });

  it('reads the unit as the block’s text starts, across its elements', () => {
    // An RDS next to "AWS" in the same paragraph, but in another element, is the database.
    expect(kept('<p>Our <code>RDS</code> instance on <b>AWS</b> is slow.</p>')).not.toContain('RDS');
    expect(kept('<p>Envoy asks for <code>RDS</code> after LDS.</p>')).toContain('RDS');
  });
});
