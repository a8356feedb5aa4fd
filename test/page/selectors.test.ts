// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { TermMatcher } from '../../src/glossary/matcher';
import { matcherTerms } from '../../src/glossary/terms';
import { PageScanner } from '../../src/page/scanner';
import { CARD_HOST_ATTRIBUTE, RegionSkips, removeOrphanedCards, unskippedTexts } from '../../src/page/selectors';
import { SignalMarks } from '../../src/page/signal-marks';
import { SignalReader } from '../../src/signals/reader';
import { TEST_KEYS } from '../signals/keys';

function texts(root: Node): string[] {
  const next = unskippedTexts(root);
  const found: string[] = [];
  for (let node = next(); node; node = next()) found.push(node.data.trim());
  return found.filter(Boolean);
}

describe('unskippedTexts', () => {
  it('walks the text a person reads, leaving out what the scanner skips, at any depth', () => {
    document.body.innerHTML = `<main>
      <p>one <b>two</b></p>
      <textarea>typed</textarea><script>code()</script>
      <div contenteditable="true"><p>editing <i>deep</i></p></div>
      <div contenteditable="false">three</div>
      <div hidden><span><span>hidden</span></span></div>
      <nav role="navigation">menu</nav>
      <div class="cm-editor"><div><span>editor</span></div></div>
      <p>four</p>
    </main>`;
    expect(texts(document.querySelector('main')!)).toEqual(['one', 'two', 'three', 'four']);
  });

  it('reads a subtree as its own root, and a nesting deeper than any stack', () => {
    document.body.innerHTML = '<section><p>five</p></section>';
    expect(texts(document.querySelector('section')!)).toEqual(['five']);
    let element: Element = document.createElement('div');
    const top = element;
    for (let depth = 0; depth < 20_000; depth++) element = element.appendChild(document.createElement('div'));
    element.append('bottom');
    expect(texts(top)).toEqual(['bottom']);
    element.setAttribute('hidden', '');
    expect(texts(top)).toEqual([]);
  });
});

describe('RegionSkips', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** How often each element was asked whether it is skipped while the signals and the terms read `region`. */
  function checksWhileRead(region: Element, shared: boolean): Map<Element, number> {
    const checks = new Map<Element, number>();
    const getAttribute = Element.prototype.getAttribute;
    vi.spyOn(Element.prototype, 'getAttribute').mockImplementation(function (this: Element, name: string) {
      if (name === 'contenteditable') checks.set(this, (checks.get(this) ?? 0) + 1);
      return getAttribute.call(this, name);
    });
    const skips = shared ? new RegionSkips(region) : undefined;
    const signals = new SignalMarks(new SignalReader(TEST_KEYS));
    const scanner = new PageScanner(new TermMatcher(matcherTerms(loadDataset().glossary)));
    expect(signals.job(region, skips).run(() => false)).toBe(true);
    expect(scanner.job(region, () => {}, skips).run(() => false)).toBe(true);
    vi.restoreAllMocks();
    return checks;
  }

  it('asks each element of a region and each of its ancestors once, for both of its readers', () => {
    document.body.innerHTML = `<main><article><div class="comment"><p>The sidecar <b>Envoy</b> returned 503 UF.</p><pre><code>[2021-06-01T00:00:00.000Z] "GET / HTTP/1.1" 503 UF 0 91 1 - "-" "curl" "-" "a:80" "10.0.0.1:80" outbound|80||a.default.svc.cluster.local</code></pre></div></article></main>`;
    const region = document.querySelector('article')!;
    const shared = checksWhileRead(region, true);
    // The region, everything in it, and its ancestors up to the root element.
    expect([...shared.keys()]).toHaveLength(region.querySelectorAll('*').length + 4);
    expect(new Set(shared.values())).toEqual(new Set([1]));
    // Each reader on its own asks them all again: what the sharing saves.
    expect(new Set(checksWhileRead(region, false).values())).toEqual(new Set([2]));
  });
});

describe('removeOrphanedCards', () => {
  it("removes the card hosts an earlier copy of the script left on the root, and nothing of the page's", () => {
    document.body.innerHTML = `<p ${CARD_HOST_ATTRIBUTE}="">a page's own element with our attribute</p>`;
    for (let i = 0; i < 2; i++) document.documentElement.append(Object.assign(document.createElement('div'), { id: `left-${i}` }));
    document.querySelectorAll('[id^="left-"]').forEach((host) => host.setAttribute(CARD_HOST_ATTRIBUTE, ''));
    const unrelated = document.documentElement.appendChild(document.createElement('div'));
    removeOrphanedCards(document);
    expect(document.querySelectorAll('[id^="left-"]')).toHaveLength(0);
    expect(unrelated.isConnected).toBe(true);
    expect(document.body.querySelector(`[${CARD_HOST_ATTRIBUTE}]`)).not.toBeNull();
    unrelated.remove();
  });
});
