/**
 * Finds glossary terms in text: every alias's key in one sorted list, narrowed a character at a
 * time from each possible start (a trie with nothing to build: a page's content script makes a
 * matcher on every load, and making trie nodes cost more than matching a short page). Shared by page scanning, the search tokenizer and the build step that links Q&A to terms.
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
  /**
   * The aliases without capitals are keys already (`aliasKey`): the compact glossary's, folded
   * when it was made, so the content script does not fold 1,700 spellings on every page.
   */
  keyed?: boolean;
}

export interface TermMatch {
  termId: string;
  /** UTF-16 offsets into the searched text; `end` is exclusive. */
  start: number;
  end: number;
}

/** One spelling of a term, as the trie compares it. */
interface Spelling {
  key: string;
  termId: string;
  alias: string;
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
  // Most spellings are keys already (the compact glossary keeps them folded): a page makes the
  // keys of ~1,700 of them cold, and building each a character at a time cost 3–16 ms there.
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

/** Widens the range of `key` to take in `index` (spellings come in sorted order: ranges are contiguous). */
function extendRange(ranges: Map<number, { from: number; to: number }>, key: number, index: number): void {
  const range = ranges.get(key);
  if (range) range.to = index + 1;
  else ranges.set(key, { from: index, to: index + 1 });
}

function hasAsciiCapital(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) return true;
  }
  return false;
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
  readonly termIds: readonly string[];
  /** Every spelling, sorted by key (UTF-16 code units; equal keys in the order given). */
  private readonly spellings: Spelling[];
  /** The range of `spellings` whose keys start with each character, and with each two (most starts end there). */
  private readonly byFirst = new Map<number, { from: number; to: number }>();
  private readonly byFirstTwo = new Map<number, { from: number; to: number }>();
  /** What ends at a spelling whose key is the first of its equal keys, by its index; made on first use. */
  private readonly ends = new Map<number, KeyEnd>();

  constructor(terms: readonly TermAliases[]) {
    this.termIds = terms.map((term) => term.id);
    const spellings: Spelling[] = [];
    for (const term of terms) {
      for (const alias of term.aliases) {
        const key = term.keyed && !hasAsciiCapital(alias) ? alias : aliasKey(alias);
        if (key !== '') spellings.push({ key, termId: term.id, alias });
      }
    }
    spellings.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.spellings = spellings;
    for (let i = 0; i < spellings.length; i++) {
      const key = spellings[i]!.key;
      extendRange(this.byFirst, key.charCodeAt(0), i);
      if (key.length > 1) extendRange(this.byFirstTwo, key.charCodeAt(0) * 0x10000 + key.charCodeAt(1), i);
    }
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
      const key = this.spellings[middle]!.key;
      if ((depth < key.length ? key.charCodeAt(depth) : -1) < code) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** What ends at `index`, the first of the spellings with its key. */
  private endAt(index: number): KeyEnd {
    let end = this.ends.get(index);
    if (end) return end;
    const key = this.spellings[index]!.key;
    end = { termId: '', anyCase: false, exact: undefined, acronymEnd: false };
    // Equal keys: the last one given names the term, the case rules of all of them count.
    for (let i = index; i < this.spellings.length && this.spellings[i]!.key === key; i++) {
      const spelling = this.spellings[i]!;
      end.termId = spelling.termId;
      if (isCaseSensitiveAlias(spelling.alias)) (end.exact ??= []).push(spelling.alias);
      else end.anyCase = true;
      if (endsWithAcronym(spelling.alias)) end.acronymEnd = true;
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
    let position = 0;
    while (position < text.length && matches.length < limit) {
      const match = this.matchAt(text, position);
      if (match) {
        matches.push(match);
        position = match.end;
      } else {
        position++;
      }
    }
    return matches;
  }

  /** The longest term starting exactly at `start`, if any. */
  matchAt(text: string, start: number): TermMatch | undefined {
    const first = text.charCodeAt(start);
    const latinStart = isLatinWordChar(first);
    if (latinStart && start > 0 && isLatinWordChar(text.charCodeAt(start - 1))) return undefined;
    if (foldChar(first) === SEPARATOR) return undefined;

    let from = 0;
    let to = this.spellings.length;
    let depth = 0;
    let best: TermMatch | undefined;
    let i = start;
    while (i < text.length) {
      const code = foldChar(text.charCodeAt(i));
      let next = i + 1;
      // A run of separators in the text counts as one.
      if (code === SEPARATOR) while (next < text.length && foldChar(text.charCodeAt(next)) === SEPARATOR) next++;
      // The keys that go on with this character (they share the `depth` before it).
      if (depth < 2) {
        const range = depth === 0 ? this.byFirst.get(code) : this.byFirstTwo.get(this.spellings[from]!.key.charCodeAt(0) * 0x10000 + code);
        if (!range) break;
        ({ from, to } = range);
      } else {
        const low = this.lowerBound(from, to, depth, code);
        if (low === to || this.spellings[low]!.key.charCodeAt(depth) !== code) break;
        to = this.lowerBound(low, to, depth, code + 1);
        from = low;
      }
      depth++;
      i = next;
      if (code !== SEPARATOR && this.spellings[from]!.key.length === depth) {
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
