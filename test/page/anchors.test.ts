// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectionAnchor, textAnchor, textPointAt } from '../../src/page/anchors';

describe('a lookup card’s anchor', () => {
  const measured: { collapsed: boolean; node: Node; offset: number }[] = [];
  const original = { bounding: Range.prototype.getBoundingClientRect, rects: Range.prototype.getClientRects };
  beforeEach(() => {
    measured.length = 0;
    // No layout here: a range is "measured" at a spot given by its start, and every measurement is recorded.
    Range.prototype.getBoundingClientRect = function (this: Range) {
      measured.push({ collapsed: this.collapsed, node: this.startContainer, offset: this.startOffset });
      return new DOMRect(10 + this.startOffset, 20, 0, 16);
    };
    Range.prototype.getClientRects = function (this: Range) {
      return [this.getBoundingClientRect()] as unknown as DOMRectList;
    };
    document.body.innerHTML = `<div id="huge"><p id="first">Start here.</p>${'<p>sidecar</p>'.repeat(2000)}<p id="last">End there.</p>\n</div>`;
  });
  afterEach(() => {
    Range.prototype.getBoundingClientRect = original.bounding;
    Range.prototype.getClientRects = original.rects;
  });

  function select(range: Range, backwards = false): Selection {
    const selection = getSelection()!;
    selection.removeAllRanges();
    if (backwards) {
      selection.setBaseAndExtent(range.endContainer, range.endOffset, range.startContainer, range.startOffset);
    } else {
      selection.addRange(range);
    }
    return selection;
  }

  it('is the point where the selection ends, measured as that point alone however big the selection', () => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('huge')!);
    const anchor = selectionAnchor(select(range));
    measured.length = 0;
    anchor.getBoundingClientRect();
    anchor.getClientRects();
    const last = document.getElementById('last')!.firstChild as Text;
    expect(measured).toEqual([
      { collapsed: true, node: last, offset: last.length },
      { collapsed: true, node: last, offset: last.length },
    ]);
  });

  it('is where the selection starts when the user dragged backwards', () => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('huge')!);
    const anchor = selectionAnchor(select(range, true));
    measured.length = 0;
    anchor.getBoundingClientRect();
    expect(measured[0]).toMatchObject({ collapsed: true, node: document.getElementById('first')!.firstChild, offset: 0 });
  });

  it('falls back to the focused field, then the top of the viewport', () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    getSelection()!.removeAllRanges();
    expect(selectionAnchor(getSelection())).toBe(input);
    input.blur();
    expect(selectionAnchor(getSelection()).getBoundingClientRect().top).toBe(48);
  });

  it('turns element boundaries into the nearest text, skipping blank text', () => {
    const huge = document.getElementById('huge')!;
    expect(textPointAt(document, huge, huge.childNodes.length, 'end')).toEqual({ node: document.getElementById('last')!.firstChild, offset: 10 });
    expect(textPointAt(document, huge, 0, 'start')).toEqual({ node: document.getElementById('first')!.firstChild, offset: 0 });
    expect(textPointAt(document, huge, 1, 'end')).toEqual({ node: document.getElementById('first')!.firstChild, offset: 11 });
  });
});

describe('a hover card’s anchor', () => {
  it('says when its text has left the page', () => {
    const text = document.createTextNode('sidecar');
    document.body.append(text);
    const anchor = textAnchor(text, 0, 7);
    expect(anchor.isConnected).toBe(true);
    text.remove();
    expect(anchor.isConnected).toBe(false);
  });
});
