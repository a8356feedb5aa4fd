import type { Range } from '../search/highlight';

/** Text with the given ranges wrapped in <mark>. Ranges must be sorted and not overlap. */
export function Highlighted({ text, ranges }: { text: string; ranges?: readonly Range[] | undefined }) {
  if (!ranges || ranges.length === 0) return <>{text}</>;
  const parts = [];
  let last = 0;
  for (const [start, end] of ranges) {
    if (start < last || end > text.length) continue;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    last = end;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
