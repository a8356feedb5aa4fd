/** Renders the dataset's Markdown subset (see `src/data/markdown.ts`) as Preact elements. */
import { type Block, type Inline, parseMarkdown } from '../data/markdown';
import type { Range } from '../search/highlight';
import { Highlighted } from './Highlighted';

export type Highlighter = (text: string) => Range[];

function Inlines({ inlines, highlight }: { inlines: readonly Inline[]; highlight?: Highlighter | undefined }) {
  return (
    <>
      {inlines.map((inline, index) => {
        switch (inline.type) {
          case 'code':
            return <code key={index}>{inline.text}</code>;
          case 'link':
            return (
              <a key={index} href={inline.url} target="_blank" rel="noopener noreferrer">
                {inline.text}
              </a>
            );
          case 'text':
            return <Highlighted key={index} text={inline.text} ranges={highlight?.(inline.text)} />;
        }
      })}
    </>
  );
}

function BlockView({ block, highlight }: { block: Block; highlight?: Highlighter | undefined }) {
  switch (block.type) {
    case 'paragraph':
      return <p><Inlines inlines={block.inlines} highlight={highlight} /></p>;
    case 'item':
      return (
        <p class="marked-item">
          <span class="marker">{block.marker}</span> <Inlines inlines={block.inlines} highlight={highlight} />
        </p>
      );
    case 'list':
      return (
        <ol start={block.start}>
          {block.items.map((item, index) => (
            <li key={index}><Inlines inlines={item} highlight={highlight} /></li>
          ))}
        </ol>
      );
    case 'code':
      return <pre><code data-lang={block.lang}>{block.text}</code></pre>;
  }
}

export function Markdown({ source, highlight, lang }: { source: string; highlight?: Highlighter; lang?: string }) {
  return (
    <div class="md" lang={lang}>
      {parseMarkdown(source).map((block, index) => <BlockView key={index} block={block} highlight={highlight} />)}
    </div>
  );
}
