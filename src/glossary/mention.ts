/**
 * Whether text may name Istio or Envoy, for the content script's loader (src/page/content-gate.ts):
 * one regular expression of the anchor terms' spellings (`mentionSpellings`, made at build time,
 * `virtual:mention-spellings`). It carries nothing of the matcher, since the loader is parsed on the
 * page's main thread.
 */

/** Separators the matcher folds into one (`foldChar` in matcher.ts). */
const SEPARATORS = '[\\s_\\-\\u00a0\\u3000\\u2010\\u2011]+';

/**
 * A test for text that may hold one of `spellings` as the matcher reads it (any case, fullwidth
 * forms, any run of separators), ignoring word edges: it may say yes where the matcher finds no
 * anchor, never no where it finds one.
 */
export function mentionPattern(spellings: readonly string[]): RegExp {
  const char = (c: string) => {
    if (c === ' ') return SEPARATORS;
    const code = c.charCodeAt(0);
    const escaped = c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    // Printable ASCII has a fullwidth form the matcher folds back (`i` covers its case).
    return code > 0x20 && code < 0x7f ? `[${escaped}${String.fromCharCode(code + 0xfee0)}]` : escaped;
  };
  return new RegExp(spellings.map((spelling) => [...spelling].map(char).join('')).join('|') || '$^', 'i');
}
