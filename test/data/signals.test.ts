import { describe, expect, it } from 'vitest';
import { type DataProblem, DatasetError } from '../../src/data/compile';
import { compileSignals, type RawSignalFiles, type SignalFileName } from '../../src/data/compile-signals';
import { qaIdsOf, readDataFiles, readSignalFiles } from '../../src/data/load-files';

const original = readSignalFiles();
const qaIds = qaIdsOf(readDataFiles()['qa.json']);

/** A copy of the catalogue's files with one of them changed (or removed: `undefined`). */
function broken(file: SignalFileName, change: (data: any) => unknown): RawSignalFiles {
  const data = JSON.parse(original[file]!);
  const result = change(data);
  return { ...original, [file]: result === null ? undefined : typeof result === 'string' ? result : JSON.stringify(result ?? data) };
}

function problemsOf(files: RawSignalFiles): DataProblem[] {
  try {
    compileSignals(files, qaIds);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).message).toContain('data/signals/');
    return (error as DatasetError).problems;
  }
  throw new Error('the broken catalogue compiled');
}

describe('compileSignals', () => {
  const catalogue = compileSignals(original, qaIds);

  it('accepts the shipped catalogue', () => {
    for (const kind of ['flags', 'details', 'resetReasons', 'clusters', 'analyzers', 'errors'] as const) expect(catalogue[kind].length, kind).toBeGreaterThan(0);
  });

  it('has every response flag and every analyze code its sources count', () => {
    const { counts } = catalogue.sources;
    expect(counts.flags).toBeGreaterThan(20);
    expect(catalogue.flags).toHaveLength(counts.flags!);
    expect(counts.analyzers).toBeGreaterThan(50);
    // Retired codes are kept beside the current ones, so an old pasted code still decodes.
    expect(catalogue.analyzers.filter((analyzer) => !analyzer.retired)).toHaveLength(counts.analyzers!);
    expect(new Set(catalogue.flags.map((flag) => flag.code)).size).toBe(catalogue.flags.length);
    expect(new Set(catalogue.analyzers.map((analyzer) => analyzer.code)).size).toBe(catalogue.analyzers.length);
  });

  it('has the flags, details, reset reasons, clusters and error lines the issue names', () => {
    const codes = catalogue.flags.map((flag) => flag.code);
    for (const code of ['UH', 'UF', 'UO', 'NR', 'URX', 'NC', 'DC', 'UT', 'LR', 'UC', 'RL', 'UAEX', 'DPE', 'UPE']) expect(codes).toContain(code);
    const details = catalogue.details.map((detail) => detail.token);
    for (const token of ['via_upstream', 'route_not_found', 'cluster_not_found', 'no_healthy_upstream', 'upstream_reset_before_response_started', 'upstream_response_timeout', 'rbac_access_denied_matched_policy', 'jwt_authn_access_denied', 'ext_authz_denied']) expect(details).toContain(token);
    const resets = catalogue.resetReasons.map((reason) => reason.token);
    for (const token of ['connection_termination', 'connection_failure', 'local_reset', 'remote_reset', 'overflow', 'protocol_error']) expect(resets).toContain(token);
    const clusters = catalogue.clusters.map((cluster) => cluster.name);
    for (const name of ['BlackHoleCluster', 'PassthroughCluster']) expect(clusters).toContain(name);
    const errors = catalogue.errors.map((error) => error.id);
    for (const id of ['upstream_connect_error', 'upstream_request_timeout', 'no_healthy_upstream', 'rbac_access_denied', 'jwt_missing', 'jwt_issuer_not_configured', 'jwt_verification_fails', 'jwks_remote_fetch_failed']) expect(errors).toContain(id);
  });

  it('names the file when it is not JSON, and when it is missing', () => {
    expect(problemsOf({ ...original, 'flags.json': '[{"code": "UF",' })).toEqual([
      expect.objectContaining({ file: 'signals/flags.json', entry: '-', field: '-', reason: expect.stringContaining('not valid JSON') }),
    ]);
    expect(problemsOf(broken('errors.json', () => null))).toEqual([{ file: 'signals/errors.json', entry: '-', field: '-', reason: 'is missing' }]);
  });

  it('names the entry and field of a missing translation', () => {
    const problems = problemsOf(broken('flags.json', (flags) => { flags.find((flag: any) => flag.code === 'UC').meaning.zh = ''; }));
    expect(problems).toEqual([{ file: 'signals/flags.json', entry: 'UC', field: 'meaning.zh', reason: 'missing translation' }]);
  });

  it('refuses a URL that is not https', () => {
    const problems = problemsOf(broken('analyzers.json', (analyzers) => { analyzers[0].docsUrl = 'http://istio.io/latest/docs/reference/config/analysis/'; }));
    expect(problems).toEqual([expect.objectContaining({ file: 'signals/analyzers.json', field: 'docsUrl', reason: 'is not an https URL' })]);
  });

  it('refuses an answer id that is not in qa.json', () => {
    const problems = problemsOf(broken('details.json', (details) => { details[0].answers = ['ep09-q99']; }));
    expect(problems).toEqual([{ file: 'signals/details.json', entry: JSON.parse(original['details.json']!)[0].token, field: 'answers.0', reason: '"ep09-q99" is not an answer in qa.json' }]);
  });

  it('refuses a duplicate code and an unknown field', () => {
    const duplicate = problemsOf(broken('flags.json', (flags) => [...flags, flags[0]]));
    expect(duplicate).toContainEqual({ file: 'signals/flags.json', entry: 'UH', field: 'code', reason: 'duplicate' });
    const extra = problemsOf(broken('clusters.json', (clusters) => { clusters[0].colour = 'red'; }));
    expect(extra).toEqual([expect.objectContaining({ file: 'signals/clusters.json', reason: expect.stringContaining('colour') })]);
  });

  it('refuses malformed codes, levels and lists', () => {
    const problems = problemsOf(broken('analyzers.json', (analyzers) => {
      analyzers[0].code = 'IST101';
      analyzers[1].level = 'Fatal';
      analyzers[2].check = { en: ['a', 'b'], zh: ['甲'] };
    }));
    const fields = problems.map((problem) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'level', 'check.zh']));
  });

  it('refuses an error phrase that two errors share, and a sources file without counts', () => {
    const shared = problemsOf(broken('errors.json', (errors) => { errors[1].phrases.push(errors[0].phrases[0].toUpperCase()); }));
    expect(shared).toEqual([expect.objectContaining({ file: 'signals/errors.json', field: expect.stringMatching(/^phrases\.\d+$/), reason: expect.stringContaining('is also a phrase of') })]);
    const sources = problemsOf(broken('sources.json', (data) => { delete data.counts; }));
    expect(sources).toEqual([expect.objectContaining({ file: 'signals/sources.json', field: 'counts' })]);
  });
});
