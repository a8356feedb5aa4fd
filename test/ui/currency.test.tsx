// @vitest-environment happy-dom
/**
 * The one currency component every surface uses: the badge's wording by status, the note one
 * click (or Enter/Space on a button) away, read against the page's version, in the answer's
 * language(s), marked as ours with its sources; quiet for advice not tied to a version.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadDataset } from '../../src/data/load-files';
import type { Currency as CurrencyEntry } from '../../src/data/types';
import { omniboxSuggestions } from '../../src/search/omnibox';
import { SearchEngine } from '../../src/search/engine';
import { Currency, sourceName } from '../../src/ui/Currency';
import { currencyLabel } from '../../src/ui/currency-label';

const dataset = loadDataset();
const messages = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const zhMessages = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/_locales/zh_CN/messages.json'), 'utf8')) as Record<string, { message: string }>;
let locale = messages;
beforeAll(() => {
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string[]) =>
    (locale[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => substitutions?.[Number(n) - 1] ?? '')) as typeof fakeBrowser.i18n.getMessage;
});
afterEach(() => {
  document.body.innerHTML = '';
  locale = messages;
});

const startup: CurrencyEntry = {
  id: 'ep03-q09',
  status: 'changed',
  since: { product: 'istio', version: '1.19' },
  default: { product: 'istio', version: '1.27' },
  now: { en: 'Use native sidecars.', zh: '使用原生 sidecar。' },
  before: { en: 'Set holdApplicationUntilProxyStarts.', zh: '设置 holdApplicationUntilProxyStarts。' },
  sources: ['https://istio.io/latest/blog/2023/native-sidecars/'],
  reviewed: { istio: '1.31', envoy: '1.40' },
};

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

describe('Currency', () => {
  it('words the badge by status, in English and Chinese', () => {
    expect(currencyLabel(startup)).toBe('Changed since 2021 · Istio 1.19');
    expect(currencyLabel({ ...startup, status: 'superseded', since: { product: 'istio', version: '1.27' } })).toBe('Superseded · Istio 1.27');
    expect(currencyLabel({ status: 'current', reviewed: startup.reviewed })).toBe('Still true in Istio 1.31');
    // A note that corrects the answer itself never reads "still true".
    expect(currencyLabel({ status: 'current', reviewed: startup.reviewed, corrects: true })).toBe('Corrected · checked in Istio 1.31');
    expect(currencyLabel({ status: 'unchecked', reviewed: startup.reviewed })).toBe('Not re-checked since 2021');
    locale = zhMessages;
    expect(currencyLabel(startup)).toBe('2021 年后有变化 · Istio 1.19');
    expect(currencyLabel({ status: 'unchecked', reviewed: startup.reviewed })).toBe('2021 年后未再核对');
  });

  it('opens the note from a disclosure button, and closes it again', async () => {
    const root = mount(<Currency currency={startup} lang="en" variant="note" />);
    const button = root.querySelector('button')!;
    const note = root.querySelector('.currency-note') as HTMLElement;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(note.hidden).toBe(true);
    expect(button.getAttribute('aria-controls')).toBe(note.id);
    await act(() => button.click());
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(note.hidden).toBe(false);
    expect(note.textContent).toContain('Use native sidecars.');
    expect(note.textContent).toContain('Our note, not the expert’s words.');
    expect(note.textContent).toContain('Checked against Istio 1.31 and Envoy 1.40.');
    expect([...note.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual(startup.sources);
    await act(() => button.click());
    expect(note.hidden).toBe(true);
  });

  it('reads the note against the page’s version', async () => {
    const older = mount(<Currency currency={startup} lang="en" variant="note" page={{ product: 'istio', version: '1.16' }} />);
    await act(() => older.querySelector('button')!.click());
    const olderText = older.querySelector('.currency-note')!.textContent!;
    expect(olderText).toContain('This page is about Istio 1.16. What changed needs Istio 1.19 or later.');
    expect(olderText).toContain('On Istio 1.16: Set holdApplicationUntilProxyStarts.');
    expect(olderText).toContain('From Istio 1.19: Use native sidecars.');
    const newer = mount(<Currency currency={startup} lang="en" variant="note" page={{ product: 'istio', version: '1.20' }} />);
    await act(() => newer.querySelector('button')!.click());
    expect(newer.querySelector('.currency-note')!.textContent).toContain('This page is about Istio 1.20, which has this change (since Istio 1.19). It is the default only from Istio 1.27.');
    const today = mount(<Currency currency={startup} lang="both" variant="note" page={{ latest: true }} />);
    await act(() => today.querySelector('button')!.click());
    const todayText = today.querySelector('.currency-note')!.textContent!;
    expect(todayText).not.toContain('This page is about');
    expect(todayText).not.toContain('holdApplicationUntilProxyStarts');
    expect([...today.querySelectorAll('.currency-now')].map((p) => p.getAttribute('lang'))).toEqual(['zh-CN', 'en']);
  });

  it('says when the note corrects the 2021 answer itself', async () => {
    const root = mount(<Currency currency={{ ...startup, status: 'current', since: undefined, default: undefined, before: undefined, corrects: true }} lang="en" variant="note" />);
    await act(() => root.querySelector('button')!.click());
    expect(root.querySelector('.currency-note')!.textContent).toContain('This note also corrects the 2021 answer');
  });

  it('is quiet for advice not tied to a version, and a plain badge inside a list', () => {
    const timeless: CurrencyEntry = { id: 'ep02-q01', status: 'timeless', reviewed: startup.reviewed };
    expect(mount(<Currency currency={timeless} lang="en" variant="note" />).textContent).toBe('');
    expect(mount(<Currency currency={timeless} lang="en" variant="note" full />).textContent).toBe('Advice not tied to a version');
    const badge = mount(<Currency currency={startup} lang="en" variant="badge" />);
    expect(badge.querySelector('button, a, [tabindex]')).toBeNull();
    expect(badge.textContent).toBe('Changed since 2021 · Istio 1.19');
    expect(mount(<Currency currency={undefined} lang="en" variant="note" />).textContent).toBe('');
  });

  it('names sources briefly, and survives a malformed one', () => {
    expect(sourceName('https://istio.io/latest/news/releases/1.19.x/announcing-1.19/change-notes/')).toBe('istio.io › announcing-1.19/change-notes');
    expect(sourceName('https://www.envoyproxy.io/')).toBe('envoyproxy.io');
    expect(sourceName('https://github.com/istio/api/blob/release-1.19/extensions/v1alpha1/wasm.proto')).toBe('istio/api release-1.19 › wasm.proto');
    expect(sourceName('not a url')).toBe('not a url');
  });

  it('puts the badge of an overtaken answer in the address bar’s suggestion', () => {
    const engine = new SearchEngine(dataset);
    const [first] = omniboxSuggestions(engine, 'uriRegexRewrite', 'en', 'plain');
    expect(first!.content).toMatch(/^ep05-q26 /);
    expect(first!.description).toContain(currencyLabel(dataset.qa.find((entry) => entry.id === 'ep05-q26')!.currency!));
  });
});

describe('Currency in a card', () => {
  it('shows each answer’s badge under it, its note read against the page’s version', async () => {
    const { CardView } = await import('../../src/ui/card/CardView');
    const { termCard } = await import('../../src/search/cards');
    const engine = new SearchEngine(dataset);
    const data = termCard(engine, 'hold-application-until-proxy-starts', 'the sidecar starts after the app container', 'en')!;
    expect(data.answers.map((answer) => answer.id)).toContain('ep03-q09');
    const rect = new DOMRect(0, 0, 10, 10);
    const noop = () => {};
    const handlers = { onPointerEnter: noop, onPointerLeave: noop, onPin: noop, onClose: noop, onOpenPopup: noop, onOpenSidePanel: async () => ({ opened: true }), onCite: async () => ({ markdown: '', link: '' }), onOpenAnswerPage: noop };
    const root = mount(<CardView state={{ anchor: { getBoundingClientRect: () => rect, getClientRects: () => [rect] }, data, lang: 'en', pinned: false, scheme: 'light', kind: 'hover', focus: false, pageVersion: { product: 'istio', version: '1.16' } }} handlers={handlers} />);
    const row = root.querySelector('[data-answer-id="ep03-q09"]')!;
    const toggle = row.querySelector('[data-action="currency"]') as HTMLButtonElement;
    // Not inside the answer's own button (no button in a button).
    expect(toggle.closest('button.answer')).toBeNull();
    expect(toggle.textContent).toContain(currencyLabel(dataset.qa.find((entry) => entry.id === 'ep03-q09')!.currency!));
    await act(() => toggle.click());
    expect(row.querySelector('.currency-note')!.textContent).toContain('This page is about Istio 1.16.');
  });
});
