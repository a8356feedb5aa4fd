/**
 * What `cold.ts` runs in a fresh page: the content script's first-scan work, each part timed,
 * done the way it is now and the way it was done before (the alternative beside it).
 */
import { type SortedSpellings, sortSpellings, type TermAliases, TermMatcher } from '../../../src/glossary/matcher';
import { readModeOf, readWindow } from '../../../src/page/signal-marks';
import { unskippedTexts } from '../../../src/page/selectors';
import { SignalReader } from '../../../src/signals/reader';
import type { SignalKeys } from '../../../src/signals/types';

export type ColdPart = 'matcher' | 'signals';

interface ColdInput {
  part: ColdPart;
  /** The way it was done before this round. */
  before: boolean;
  spellings: SortedSpellings;
  aliases: TermAliases[];
  signalKeys: SignalKeys;
}

function texts(next: () => Text | null): Text[] {
  const found: Text[] = [];
  for (let node = next(); node; node = next()) found.push(node);
  return found;
}

/** Milliseconds the part took, cold. */
function run({ part, before, spellings, aliases, signalKeys }: ColdInput): number {
  const root = document.body;
  if (part === 'matcher') {
    const start = performance.now();
    const matcher = new TermMatcher(before ? sortSpellings(aliases) : spellings);
    for (const node of texts(unskippedTexts(root))) matcher.findAll(node.data, 500);
    return performance.now() - start;
  }
  const reader = new SignalReader(signalKeys);
  // Before: every line read (the check that passes prose over turned off).
  if (before) (reader as unknown as { mayHoldSignals: () => boolean }).mayHoldSignals = () => true;
  // The prose (the change is there): the page's code blocks are read line by line either way.
  const prose = texts(unskippedTexts(root)).filter((node) => node.data.length >= 4 && readModeOf(node) === 'prose');
  const start = performance.now();
  for (const node of prose) {
    const data = node.data;
    for (let from = 0; from < data.length; ) from = readWindow(reader, data, from, 'prose').next;
  }
  return performance.now() - start;
}

(globalThis as unknown as { coldRun: typeof run }).coldRun = run;
