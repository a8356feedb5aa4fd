// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { TermMatcher } from '../../src/glossary/matcher';
import { matcherTerms } from '../../src/glossary/terms';
import { HoverWatcher, matchesAround, type PointerSample } from '../../src/page/hover';
import { trusted } from '../helpers/events';

describe('HoverWatcher', () => {
  let rests: PointerSample[];
  let watcher: HoverWatcher;
  beforeEach(() => {
    vi.useFakeTimers();
    rests = [];
    watcher = new HoverWatcher({ delayMs: 300, modifier: 'none' }, (sample) => rests.push(sample), () => {});
  });
  afterEach(() => {
    watcher.dispose();
    vi.useRealTimers();
  });

  const move = (x: number, y: number) => new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType: 'mouse', bubbles: true });

  it('reports where the user’s pointer comes to rest', () => {
    window.dispatchEvent(trusted(move(40, 20)));
    vi.advanceTimersByTime(299);
    expect(rests).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(rests).toMatchObject([{ x: 40, y: 20 }]);
  });

  it('ignores pointer moves and keys a page script dispatches', () => {
    window.dispatchEvent(move(40, 20));
    vi.advanceTimersByTime(1000);
    expect(rests).toEqual([]);
    watcher.update({ delayMs: 300, modifier: 'alt' });
    window.dispatchEvent(trusted(move(40, 20)));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Alt', altKey: true }));
    vi.advanceTimersByTime(1000);
    expect(rests).toEqual([]);
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Alt', altKey: true })));
    expect(rests).toHaveLength(1);
  });
});

describe('matchesAround', () => {
  const matcher = new TermMatcher(matcherTerms(loadDataset().glossary));

  it('finds the terms near an offset of a huge text, past any cap on its marks', () => {
    const text = `${'the sidecar retried, EnvoyFilter applied\n'.repeat(120_000)}and the DestinationRule at the end`;
    const offset = text.lastIndexOf('DestinationRule') + 4;
    const found = matchesAround(matcher, text, offset).map((match) => text.slice(match.start, match.end));
    expect(found).toContain('DestinationRule');
    expect(found.length).toBeLessThan(30);
    // What it finds there is what a scan of the whole text finds there.
    const whole = matcher.findAll(text).filter((match) => match.start >= offset - 100 && match.end <= offset + 100);
    expect(matchesAround(matcher, text, offset)).toEqual(expect.arrayContaining(whole));
  });
});
