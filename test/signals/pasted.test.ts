// The reader on text people pasted into public issues (../shared/real-pages, beside the clone),
// read here at test time and never copied. Without ../shared this fails: it is not skipped.
import { describe, expect, it } from 'vitest';
import { loadSignals } from '../../src/data/load-files';
import { SignalReader } from '../../src/signals/reader';
import { signalKeys } from '../../src/signals/types';
import { evaluatePasted, readPasted, realPageMarks, type Score } from './pasted';

const reader = new SignalReader(signalKeys(loadSignals()));
const recall = (score: Score) => score.found / score.expected;
const precision = (score: Score) => score.right / score.decoded;

describe('real pasted text (../shared/real-pages/logs/pasted.json)', () => {
  const entries = readPasted();

  it('holds every kind the issue names', () => {
    const kinds = new Set(entries.map((entry) => entry.kind));
    for (const kind of ['text-log', 'json-log', 'analyze', 'error', 'prose-negative']) expect(kinds.has(kind as never), kind).toBe(true);
  });

  it('decodes ≥ 95% of the flags, details, analyze codes and errors, and what it decodes is right', () => {
    const report = evaluatePasted(reader, entries, 'code');
    for (const [name, score] of Object.entries({ flags: report.flags, details: report.details, status: report.status, analyzers: report.analyzers, levels: report.levels, errors: report.errors, reasons: report.reasons })) {
      expect(score.expected, name).toBeGreaterThan(0);
      expect(recall(score), `${name}: ${score.misses.join('; ')}`).toBeGreaterThanOrEqual(0.95);
      expect(precision(score), name).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('decodes the log lines pasted as text (outside code) too', () => {
    const report = evaluatePasted(reader, entries, 'prose');
    expect(recall(report.flags)).toBeGreaterThanOrEqual(0.9);
    expect(recall(report.analyzers)).toBeGreaterThanOrEqual(0.95);
    expect(recall(report.errors)).toBeGreaterThanOrEqual(0.95);
  });

  it('marks none of the flag-like words of the prose negatives, in any reading', () => {
    const report = evaluatePasted(reader, entries, 'code');
    expect(report.negativeMisses).toEqual([]);
  });
});

describe('real pages (../shared/real-pages)', () => {
  it('get no signal mark in their prose, and some in their code and pasted log lines', () => {
    const report = realPageMarks(reader);
    expect(report.pages).toBeGreaterThan(30);
    expect(report.prose).toEqual([]);
    expect(report.codeMarks + report.logLineMarks).toBeGreaterThan(0);
  });
});
