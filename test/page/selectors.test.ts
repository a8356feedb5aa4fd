// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CARD_HOST_ATTRIBUTE, removeOrphanedCards, unskippedTexts } from '../../src/page/selectors';

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
