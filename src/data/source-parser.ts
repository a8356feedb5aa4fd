/**
 * Reads the Q&A out of the original Markdown page (`data/source/istio-big-talk.md`).
 *
 * Used once to import the Chinese text into `data/qa.json`, and by the tests to prove the stored
 * text is still faithful to the source. The page's quirks are handled here and nowhere else:
 * episode 7 appears twice (the first copy is kept), episode 2's questions are unnumbered blocks
 * separated by `------`, episode 4 quotes its answers with `>`, and answers start with `答：`.
 */

export interface SourceQa {
  id: string;
  episode: number;
  number: number;
  question: string;
  answer: string;
}

const CHINESE_NUMERALS = '一二三四五六七八九十';

/** `## 第三期：…` → 3 */
function episodeNumber(heading: string): number | undefined {
  const match = /^## 第([一二三四五六七八九十]+)期/.exec(heading);
  if (!match) return undefined;
  return CHINESE_NUMERALS.indexOf(match[1]!) + 1;
}

function qaId(episode: number, question: number): string {
  return `ep${String(episode).padStart(2, '0')}-q${String(question).padStart(2, '0')}`;
}

/** Splits the page into episodes; the first section with a given number wins. */
function splitEpisodes(markdown: string): Map<number, string[]> {
  const episodes = new Map<number, string[]>();
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) {
      const number = episodeNumber(line);
      current = number !== undefined && !episodes.has(number) ? [line] : undefined;
      if (current && number !== undefined) episodes.set(number, current);
      continue;
    }
    current?.push(line);
  }
  return episodes;
}

/** The lines under `### 问答`, up to the next heading. */
function qaSection(lines: string[]): string[] {
  const start = lines.findIndex((line) => line.trim() === '### 问答');
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('#'));
  return end < 0 ? rest : rest.slice(0, end);
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}

/** Removes the answer markers the page uses (`答：`, a `>` quote) without touching the words. */
function cleanAnswer(lines: string[]): string {
  const unquoted = lines.map((line) => line.replace(/^> ?/, ''));
  const text = trimBlankLines(unquoted).join('\n');
  return text.replace(/^答[：:]\s*/, '');
}

/** Episode 2: blocks separated by `------`; the question is everything before `答：`. */
function parseUnnumbered(episode: number, lines: string[]): SourceQa[] {
  const blocks: string[][] = [[]];
  for (const line of lines) {
    if (/^-{3,}\s*$/.test(line)) blocks.push([]);
    else blocks.at(-1)!.push(line);
  }
  return blocks
    .map(trimBlankLines)
    .filter((block) => block.length > 0)
    .map((block, index) => {
      const answerStart = block.findIndex((line) => /^答[：:]/.test(line));
      if (answerStart < 0) throw new Error(`episode ${episode}, block ${index + 1}: no 答：`);
      return {
        id: qaId(episode, index + 1),
        episode,
        number: index + 1,
        question: trimBlankLines(block.slice(0, answerStart)).join('\n'),
        answer: cleanAnswer(block.slice(answerStart)),
      };
    });
}

/**
 * Numbered episodes: each question is a top-level list item (`N. ` at column 0); everything
 * indented under it is the answer. Answers' own lists are indented, so they never start a question.
 */
function parseNumbered(episode: number, lines: string[]): SourceQa[] {
  const items: { number: number; lines: string[]; indent: number }[] = [];
  for (const line of lines) {
    const start = /^(\d+)\. /.exec(line);
    if (start) {
      items.push({ number: Number(start[1]), lines: [line.slice(start[0].length)], indent: start[0].length });
    } else if (items.length > 0) {
      const item = items.at(-1)!;
      item.lines.push(line.trim() === '' ? '' : dedent(line, item.indent));
    }
  }
  return items.map(({ number, lines: itemLines }) => {
    const body = trimBlankLines(itemLines);
    const questionEnd = body.findIndex((line) => line.trim() === '');
    const question = questionEnd < 0 ? body : body.slice(0, questionEnd);
    const answer = questionEnd < 0 ? [] : body.slice(questionEnd + 1);
    return {
      id: qaId(episode, number),
      episode,
      number,
      question: question.join('\n'),
      answer: cleanAnswer(answer),
    };
  });
}

function dedent(line: string, indent: number): string {
  const leading = /^ */.exec(line)![0].length;
  return line.slice(Math.min(leading, indent));
}

/** Every Q&A pair on the page, in page order. */
export function parseSourceQa(markdown: string): SourceQa[] {
  const result: SourceQa[] = [];
  for (const [episode, lines] of splitEpisodes(markdown)) {
    const section = qaSection(lines);
    if (section.length === 0) continue;
    const numbered = section.some((line) => /^\d+\. /.test(line));
    result.push(...(numbered ? parseNumbered(episode, section) : parseUnnumbered(episode, section)));
  }
  return result;
}
