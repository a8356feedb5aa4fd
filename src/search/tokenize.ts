/**
 * One tokenizer for documents and queries, identical in every engine (no Intl.Segmenter, whose
 * Chinese output differs between Chrome, Firefox and Node and splits 懒加载 or 限流 into
 * single characters):
 * - Chinese runs become overlapping bigrams (a lone character stays a unigram);
 * - Latin runs are lowercased and lightly stemmed; CamelCase and snake/kebab names also give
 *   their parts (`holdApplicationUntilProxyStarts` → hold, application, …);
 * - every glossary term found gives a concept token (`~rate-limiting`), shared by all its
 *   spellings and both languages: that is how "rate limit" finds 限流 and a typo finds its term.
 */
import type { TermMatcher } from '../glossary/matcher';
import { stem } from './stem';

export interface Token {
  /** The indexed form: a stem, a bigram, or `~term-id`. */
  term: string;
  /** UTF-16 offsets of the surface text in the input (for highlighting). */
  start: number;
  end: number;
}

const CONCEPT_PREFIX = '~';

export function conceptToken(termId: string): string {
  return CONCEPT_PREFIX + termId;
}

export function isConceptToken(term: string): boolean {
  return term.startsWith(CONCEPT_PREFIX);
}

const STOP_WORDS = new Set(
  ('a an and are as at be but by can could do does for from has have how i if in into is it its ' +
    'me my of on or our should so than that the their them then there these they this to was ' +
    'we what when where which while who why will with would you your any some about also not no ' +
    'there here just use using used get more most many much very being been one two per such other only ' +
    'even still ever each both via within without anyone someone something anything way ways').split(' '),
);

const enum CharClass {
  Other,
  Word,
  Cjk,
  Joiner,
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** Han ideographs (with extensions and compatibility forms), kana and hangul count as CJK. */
function classify(code: number): CharClass {
  if (code < 0x80) {
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return CharClass.Word;
    return code === 0x2e || code === 0x5f || code === 0x27 ? CharClass.Joiner : CharClass.Other;
  }
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff)) return CharClass.Cjk;
  if (code >= 0xd800 && code <= 0xdfff) return CharClass.Other;
  return LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? CharClass.Word : CharClass.Other;
}

const CAMEL_PART = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\p{L}+|\d+/gu;

const COMPOUND = /[a-z][A-Z]|[A-Z]{2}[a-z]|[._']|\d\p{L}|\p{L}\d/u;
const DIGITS = /^\d+$/;

function latinTokens(word: string, start: number, tokens: Token[]): void {
  const lower = word.toLowerCase();
  if (!STOP_WORDS.has(lower)) {
    const whole = lower.includes('.') || DIGITS.test(lower) ? lower : stem(lower);
    tokens.push({ term: whole, start, end: start + word.length });
  }
  // Parts of compound names: EnvoyFilter → envoy + filter, max_retries → max + retry.
  if (!COMPOUND.test(word)) return;
  let offset = 0;
  for (const piece of word.split(/[._']/)) {
    for (const part of piece.match(CAMEL_PART) ?? []) {
      const at = word.indexOf(part, offset);
      offset = at + part.length;
      const lowerPart = part.toLowerCase();
      if (lowerPart.length < 2 || STOP_WORDS.has(lowerPart) || DIGITS.test(lowerPart)) continue;
      tokens.push({ term: stem(lowerPart), start: start + at, end: start + at + part.length });
    }
  }
}

/**
 * Chinese function words as bigrams: they carry no topic, and in a pasted sentence ("我们在生产
 * 环境中…的问题") they outvote the one term that matters.
 */
const STOP_BIGRAMS = new Set(
  ('我们 你们 他们 请问 问题 这个 那个 这些 那些 什么 怎么 如何 为什么 可以 是否 一个 一下 时候 没有 的话 因为 所以 但是 如果 还是 或者 ' +
    '就是 不是 也是 都是 这样 那样 需要 已经 目前 现在 比较 一些 有没 没有 有什么 大家 老师 大佬 谢谢 感谢 之后 之前 以及 其中 ' +
    '的时 时候 了一 是不 不会 会不 能否 能不 不能 应该 怎样 哪些 这种 那种 一般 主要 对于 关于 通过 进行 使用 实现 方面 情况').split(' ').filter((word) => word.length === 2),
);

/** Marks an index term as encoded Chinese (see `cjkTerm`). */
const CJK_PREFIX = '·';
const DIGITS32 = '0123456789abcdefghijklmnopqrstuv';

/**
 * The index term for Chinese text: each character written as three base-32 digits. MiniSearch's
 * radix tree scans a node's children one by one, and thousands of distinct first characters at
 * its root made loading the index several times slower; 32 children at most keeps it fast.
 */
export function cjkTerm(text: string): string {
  let term = CJK_PREFIX;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    term += DIGITS32[(code >> 10) & 31]! + DIGITS32[(code >> 5) & 31]! + DIGITS32[code & 31]!;
  }
  return term;
}

export function isCjkTerm(term: string): boolean {
  return term.startsWith(CJK_PREFIX);
}

function cjkTokens(run: string, start: number, tokens: Token[]): void {
  if (run.length === 1) {
    tokens.push({ term: cjkTerm(run), start, end: start + 1 });
    return;
  }
  for (let i = 0; i + 1 < run.length; i++) {
    const bigram = run.slice(i, i + 2);
    if (!STOP_BIGRAMS.has(bigram)) tokens.push({ term: cjkTerm(bigram), start: start + i, end: start + i + 2 });
  }
}

/**
 * Word and bigram tokens, without concepts. A hand-written scan: a Unicode-property regex over
 * every character costs several times more, and this runs over every document at startup.
 */
export function wordTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const kind = classify(text.charCodeAt(i));
    if (kind === CharClass.Cjk) {
      let end = i + 1;
      while (end < text.length && classify(text.charCodeAt(end)) === CharClass.Cjk) end++;
      cjkTokens(text.slice(i, end), i, tokens);
      i = end;
    } else if (kind === CharClass.Word) {
      let end = i + 1;
      for (;;) {
        while (end < text.length && classify(text.charCodeAt(end)) === CharClass.Word) end++;
        // `.`, `_` and `'` join words only between word characters: v1.10, max_retries.
        if (end + 1 < text.length && classify(text.charCodeAt(end)) === CharClass.Joiner && classify(text.charCodeAt(end + 1)) === CharClass.Word) end += 2;
        else break;
      }
      latinTokens(text.slice(i, end), i, tokens);
      i = end;
    } else {
      i++;
    }
  }
  return tokens;
}

export function tokenize(text: string, matcher?: TermMatcher): Token[] {
  const tokens = wordTokens(text);
  if (matcher) {
    for (const match of matcher.findAll(text)) {
      tokens.push({ term: conceptToken(match.termId), start: match.start, end: match.end });
    }
  }
  return tokens;
}
