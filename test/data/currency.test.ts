import { describe, expect, it } from 'vitest';
import { compileDataset, type DataProblem, DatasetError, type RawDataFiles } from '../../src/data/compile';
import { compareVersions, NEWEST_KNOWN, readNote } from '../../src/data/currency';
import { readDataFiles } from '../../src/data/load-files';
import type { Currency } from '../../src/data/types';

const original = readDataFiles();
const entries = JSON.parse(original['currency.json']) as Currency[];
const qaIds = (JSON.parse(original['qa.json']) as { id: string }[]).map((entry) => entry.id);

function withCurrency(change: (data: any[]) => unknown): RawDataFiles {
  const data = JSON.parse(original['currency.json']);
  const result = change(data);
  return { ...original, 'currency.json': JSON.stringify(result ?? data) };
}

function problemsOf(files: RawDataFiles): DataProblem[] {
  try {
    compileDataset(files);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).message).toContain('data/currency.json');
    return (error as DatasetError).problems;
  }
  throw new Error('the broken data compiled');
}

const changedEntry = (id: string, extra: Partial<Currency> = {}): Currency => ({
  id,
  status: 'changed',
  since: { product: 'istio', version: '1.19' },
  now: { en: 'Use the new field.', zh: '用新字段。' },
  sources: ['https://istio.io/latest/news/releases/1.19.x/announcing-1.19/'],
  reviewed: { istio: '1.31', envoy: '1.40' },
  ...extra,
});

describe('data/currency.json', () => {
  it('has one entry per answer, sorted by id, and the compiled answers carry it', () => {
    expect(entries.map((entry) => entry.id)).toEqual([...qaIds].sort());
    const dataset = compileDataset(original);
    for (const entry of dataset.qa) expect(entry.currency?.id, entry.id).toBe(entry.id);
  });

  it('names the entry of a missing id', () => {
    const problems = problemsOf(withCurrency((data) => data.filter((entry) => entry.id !== 'ep05-q26')));
    expect(problems).toEqual([{ file: 'currency.json', entry: 'ep05-q26', field: '-', reason: expect.stringContaining('no entry for this answer') }]);
  });

  it('names a duplicate and an unknown id', () => {
    expect(problemsOf(withCurrency((data) => [...data, data[0]]))).toContainEqual({ file: 'currency.json', entry: data0(), field: '-', reason: 'duplicate id' });
    expect(problemsOf(withCurrency((data) => [...data, { id: 'ep09-q99', status: 'timeless', reviewed: { istio: '1.31', envoy: '1.40' } }]))).toEqual([
      { file: 'currency.json', entry: 'ep09-q99', field: 'id', reason: 'is not the id of an answer in qa.json' },
    ]);
  });

  it('names the field of an unknown status or product and a version that is not major.minor', () => {
    expect(problemsOf(withCurrency((data) => { data[3].status = 'outdated'; }))).toEqual([
      { file: 'currency.json', entry: data3(), field: 'status', reason: expect.stringContaining('not a known status') },
    ]);
    expect(problemsOf(withCurrency((data) => { data[3] = changedEntry(data[3].id, { since: { product: 'linkerd' as never, version: '1.19.2' } }); }))).toEqual([
      { file: 'currency.json', entry: data3(), field: 'since.product', reason: expect.stringContaining('not a known product') },
      { file: 'currency.json', entry: data3(), field: 'since.version', reason: 'is not a version like "1.19"' },
    ]);
  });

  it('requires since, now and sources of a changed answer', () => {
    const problems = problemsOf(withCurrency((data) => {
      const bare = changedEntry(data[3].id);
      delete bare.since;
      delete bare.now;
      delete bare.sources;
      data[3] = bare;
    }));
    expect(problems.map((problem) => problem.field)).toEqual(['since', 'now', 'sources']);
    for (const problem of problems) expect(problem).toMatchObject({ file: 'currency.json', entry: data3(), reason: expect.stringContaining('is required when status is changed') });
    // A current answer needs now and sources, not since.
    const current = changedEntry(entries[3]!.id, { status: 'current' });
    delete current.since;
    expect(() => compileDataset(withCurrency((data) => { data[3] = current; }))).not.toThrow();
  });

  it('refuses an http source, an empty translation and a default no later than since', () => {
    expect(problemsOf(withCurrency((data) => { data[3] = changedEntry(data[3].id, { sources: ['http://istio.io/latest/docs/'] }); }))).toEqual([
      { file: 'currency.json', entry: data3(), field: 'sources.0', reason: 'is not an https URL' },
    ]);
    expect(problemsOf(withCurrency((data) => { data[3] = changedEntry(data[3].id, { now: { en: '', zh: '新' } }); }))).toEqual([
      { file: 'currency.json', entry: data3(), field: 'now.en', reason: 'missing translation' },
    ]);
    expect(problemsOf(withCurrency((data) => { data[3] = changedEntry(data[3].id, { default: { product: 'istio', version: '1.19' } }); }))).toEqual([
      { file: 'currency.json', entry: data3(), field: 'default.version', reason: expect.stringContaining('not later than since') },
    ]);
  });

  it('takes a correction flag only with a note saying what the correction is', () => {
    expect(problemsOf(withCurrency((data) => { data[3] = { id: data[3].id, status: 'unchecked', corrects: true, reviewed: { istio: '1.31', envoy: '1.40' } }; }))).toEqual([
      { file: 'currency.json', entry: data3(), field: 'corrects', reason: 'is not allowed when status is unchecked' },
      { file: 'currency.json', entry: data3(), field: 'now', reason: 'is required to say what the correction is' },
    ]);
    expect(() => compileDataset(withCurrency((data) => { data[3] = changedEntry(data[3].id, { corrects: true }); }))).not.toThrow();
  });

  it('gives every changed or superseded answer an https primary source', () => {
    const primary = (url: string, product: string) => {
      const { protocol, hostname, pathname } = new URL(url);
      if (protocol !== 'https:') return false;
      if (hostname === 'istio.io' || hostname === 'www.envoyproxy.io' || hostname === 'envoyproxy.io') return true;
      if (hostname === 'github.com' && /^\/(istio|envoyproxy)\//.test(pathname)) return true;
      return product === 'kubernetes' && hostname === 'kubernetes.io';
    };
    const overtaken = entries.filter((entry) => entry.status === 'changed' || entry.status === 'superseded');
    for (const entry of overtaken) expect(entry.sources!.some((url) => primary(url, entry.since!.product)), entry.id).toBe(true);
    // And the check itself fails on a note backed only by a secondary source.
    expect(['https://medium.com/some-post', 'http://istio.io/latest/'].some((url) => primary(url, 'istio'))).toBe(false);
  });

  it('was reviewed against releases no newer than the newest the page reader knows', () => {
    for (const entry of entries) {
      expect(compareVersions(entry.reviewed.istio, NEWEST_KNOWN.istio), entry.id).toBeLessThanOrEqual(0);
      expect(compareVersions(entry.reviewed.envoy, NEWEST_KNOWN.envoy), entry.id).toBeLessThanOrEqual(0);
    }
    expect(entries.some((entry) => entry.reviewed.istio === NEWEST_KNOWN.istio)).toBe(true);
  });
});

const data0 = () => entries[0]!.id;
const data3 = () => entries[3]!.id;

describe('readNote', () => {
  const startup = changedEntry('ep03-q09', {
    since: { product: 'istio', version: '1.19' },
    default: { product: 'istio', version: '1.27' },
    before: { en: 'Use holdApplicationUntilProxyStarts.', zh: '用 holdApplicationUntilProxyStarts。' },
  });

  it('speaks of today without a version, on /latest/, for another product and for statuses with no since', () => {
    expect(readNote(startup, undefined)).toEqual({ kind: 'today' });
    expect(readNote(startup, { latest: true })).toEqual({ kind: 'today' });
    expect(readNote(startup, { product: 'envoy', version: '1.16' })).toEqual({ kind: 'today' });
    expect(readNote({ ...startup, status: 'current', since: undefined }, { product: 'istio', version: '1.16' })).toEqual({ kind: 'today' });
    expect(readNote(undefined, { product: 'istio', version: '1.16' })).toEqual({ kind: 'today' });
  });

  it('on an older release, says the new way needs since and gives the way before it', () => {
    expect(readNote(startup, { product: 'istio', version: '1.16' })).toEqual({
      kind: 'older', page: { product: 'istio', version: '1.16' }, since: startup.since, before: startup.before,
    });
    expect(readNote({ ...startup, before: undefined }, { product: 'istio', version: '1.9' })).toEqual({ kind: 'older', page: { product: 'istio', version: '1.9' }, since: startup.since });
  });

  it('on a release that has it, says so, and whether it is the default yet', () => {
    expect(readNote(startup, { product: 'istio', version: '1.20' })).toEqual({ kind: 'newer', page: { product: 'istio', version: '1.20' }, since: startup.since, notDefault: startup.default });
    expect(readNote(startup, { product: 'istio', version: '1.27' })).toEqual({ kind: 'newer', page: { product: 'istio', version: '1.27' }, since: startup.since });
  });

  it('compares versions as numbers', () => {
    expect(compareVersions('1.9', '1.19')).toBeLessThan(0);
    expect(compareVersions('1.20', '1.19')).toBeGreaterThan(0);
    expect(compareVersions('1.19', '1.19')).toBe(0);
  });
});

describe('npm run data:check on data/currency.json', () => {
  it('fails on a broken copy, naming the file, the entry and the field', async () => {
    const { spawnSync } = await import('node:child_process');
    const { cpSync, mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join, resolve } = await import('node:path');
    const { DATA_DIR } = await import('../../src/data/load-files');
    const dir = mkdtempSync(join(tmpdir(), 'currency-'));
    cpSync(DATA_DIR, dir, { recursive: true });
    const broken = entries.map((entry) => ({ ...entry }));
    broken[7] = { ...changedEntry(broken[7]!.id), sources: ['http://istio.io/latest/docs/'] };
    writeFileSync(join(dir, 'currency.json'), JSON.stringify(broken));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/tools/data-check.ts', dir], { cwd: resolve(import.meta.dirname, '../..'), encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain(`data/currency.json: ${broken[7]!.id}: sources.0: is not an https URL`);
  });
});
