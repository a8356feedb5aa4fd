// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SignalReader } from '../../src/signals/reader';
import { MAX_SIGNAL_MARKS, readModeOf, SignalMarks, signalsInText } from '../../src/page/signal-marks';
import { TEST_KEYS } from '../signals/keys';

const reader = new SignalReader(TEST_KEYS);
const LINE = '[2026-01-05T10:00:00.000Z] "POST /v1/pay HTTP/1.1" 503 UC upstream_reset_before_response_started{connection_termination} - "-" 12 95 3 - "-" "shop/1.0" "4f1c" "pay:8080" "10.1.2.3:8080" outbound|8080|v2|pay.shop.svc.cluster.local 10.1.0.4:4000 10.96.0.7:8080 10.1.0.4:4002 - default';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** Runs a job to its end, giving it `slices` chances (a deadline that says stop after every node). */
function runToEnd(marks: SignalMarks, root: Node): number {
  const job = marks.job(root);
  let slices = 1;
  while (!job.run(() => true)) slices++;
  return slices;
}

const textOf = (root: HTMLElement, selector: string) => root.querySelector(selector)!.firstChild as Text;

describe('SignalMarks', () => {
  it('reads code as code and the rest as prose', () => {
    const root = page(`<p>the DC team</p><pre><code>${LINE}</code></pre>`);
    expect(readModeOf(textOf(root, 'p'))).toBe('prose');
    expect(readModeOf(textOf(root, 'code'))).toBe('code');
  });

  it('marks the signals in a code block and none of the flag-like words around it', () => {
    const root = page(`<h1>503 UC after the DC failover</h1><p>UF and NR in prose, DO NOT MERGE</p><pre><code>${LINE}\n${LINE}</code></pre><table><tr><td>UF</td><td>3</td></tr></table>`);
    const marks = new SignalMarks(reader, document);
    runToEnd(marks, root);
    const code = textOf(root, 'code');
    expect(marks.overlaps(code, LINE.indexOf(' UC ') + 1, LINE.indexOf(' UC ') + 3)).toBe(true);
    for (const selector of ['h1', 'p', 'td']) expect(marks.overlaps(textOf(root, selector), 0, 1000), selector).toBe(false);
    expect(marks.signals()).toEqual([{ label: '503 UC', count: 2 }]);
  });

  it('finds the signal under a caret offset, with its line for the card', () => {
    const root = page(`<pre><code>first line\n${LINE}</code></pre>`);
    const marks = new SignalMarks(reader, document);
    const code = textOf(root, 'code');
    // Not scanned yet: the line is read on the spot.
    const offset = code.data.indexOf(' UC ') + 2;
    const now = marks.at(code, offset)!;
    expect(now.mark.kind).toBe('flag');
    expect(now.lineText).toBe(LINE);
    expect(now.lineText.slice(now.at, now.at + 2)).toBe('UC');
    runToEnd(marks, root);
    const scanned = marks.at(code, offset)!;
    expect(scanned.lineText.slice(scanned.at, scanned.at + 2)).toBe('UC');
    expect(marks.at(code, 2)).toBeUndefined();
  });

  it('reads a 1 MB log a window at a time, to its last line', () => {
    const quiet = 'app: request served in 12 ms\n'.repeat(Math.ceil(1_000_000 / 29));
    const root = page(`<pre><code>${quiet}${LINE}</code></pre>`);
    const marks = new SignalMarks(reader, document);
    expect(runToEnd(marks, root)).toBeGreaterThan(10);
    expect(marks.signals()).toEqual([{ label: '503 UC', count: 1 }]);
  });

  it('keeps a bounded number of marks on a log full of signals', () => {
    const root = page(`<pre><code>${`${LINE}\n`.repeat(5000)}</code></pre><pre><code>${LINE}</code></pre>`);
    const marks = new SignalMarks(reader, document);
    runToEnd(marks, root);
    const total = marks.signals().reduce((sum, signal) => sum + signal.count, 0);
    expect(total).toBeGreaterThan(10);
    expect(total * 3).toBeLessThanOrEqual(MAX_SIGNAL_MARKS);
    expect(signalsInText(reader, textOf(root, 'code')).marks.length).toBeLessThanOrEqual(MAX_SIGNAL_MARKS);
  });

  it('forgets a node that changed or left, and reads a hostile page as text only', () => {
    const root = page(`<pre><code>${LINE}</code></pre><pre><code>${'"GET /x HTTP/1.1" 503 UF,'.repeat(3000)}</code></pre><pre><code>${'{['.repeat(50_000)}</code></pre>`);
    const marks = new SignalMarks(reader, document);
    runToEnd(marks, root);
    const code = textOf(root, 'code');
    expect(marks.signals().length).toBeGreaterThan(0);
    code.parentElement!.parentElement!.remove();
    marks.prune();
    expect(marks.signals().some((signal) => signal.label === '503 UC')).toBe(false);
    expect(document.body.innerHTML).not.toContain('<mark');
  });
});
