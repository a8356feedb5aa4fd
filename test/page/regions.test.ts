// @vitest-environment happy-dom
/**
 * ScanRegions: the page cut into regions no taller than two screens, only those near the
 * viewport handed over, the rest on request. Layout is faked (happy-dom has none): each
 * element's height is its `data-h`, and the test plays the IntersectionObserver.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScanRegions, type Region } from '../../src/page/regions';

class FakeObserver {
  static last: FakeObserver | undefined;
  readonly watched = new Set<Element>();
  constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeObserver.last = this;
  }
  observe(element: Element) {
    this.watched.add(element);
  }
  unobserve(element: Element) {
    this.watched.delete(element);
  }
  disconnect() {
    this.watched.clear();
  }
  /** The browser reporting these elements as near the screen. */
  report(...elements: Element[]) {
    this.callback(elements.map((target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry));
  }
}

const names = (regions: Region[]) => regions.map((region) => (region.root.nodeType === Node.TEXT_NODE ? `text:${region.root.textContent!.trim()}` : (region.root as Element).id));

describe('ScanRegions', () => {
  beforeEach(() => {
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      return new DOMRect(0, 0, 800, Number(this.getAttribute('data-h') ?? 0));
    });
    Object.defineProperty(window, 'innerHeight', { value: 1000, configurable: true });
    document.body.innerHTML = `
      <main id="main" data-h="9000">
        <section id="one" data-h="1500"><p>first</p></section>
        own text of main
        <div id="thread" data-h="6000">
          <article id="c1" data-h="800">a</article>
          <article id="c2" data-h="800">b</article>
        </div>
        <pre id="log" data-h="5000">one tall text with no element inside</pre>
      </main>`;
  });
  const ownObserver = window.IntersectionObserver;
  afterEach(() => {
    vi.restoreAllMocks();
    Object.assign(window, { IntersectionObserver: ownObserver });
  });

  it('hands over the whole root at once where there is no IntersectionObserver', () => {
    Object.assign(window, { IntersectionObserver: undefined });
    const near: Region[][] = [];
    const regions = new ScanRegions(document, (regions) => near.push(regions));
    regions.watch(document.getElementById('main')!);
    expect(near.map(names)).toEqual([['main']]);
    expect(regions.hasRest).toBe(false);
  });

  it('cuts tall elements into regions and hands over only those reported near, in document order', () => {
    Object.assign(window, { IntersectionObserver: FakeObserver });
    const near: Region[][] = [];
    const regions = new ScanRegions(document, (regions) => near.push(regions));
    regions.watch(document.getElementById('main')!);
    const observer = FakeObserver.last!;
    // Short sections, each comment of the tall thread, the tall leaf, and main (for its own text).
    expect([...observer.watched].map((element) => element.id).sort()).toEqual(['c1', 'c2', 'log', 'main', 'one']);
    expect(near).toEqual([]);

    observer.report(document.getElementById('c2')!, document.getElementById('one')!);
    expect(near.map(names)).toEqual([['one', 'c2']]);
    expect(observer.watched.has(document.getElementById('c2')!)).toBe(false);
    // Reported again (scrolled back): handed over once only.
    observer.report(document.getElementById('c2')!);
    expect(near).toHaveLength(1);

    expect(regions.hasRest).toBe(true);
    expect(names(regions.takeRest()).sort()).toEqual(['c1', 'log', 'text:own text of main']);
    expect(regions.hasRest).toBe(false);
    expect(observer.watched.size).toBe(0);
  });

  it('hands over a root with no height (hidden) at once', () => {
    Object.assign(window, { IntersectionObserver: FakeObserver });
    document.getElementById('one')!.setAttribute('data-h', '0');
    const near: Region[][] = [];
    new ScanRegions(document, (regions) => near.push(regions)).watch(document.getElementById('one')!);
    expect(near.map(names)).toEqual([['one']]);
  });
});
