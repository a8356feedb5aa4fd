import type { Token } from './tokenize';

/** `[start, end)` in UTF-16 offsets. */
export type Range = [number, number];

/** Where the matched index terms occur among `tokens`, merged and sorted, for highlighting. */
export function rangesOf(tokens: readonly Token[], matchedTerms: readonly string[]): Range[] {
  if (matchedTerms.length === 0) return [];
  const wanted = new Set(matchedTerms);
  const ranges = tokens
    .filter((token) => wanted.has(token.term))
    .map((token): Range => [token.start, token.end])
    .sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}
