import { describe, expect, it } from 'vitest';
import { filterOf, queryOf, searchFor } from '../../src/ui/answers/fragment';

describe('the answer page’s filter in the address', () => {
  it('reads ?filter=changed, and anything else as all answers', () => {
    expect(filterOf('?filter=changed')).toBe('changed');
    expect(filterOf('?q=wasm&filter=changed')).toBe('changed');
    for (const other of ['', '?filter=all', '?filter=CHANGED', '?filter=%3Cscript%3E', '?filter']) expect(filterOf(other)).toBe('all');
  });

  it('writes the query and the filter together, and nothing when there is neither', () => {
    expect(searchFor('', 'all')).toBe('');
    expect(searchFor('  ', 'changed')).toBe('?filter=changed');
    expect(searchFor('wasm plugin', 'changed')).toBe('?q=wasm+plugin&filter=changed');
    expect(queryOf(searchFor('限流 & more', 'all'))).toBe('限流 & more');
  });
});
