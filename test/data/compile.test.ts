import { describe, expect, it } from 'vitest';
import { compileDataset, type DataProblem, DatasetError, type RawDataFiles } from '../../src/data/compile';
import { readDataFiles } from '../../src/data/load-files';

const original = readDataFiles();

/** A copy of the data files with one of them changed. */
function broken(file: keyof RawDataFiles, change: (data: any) => unknown): RawDataFiles {
  const data = JSON.parse(original[file]);
  const result = change(data);
  return { ...original, [file]: typeof result === 'string' ? result : JSON.stringify(result ?? data) };
}

function problemsOf(files: RawDataFiles): DataProblem[] {
  try {
    compileDataset(files);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).message).toContain('data/');
    return (error as DatasetError).problems;
  }
  throw new Error('the broken data compiled');
}

describe('compileDataset', () => {
  it('accepts the shipped data and links every answer to terms', () => {
    const dataset = compileDataset(original);
    expect(dataset.episodes).toHaveLength(8);
    expect(dataset.qa).toHaveLength(118);
    expect(dataset.glossary.length).toBeGreaterThanOrEqual(120);
    expect(dataset.qa.find((entry) => entry.id === 'ep05-q25')!.terms).toContain('rate-limiting');
    expect(dataset.qa.find((entry) => entry.id === 'ep03-q02')!.terms).toContain('lazy-loading');
  });

  it('names the file when it is not JSON', () => {
    expect(problemsOf({ ...original, 'qa.json': '[{"id": "ep02-q01",' })).toEqual([
      expect.objectContaining({ file: 'qa.json', entry: '-', field: '-', reason: expect.stringContaining('not valid JSON') }),
    ]);
  });

  it('names the entry and field of a missing translation', () => {
    const problems = problemsOf(broken('qa.json', (qa) => { qa[5].answer.en = ''; }));
    expect(problems).toEqual([{ file: 'qa.json', entry: 'ep02-q06', field: 'answer.en', reason: 'missing translation' }]);
  });

  it('reports a translation field that is absent altogether', () => {
    const problems = problemsOf(broken('episodes.json', (episodes) => { delete episodes[2].title.en; }));
    expect(problems).toEqual([{ file: 'episodes.json', entry: '3', field: 'title.en', reason: 'missing translation' }]);
  });

  it('rejects a duplicate id', () => {
    const problems = problemsOf(broken('qa.json', (qa) => [...qa, qa[0]]));
    expect(problems).toContainEqual({ file: 'qa.json', entry: 'ep02-q01', field: '-', reason: 'duplicate id' });
  });

  it('rejects an alias shared by two terms, however it is spelled', () => {
    const problems = problemsOf(broken('glossary.json', (glossary) => {
      glossary.find((term: any) => term.id === 'canary-release').aliases.en.push('Rate-Limiting');
    }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'glossary.json', field: 'aliases' });
    expect(`${problems[0]!.entry} ${problems[0]!.reason}`).toMatch(/rate-limiting.*canary-release|canary-release.*rate-limiting/);
  });

  it('rejects a symptom that is already a spelling or another term\'s symptom, naming the term and field', () => {
    const alias = problemsOf(broken('glossary.json', (glossary) => {
      glossary.find((term: any) => term.id === 'large-scale-mesh').symptoms.en.push('rate limit');
    }));
    expect(alias).toEqual([expect.objectContaining({ file: 'glossary.json', entry: 'large-scale-mesh', field: 'symptoms', reason: expect.stringContaining('rate-limiting') })]);
    const shared = problemsOf(broken('glossary.json', (glossary) => {
      glossary.find((term: any) => term.id === 'idle-timeout').symptoms.en.push('OOMKilled');
    }));
    expect(shared).toEqual([expect.objectContaining({ file: 'glossary.json', entry: 'idle-timeout', field: 'symptoms', reason: expect.stringContaining('sidecar-resource') })]);
    const malformed = problemsOf(broken('glossary.json', (glossary) => {
      glossary.find((term: any) => term.id === 'idle-timeout').symptoms = ['idle'];
    }));
    expect(malformed[0]).toMatchObject({ file: 'glossary.json', entry: 'idle-timeout', field: expect.stringContaining('symptoms') });
  });

  it('rejects links that are not https, in URLs and inside Markdown', () => {
    expect(problemsOf(broken('episodes.json', (episodes) => { episodes[0].replayUrl = 'http://www.bilibili.com/video/BV1jK4y1R7Tk'; })))
      .toEqual([{ file: 'episodes.json', entry: '1', field: 'replayUrl', reason: 'is not an https URL' }]);
    const problems = problemsOf(broken('qa.json', (qa) => {
      const entry = qa.find((e: any) => e.id === 'ep02-q10');
      entry.answer.zh = entry.answer.zh.replace('https://tetrate.io', 'http://tetrate.io');
      entry.answer.en = entry.answer.en.replace('https://tetrate.io', 'http://tetrate.io');
    }));
    expect(problems).toContainEqual(expect.objectContaining({ entry: 'ep02-q10', field: 'answer.zh', reason: expect.stringContaining('not https') }));
    expect(problemsOf(broken('glossary.json', (glossary) => { glossary[0].docsUrl = 'ftp://istio.io/'; })))
      .toEqual([expect.objectContaining({ file: 'glossary.json', entry: glossary0Id(), field: 'docsUrl' })]);
  });

  it('rejects a translation whose structure or links differ from the original', () => {
    const problems = problemsOf(broken('qa.json', (qa) => {
      const entry = qa.find((e: any) => e.id === 'ep03-q02');
      entry.answer.en = entry.answer.en.replace(/```yaml[\s\S]*```/, 'no code here');
    }));
    expect(problems).toContainEqual(expect.objectContaining({ entry: 'ep03-q02', field: 'answer.en', reason: expect.stringContaining('structure') }));
  });

  it('rejects an id that does not match its episode and number, and unknown fields', () => {
    const problems = problemsOf(broken('qa.json', (qa) => { qa[0].number = 7; qa[1].speaker = 'x'; }));
    expect(problems).toContainEqual(expect.objectContaining({ entry: 'ep02-q01', field: 'id' }));
    expect(problems).toContainEqual(expect.objectContaining({ entry: 'ep02-q02', reason: expect.stringContaining('speaker') }));
  });

  it('needs 8–15 asks in each language for every answer, naming the entry', () => {
    expect(problemsOf(broken('asks.json', (asks) => asks.filter((entry: any) => entry.id !== 'ep04-q12'))))
      .toEqual([{ file: 'asks.json', entry: 'ep04-q12', field: '-', reason: 'no asks for this answer (each answer needs its list)' }]);
    expect(problemsOf(broken('asks.json', (asks) => { asks.find((entry: any) => entry.id === 'ep02-q02').zh = []; })))
      .toEqual([{ file: 'asks.json', entry: 'ep02-q02', field: 'zh', reason: 'needs 8–15 asks' }]);
    expect(problemsOf(broken('asks.json', (asks) => { asks[0].en[2] = '  '; })))
      .toEqual([{ file: 'asks.json', entry: asks0Id(), field: 'en.2', reason: 'is empty' }]);
    expect(problemsOf(broken('asks.json', (asks) => [...asks, { ...asks[0], id: 'ep09-q01' }])))
      .toEqual([{ file: 'asks.json', entry: 'ep09-q01', field: 'id', reason: 'is not the id of an answer in qa.json' }]);
  });

  it('keeps the asks out of what the extension shows: they are only indexed', () => {
    const dataset = compileDataset(original);
    expect(dataset.asks).toHaveLength(dataset.qa.length);
    for (const entry of dataset.asks!) {
      for (const lang of ['en', 'zh'] as const) expect(entry[lang].length, `${entry.id} ${lang}`).toBeGreaterThanOrEqual(8);
    }
  });

  it('reports every problem at once, not only the first', () => {
    const files = { ...broken('qa.json', (qa) => { qa[0].question.en = ''; qa[3].answer.en = ' '; }), 'dataset.json': '{}' };
    expect(problemsOf(files).length).toBeGreaterThanOrEqual(3);
  });
});

function asks0Id(): string {
  return JSON.parse(original['asks.json'])[0].id;
}

function glossary0Id(): string {
  return JSON.parse(original['glossary.json'])[0].id;
}
