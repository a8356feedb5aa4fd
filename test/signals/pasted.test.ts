// The reader on text people pasted into public issues (../shared/real-pages, beside the clone),
// read here at test time and never copied. Without ../shared this fails: it is not skipped.
import { describe, expect, it, vi } from 'vitest';
import { loadSignals } from '../../src/data/load-files';
import { SignalReader } from '../../src/signals/reader';
import { signalKeys } from '../../src/signals/types';
import { evaluatePasted, readPasted, realPageMarks, realPageTexts, type Score } from './pasted';

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

describe('prose passed over without reading it (SignalReader.mayHoldSignals)', () => {
  // The same reader with the check turned off: it reads every line.
  const everyLine = new SignalReader(signalKeys(loadSignals()));
  (everyLine as unknown as { mayHoldSignals: () => boolean }).mayHoldSignals = () => true;

  it('reads in prose all that reading every line finds, in every real pasted text and real page', () => {
    const texts = [...readPasted().map((entry) => entry.text), ...realPageTexts()];
    expect(texts.length).toBeGreaterThan(500);
    let withSignals = 0;
    for (const text of texts) {
      const lines = everyLine.read(text, 'prose');
      if (lines.length > 0) withSignals++;
      expect(reader.read(text, 'prose'), text.slice(0, 200)).toEqual(lines);
    }
    // The comparison can fail: prose with signals is among them.
    expect(withSignals).toBeGreaterThan(20);
  });

  it('passes over a paragraph with none of what a signal needs, whatever its case', () => {
    const paragraph = 'The sidecar uses 2 GB of memory with 10,000 services; we tried Sidecar scoping and it helped.';
    const passedOver = vi.spyOn(reader as unknown as { readLine: () => unknown }, 'readLine');
    expect(reader.read(paragraph, 'prose')).toEqual([]);
    expect(passedOver).not.toHaveBeenCalled();
    expect(reader.read('Then: UPSTREAM CONNECT ERROR OR DISCONNECT/RESET BEFORE HEADERS. reset reason: overflow', 'prose')).toHaveLength(1);
    expect(passedOver).toHaveBeenCalled();
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
