// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { TermMatcher } from '../../src/glossary/matcher';
import { matcherTerms } from '../../src/glossary/terms';
import { termAtPoint } from '../../src/page/hover';
import { PageMarker } from '../../src/page/page-marker';
import { MAX_MATCHES_PER_NODE, PageScanner } from '../../src/page/scanner';
import type { TermMatch } from '../../src/glossary/matcher';
import { loadFixture } from '../fixtures/pages';

const matcher = new TermMatcher(matcherTerms(loadDataset().glossary));

/** happy-dom has no layout: an element is hidden when it or an ancestor is [hidden] or display:none. */
beforeAll(() => {
  Element.prototype.checkVisibility = function (this: Element) {
    return this.closest('[hidden], [style*="display:none"], [style*="display: none"]') === null;
  };
});

function scan(html: string): { text: string; termId: string }[] {
  document.body.innerHTML = html;
  const found: { text: string; termId: string }[] = [];
  const job = new PageScanner(matcher).job(document.body, ({ node, matches }) => {
    for (const match of matches) found.push({ text: node.data.slice(match.start, match.end), termId: match.termId });
  });
  while (!job.run(() => false));
  return found;
}

/** A marker on the current document, once its first full scan is done. */
async function markerAfterFirstScan(): Promise<PageMarker> {
  let scanned!: () => void;
  const done = new Promise<void>((resolve) => (scanned = resolve));
  const marker = new PageMarker(() => new PageScanner(matcher), { relevantByDefault: () => true, paint: true, onScanned: () => scanned() });
  marker.start();
  await done;
  return marker;
}

describe('PageScanner', () => {
  it('finds terms in prose and code, and none in fields, editors, hidden or script text', () => {
    const found = scan(`
      <p>The sidecar hits 503 UC after the idle timeout.</p>
      <pre><code>kind: EnvoyFilter</code></pre>
      <textarea>rate limiting</textarea><input value="lazy loading"><select><option>canary release</option></select>
      <div contenteditable="true">circuit breaking</div><div class="cm-editor">outlier detection</div>
      <div hidden>traffic mirroring</div><div style="display:none">fault injection</div>
      <script>var mtls = "mTLS"</script><style>.ServiceEntry{}</style>
      <p>autopilot, pilots and Pliot</p>`);
    const texts = found.map((match) => match.text);
    expect(texts).toEqual(expect.arrayContaining(['sidecar', '503 UC', 'idle timeout', 'EnvoyFilter', 'pilots', 'Pliot']));
    for (const absent of ['rate limiting', 'lazy loading', 'canary release', 'circuit breaking', 'outlier detection', 'traffic mirroring', 'fault injection', 'mTLS', 'ServiceEntry']) {
      expect(texts, absent).not.toContain(absent);
    }
    expect(texts).not.toContain('pilot');
  });

  it('scans a whole fixture page in slices that stop at the deadline', () => {
    document.body.innerHTML = new DOMParser().parseFromString(loadFixture('githubIssue503').html, 'text/html').body.innerHTML;
    const scanner = new PageScanner(matcher);
    let nodes = 0;
    const job = scanner.job(document.body, () => nodes++);
    let slices = 1;
    while (!job.run(() => true)) slices++;
    expect(nodes).toBeGreaterThan(20);
    expect(slices).toBeGreaterThan(1);
  });
});

describe('PageScanner on a huge text node', () => {
  /** `length` characters of prose without terms, with `terms` written at the given offsets. */
  function textWith(length: number, terms: [offset: number, term: string][]): string {
    let text = 'lorem ipsum dolor sit amet '.repeat(Math.ceil(length / 27)).slice(0, length);
    for (const [offset, term] of terms) text = `${text.slice(0, offset)} ${term} ${text.slice(offset + term.length + 2)}`;
    return text;
  }

  function scanNode(text: string): { matches: TermMatch[][]; slices: number } {
    document.body.innerHTML = '<pre id="log"></pre>';
    document.getElementById('log')!.textContent = text;
    const matches: TermMatch[][] = [];
    const job = new PageScanner(matcher).job(document.body, (found) => matches.push(found.matches));
    let slices = 1;
    // A deadline that has always passed: each slice does the least it may.
    while (!job.run(() => true)) slices++;
    return { matches, slices };
  }

  it('matches a 5 MB node a window at a time, yielding between windows, and loses no term at a window’s edge', () => {
    // Terms across the first windows' edges (every 32 Ki characters), and one at the very end.
    const text = textWith(5_000_000, [[32_768 - 5, 'EnvoyFilter'], [65_536 - 1, 'DestinationRule'], [2_500_000, 'sidecar'], [4_999_980, 'istiod']]);
    const { matches, slices } = scanNode(text);
    expect(slices).toBeGreaterThan(100);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toEqual(matcher.findAll(text));
    expect(matches[0]!.map((match) => text.slice(match.start, match.end))).toEqual(['EnvoyFilter', 'DestinationRule', 'sidecar', 'istiod']);
  });

  it('reads a huge node’s text once, not once per window (Firefox copies it on every read)', () => {
    document.body.innerHTML = '<pre id="log"></pre>';
    const node = document.createTextNode(textWith(1_000_000, [[900_000, 'sidecar']]));
    document.getElementById('log')!.append(node);
    const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(node), 'data') ?? Object.getOwnPropertyDescriptor(CharacterData.prototype, 'data')!;
    let reads = 0;
    Object.defineProperty(node, 'data', { get: () => (reads++, own.get!.call(node)), configurable: true });
    const job = new PageScanner(matcher).job(document.body, () => {});
    while (!job.run(() => true));
    // 1 MB is 31 windows: one read, whatever the number of windows.
    expect(reads).toBe(1);
  });

  it('keeps at most MAX_MATCHES_PER_NODE matches of a node, the first ones', () => {
    const text = 'the sidecar retried, EnvoyFilter applied, istiod pushed\n'.repeat(90_000);
    const { matches } = scanNode(text);
    expect(matches[0]).toHaveLength(MAX_MATCHES_PER_NODE);
    expect(matches[0]).toEqual(matcher.findAll(text, MAX_MATCHES_PER_NODE));
  });

  it('windows a huge text node added on its own (a log streaming in)', () => {
    document.body.innerHTML = '<pre id="log"></pre>';
    const node = document.createTextNode(textWith(200_000, [[150_000, 'sidecar']]));
    document.getElementById('log')!.append(node);
    const found: TermMatch[][] = [];
    const job = new PageScanner(matcher).job(node, (result) => found.push(result.matches));
    let slices = 1;
    while (!job.run(() => true)) slices++;
    expect(slices).toBeGreaterThan(1);
    expect(found.flat().map((match) => node.data.slice(match.start, match.end))).toEqual(['sidecar']);
  });
});

describe('PageMarker', () => {
  it('counts the page’s terms and forgets removed ones', async () => {
    document.body.innerHTML = '<main><p id="a">Envoy sidecar memory, sidecar again.</p><p id="b">rate limiting with EnvoyFilter</p></main>';
    const marker = await markerAfterFirstScan();
    expect(marker.terms()).toEqual(expect.arrayContaining([{ termId: 'sidecar', count: 2 }, { termId: 'rate-limiting', count: 1 }]));
    document.getElementById('b')!.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(marker.terms().map((term) => term.termId)).not.toContain('rate-limiting');
    marker.stop();
  });
});

describe('Hover without the CSS Custom Highlight API', () => {
  // happy-dom has no `CSS.highlights`, as browsers without the API: nothing can be painted.
  it('paints nothing but still finds the term under the pointer', async () => {
    expect((globalThis as { CSS?: { highlights?: unknown } }).CSS?.highlights).toBeUndefined();
    document.body.innerHTML = '<main><p id="p">Our sidecar memory keeps growing.</p></main>';
    const marker = await markerAfterFirstScan();
    const node = document.getElementById('p')!.firstChild as Text;
    const start = node.data.indexOf('sidecar');
    // No layout here: the caret and the glyph boxes are what a browser would report.
    const box = new DOMRect(40, 10, 50, 16);
    const caret = { caretPositionFromPoint: () => ({ offsetNode: node, offset: start + 2 }) };
    Object.assign(document, caret);
    const rects = Range.prototype.getClientRects;
    Range.prototype.getClientRects = () => [box] as unknown as DOMRectList;
    // happy-dom lacks StaticRange, which every browser has (with or without highlights).
    const global = globalThis as { StaticRange?: unknown };
    const hadStaticRange = 'StaticRange' in global;
    global.StaticRange ??= class { constructor(init: StaticRangeInit) { Object.assign(this, init); } };
    try {
      const found = termAtPoint(document, 60, 18, (text) => marker.matchesIn(text) ?? []);
      expect(found?.termId).toBe('sidecar');
      expect(node.data.slice(found!.match.start, found!.match.end)).toBe('sidecar');
      expect(found?.context).toContain('memory');
      expect(termAtPoint(document, 200, 18, (text) => marker.matchesIn(text) ?? [])).toBeUndefined();
    } finally {
      Range.prototype.getClientRects = rects;
      if (!hadStaticRange) delete global.StaticRange;
      delete (document as unknown as Partial<typeof caret>).caretPositionFromPoint;
      marker.stop();
    }
  });
});

describe('PageMarker while the page changes', () => {
  it('forgets the marks of text that becomes editable, and finds them again when it stops', async () => {
    document.body.innerHTML = '<main><p id="a">The sidecar keepalive.</p><p id="b">An EnvoyFilter.</p></main>';
    const marker = await markerAfterFirstScan();
    const a = document.getElementById('a')!;
    expect(marker.matchesIn(a.firstChild as Text)).toHaveLength(2);
    a.setAttribute('contenteditable', 'true');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(marker.matchesIn(a.firstChild as Text)).toBeUndefined();
    expect(marker.terms().map((term) => term.termId)).toEqual(['envoyfilter']);
    document.getElementById('b')!.setAttribute('role', 'textbox');
    a.removeAttribute('contenteditable');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(marker.matchesIn(a.firstChild as Text)).toHaveLength(2);
    expect(marker.terms().map((term) => term.termId).sort()).toEqual(['keepalive', 'sidecar']);
    marker.stop();
  });

  it('finishes its first scan even when content arrives during it (lazily loaded comments)', async () => {
    document.body.innerHTML = `<main>${'<p>Envoy sidecar, rate limiting.</p>'.repeat(400)}</main>`;
    let scanned = false;
    const marker = new PageMarker(() => new PageScanner(matcher), { relevantByDefault: () => true, paint: true, onScanned: () => (scanned = true) });
    marker.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p>A late comment about EnvoyFilter.</p>');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(scanned).toBe(true);
    expect(marker.terms().map((term) => term.termId)).toContain('envoyfilter');
    marker.stop();
  });
});

describe('PageMarker across navigations', () => {
  it('asks again whether a page must prove it is about Istio when the URL changes', async () => {
    history.replaceState({}, '', '/istio/istio/issues/1');
    document.body.innerHTML = '<p>The sidecar and Envoy.</p>';
    const asked: string[] = [];
    let scans = 0;
    const marker = new PageMarker(
      () => new PageScanner(matcher),
      { relevantByDefault: (href) => (asked.push(new URL(href).pathname), href.includes('/istio/')), paint: true, onScanned: () => scans++ },
    );
    marker.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(marker.isRelevant).toBe(true);
    history.pushState({}, '', '/facebook/react/issues/2');
    document.body.innerHTML = '<p>A hydration bug in a proxy component.</p>';
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(asked).toEqual(['/istio/istio/issues/1', '/facebook/react/issues/2']);
    expect(marker.isRelevant).toBe(false);
    expect(scans).toBe(2);
    marker.stop();
  });
});
