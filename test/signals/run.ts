/**
 * `npm run signals`: the signal catalogue counted against its sources, and the reader's recall
 * and precision on real pasted text (`../shared/real-pages/logs/pasted.json`), with the marks it
 * would leave in the prose of the real pages (`../shared/real-pages`), which should be none.
 */
import { loadSignals } from '../../src/data/load-files';
import { readWindow } from '../../src/page/signal-marks';
import { SignalReader } from '../../src/signals/reader';
import { signalKeys } from '../../src/signals/types';
import { catalogueCounts, evaluatePasted, formatReport, readPasted, realPageMarks } from './pasted';

const catalogue = loadSignals();
console.log('catalogue against its sources:');
for (const line of catalogueCounts(catalogue)) console.log(`  ${line}`);
const reader = new SignalReader(signalKeys(catalogue));
const entries = readPasted();
console.log(`\nreal pasted text: ${entries.length} entries (../shared/real-pages/logs/pasted.json), read as code`);
console.log(formatReport(evaluatePasted(reader, entries, 'code'), realPageMarks(reader)));
const prose = evaluatePasted(reader, entries, 'prose');
console.log(`\nread as prose (outside code): flags ${prose.flags.found}/${prose.flags.expected}, details ${prose.details.found}/${prose.details.expected}, analyze codes ${prose.analyzers.found}/${prose.analyzers.expected}, errors ${prose.errors.found}/${prose.errors.expected}`);

// What reading costs (printed, never asserted): a 1 MB log of our own lines, a window at a time as
// the page reads it, and the slowest window, beside the 8 ms slices the page marker aims at.
const line = '[2026-01-05T10:00:00.000Z] "POST /v1/pay HTTP/1.1" 503 UC upstream_reset_before_response_started{connection_termination} - "-" 12 95 3 - "-" "shop/1.0" "4f1c" "pay:8080" "10.1.2.3:8080" outbound|8080|v2|pay.shop.svc.cluster.local 10.1.0.4:4000 10.96.0.7:8080 10.1.0.4:4002 - default';
const quiet = 'app: request served in 12 ms, nothing to see';
for (const [name, unit] of [['signal lines', line], ['plain lines', quiet]] as const) {
  const log = `${unit}\n`.repeat(Math.ceil(1_048_576 / (unit.length + 1)));
  const windows: number[] = [];
  const started = performance.now();
  for (let from = 0; from < log.length; ) {
    const at = performance.now();
    from = readWindow(reader, log, from, 'code').next;
    windows.push(performance.now() - at);
  }
  const total = performance.now() - started;
  console.log(`reading 1 MB of ${name}: ${total.toFixed(1)} ms in ${windows.length} windows, slowest window ${Math.max(...windows).toFixed(1)} ms`);
}
