/**
 * `npm run signals`: the signal catalogue counted against its sources, and the reader's recall
 * and precision on real pasted text (`../shared/real-pages/logs/pasted.json`), with the marks it
 * would leave in the prose of the real pages (`../shared/real-pages`), which should be none.
 */
import { loadSignals } from '../../src/data/load-files';
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
