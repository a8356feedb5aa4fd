// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signalCard } from '../../src/background/signal-messages';
import { loadDataset, loadSignals } from '../../src/data/load-files';
import type { CardHandlers, CardState } from '../../src/page/card-api';
import { SearchEngine } from '../../src/search/engine';
import { SignalDecoder } from '../../src/signals/decode';
import { CardView } from '../../src/ui/card/CardView';
import { useEnglishMessages } from './english-messages';

const engine = new SearchEngine(loadDataset());
const decoder = new SignalDecoder(loadSignals());
const noop = () => {};
const handlers: CardHandlers = {
  onPointerEnter: noop, onPointerLeave: noop, onPin: noop, onClose: noop, onOpenPopup: noop, onOpenAnswerPage: noop,
  onOpenSidePanel: async () => ({ opened: true }),
  onCite: async () => ({ markdown: '', link: '' }) as never,
};
const rect = new DOMRect(0, 0, 10, 10);

function show(data: CardState['data']): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  const state: CardState = { anchor: { getBoundingClientRect: () => rect, getClientRects: () => [rect] }, data, lang: 'en', pinned: false, scheme: 'light', kind: 'hover', focus: false };
  render(<CardView state={state} handlers={handlers} />, root);
  return root;
}

beforeAll(useEnglishMessages);
afterEach(() => {
  document.body.innerHTML = '';
});

const LINE = '[2026-01-05T10:00:00.000Z] "POST /v1/pay HTTP/1.1" 503 UC upstream_reset_before_response_started{connection_termination} - "-" 12 95 3 - "-" "shop/1.0" "4f1c" "pay:8080" "10.1.2.3:8080" outbound|8080|v2|pay.shop.svc.cluster.local - 10.96.0.7:8080 10.1.0.4:4002 - default';

describe('a signal card', () => {
  it('decodes the line: status, flag with its meaning, details, the cluster in parts, causes, checks, docs and answers', () => {
    const data = signalCard(engine, decoder, LINE, LINE.indexOf(' UC ') + 1, 'code', 'en')!;
    const root = show(data);
    const card = root.querySelector('[role="dialog"]')!;
    expect(card.getAttribute('aria-label')).toBe('Signal 503 UC, decoded');
    const parts = [...root.querySelectorAll('.signal-part')].map((part) => part.getAttribute('data-kind'));
    expect(parts).toEqual(['status', 'flag', 'detail', 'reset', 'cluster']);
    const text = card.textContent!;
    for (const expected of ['UpstreamConnectionTermination', 'direction', 'outbound', 'subset', 'v2', 'pay.shop.svc.cluster.local', 'Likely causes', 'What to check']) expect(text).toContain(expected);
    expect(root.querySelector<HTMLAnchorElement>('.signal-docs')!.href).toMatch(/^https:\/\/www\.envoyproxy\.io\//);
    expect(root.querySelectorAll('.signal-focus code').length).toBeGreaterThan(0);
    expect([...root.querySelectorAll('[data-answer-id]')].map((row) => row.getAttribute('data-answer-id'))).toEqual(data.answers.map((answer) => answer.id));
  });

  it('says an unknown flag is unknown, with the docs, and shows a page’s markup as text', () => {
    const line = '"GET /x HTTP/1.1" 503 uf upstream_reset_before_response_started{<img src=x onerror=alert(1)>} - "-"';
    const root = show(signalCard(engine, decoder, line, line.indexOf(' uf ') + 1, 'code', 'en'));
    expect(root.querySelector('.signal-part[data-kind="flag"]')!.getAttribute('data-known')).toBe('false');
    expect(root.querySelector('.signal-unknown')!.textContent).toMatch(/Unknown flag/);
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
  });

  it('gives nothing for a line without a signal at that place', () => {
    expect(signalCard(engine, decoder, 'nothing to see here', 3, 'code', 'en')).toBeUndefined();
  });
});
