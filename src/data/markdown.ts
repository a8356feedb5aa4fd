/**
 * The small Markdown subset the dataset is written in, kept as text in the JSON so curators can
 * edit it and translators can mirror it:
 * - paragraphs separated by a blank line;
 * - numbered lists (`1. ` lines), and items that open with their own marker (`1）`, `a) `),
 *   which the speakers used as paragraphs;
 * - fenced code blocks (```yaml);
 * - inline `code`, [links](https://…) and bare https:// URLs.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'link'; text: string; url: string };

export type Block =
  | { type: 'paragraph'; inlines: Inline[] }
  | { type: 'list'; start: number; items: Inline[][] }
  /** A paragraph that opens with its own marker, kept as written: `1）`, `2)`, `a)`. */
  | { type: 'item'; marker: string; inlines: Inline[] }
  | { type: 'code'; lang: string; text: string };

const NUMBERED = /^(\d+)\. +/;
const MARKED = /^(\d+[)）]|[a-z]\))\s*/;
const FENCE = /^```(\w*)\s*$/;
const INLINE = /\[([^\]]+)\]\(([^)\s]+)\)|`([^`]+)`|(https?:\/\/[^\s)）\]，。、]+)/g;

function parseInlines(text: string): Inline[] {
  const inlines: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) inlines.push({ type: 'text', text: text.slice(last, match.index) });
    const [, linkText, linkUrl, code, bareUrl] = match;
    if (linkUrl !== undefined) inlines.push({ type: 'link', text: linkText!, url: linkUrl });
    else if (code !== undefined) inlines.push({ type: 'code', text: code });
    else inlines.push({ type: 'link', text: bareUrl!, url: bareUrl! });
    last = match.index + match[0].length;
  }
  if (last < text.length) inlines.push({ type: 'text', text: text.slice(last) });
  return inlines;
}

export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];

  const flush = (): void => {
    if (paragraph.length > 0) blocks.push(textBlock(paragraph));
    paragraph = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line.trim());
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!.trim()); i++) code.push(lines[i]!);
      blocks.push({ type: 'code', lang: fence[1] ?? '', text: code.join('\n') });
    } else if (line.trim() === '') {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

function textBlock(lines: string[]): Block {
  if (NUMBERED.test(lines[0]!)) {
    const items: string[] = [];
    for (const line of lines) {
      if (NUMBERED.test(line)) items.push(line.replace(NUMBERED, ''));
      else items[items.length - 1] += `\n${line}`;
    }
    return {
      type: 'list',
      start: Number(NUMBERED.exec(lines[0]!)![1]),
      items: items.map((item) => parseInlines(item)),
    };
  }
  const text = lines.join('\n');
  const marker = MARKED.exec(text);
  if (marker) {
    return { type: 'item', marker: marker[1]!, inlines: parseInlines(text.slice(marker[0].length)) };
  }
  return { type: 'paragraph', inlines: parseInlines(text) };
}

function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => inline.text).join('');
}

/** Plain text of a Markdown string: what search indexes and previews show. */
export function plainText(markdown: string): string {
  return parseMarkdown(markdown)
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return inlineText(block.inlines);
        case 'item':
          return `${block.marker} ${inlineText(block.inlines)}`;
        case 'list':
          return block.items.map((item, index) => `${block.start + index}. ${inlineText(item)}`).join('\n');
        case 'code':
          return block.text;
      }
    })
    .join('\n');
}

export function links(markdown: string): { text: string; url: string }[] {
  const found: { text: string; url: string }[] = [];
  const collect = (inlines: readonly Inline[]): void => {
    for (const inline of inlines) if (inline.type === 'link') found.push(inline);
  };
  for (const block of parseMarkdown(markdown)) {
    if (block.type === 'list') block.items.forEach(collect);
    else if (block.type !== 'code') collect(block.inlines);
  }
  return found;
}

/** The block structure, for checking that a translation mirrors its original. */
export function outline(markdown: string): string {
  return parseMarkdown(markdown)
    .map((block) => (block.type === 'list' ? `list(${block.items.length})` : block.type))
    .join(' ');
}
