// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadDataset } from '../../src/data/load-files';
import { SearchEngine } from '../../src/search/engine';
import { defaultSuggestion, escapeXml, omniboxSuggestions, omniboxTarget, suggestionLanguage } from '../../src/search/omnibox';

const engine = new SearchEngine(loadDataset());
const messages = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
beforeAll(() => {
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string[]) =>
    (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => substitutions?.[Number(n) - 1] ?? '')) as typeof fakeBrowser.i18n.getMessage;
});

/** Parses a description as Chromium does: XML with <match>, <dim> and <url> in a root. */
function parse(description: string): Document {
  const doc = new DOMParser().parseFromString(`<root>${description}</root>`, 'text/xml');
  expect(doc.querySelector('parsererror'), description).toBeNull();
  return doc;
}

describe('omnibox suggestions', () => {
  it('lists the engine’s answers with the matched words marked (Chromium) and the episode dimmed', () => {
    const suggestions = omniboxSuggestions(engine, 'sidecar memory', 'en', 'xml');
    expect(suggestions.length).toBeGreaterThan(1);
    expect(suggestions.length).toBeLessThanOrEqual(6);
    expect(suggestions[0]!.content).toMatch(/^ep02-q02 /);
    const doc = parse(suggestions[0]!.description);
    expect([...doc.querySelectorAll('match')].map((match) => match.textContent?.toLowerCase())).toContain('sidecar');
    expect(doc.documentElement.textContent).toMatch(/^When there are a huge number of services/);
    expect(doc.querySelector('dim')!.textContent).toMatch(/Ep\. 2 · Pan Tianying \(Xiaodian Technology\)/);
    expect(new Set(suggestions.map((suggestion) => suggestion.content)).size).toBe(suggestions.length);
  });

  it('gives Firefox plain text, in the language typed when the reader reads both', () => {
    const [first] = omniboxSuggestions(engine, '限流', suggestionLanguage('both', '限流'), 'plain');
    expect(first!.description).not.toMatch(/[<>]/);
    expect(first!.description).toMatch(/[\u4e00-\u9fff]/);
    expect(suggestionLanguage('both', 'rate limit')).toBe('en');
    expect(suggestionLanguage('zh', 'rate limit')).toBe('zh');
  });

  it('escapes what it marks: XML that Chromium parses whatever the text', () => {
    for (const text of ['<EnvoyFilter> & "retries" \'x\'', 'a\u0000b\u0008 sidecar \uD800', 'sidecar <match>x</match>']) {
      for (const suggestion of omniboxSuggestions(engine, text, 'en', 'xml')) parse(suggestion.description);
      parse(defaultSuggestion(engine, text, 'xml'));
    }
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  it('shows `$&`, `$\'` and `` $` `` as typed, not as replacement patterns', () => {
    for (const text of ['sidecar $&', "sidecar $'", 'sidecar $`', 'sidecar $1 $$']) {
      const query = engine.boundedQuery(text);
      expect(defaultSuggestion(engine, text, 'xml')).toContain(`<match>${escapeXml(query)}</match>`);
    }
  });

  it('gives empty, punctuation-only and 10 KB input a sensible answer', () => {
    expect(omniboxSuggestions(engine, '', 'en', 'xml')).toEqual([]);
    expect(defaultSuggestion(engine, '   ', 'xml')).toMatch(/Search 118 expert answers/);
    expect(omniboxSuggestions(engine, '?!…。，——', 'en', 'xml')).toEqual([]);
    const huge = 'sidecar memory '.repeat(700);
    expect(huge.length).toBeGreaterThan(10_000);
    const suggestions = omniboxSuggestions(engine, huge, 'en', 'xml');
    expect(suggestions.length).toBeGreaterThan(0);
    for (const suggestion of suggestions) expect(suggestion.description.length).toBeLessThan(400);
    expect(defaultSuggestion(engine, huge, 'plain').length).toBeLessThan(120);
  });

  it('sends Enter to the chosen answer, the results for the text, or the whole list', () => {
    const [first] = omniboxSuggestions(engine, 'sidecar memory', 'en', 'plain');
    expect(omniboxTarget(engine, first!.content)).toEqual({ answerId: 'ep02-q02' });
    expect(omniboxTarget(engine, 'EP04-Q12')).toEqual({ answerId: 'ep04-q12' });
    expect(omniboxTarget(engine, 'ep99-q99 nothing')).toEqual({ query: 'ep99-q99 nothing' });
    expect(omniboxTarget(engine, '  rate   limiting ')).toEqual({ query: 'rate limiting' });
    expect(omniboxTarget(engine, '')).toEqual({});
    expect((omniboxTarget(engine, 'x'.repeat(10_000)) as { query: string }).query.length).toBe(1000);
  });
});
