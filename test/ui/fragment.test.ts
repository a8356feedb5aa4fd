import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { answerPageSuffix } from '../../src/messaging/answer-page';
import { parseFragment, queryOf } from '../../src/ui/answers/fragment';

const dataset = loadDataset();

describe('the answer page’s address', () => {
  it('opens an answer, an episode, or the whole list', () => {
    expect(parseFragment('#ep04-q12', dataset)).toEqual({ kind: 'answer', id: 'ep04-q12', episode: 4 });
    expect(parseFragment('#EP04-Q12', dataset)).toEqual({ kind: 'answer', id: 'ep04-q12', episode: 4 });
    expect(parseFragment('#ep04', dataset)).toEqual({ kind: 'episode', number: 4 });
    expect(parseFragment('#ep1', dataset)).toEqual({ kind: 'episode', number: 1 });
    expect(parseFragment('', dataset)).toEqual({ kind: 'none' });
    expect(parseFragment('#', dataset)).toEqual({ kind: 'none' });
  });

  it('names an unknown or malformed fragment back as plain text, cut short', () => {
    expect(parseFragment('#ep99-q99', dataset)).toEqual({ kind: 'unknown', text: 'ep99-q99' });
    expect(parseFragment('#ep09', dataset)).toEqual({ kind: 'unknown', text: 'ep09' });
    expect(parseFragment('#<script>alert(1)</script>', dataset)).toEqual({ kind: 'unknown', text: '<script>alert(1)</script>' });
    expect(parseFragment('#%3Cscript%3E', dataset)).toEqual({ kind: 'unknown', text: '<script>' });
    // A broken escape is shown as written, not thrown.
    expect(parseFragment('#%E0%A4%A', dataset)).toEqual({ kind: 'unknown', text: '%E0%A4%A' });
    const long = parseFragment(`#${'x'.repeat(10_000)}`, dataset);
    expect(long.kind === 'unknown' && [...long.text].length).toBe(61);
    expect(parseFragment('#a%00b%0Ac', dataset)).toEqual({ kind: 'unknown', text: 'a b c' });
  });

  it('reads the text to search, bounded, and writes the same addresses back', () => {
    expect(queryOf('?q=sidecar%20memory')).toBe('sidecar memory');
    expect(queryOf('?q=' + 'x'.repeat(10_000)).length).toBe(2000);
    expect(queryOf('')).toBe('');
    expect(answerPageSuffix({ answerId: 'ep04-q12' })).toBe('#ep04-q12');
    expect(answerPageSuffix({ episode: 4 })).toBe('#ep04');
    expect(answerPageSuffix({ query: '限流 & rate' })).toBe('?q=%E9%99%90%E6%B5%81%20%26%20rate');
    expect(answerPageSuffix({ query: '  ' })).toBe('');
    expect(parseFragment(answerPageSuffix({ episode: 4 }), dataset)).toEqual({ kind: 'episode', number: 4 });
  });
});
