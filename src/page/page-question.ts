/**
 * What a page asks, for "On this page" to rank answers by: on a GitHub issue, pull request or
 * discussion the person's own question (its title and opening comment); elsewhere the page's
 * title and headings. Bounded whatever the page holds (a 10,000-character title, no title).
 */
import { leadingText } from './leading-text';
import { firstElement, PAGE_QUESTION } from './selectors';

export const QUESTION_LIMITS = { title: 300, body: 700, headings: 12, total: 1000 } as const;

const clean = (text: string | null | undefined, max: number) => (text ?? '').slice(0, max * 4).replace(/\s+/g, ' ').trim().slice(0, max);
/** An element's text as `clean` keeps it, read only as far as it looks. */
const cleanText = (element: Element | null | undefined, max: number) => clean(element ? leadingText(element, max * 4) : '', max);

function isGithub(doc: Document): boolean {
  return doc.location?.hostname === 'github.com';
}

function headings(doc: Document): string[] {
  const found: string[] = [];
  for (const heading of doc.querySelectorAll(PAGE_QUESTION.headings)) {
    if (heading.closest(PAGE_QUESTION.notContent)) continue;
    const text = cleanText(heading, 120).replace(/[#¶]$/, '').trim();
    if (text !== '' && !found.includes(text)) found.push(text);
    if (found.length >= QUESTION_LIMITS.headings) break;
  }
  return found;
}

export function pageQuestion(doc: Document = document): string {
  let parts: string[];
  const githubTitle = isGithub(doc) ? firstElement(doc, PAGE_QUESTION.githubTitle) : undefined;
  if (githubTitle) {
    parts = [cleanText(githubTitle, QUESTION_LIMITS.title), cleanText(firstElement(doc, PAGE_QUESTION.githubOpening), QUESTION_LIMITS.body)];
  } else {
    const title = clean(doc.title, QUESTION_LIMITS.title);
    parts = [title, ...headings(doc).filter((heading) => !title.includes(heading))];
  }
  return parts.filter(Boolean).join('\n').slice(0, QUESTION_LIMITS.total);
}
