/**
 * What `cold.ts` runs in a fresh page: one part of the content script's first scan, timed the
 * first time it runs in the page (cold: nothing compiled or optimised yet, as on a page load) and
 * again at once (warm), so each part's cold cost shows beside what the same work costs warm.
 */
import { type SortedSpellings, sortSpellings, type TermAliases, TermMatcher } from '../../../src/glossary/matcher';
import { MarkingPolicy } from '../../../src/page/marking-policy';
import { MAX_MATCHES_PER_NODE } from '../../../src/page/scanner';
import { readModeOf, readWindow } from '../../../src/page/signal-marks';
import { unskippedTexts } from '../../../src/page/selectors';
import { SignalReader } from '../../../src/signals/reader';
import type { SignalKeys } from '../../../src/signals/types';

export const COLD_PARTS = ['walk', 'matcher', 'matcher-on-page', 'signals-prose', 'signals-code', 'policy'] as const;
export type ColdPart = (typeof COLD_PARTS)[number];

interface ColdInput {
  part: ColdPart;
  spellings: SortedSpellings;
  aliases: TermAliases[];
  signalKeys: SignalKeys;
}

function texts(root: Node): Text[] {
  const next = unskippedTexts(root);
  const found: Text[] = [];
  for (let node = next(); node; node = next()) found.push(node);
  return found;
}

function readAll(reader: SignalReader, nodes: readonly Text[], mode: 'prose' | 'code'): void {
  for (const node of nodes) {
    const data = node.data;
    for (let from = 0; from < data.length; ) from = readWindow(reader, data, from, mode).next;
  }
}

/** The part's work: each call does it once, from the start (a new matcher, reader or policy). */
function work(part: ColdPart, input: ColdInput, nodes: readonly Text[]): () => void {
  switch (part) {
    case 'walk':
      return () => texts(document.body);
    case 'matcher':
    case 'matcher-on-page': {
      // As the page does, from the spellings sorted at build time; or as before that, folded and
      // sorted on the page (inside the timing).
      const spellings = part === 'matcher' ? () => input.spellings : () => sortSpellings(input.aliases);
      return () => {
        const matcher = new TermMatcher(spellings());
        for (const node of nodes) matcher.findAll(node.data, MAX_MATCHES_PER_NODE);
      };
    }
    case 'signals-prose':
    case 'signals-code': {
      const mode = part === 'signals-code' ? 'code' : 'prose';
      const read = nodes.filter((node) => node.data.length >= 4 && readModeOf(node) === mode);
      return () => readAll(new SignalReader(input.signalKeys), read, mode);
    }
    case 'policy': {
      // The terms are found first (that code warms up here, not the policy's).
      const matcher = new TermMatcher(input.spellings);
      const found = nodes.map((node) => ({ node, matches: matcher.findAll(node.data, MAX_MATCHES_PER_NODE) })).filter(({ matches }) => matches.length > 0);
      return () => {
        const policy = new MarkingPolicy(document, location.href);
        for (const { node, matches } of found) policy.review(node, matches);
      };
    }
  }
}

/** Milliseconds the part took cold, then warm. */
function run(input: ColdInput): [number, number] {
  const nodes = input.part === 'walk' ? [] : texts(document.body);
  const part = work(input.part, input, nodes);
  const times: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    const start = performance.now();
    part();
    times.push(performance.now() - start);
  }
  return [times[0]!, times[1]!];
}

(globalThis as unknown as { coldRun: typeof run }).coldRun = run;
