/**
 * Finds glossary terms in text: one trie of every alias (its nodes made as text reaches them),
 * walked from each possible start. Shared by page scanning, the search tokenizer and the build step that links Q&A to terms.
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

/**
 * A trie node, made on first use: a page visits a few hundred of the glossary's twenty thousand
 * prefixes, so building them all for every page would cost more than the scan (and megabytes).
 */
interface TrieNode {
  depth: number;
  /** The spellings below this node, until its children are made on the first visit. */
  pending?: Spelling[];
  next?: Map<number, TrieNode>;
  /** Set where an alias ends. */
  termId?: string;
  /** Case-insensitive alias ends here. */
  anyCase?: boolean;
  /** Exact spellings of case-sensitive aliases ending here. */
  exact?: string[];
  /** The alias ends in an acronym ("istiod HA"): a plural must be written in capitals too. */
  acronymEnd?: boolean;
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

/** Short acronyms (two capitals or more in five characters or fewer) are matched as written. */
export function isCaseSensitiveAlias(alias: string): boolean {
  return alias.length <= SHORT_ALIAS && (alias.match(/[A-Z]/g)?.length ?? 0) >= 2 && /^[\x20-\x7e]+$/.test(alias);
}

/** "istiod HA", "ROUND_ROBIN": the last word is capitals, so its plural must be too. */
export function endsWithAcronym(alias: string): boolean {
  return /(^|[^A-Za-z])[A-Z]{2,}$/.test(alias);
}

export class TermMatcher {
  private readonly root: TrieNode;
  readonly termIds: readonly string[];

  constructor(terms: readonly TermAliases[]) {
    this.termIds = terms.map((term) => term.id);
    const spellings: Spelling[] = [];
    for (const term of terms) {
      for (const alias of term.aliases) {
        const key = aliasKey(alias);
        if (key !== '') spellings.push({ key, termId: term.id, alias });
      }
    }
    this.root = { depth: 0, pending: spellings };
  }

  /** The child of a node for a folded character, making the node's children on the first visit. */
  private child(node: TrieNode, code: number): TrieNode | undefined {
    if (node.pending) {
      const next = new Map<number, TrieNode>();
      for (const spelling of node.pending) {
        const childCode = spelling.key.charCodeAt(node.depth);
        let child = next.get(childCode);
        if (!child) next.set(childCode, (child = { depth: node.depth + 1, pending: [] }));
        if (spelling.key.length === child.depth) {
          child.termId = spelling.termId;
          if (isCaseSensitiveAlias(spelling.alias)) (child.exact ??= []).push(spelling.alias);
          else child.anyCase = true;
          if (endsWithAcronym(spelling.alias)) child.acronymEnd = true;
        } else {
          child.pending!.push(spelling);
        }
      }
      for (const child of next.values()) if (child.pending!.length === 0) delete child.pending;
      node.next = next;
      delete node.pending;
    }
    return node.next?.get(code);
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

    let node: TrieNode | undefined = this.root;
    let best: TermMatch | undefined;
    let i = start;
    while (i < text.length) {
      let code = foldChar(text.charCodeAt(i));
      if (code === SEPARATOR) {
        // A run of separators in the text counts as one.
        let j = i + 1;
        while (j < text.length && foldChar(text.charCodeAt(j)) === SEPARATOR) j++;
        node = this.child(node, SEPARATOR);
        if (!node) break;
        i = j;
        continue;
      }
      node = this.child(node, code);
      if (!node) break;
      i++;
      if (node.termId !== undefined) {
        const end = this.endOfWord(text, start, i, node);
        if (end !== undefined) best = { termId: node.termId, start, end };
      }
    }
    return best;
  }

  /** Where a candidate that ends at `end` really ends, or undefined if it is not a whole word. */
  private endOfWord(text: string, start: number, end: number, node: TrieNode): number | undefined {
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
