// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { istioVersionInText, pageVersion, pageVersionText, VERSION_LIMITS, versionFromUrl } from '../../src/page/page-version';

describe('versionFromUrl', () => {
  it('reads istio.io archive addresses and treats /latest/ as today', () => {
    expect(versionFromUrl('https://istio.io/v1.20/docs/ops/configuration/traffic-management/')).toEqual({ product: 'istio', version: '1.20' });
    expect(versionFromUrl('https://istio.io/v1.9/docs/')).toEqual({ product: 'istio', version: '1.9' });
    expect(versionFromUrl('https://istio.io/latest/docs/reference/config/networking/virtual-service/')).toEqual({ latest: true });
    expect(versionFromUrl('https://istio.io/docs/')).toEqual({ latest: true });
    // A release newer than any we know is not pinned.
    expect(versionFromUrl('https://istio.io/v2.0/docs/')).toEqual({ latest: true });
  });

  it('reads envoyproxy.io and GitHub release branches', () => {
    expect(versionFromUrl('https://www.envoyproxy.io/docs/envoy/v1.26.0/intro/')).toEqual({ product: 'envoy', version: '1.26' });
    expect(versionFromUrl('https://www.envoyproxy.io/docs/envoy/latest/intro/')).toEqual({ latest: true });
    expect(versionFromUrl('https://github.com/istio/api/blob/release-1.19/networking/v1alpha3/virtual_service.proto')).toEqual({ product: 'istio', version: '1.19' });
    expect(versionFromUrl('https://github.com/istio/istio/issues/41923')).toBeUndefined();
    expect(versionFromUrl('not a url')).toBeUndefined();
  });
});

describe('istioVersionInText', () => {
  it('reads istioctl version output, the control plane first', () => {
    expect(istioVersionInText('$ istioctl version\nclient version: 1.17.1\ncontrol plane version: 1.16.2\ndata plane version: 1.16.2 (12 proxies)')).toBe('1.16');
    expect(istioVersionInText('client version: 1.16.2')).toBe('1.16');
  });

  it('reads the Version section of an issue form, not the Kubernetes lines in it', () => {
    const text = 'Title\n# Bug Description\nRequests fail with HTTP/1.1 503 after a while.\n# Version\nclient version: v1.16.2-distroless\nKubernetes: v1.25.9\n# Additional Information\nnothing';
    expect(istioVersionInText(text)).toBe('1.16');
    expect(istioVersionInText('# Version\n1.18.3\n')).toBe('1.18');
    expect(istioVersionInText('# Version\nServer Version: v1.25.9\nKustomize Version: v4.5.7\nClient Version: v1.25.9')).toBeUndefined();
  });

  it('reads plain statements, in English and Chinese', () => {
    expect(istioVersionInText('Everything broke after upgrading to 1.19 last week.')).toBe('1.19');
    expect(istioVersionInText('We run on Istio 1.18 with 300 services.')).toBe('1.18');
    expect(istioVersionInText('升级到 1.19 之后，sidecar 启动变慢')).toBe('1.19');
    expect(istioVersionInText('我们的 Istio 版本是 1.15.3')).toBe('1.15');
    expect(istioVersionInText('upgraded istio from 1.18 to 1.20')).toBe('1.20');
  });

  it('takes no number that is not an Istio version', () => {
    expect(istioVersionInText('curl -v http://a -> HTTP/1.1 503 Service Unavailable')).toBeUndefined();
    expect(istioVersionInText('nameserver 1.1.1.1')).toBeUndefined();
    expect(istioVersionInText('kubectl version: v1.25.9, on Kubernetes 1.26')).toBeUndefined();
    expect(istioVersionInText('image: docker.io/istio/proxyv2:1.16.2')).toBeUndefined();
    expect(istioVersionInText('envoy 1.24.1 crashes')).toBeUndefined();
    expect(istioVersionInText('since 2023.1.19, 2021-11-09')).toBeUndefined();
    expect(istioVersionInText('retries took 1.5 seconds')).toBeUndefined();
  });

  it('treats a release from the future as unknown', () => {
    expect(istioVersionInText('after upgrading to Istio 2.0')).toBeUndefined();
    expect(istioVersionInText('on Istio 1.99')).toBeUndefined();
    expect(istioVersionInText('on Istio 2.0, and before that on Istio 1.22')).toBe('1.22');
  });

  it('gives a sensible answer for a page full of version-like numbers, reading a bounded part of it', () => {
    const noise = Array.from({ length: 50 }, (_, i) => `step ${i}: took ${i}.${i % 10}s, HTTP/1.1, 10.0.${i}.1, v1.${i}.0`).join('\n');
    expect(istioVersionInText(`${noise}\nWe are on Istio 1.18.`)).toBe('1.18');
    expect(istioVersionInText(noise)).toBeUndefined();
    // Past the cap, nothing is read.
    expect(istioVersionInText(`${'x '.repeat(VERSION_LIMITS.text)}on Istio 1.18`)).toBeUndefined();
    const many = Array.from({ length: 500 }, () => 'Istio 1.17').join(' ') + ' control plane version: 1.16.0';
    expect(istioVersionInText(many)).toBe('1.17');
  });

  it('prefers the version said most often among statements of the same kind', () => {
    expect(istioVersionInText('Istio 1.18 here. Istio 1.17 was fine. Still Istio 1.18.')).toBe('1.18');
  });
});

describe('pageVersion and pageVersionText', () => {
  it('reads the address first, then the text', () => {
    expect(pageVersion('https://istio.io/v1.16/docs/', 'on Istio 1.20')).toEqual({ product: 'istio', version: '1.16' });
    expect(pageVersion('https://github.com/istio/istio/issues/1', 'on Istio 1.20')).toEqual({ product: 'istio', version: '1.20' });
    expect(pageVersion('https://github.com/istio/istio/issues/1', 'nothing here')).toBeUndefined();
  });

  it('reads a GitHub issue’s title and opening comment as lines with headings, bounded', () => {
    document.body.innerHTML = `<h1><bdi class="js-issue-title">Sidecar starts late</bdi></h1>
      <div class="js-comment-body"><h3>Bug Description</h3><p>Pods start before the proxy.</p><h3>Version</h3><pre>client version: 1.16.2\ncontrol plane version: 1.16.2</pre><ul><li>Kubernetes v1.25.9</li></ul></div>`;
    Object.defineProperty(document, 'location', { value: new URL('https://github.com/istio/istio/issues/4242'), configurable: true });
    const text = pageVersionText(document);
    expect(text).toContain('# Version\nclient version: 1.16.2');
    expect(istioVersionInText(text)).toBe('1.16');
    document.body.innerHTML = `<div class="js-comment-body">${'<p>Istio 1.17</p>'.repeat(5000)}</div>`;
    expect(pageVersionText(document).split('\n').length).toBeLessThanOrEqual(VERSION_LIMITS.blocks + 1);
    Object.defineProperty(document, 'location', { value: new URL('https://istio.io/latest/docs/'), configurable: true });
    expect(pageVersionText(document)).toBe('');
  });
});

describe('the page version on the wire', () => {
  it('accepts a pinned version or latest, nothing else', async () => {
    const { isPageVersion } = await import('../../src/data/currency');
    const { readPageTerms } = await import('../../src/messaging/panel-feed');
    expect(isPageVersion({ product: 'istio', version: '1.16' })).toBe(true);
    expect(isPageVersion({ latest: true })).toBe(true);
    for (const bad of [null, '1.16', { product: 'istio', version: '1.16.2' }, { product: 'linkerd', version: '2.1' }, { latest: true, extra: 1 }, { product: 'istio', version: 'x'.repeat(1e5) }]) expect(isPageVersion(bad)).toBe(false);
    const page = { url: 'https://github.com/istio/istio/issues/1', title: 't', question: 'q', terms: [] };
    expect(readPageTerms({ ...page, version: { product: 'istio', version: '1.16' } })?.version).toEqual({ product: 'istio', version: '1.16' });
    // A version that is not one is dropped, not the page: its notes speak of today.
    expect(readPageTerms({ ...page, version: '1.16' })).toEqual(page);
    expect(readPageTerms(page)).toEqual(page);
  });
});
