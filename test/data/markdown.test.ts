import { describe, expect, it } from 'vitest';
import { links, outline, parseMarkdown, plainText } from '../../src/data/markdown';

describe('parseMarkdown', () => {
  it('keeps paragraphs, numbered lists, marked items and code', () => {
    const blocks = parseMarkdown('First line\n\n1. one\n2. two [x](https://a.example/)\n\n1）paren item\n\n```yaml\nkind: ServiceFence\n  name: a\n```\n\nlast `code`');
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'list', 'item', 'code', 'paragraph']);
    expect(blocks[1]).toMatchObject({ type: 'list', start: 1, items: [[{ text: 'one' }], [{ text: 'two ' }, { type: 'link', url: 'https://a.example/' }]] });
    expect(blocks[2]).toMatchObject({ type: 'item', marker: '1）' });
    expect(blocks[3]).toEqual({ type: 'code', lang: 'yaml', text: 'kind: ServiceFence\n  name: a' });
    expect(blocks[4]).toMatchObject({ inlines: [{ type: 'text', text: 'last ' }, { type: 'code', text: 'code' }] });
  });

  it('turns bare URLs into links and stops at Chinese punctuation', () => {
    expect(links('回放：https://www.bilibili.com/video/BV1/，谢谢')).toEqual([{ type: 'link', text: 'https://www.bilibili.com/video/BV1/', url: 'https://www.bilibili.com/video/BV1/' }]);
  });

  it('gives the same outline for a faithful translation', () => {
    expect(outline('1）甲\n\n2）乙')).toBe(outline('1) A\n\n2) B'));
    expect(outline('1. 甲\n2. 乙')).not.toBe(outline('1. A'));
  });

  it('renders plain text without Markdown syntax', () => {
    expect(plainText('see [docs](https://istio.io/) and `x`\n\n1. a\n2. b')).toBe('see docs and x\n1. a\n2. b');
  });
});
