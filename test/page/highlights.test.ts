// @vitest-environment happy-dom
/**
 * TermHighlights paints only the marks whose paragraph is near the screen (its paint window), and
 * hands the browser its changes in batches. happy-dom has neither the Highlight API nor layout:
 * the test gives it a Highlight (a set) and plays the IntersectionObserver.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_MARKS, TermHighlights } from '../../src/page/highlights';
import { TERM_STYLE } from '../../src/page/mark-styles';

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

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
  report(near: Element[], away: Element[] = []) {
    this.callback([...near.map((target) => ({ target, isIntersecting: true })), ...away.map((target) => ({ target, isIntersecting: false }))] as unknown as IntersectionObserverEntry[]);
  }
}

const globals = globalThis as unknown as Record<string, unknown>;
const own = { CSS: globals.CSS, Highlight: globals.Highlight, IntersectionObserver: window.IntersectionObserver };
let registry: Map<string, FakeHighlight>;

beforeEach(() => {
  registry = new Map();
  globals.CSS = { highlights: registry };
  globals.Highlight = FakeHighlight;
  Object.assign(window, { IntersectionObserver: FakeObserver });
  FakeObserver.last = undefined;
  document.body.innerHTML = '<p id="first">Envoy and istiod</p><ul><li id="second">a <b>sidecar</b> here</li></ul>';
});

afterEach(() => {
  globals.CSS = own.CSS;
  globals.Highlight = own.Highlight;
  Object.assign(window, { IntersectionObserver: own.IntersectionObserver });
});

/** A range over `length` characters of the first text node under the element `id`, at `start`. */
function rangeIn(id: string, start: number, length: number): Range {
  const element = document.getElementById(id)!;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode() as Text;
  if (id === 'second') node = element.querySelector('b')!.firstChild as Text;
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + length);
  return range;
}

const painted = () => [...(registry.get(TERM_STYLE.mark) ?? [])];

describe('TermHighlights: the marks near the screen', () => {
  it('paints a mark once its paragraph is reported near the screen, and takes it out when it leaves', () => {
    const highlights = new TermHighlights(document);
    highlights.attach();
    const envoy = rangeIn('first', 0, 5);
    const istiod = rangeIn('first', 10, 6);
    const sidecar = rangeIn('second', 0, 7);
    for (const range of [envoy, istiod, sidecar]) expect(highlights.add(range)).toBe(true);
    const observer = FakeObserver.last!;
    // One target per paragraph (`CONTEXT_BLOCK`): the marks of the list item's <b> go with the item.
    expect([...observer.watched].map((element) => element.id)).toEqual(['first', 'second']);
    highlights.flush();
    expect(painted()).toEqual([]);
    expect(highlights.size).toBe(3);

    observer.report([document.getElementById('first')!]);
    expect(painted()).toEqual([envoy, istiod]);

    observer.report([document.getElementById('second')!], [document.getElementById('first')!]);
    expect(painted()).toEqual([sidecar]);
    // A mark added to a paragraph already near is painted at the next flush.
    const here = rangeIn('second', 2, 3);
    highlights.add(here);
    highlights.flush();
    expect(painted()).toEqual([sidecar, here]);
  });

  it('takes a mark out at once when it is deleted, and stops watching a paragraph left with none', () => {
    const highlights = new TermHighlights(document);
    highlights.attach();
    const envoy = rangeIn('first', 0, 5);
    const sidecar = rangeIn('second', 0, 7);
    highlights.add(envoy);
    highlights.add(sidecar);
    const observer = FakeObserver.last!;
    observer.report([document.getElementById('first')!, document.getElementById('second')!]);
    expect(painted()).toEqual([envoy, sidecar]);
    highlights.delete(envoy);
    expect(painted()).toEqual([sidecar]);
    expect(highlights.size).toBe(1);
    expect([...observer.watched].map((element) => element.id)).toEqual(['second']);
    // Reported again later (the observer's report was on its way): nothing comes back.
    observer.report([document.getElementById('first')!]);
    expect(painted()).toEqual([sidecar]);
  });

  it('forgets every mark on clear, and watches nothing', () => {
    const highlights = new TermHighlights(document);
    highlights.attach();
    highlights.add(rangeIn('first', 0, 5));
    const observer = FakeObserver.last!;
    observer.report([document.getElementById('first')!]);
    highlights.clear();
    expect(painted()).toEqual([]);
    expect(highlights.size).toBe(0);
    expect(observer.watched.size).toBe(0);
  });

  it('paints every mark where there is no observer (no layout to tell what is near)', () => {
    Object.assign(window, { IntersectionObserver: undefined });
    const highlights = new TermHighlights(document);
    highlights.attach();
    const envoy = rangeIn('first', 0, 5);
    const sidecar = rangeIn('second', 0, 7);
    highlights.add(envoy);
    highlights.add(sidecar);
    highlights.flush();
    expect(painted()).toEqual([envoy, sidecar]);
  });

  it('counts every mark against the cap, painted or not', () => {
    const highlights = new TermHighlights(document);
    for (let n = 0; n < MAX_MARKS; n++) expect(highlights.add(rangeIn('first', 0, 5))).toBe(true);
    expect(highlights.add(rangeIn('second', 0, 7))).toBe(false);
    expect(painted()).toEqual([]);
  });
});
