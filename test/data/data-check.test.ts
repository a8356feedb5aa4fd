import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../src/data/load-files';

const ROOT = resolve(import.meta.dirname, '../..');

function dataCheck(dir?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/tools/data-check.ts', ...(dir ? [dir] : [])], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, out: result.stdout + result.stderr };
}

describe('npm run data:check', () => {
  it('prints the counts of the shipped data', () => {
    const { status, out } = dataCheck();
    expect(status).toBe(0);
    expect(out).toMatch(/episodes: 8 \(6 with Q&A\)/);
    expect(out).toMatch(/Q&A:\s+118/);
    expect(out).toMatch(/glossary: \d{3} terms/);
    expect(out).toMatch(/signals:  (\d+) response flags \(the source lists \1\), (\d+) analyze codes \(the source lists \2\)/);
  });

  it('fails on a broken signal catalogue, naming the file, entry, field and reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'data-'));
    cpSync(DATA_DIR, dir, { recursive: true });
    const flags = JSON.parse(readFileSync(join(dir, 'signals/flags.json'), 'utf8'));
    flags[1].docsUrl = 'ftp://example.com/flags';
    writeFileSync(join(dir, 'signals/flags.json'), JSON.stringify(flags));
    const { status, out } = dataCheck(dir);
    expect(status).toBe(1);
    expect(out).toContain(`data/signals/flags.json: ${flags[1].code}: docsUrl: is not an https URL`);
  });

  it('fails on a broken copy, naming the file, entry, field and reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'data-'));
    cpSync(DATA_DIR, dir, { recursive: true });
    const qa = JSON.parse(readFileSync(join(dir, 'qa.json'), 'utf8'));
    qa[10].question.en = '';
    writeFileSync(join(dir, 'qa.json'), JSON.stringify(qa));
    const { status, out } = dataCheck(dir);
    expect(status).toBe(1);
    expect(out).toContain(`data/qa.json: ${qa[10].id}: question.en: missing translation`);
  });
});
