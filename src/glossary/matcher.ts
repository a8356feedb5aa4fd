/**
 * Finds glossary terms in text: every alias's key in one sorted list, narrowed a character at a
 * time from each possible start (a trie with nothing to build: a page's content script makes a
 * matcher on every load, from the list sorted when the extension was built, `SortedSpellings`).
 * Shared by page scanning, the search tokenizer and the build step that links Q&A to terms.
 *
 * Rules (see `GlossaryTerm.aliases`):
 * - Latin aliases match on word boundaries: no "pilot" inside "autopilot", no "Envoy" inside
 *   "EnvoyFilter". A regular plural ("CRDs", "VirtualServices") is accepted.
 * - Chinese aliases match anywhere: Chinese has no spaces between words.
 * - Case is ignored, except for short acronyms (EDS, UDS, xDS, mTLS), matched as written.
 * - Spaces, hyphens and underscores are interchangeable ("rate-limit" = "rate limit"), and
 *   full-width Latin letters count as their ASCII forms.
 */

export interface TermAliases {
  id: string;
  aliases: readonly string[];
}

/**
 * Every spelling's key, sorted: what a matcher is made of. The content script reads it from
 * storage as it was made at build time (`virtual:glossary-terms`): folding and sorting 1,700
 * spellings, and indexing them, cost a page 10–12 ms of cold script on every load.
 */
export interface SortedSpellings {
  termIds: string[];
  /** Every spelling's key, sorted by UTF-16 code units (equal keys in the order given). */
  keys: string[];
  /** The term of each key: an index into `termIds`. */
  terms: number[];
  /** Each key's alias as written, or '' where that is the key itself. */
  written: string[];
}

export interface TermMatch {
  termId: string;
  /** UTF-16 offsets into the searched text; `end` is exclusive. */
  start: number;
  end: number;
}

/** Where a key ends: the term, and how its spellings may be written. */
interface KeyEnd {
  termId: string;
  /** A case-insensitive alias has this key. */
  anyCase: boolean;
  /** Exact spellings of case-sensitive aliases with this key. */
  exact: string[] | undefined;
  /** An alias with this key ends in an acronym ("istiod HA"): a plural must be written in capitals too. */
  acronymEnd: boolean;
}

const SEPARATOR = 0x20;
const SHORT_ALIAS = 5;

/** A letter or digit that makes a Latin word continue (ASCII, Latin-1 and Latin Extended). */
function isLatinWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  );
}

/** `isLatinWordChar` of the ASCII characters, looked up. */
const ASCII_WORD_CHAR = Uint8Array.from({ length: 0x80 }, (_, code) => (isLatinWordChar(code) ? 1 : 0));

function isSeparator(code: number): boolean {
  return code === 0x20 || code === 0x2d || code === 0x5f || code === 0x09 || code === 0x0a ||
    code === 0x0d || code === 0xa0 || code === 0x3000 || code === 0x2010 || code === 0x2011;
}

/** The comparable form of one UTF-16 code unit: lowercase ASCII, separators folded. */
function foldChar(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code < 0x80) return isSeparator(code) ? SEPARATOR : code;
  if (isSeparator(code)) return SEPARATOR;
  if (code >= 0xff01 && code <= 0xff5e) return foldChar(code - 0xfee0);
  // Only alphabets with case need the slow path; CJK, the bulk of Chinese pages, has none.
  if (code >= 0x0530 && code < 0x1e00) return code;
  if (code >= 0x2000 && code < 0xff00) return code;
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/**
 * Text that `aliasKey` leaves as it is: words of characters that fold to themselves (no capitals,
 * no separators, none of the alphabets with case beyond ASCII, no fullwidth forms) joined by
 * single spaces.
 */
const FOLDS_TO_ITSELF = '[^A-Z\\s_\\-\\u0080-\\u052f\\u1e00-\\u1fff\\u2010\\u2011\\u3000\\uff00-\\uffff]+';
const ALREADY_FOLDED = new RegExp(`^${FOLDS_TO_ITSELF}(?: ${FOLDS_TO_ITSELF})*$`);

/** The key two aliases share when the matcher cannot tell them apart. */
export function aliasKey(alias: string): string {
  // Most spellings are keys already: building each key a character at a time cost 3–16 ms cold
  // for the glossary's ~2,000 (now done at build time, and for the engine's symptom phrases).
  if (ALREADY_FOLDED.test(alias)) return alias;
  let key = '';
  let lastWasSeparator = true;
  for (let i = 0; i < alias.length; i++) {
    const folded = foldChar(alias.charCodeAt(i));
    if (folded === SEPARATOR) {
      if (!lastWasSeparator) key += ' ';
      lastWasSeparator = true;
    } else {
      key += String.fromCharCode(folded);
      lastWasSeparator = false;
    }
  }
  return key.trimEnd();
}

/** The keys from `from` up to (not including) `to`. */
interface KeyRange {
  from: number;
  to: number;
}

/**
 * Ranges remembered per map at most: the characters and pairs a page uses are a few thousand,
 * but a page of random Unicode could make millions (past this they are searched each time).
 */
const MAX_REMEMBERED_RANGES = 20_000;

/** The spellings of `terms`, keyed and sorted: what `TermMatcher` is made of. */
export function sortSpellings(terms: readonly TermAliases[]): SortedSpellings {
  const spellings: { key: string; term: number; alias: string }[] = [];
  terms.forEach((term, index) => {
    for (const alias of term.aliases) {
      const key = aliasKey(alias);
      if (key !== '') spellings.push({ key, term: index, alias });
    }
  });
  // Array.prototype.sort is stable: equal keys stay in the order given.
  spellings.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    termIds: terms.map((term) => term.id),
    keys: spellings.map((spelling) => spelling.key),
    terms: spellings.map((spelling) => spelling.term),
    written: spellings.map((spelling) => (spelling.alias === spelling.key ? '' : spelling.alias)),
  };
}

/** The shape of `SortedSpellings` (a stored copy is checked before a page uses it). */
export function isSortedSpellings(value: unknown): value is SortedSpellings {
  if (typeof value !== 'object' || value === null) return false;
  const { termIds, keys, terms, written } = value as SortedSpellings;
  return Array.isArray(termIds) && Array.isArray(keys) && Array.isArray(terms) && Array.isArray(written) &&
    keys.length === terms.length && keys.length === written.length;
}

/** Short acronyms (two capitals or more in five characters or fewer) are matched as written. */
export function isCaseSensitiveAlias(alias: string): boolean {
  return alias.length <= SHORT_ALIAS && (alias.match(/[A-Z]/g)?.length ?? 0) >= 2 && /^[\x20-\x7e]+$/.test(alias);
}

/** "istiod HA", "ROUND_ROBIN": the last word is capitals, so its plural must be too. */
export function endsWithAcronym(alias: string): boolean {
  return /(^|[^A-Za-z])[A-Z]{2,}$/.test(alias);
}

export class TermMatcher {
  private readonly termIds: readonly string[];
  private readonly keys: readonly string[];
  private readonly terms: readonly number[];
  private readonly written: readonly string[];
  /**
   * The range of keys that start with a character, and with two: found by binary search when
   * the text first has them, then remembered (most starts end at one of these).
   */
  private readonly byFirst = new Map<number, KeyRange | null>();
  private readonly byFirstTwo = new Map<number, KeyRange | null>();
  /** What ends at a key that is the first of its equal keys, by its index; made on first use. */
  private readonly ends = new Map<number, KeyEnd>();

  /** From aliases (sorted here), or from spellings sorted already (`sortSpellings`). */
  constructor(source: readonly TermAliases[] | SortedSpellings) {
    const sorted = Array.isArray(source) ? sortSpellings(source as readonly TermAliases[]) : (source as SortedSpellings);
    this.termIds = sorted.termIds;
    this.keys = sorted.keys;
    this.terms = sorted.terms;
    this.written = sorted.written;
  }

  /**
   * The first index in [from, to) whose key's character at `depth` is `code` or after (a key
   * that ends before `depth` counts as before every character). The keys there share their
   * first `depth` characters, so they are sorted by the next one.
   */
  private lowerBound(from: number, to: number, depth: number, code: number): number {
    let low = from;
    let high = to;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const key = this.keys[middle]!;
      if ((depth < key.length ? key.charCodeAt(depth) : -1) < code) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The keys in [from, to) whose character at `depth` is `code`, if any. */
  private narrow(from: number, to: number, depth: number, code: number): KeyRange | null {
    const low = this.lowerBound(from, to, depth, code);
    if (low === to || this.keys[low]!.charCodeAt(depth) !== code) return null;
    return { from: low, to: this.lowerBound(low, to, depth, code + 1) };
  }

  /** The keys that start with `code`, then (with `second`) with the two. */
  private startRange(code: number, second?: number): KeyRange | null {
    const ranges = second === undefined ? this.byFirst : this.byFirstTwo;
    const id = second === undefined ? code : code * 0x10000 + second;
    let range = ranges.get(id);
    if (range !== undefined) return range;
    if (second === undefined) range = this.narrow(0, this.keys.length, 0, code);
    else {
      const first = this.startRange(code);
      range = first && this.narrow(first.from, first.to, 1, second);
    }
    if (ranges.size < MAX_REMEMBERED_RANGES) ranges.set(id, range);
    return range;
  }

  /** What ends at `index`, the first of the keys equal to it. */
  private endAt(index: number): KeyEnd {
    let end = this.ends.get(index);
    if (end) return end;
    const key = this.keys[index]!;
    end = { termId: '', anyCase: false, exact: undefined, acronymEnd: false };
    // Equal keys: the last one given names the term, the case rules of all of them count.
    for (let i = index; i < this.keys.length && this.keys[i] === key; i++) {
      const alias = this.written[i] || key;
      end.termId = this.termIds[this.terms[i]!]!;
      if (isCaseSensitiveAlias(alias)) (end.exact ??= []).push(alias);
      else end.anyCase = true;
      if (endsWithAcronym(alias)) end.acronymEnd = true;
    }
    this.ends.set(index, end);
    return end;
  }

  /**
   * Every non-overlapping term occurrence, left to right, longest alias first.
   * `limit` bounds the work on huge inputs.
   */
  findAll(text: string, limit = Infinity): TermMatch[] {
    const matches: TermMatch[] = [];
    this.findIn(text, 0, text.length, limit, matches);
    return matches;
  }

  /**
   * The occurrences that start in [from, to), added to `into` until it holds `limit`; returns
   * where the walk stopped (past `to` when a term runs across it: it is found whole).
   */
  findIn(text: string, from: number, to: number, limit: number, into: TermMatch[]): number {
    let position = from;
    let afterLatin = position > 0 && isLatinWordChar(text.charCodeAt(position - 1));
    while (position < to && into.length < limit) {
      const code = text.charCodeAt(position);
      const latin = code < 0x80 ? ASCII_WORD_CHAR[code] === 1 : isLatinWordChar(code);
      // No term starts inside a Latin word: most characters of a page are passed over here,
      // without a call (a page's first scan runs cold: 1–4 ms less on a short issue's text).
      if (latin && afterLatin) {
        position++;
        continue;
      }
      const match = this.matchAt(text, position);
      if (match) {
        into.push(match);
        position = match.end;
        afterLatin = isLatinWordChar(text.charCodeAt(position - 1));
      } else {
        position++;
        afterLatin = latin;
      }
    }
    return position;
  }

  /** The longest term starting exactly at `start`, if any. */
  matchAt(text: string, start: number): TermMatch | undefined {
    const first = text.charCodeAt(start);
    const latinStart = isLatinWordChar(first);
    if (latinStart && start > 0 && isLatinWordChar(text.charCodeAt(start - 1))) return undefined;
    if (foldChar(first) === SEPARATOR) return undefined;

    let from = 0;
    let to = this.keys.length;
    let depth = 0;
    let best: TermMatch | undefined;
    let i = start;
    while (i < text.length) {
      const code = foldChar(text.charCodeAt(i));
      let next = i + 1;
      // A run of separators in the text counts as one.
      if (code === SEPARATOR) while (next < text.length && foldChar(text.charCodeAt(next)) === SEPARATOR) next++;
      // The keys that go on with this character (they share the `depth` before it).
      const range = depth === 0 ? this.startRange(code) : depth === 1 ? this.startRange(this.keys[from]!.charCodeAt(0), code) : this.narrow(from, to, depth, code);
      if (!range) break;
      ({ from, to } = range);
      depth++;
      i = next;
      if (code !== SEPARATOR && this.keys[from]!.length === depth) {
        const ending = this.endAt(from);
        const end = this.endOfWord(text, start, i, ending);
        if (end !== undefined) best = { termId: ending.termId, start, end };
      }
    }
    return best;
  }

  /** Where a candidate that ends at `end` really ends, or undefined if it is not a whole word. */
  private endOfWord(text: string, start: number, end: number, node: KeyEnd): number | undefined {
    if (!node.anyCase && !node.exact?.includes(text.slice(start, end))) return undefined;
    const lastIsLatin = isLatinWordChar(text.charCodeAt(end - 1));
    if (!lastIsLatin) return end;
    if (!isLatinWordChar(text.charCodeAt(end))) return end;
    // Regular plurals: "VirtualServices", "CRDs" ("proxies" is listed as its own alias). After an
    // acronym only a capitalised one counts, so "istiod has" is not "istiod HA" + s.
    if (node.acronymEnd) {
      const last = text.charCodeAt(end - 1);
      const capital = last >= 0x41 && last <= 0x5a;
      return capital && text[end] === 's' && !isLatinWordChar(text.charCodeAt(end + 1)) ? end + 1 : undefined;
    }
    for (const suffix of ['s', 'es']) {
      const after = end + suffix.length;
      if (text.slice(end, after).toLowerCase() === suffix && !isLatinWordChar(text.charCodeAt(after))) {
        return after;
      }
    }
    return undefined;
  }
}
