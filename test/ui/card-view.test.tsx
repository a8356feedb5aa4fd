// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import type { CardHandlers, CardState } from '../../src/page/card-api';
import { lookupCard, termCard } from '../../src/search/cards';
import { SearchEngine } from '../../src/search/engine';
import { citeAnswer } from '../../src/search/cite';
import { CardView } from '../../src/ui/card/CardView';
import { useEnglishMessages } from './english-messages';

const engine = new SearchEngine(loadDataset());
const handlers: CardHandlers = {
  onPointerEnter() {},
  onPointerLeave() {},
  onPin() {},
  onClose() {},
  onOpenPopup() {},
  onOpenSidePanel: async () => ({ opened: true }),
  onCite: async (answerId) => citeAnswer(engine.dataset, answerId, 'en'),
  onOpenAnswerPage() {},
};
const rect = new DOMRect(0, 0, 10, 10);

function show(data: CardState['data'], kind: CardState['kind']): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  const state: CardState = { anchor: { getBoundingClientRect: () => rect, getClientRects: () => [rect] }, data, lang: 'en', pinned: false, scheme: 'light', kind, focus: false };
  render(<CardView state={state} handlers={handlers} />, root);
  return root;
}

const ids = (root: ParentNode, selector: string) => [...root.querySelectorAll(`${selector} [data-answer-id]`)].map((element) => element.getAttribute('data-answer-id'));

beforeAll(useEnglishMessages);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('CardView', () => {
  it('lists a lookup’s close matches as the answer and the rest under "No close match"', () => {
    const answered = show(lookupCard(engine, 'sidecar memory with thousands of services', 'en'), 'lookup');
    expect(answered.querySelector('[data-answer-id]')!.getAttribute('data-answer-id')).toBe('ep02-q02');
    expect(answered.querySelector('[data-answer-id]')!.getAttribute('data-confident')).toBe('true');

    const unanswered = show(lookupCard(engine, 'Envoy brotli compression for gzip responses', 'en'), 'lookup');
    expect(unanswered.querySelectorAll('[data-confident="true"]')).toHaveLength(0);
    expect(unanswered.querySelector('.nearest h3')!.textContent).toBe('No close match — nearest answers');
    expect(ids(unanswered, '.nearest').length).toBeGreaterThan(0);
  });

  it('folds a hover card’s answers away when none fits the sentence, keeping the definition', () => {
    const data = termCard(engine, 'envoy', 'Envoy supports brotli and gzip compression of responses.', 'en')!;
    const root = show(data, 'hover');
    expect(root.querySelector('.definition')!.textContent).toBe(data.terms[0]!.definition.en);
    const folded = root.querySelector('details.nearest')!;
    expect(folded.hasAttribute('open')).toBe(false);
    expect(folded.querySelector('summary')!.textContent).toBe(`No close match here — nearest answers (${data.answers.length})`);
    expect(root.querySelectorAll('.card-body > [data-answer-id]')).toHaveLength(0);

    const fitting = show(termCard(engine, 'sidecar', 'the sidecar uses 2GB of memory per pod with thousands of services', 'en')!, 'hover');
    expect(ids(fitting, '.card-body')[0]).toBe('ep02-q02');
    expect(fitting.querySelector('.card-body > [data-answer-id="ep02-q02"]')).not.toBeNull();
  });

  it('lets each answer be quoted or opened on its page, and says so, or why not', async () => {
    const data = lookupCard(engine, 'sidecar memory with thousands of services', 'en');
    const opened: string[] = [];
    const root = document.createElement('div');
    document.body.append(root);
    const state: CardState = { anchor: { getBoundingClientRect: () => rect, getClientRects: () => [rect] }, data, lang: 'en', pinned: true, scheme: 'light', kind: 'lookup', focus: false };
    render(<CardView state={state} handlers={{ ...handlers, onOpenAnswerPage: (id) => opened.push(id) }} />, root);
    const row = root.querySelector('[data-answer-id="ep02-q02"]')!;
    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void writes.push(text) } });
    (row.querySelector('[data-action="copy-markdown"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(row.querySelector('.cite-status')!.textContent).toBe('Copied: paste it into a GitHub comment.'));
    expect(writes[0]).toBe(citeAnswer(engine.dataset, 'ep02-q02', 'en').markdown);
    (row.querySelector('[data-action="copy-link"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(writes[1]).toBe(engine.dataset.info.source.url));
    // A clipboard the browser refuses: the message says so and the text is there to copy by hand.
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => { throw new DOMException('Write permission denied.', 'NotAllowedError'); } } });
    (row.querySelector('[data-action="copy-markdown"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(row.querySelector('.cite-status')!.textContent).toMatch(/^The browser refused the clipboard/));
    expect((row.querySelector('textarea.cite-manual') as HTMLTextAreaElement).value).toBe(writes[0]);
    (row.querySelector('[data-action="answer-page"]') as HTMLButtonElement).click();
    expect(opened).toEqual(['ep02-q02']);
  });

  it('says how to open the side panel where the browser would not open it from the card', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const state: CardState = { anchor: { getBoundingClientRect: () => rect, getClientRects: () => [rect] }, data: lookupCard(engine, 'keepalive', 'en'), lang: 'en', pinned: true, scheme: 'light', kind: 'lookup', focus: false };
    render(<CardView state={state} handlers={{ ...handlers, onOpenSidePanel: async () => ({ opened: false, shortcut: 'Alt+Shift+S' }) }} />, root);
    (root.querySelector('[data-action="side-panel"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(root.querySelector('.hint')!.textContent).toMatch(/press Alt\+Shift\+S/));
  });
});
