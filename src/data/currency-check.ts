/**
 * What `data/currency.json` must hold beyond each entry's shape: every answer of qa.json exactly
 * once, no other id, a `default` no earlier than `since`. Build and tests only.
 */
import type { ProblemList } from './compile';
import { compareVersions } from './currency';
import type { Currency } from './types';

const FILE = 'currency.json';

/** `rawCurrency`: the file as parsed, valid entries or not (a malformed entry is one problem, not two). */
export function checkCurrency(currency: readonly Currency[], qaIds: ReadonlySet<unknown>, rawCurrency: unknown, problems: ProblemList): void {
  const counts = new Map<unknown, number>();
  for (const entry of Array.isArray(rawCurrency) ? rawCurrency : []) {
    const id = (entry as Record<string, unknown> | null)?.id;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  for (const id of qaIds) {
    if (typeof id !== 'string') continue;
    const count = counts.get(id) ?? 0;
    if (count === 0) problems.add(FILE, id, '-', 'no entry for this answer (every answer of qa.json needs one)');
    if (count > 1) problems.add(FILE, id, '-', 'duplicate id');
  }
  for (const entry of currency) {
    if (!qaIds.has(entry.id)) problems.add(FILE, entry.id, 'id', 'is not the id of an answer in qa.json');
    if (entry.since && entry.default && compareVersions(entry.default.version, entry.since.version) <= 0) {
      problems.add(FILE, entry.id, 'default.version', `is not later than since (${entry.since.version}); leave it out when the change was the default at once`);
    }
  }
}
