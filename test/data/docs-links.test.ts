import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, loadDataset } from '../../src/data/load-files';

/**
 * Every glossary docs link was checked against the docs' own sources (see
 * data/source/docs-links.md); docs-links.tsv records where. A link that is not in it was not
 * checked, so it cannot land.
 */
const HEADER = ['url', 'repository', 'commit', 'source_file', 'anchor_checked'];
const lines = readFileSync(resolve(DATA_DIR, 'source/docs-links.tsv'), 'utf8').trimEnd().split('\n');
const rows = lines.slice(1).map((line) => line.split('\t'));
const checked = new Map(rows.map((row) => [row[0]!, row]));
const glossaryUrls = [...new Set(loadDataset().glossary.flatMap((term) => (term.docsUrl ? [term.docsUrl] : [])))];

describe('docs links are checked against their sources', () => {
  it('has the documented header and five fields a row', () => {
    expect(lines[0]!.split('\t')).toEqual(HEADER);
    for (const row of rows) expect(row, row[0]).toHaveLength(HEADER.length);
  });

  it('lists every glossary docsUrl', () => {
    const unchecked = glossaryUrls.filter((url) => !checked.has(url));
    expect(unchecked, 'docsUrl missing from data/source/docs-links.tsv').toEqual([]);
  });

  it('has one row per distinct docsUrl, and none for links the glossary no longer has', () => {
    expect(rows.length).toBe(checked.size);
    const used = new Set(glossaryUrls);
    expect(rows.map((row) => row[0]).filter((url) => !used.has(url!))).toEqual([]);
  });

  it('names a repository, a commit and a source file, and checked every anchor', () => {
    for (const [url, repository, commit, sourceFile, anchorChecked] of rows) {
      expect(url, url).toMatch(/^https:\/\//);
      expect(repository, url).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(commit, url).toMatch(/^[0-9a-f]{40}$/);
      expect(sourceFile, url).not.toBe('');
      expect(anchorChecked, url).toBe(url!.includes('#') ? 'yes' : 'n/a');
    }
  });
});
