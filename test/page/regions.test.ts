// @vitest-environment happy-dom
/**
 * ScanRegions: the page cut into regions no taller than two screens, watched in runs (at most four
 * screens tall) through one element each, only those near the viewport handed over, the rest on
 * request; content the page adds watched once per frame without reading its layout; what leaves
 * the page released. Layout is faked (happy-dom has none): each element's top and height are its
 * `data-top` and `data-h`, and the test plays the IntersectionObserver.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WATCHED, ScanRegions, type Region } from '../../src/page/regions';

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
  /** The browser reporting these elements as near the screen (or, `near` false, not). */
  report(elements: Element[], near = true) {
    this.callback(elements.map((target) => ({ target, isIntersecting: near, boundingClientRect: box(target) }) as unknown as IntersectionObserverEntry));
  }
}

function box(element: Element): DOMRect {
  return new DOMRect(0, Number(element.getAttribute('data-top') ?? 0), 800, Number(element.getAttribute('data-h') ?? 0));
}

const names = (regions: Region[]) => regions.map((region) => (region.root.nodeType === Node.TEXT_NODE ? `text:${region.root.textContent!.trim()}` : (region.root as Element).id));
const byId = (id: string) => document.getElementById(id)!;
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

describe('ScanRegions', () => {
  let layoutReads: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    layoutReads = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      return box(this);
    });
    Object.defineProperty(window, 'innerHeight', { value: 1000, configurable: true });
    document.body.innerHTML = `
      <main id="main" data-h="30000">
        <section id="one" data-top="0" data-h="1500"><p>first</p></section>
        own text of main
        <div id="thread" data-top="1500" data-h="11400">
          <article id="c1" data-top="1500" data-h="1500">a</article>
          <article id="c2" data-top="3000" data-h="1500">b</article>
          <article id="c3" data-top="4500" data-h="1800">c</article>
          <article id="hidden" data-top="6300" data-h="0">d</article>
          <article id="c4" data-top="6300" data-h="3600">e</article>
        </div>
        <pre id="log" data-top="12900" data-h="5000">one tall text with no element inside</pre>
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
    regions.watch(byId('main'));
    expect(near.map(names)).toEqual([['main']]);
    expect(regions.hasRest).toBe(false);
  });

  it('cuts tall elements into runs of regions at most four screens tall, each watched through its first element', () => {
    Object.assign(window, { IntersectionObserver: FakeObserver });
    const near: Region[][] = [];
    const regions = new ScanRegions(document, (regions) => near.push(regions));
    regions.watch(byId('main'));
    const observer = FakeObserver.last!;
    // #one with main's own text; c1 and c2 (3,000 px together; c3 would make 4,800, over four
    // screens); c3; the hidden one alone; c4 (taller than two screens but a leaf); the tall leaf.
    expect([...observer.watched].map((element) => element.id).sort()).toEqual(['c1', 'c3', 'c4', 'hidden', 'log', 'one']);
    expect(near).toEqual([]);

    observer.report([byId('c1'), byId('one')]);
    expect(near.map(names)).toEqual([['one', 'text:own text of main', 'c1', 'c2']]);
    expect(observer.watched.has(byId('c1'))).toBe(false);
    // Reported again (scrolled back): handed over once only.
    observer.report([byId('c1')]);
    expect(near).toHaveLength(1);

    expect(regions.hasRest).toBe(true);
    expect(names(regions.takeRest())).toEqual(['c3', 'hidden', 'c4', 'log']);
    expect(regions.hasRest).toBe(false);
    expect(observer.watched.size).toBe(0);
  });

  it('hands over a short root whole with its first report: the regions near the screen first, then the rest in document order', () => {
    Object.assign(window, { IntersectionObserver: FakeObserver });
    // 17.9 screens: short (at most 25).
    byId('main').setAttribute('data-h', '17900');
    const near: Region[][] = [];
    const regions = new ScanRegions(document, (regions) => near.push(regions));
    regions.watch(byId('main'));
    const observer = FakeObserver.last!;
    observer.report([byId('c3')]);
    expect(near.map(names)).toEqual([['c3', 'one', 'text:own text of main', 'c1', 'c2', 'hidden', 'c4', 'log']]);
    expect(observer.watched.size).toBe(0);
    expect(regions.hasRest).toBe(false);
  });

  it('hands over a root with no height (hidden) at once', () => {
    Object.assign(window, { IntersectionObserver: FakeObserver });
    byId('one').setAttribute('data-h', '0');
    const near: Region[][] = [];
    new ScanRegions(document, (regions) => near.push(regions)).watch(byId('one'));
    expect(near.map(names)).toEqual([['one']]);
  });

  it('watches added content once per frame, without reading its layout, and cuts it when it comes near', async () => {
    Object.assign(window, { IntersectionObserver: FakeObserver });
    const near: Region[][] = [];
    const regions = new ScanRegions(document, (regions) => near.push(regions));
    const observer = FakeObserver.last!;
    document.body.insertAdjacentHTML('beforeend', `
      <div id="added" data-top="0" data-h="5000"><p id="p1" data-top="0" data-h="400">x</p><p id="p2" data-top="400" data-h="400">y</p><p id="p3" data-top="800" data-h="4200">z</p></div>
      <p id="small" data-top="5000" data-h="100">small</p>
      <p id="gone" data-top="5100" data-h="100">gone</p>
      <p id="none" data-top="5200" data-h="0">display none</p>`);
    layoutReads.mockClear();
    for (const id of ['added', 'p1', 'small', 'gone', 'none']) regions.add(byId(id));
    byId('gone').remove();
    expect(observer.watched.size).toBe(0);
    await nextFrame();
    // One batch: the outermost roots still in the page, as they are.
    expect([...observer.watched].map((element) => element.id).sort()).toEqual(['added', 'none', 'small']);
    expect(layoutReads).not.toHaveBeenCalled();
    // First reports: the one with no height is handed over; the others wait to come near.
    observer.report([byId('added'), byId('small'), byId('none')], false);
    expect(near.map(names)).toEqual([['none']]);
    // Taller than two screens: cut into runs when it comes near.
    observer.report([byId('added')]);
    expect([...observer.watched].map((element) => element.id).sort()).toEqual(['p1', 'p3', 'small']);
    observer.report([byId('p1'), byId('small')]);
    expect(near.map(names)).toEqual([['none'], ['p1', 'p2', 'small']]);
  });

  it('releases what leaves the page, target or not', async () => {
    Object.assign(window, { IntersectionObserver: FakeObserver });
    const regions = new ScanRegions(document, () => {});
    regions.watch(byId('main'));
    const observer = FakeObserver.last!;
    // The run c1+c2 loses its target: c2 is watched instead. c3 and the tall leaf go entirely.
    for (const id of ['c1', 'c3', 'log']) byId(id).remove();
    regions.sweep();
    expect([...observer.watched].map((element) => element.id).sort()).toEqual(['c2', 'c4', 'hidden', 'one']);
    byId('main').remove();
    regions.sweep();
    expect(observer.watched.size).toBe(0);
    expect(regions.watchedCount).toBe(0);
    expect(regions.takeRest()).toEqual([]);
  });

  it('watches at most MAX_WATCHED elements: past that, what is added is handed over at once', async () => {
    Object.assign(window, { IntersectionObserver: FakeObserver });
    const near: Region[][] = [];
    const regions = new ScanRegions(document, (regions) => near.push(regions));
    const many = Array.from({ length: MAX_WATCHED + 10 }, () => document.body.appendChild(document.createElement('p')));
    for (const element of many) regions.add(element);
    await nextFrame();
    expect(regions.watchedCount).toBe(MAX_WATCHED);
    expect(near.flat()).toHaveLength(10);
  });
});
