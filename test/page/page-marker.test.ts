// @vitest-environment happy-dom
/**
 * PageMarker on a page that never stops changing: content added and removed all the time (a live
 * thread, a virtualised list) leaves nothing of itself watched or marked here, and is watched
 * without reading its layout; an address rewritten every few milliseconds does not rescan the
 * page each time. Layout is faked (each element's height is its `data-h`) and the test plays the
 * IntersectionObserver.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { TermMatcher } from '../../src/glossary/matcher';
import { matcherTerms } from '../../src/glossary/terms';
import { TermHighlights } from '../../src/page/highlights';
import { PageMarker, URL_RESCAN_MS } from '../../src/page/page-marker';
import { PageScanner } from '../../src/page/scanner';

const matcher = new TermMatcher(matcherTerms(loadDataset().glossary));

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
  report(elements: Element[]) {
    this.callback(elements.map((target) => ({ target, isIntersecting: true, boundingClientRect: new DOMRect(0, 0, 800, 100) }) as unknown as IntersectionObserverEntry));
  }
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => {
  Element.prototype.checkVisibility = () => true;
});

/** A marker started on the page as it is, once its first scan is done with the element `nearId` reported near the screen. */
async function startedMarker(scanner: PageScanner, nearId: string): Promise<{ marker: PageMarker; observer: FakeObserver }> {
  let scanned!: () => void;
  const done = new Promise<void>((resolve) => (scanned = resolve));
  const marker = new PageMarker(() => scanner, { relevantByDefault: () => true, paint: true, onScanned: () => scanned() });
  FakeObserver.last = undefined;
  marker.start();
  // The scanner is loaded first (a promise), then the page cut into regions.
  while (!FakeObserver.last) await sleep(1);
  const observer = FakeObserver.last as FakeObserver;
  observer.report([document.getElementById(nearId)!]);
  await done;
  return { marker, observer };
}

describe('PageMarker on a page that keeps changing', () => {
  const ownObserver = window.IntersectionObserver;
  let layoutReads: ReturnType<typeof vi.spyOn>;
  let scanner: PageScanner;
  let marker: PageMarker;

  beforeEach(async () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://github.com/istio/istio/issues/1');
    document.title = 'Sidecar memory · Issue #1 · istio/istio';
    Object.assign(window, { IntersectionObserver: FakeObserver });
    Object.defineProperty(window, 'innerHeight', { value: 1000, configurable: true });
    layoutReads = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      return new DOMRect(0, 0, 800, Number(this.getAttribute('data-h') ?? 0));
    });
    document.body.innerHTML = '<main id="thread" data-h="600"><p data-h="100">The istiod config push and the sidecar.</p></main>';
    Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    scanner = new PageScanner(matcher);
    ({ marker } = await startedMarker(scanner, 'thread'));
  });
  afterEach(() => {
    marker.stop();
    vi.restoreAllMocks();
    Object.assign(window, { IntersectionObserver: ownObserver });
  });

  it('keeps nothing of the content the page adds and removes, and reads no layout for it', async () => {
    const thread = document.getElementById('thread')!;
    layoutReads.mockClear();
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 25; i++) thread.insertAdjacentHTML('beforeend', `<p class="live" data-h="100">Envoy retried the request; the VirtualService ${round}.${i} routes it.</p>`);
      await frame();
      // Some of it comes near the screen and is scanned.
      FakeObserver.last!.report([...thread.querySelectorAll('.live')].slice(0, 5));
      await sleep(20);
      // (scanned: their terms are on the page while they are)
      if (round === 0) expect(marker.terms().map((term) => term.termId)).toContain('virtualservice');
      for (const paragraph of thread.querySelectorAll('.live')) paragraph.remove();
      await frame();
    }
    expect(FakeObserver.last!.watched.size).toBe(0);
    expect(layoutReads).not.toHaveBeenCalled();
    // Only the page's own paragraph keeps its marks.
    expect(marker.terms().map((term) => term.termId).sort()).toEqual(['istiod', 'sidecar', 'xds-push']);
  });

  it('tells its owner each time a scan settles, so a side panel hears of new terms without polling', async () => {
    const settled = vi.fn();
    marker.update({ relevantByDefault: () => true, paint: true, onSettled: settled });
    const thread = document.getElementById('thread')!;
    thread.insertAdjacentHTML('beforeend', '<p class="late" data-h="100">A late comment about the EnvoyFilter.</p>');
    await frame();
    expect(settled).not.toHaveBeenCalled();
    FakeObserver.last!.report([thread.querySelector('.late')!]);
    await sleep(20);
    expect(marker.terms().map((term) => term.termId)).toContain('envoyfilter');
    expect(settled).toHaveBeenCalled();
  });

  it('follows an address changed without a mutation when its owner checks it, and only once started', async () => {
    const resets = vi.spyOn(scanner, 'reset');
    // Another path: a new page, whatever its content.
    history.pushState(null, '', '/istio/istio/issues/2');
    await sleep(5);
    expect(resets).not.toHaveBeenCalled();
    marker.checkAddress();
    expect(resets).toHaveBeenCalledTimes(1);
    marker.checkAddress();
    expect(resets).toHaveBeenCalledTimes(1);
    const unstarted = new PageMarker(() => scanner, { relevantByDefault: () => true, paint: true });
    history.pushState(null, '', '/istio/istio/issues/3');
    unstarted.checkAddress();
    expect(resets).toHaveBeenCalledTimes(1);
  });

  it('does not rescan when only the query string changes and the page stays the same, and rate-limits rescans', async () => {
    const resets = vi.spyOn(scanner, 'reset');
    const thread = document.getElementById('thread')!;
    for (let i = 0; i < 30; i++) {
      history.replaceState(null, '', `?t=${i}`);
      thread.append(document.createTextNode(' '));
      await sleep(5);
    }
    expect(resets).not.toHaveBeenCalled();
    // Another page: rescanned at once, and the next change only once the limit has passed.
    history.pushState(null, '', '/istio/istio/issues/2');
    document.title = 'Another issue';
    thread.append(document.createTextNode(' '));
    await sleep(5);
    expect(resets).toHaveBeenCalledTimes(1);
    for (let i = 3; i < 10; i++) {
      history.pushState(null, '', `/istio/istio/issues/${i}`);
      thread.append(document.createTextNode(' '));
      await sleep(5);
    }
    expect(resets).toHaveBeenCalledTimes(1);
    await sleep(URL_RESCAN_MS + 100);
    expect(resets).toHaveBeenCalledTimes(2);
  });
});

describe('PageMarker on a short page and on a long one', () => {
  const ownObserver = window.IntersectionObserver;
  let marker: PageMarker;

  /** A thread `screens` screens tall whose first comment is near the screen and whose last names the EnvoyFilter. */
  async function markedThread(screens: number): Promise<FakeObserver> {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://github.com/istio/istio/issues/2');
    Object.assign(window, { IntersectionObserver: FakeObserver });
    Object.defineProperty(window, 'innerHeight', { value: 1000, configurable: true });
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      return new DOMRect(0, Number(this.getAttribute('data-top') ?? 0), 800, Number(this.getAttribute('data-h') ?? 0));
    });
    const step = (screens * 1000) / 4;
    document.body.innerHTML = `<main id="thread" data-h="${screens * 1000}">
      <section id="first" data-top="0" data-h="900"><p>The istiod config push.</p></section>
      <section data-top="${step}" data-h="900"><p>Sidecar memory.</p></section>
      <section data-top="${2 * step}" data-h="900"><p>Nothing here.</p></section>
      <section data-top="${3 * step}" data-h="900"><p>The EnvoyFilter at the end.</p></section>
    </main>`;
    document.body.setAttribute('data-h', String(screens * 1000));
    Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    const started = await startedMarker(new PageScanner(matcher), 'first');
    marker = started.marker;
    await sleep(30);
    return started.observer;
  }

  afterEach(() => {
    marker.stop();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    Object.assign(window, { IntersectionObserver: ownObserver });
  });

  it('reads a short page whole once its first screens are read, and watches nothing more', async () => {
    const observer = await markedThread(8);
    expect(marker.terms().map((term) => term.termId)).toEqual(expect.arrayContaining(['istiod', 'envoyfilter']));
    expect(observer.watched.size).toBe(0);
    expect(marker.ready).toBe(true);
  });

  it('paints a short page in one change to the highlight, once it is read whole', async () => {
    // The Highlight API, counted: each flush that hands ranges to the browser is a change, and
    // every change has the browser repaint every mark.
    let added = 0;
    class CountedHighlight extends Set<AbstractRange> {
      priority = 0;
      override add(range: AbstractRange): this {
        added++;
        return super.add(range);
      }
    }
    vi.stubGlobal('Highlight', CountedHighlight);
    vi.stubGlobal('CSS', Object.assign(Object.create(globalThis.CSS ?? null), { highlights: new Map() }));
    // (happy-dom has no StaticRange: what is marked is read from the marker, not the ranges.)
    vi.stubGlobal('StaticRange', class {});
    let changes = 0;
    const flush = TermHighlights.prototype.flush;
    vi.spyOn(TermHighlights.prototype, 'flush').mockImplementation(function (this: TermHighlights) {
      const before = added;
      flush.call(this);
      if (added > before) changes++;
    });
    await markedThread(8);
    await sleep(300);
    expect(marker.terms().map((term) => term.termId)).toEqual(expect.arrayContaining(['istiod', 'envoyfilter']));
    expect(added).toBeGreaterThanOrEqual(2);
    expect(changes).toBe(1);
  });

  it('leaves the rest of a long page until the reader comes near it', async () => {
    const observer = await markedThread(40);
    const terms = marker.terms().map((term) => term.termId);
    expect(terms).toContain('istiod');
    expect(terms).not.toContain('envoyfilter');
    expect(observer.watched.size).toBeGreaterThan(0);
    expect(marker.ready).toBe(false);
  });
});
