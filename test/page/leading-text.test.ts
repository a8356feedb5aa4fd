// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { leadingText } from '../../src/page/leading-text';

describe('leadingText', () => {
  it('is the start of the element’s text, across its elements, as textContent has it', () => {
    document.body.innerHTML = '<div>Istio <b>and <i>Envoy</i></b><!-- a comment --> on <code>VMs</code>.</div>';
    const div = document.querySelector('div')!;
    for (const max of [0, 1, 6, 10, 15, 22, 1000]) expect(leadingText(div, max)).toBe(div.textContent!.slice(0, max));
  });

  it('reads no more of a huge text node than it keeps', () => {
    document.body.innerHTML = `<pre>${'x'.repeat(1_000_000)}</pre>`;
    const node = document.querySelector('pre')!.firstChild as Text;
    const read: number[] = [];
    const substringData = node.substringData.bind(node);
    node.substringData = (offset: number, count: number) => {
      const part = substringData(offset, count);
      read.push(part.length);
      return part;
    };
    expect(leadingText(document.querySelector('pre')!, 2000)).toHaveLength(2000);
    expect(read).toEqual([2000]);
  });
});
