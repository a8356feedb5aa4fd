// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { sharedTexts, unskippedTexts } from '../../src/page/selectors';

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

describe('sharedTexts', () => {
  const all = (next: () => Text | null) => {
    const found: string[] = [];
    for (let node = next(); node; node = next()) found.push(node.data);
    return found;
  };

  it('gives the second read the nodes the first walked, then walks on where the first stopped', () => {
    document.body.innerHTML = '<main><p>a</p><textarea>typed</textarea><p>b</p><p>c</p><p>d</p></main>';
    const main = document.querySelector('main')!;
    const [first, second] = sharedTexts(main);
    expect([first()?.data, first()?.data]).toEqual(['a', 'b']);
    expect(all(second)).toEqual(['a', 'b', 'c', 'd']);
    expect(first()).toBeNull();
    const [whole, after] = sharedTexts(main);
    expect(all(whole)).toEqual(all(unskippedTexts(main)));
    expect(all(after)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('passes over a node that left the page between the two reads', () => {
    document.body.innerHTML = '<main><p>a</p><p id="gone">b</p><p>c</p></main>';
    const [first, second] = sharedTexts(document.querySelector('main')!);
    expect(all(first)).toEqual(['a', 'b', 'c']);
    document.getElementById('gone')!.remove();
    expect(all(second)).toEqual(['a', 'c']);
  });
});
