import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, loadDataset } from '../../src/data/load-files';
import { parseSourceQa } from '../../src/data/source-parser';

const source = readFileSync(resolve(DATA_DIR, 'source/istio-big-talk.md'), 'utf8');
const dataset = loadDataset();

describe('the dataset is faithful to the source page', () => {
  const parsed = parseSourceQa(source);

  it('has every Q&A pair, none dropped or merged, with the printed numbers', () => {
    expect(parsed.map((entry) => entry.id)).toEqual(dataset.qa.map((entry) => entry.id));
    const perEpisode = Object.fromEntries([2, 3, 4, 5, 7, 8].map((n) => [n, dataset.qa.filter((entry) => entry.episode === n).length]));
    expect(perEpisode).toEqual({ 2: 11, 3: 9, 4: 30, 5: 29, 7: 12, 8: 27 });
  });

  it('keeps the Chinese text exactly as the source has it', () => {
    for (const [index, entry] of dataset.qa.entries()) {
      expect(entry.question.zh, entry.id).toBe(parsed[index]!.question);
      expect(entry.answer.zh, entry.id).toBe(parsed[index]!.answer);
    }
  });

  it('keeps the speakers’ typos, the YAML snippet and the links', () => {
    const all = JSON.stringify([dataset.qa, dataset.episodes]);
    for (const typo of ['Isito', 'Pliot', 'isitod', 'Enovy', 'litmit']) expect(all).toContain(typo);
    expect(dataset.qa.find((entry) => entry.id === 'ep03-q02')!.answer.zh).toContain('```yaml\napiVersion: microservice.netease.com/v1alpha1');
    const links = readFileSync(resolve(DATA_DIR, 'source/links.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
    for (const [entry, , url] of links) {
      const match = /^ep0(\d) q(\d+)$/.exec(entry!);
      if (!match) continue;
      const id = `ep0${match[1]}-q${match[2]!.padStart(2, '0')}`;
      expect(dataset.qa.find((qa) => qa.id === id)!.answer.zh, id).toContain(`(${url})`);
    }
  });

  it('keeps episode 7 once, and the episodes without Q&A', () => {
    expect(dataset.episodes.map((episode) => episode.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(dataset.episodes[0]!.guests[0]!.name.zh).toBe('马若飞');
    expect(dataset.episodes[6]!.guests[0]!.bio.zh).toContain('具有三年网关相关研发及大规模实践经验');
  });

  it('marks English as a translation', () => {
    expect(dataset.info.translation.en).toMatch(/translation/i);
    expect(dataset.info.licence.name).toBe('CC BY-NC-SA 4.0');
  });
});
