import glossaryTerms from 'virtual:glossary-terms';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readGlossaryTerms, storeGlossaryTerms } from '../../src/messaging/glossary-terms';
import { backgroundMessaging } from '../../src/messaging/protocol';

describe('readGlossaryTerms', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('reads the copy the background stored, without asking it', async () => {
    const ask = vi.spyOn(backgroundMessaging, 'sendMessage');
    await storeGlossaryTerms(glossaryTerms);
    expect(await readGlossaryTerms()).toEqual(glossaryTerms);
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks the background when no copy is stored, or a copy of another glossary', async () => {
    const ask = vi.spyOn(backgroundMessaging, 'sendMessage').mockResolvedValue('fresh spellings' as never);
    expect(await readGlossaryTerms()).toBe('fresh spellings');
    await fakeBrowser.storage.local.set({ glossaryTerms: { version: 'an older build', terms: 'stale spellings' } });
    expect(await readGlossaryTerms()).toBe('fresh spellings');
    // This glossary's version, but not the shape this build reads (a damaged copy).
    const { version } = ((await fakeBrowser.storage.local.get('glossaryTerms')) as { glossaryTerms: { version: string } }).glossaryTerms;
    await storeGlossaryTerms(glossaryTerms);
    const stored = ((await fakeBrowser.storage.local.get('glossaryTerms')) as { glossaryTerms: { version: string } }).glossaryTerms;
    expect(stored.version).not.toBe(version);
    await fakeBrowser.storage.local.set({ glossaryTerms: { version: stored.version, terms: 'service-mesh\tservice mesh' } });
    expect(await readGlossaryTerms()).toBe('fresh spellings');
    expect(ask).toHaveBeenCalledTimes(3);
    expect(ask).toHaveBeenCalledWith('glossaryTerms', undefined);
  });
});
