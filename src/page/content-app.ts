/**
 * The content script: on the user's sites it marks terms and opens hover cards; everywhere it is
 * injected (on demand, for a selection lookup or the popup's "On this page") it answers
 * messages. Settings changes apply at once, without reloading the tab.
 */
import { answerLanguageFor } from '../i18n';
import { parseCompactTerms } from '../glossary/compact';
import { type TermMatch, TermMatcher } from '../glossary/matcher';
import { readGlossaryTerms } from '../messaging/glossary-terms';
import { CONTENT_SCRIPT_FLAG } from '../messaging/injection';
import { backgroundMessaging, contentMessaging, type AnswerLanguage, type PageTerms } from '../messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';
import { onSettingsChanged, readSettings } from '../settings/settings-reader';
import { siteStatus } from '../settings/site-status';
import { registeredCardUi, type CardAnchor, type CardUi } from './card-api';
import { CardController } from './card-controller';
import { HoverWatcher, termAtPoint } from './hover';
import { SLICE_MS } from './idle';
import { PageMarker } from './page-marker';
import { servePanelFeed } from './panel-feed';
import { pageQuestion } from './page-question';
import { pageScheme } from './page-scheme';
import { PageScanner, tallyTerms } from './scanner';
import { isInSkippedRegion } from './selectors';

/** A selection is cut to this before it travels; the engine bounds it further. */
const LOOKUP_MAX_CHARS = 4000;
/** Time a one-off scan (a page where marks are off) may take, in slices. */
const ONE_OFF_SCAN_MS = 200;


export class ContentApp {
  private scanner: PageScanner | undefined;
  private scannerLoad: Promise<PageScanner> | undefined;
  private readonly cards: CardController;
  private marker: PageMarker | undefined;
  private hover: HoverWatcher | undefined;

  constructor(private settings: Settings) {
    this.cards = new CardController({
      loadUi: () => loadCardUi(),
      lang: () => this.answerLanguage(),
      scheme: () => pageScheme(document),
      openPopup: (query, answerId) => void backgroundMessaging.sendMessage('openPopup', { query, ...(answerId ? { answerId } : {}) }).catch(() => {}),
      openSidePanel: (query) => backgroundMessaging.sendMessage('openSidePanel', { query }),
      cite: (answerId) => backgroundMessaging.sendMessage('citeAnswer', { answerId, lang: this.answerLanguage() }),
      openAnswerPage: (answerId) => void backgroundMessaging.sendMessage('openAnswerPage', { answerId }).catch(() => {}),
    });
  }

  /**
   * The matcher, built on first use from the glossary's spellings, which the content script does
   * not carry (`readGlossaryTerms`): a page where it only waits for a lookup never needs them.
   */
  private loadScanner(): Promise<PageScanner> {
    this.scannerLoad ??= readGlossaryTerms().then(
      (glossary) => (this.scanner = new PageScanner(new TermMatcher(parseCompactTerms(glossary)))),
      (error: unknown) => {
        this.scannerLoad = undefined;
        throw error;
      },
    );
    return this.scannerLoad;
  }

  /** Starts once per frame, however many times the script is injected. */
  static start(): void {
    const global = globalThis as Record<string, unknown>;
    if (global[CONTENT_SCRIPT_FLAG]) return;
    global[CONTENT_SCRIPT_FLAG] = true;
    const app = new ContentApp(DEFAULT_SETTINGS);
    // Listening starts at once: whoever injected the script sends its message right away.
    const ready = readSettings().then((settings) => {
      app.settings = settings;
      app.apply();
    });
    app.listen(ready);
  }

  private listen(ready: Promise<void>): void {
    onSettingsChanged((settings) => {
      this.settings = settings;
      this.apply();
    });
    contentMessaging.onMessage('pageTerms', () => ready.then(() => this.pageTerms()));
    contentMessaging.onMessage('showLookup', ({ data }) => ready.then(() => this.showLookup(data.text)));
    // The side panel beside this page hears of every change "On this page" depends on.
    servePanelFeed(
      () => ready.then(() => this.pageTerms()),
      () => `${location.href}\n${document.title}\n${pageQuestion(document)}\n${this.marker?.ready === true}`,
    );
  }

  /** Starts or stops marking and hover cards to match the settings and the page's site. */
  private apply(): void {
    if (siteStatus(location.href, this.settings).mode !== 'active') {
      this.stopMarking();
      return;
    }
    const options = {
      relevantByDefault: (href: string) => {
        const status = siteStatus(href, this.settings);
        return status.mode === 'active' && !status.needsRelevanceCheck;
      },
      paint: this.settings.hover.marks,
    };
    if (this.marker) {
      this.marker.update(options);
    } else {
      this.marker = new PageMarker(() => this.loadScanner(), options);
      this.marker.start();
    }
    const hoverOptions = { delayMs: this.settings.hover.delayMs, modifier: this.settings.hover.modifier };
    if (this.hover) this.hover.update(hoverOptions);
    else this.hover = new HoverWatcher(hoverOptions, (sample) => this.onRest(sample.x, sample.y), (sample) => this.cards.pointerMoved(sample));
  }

  private stopMarking(): void {
    this.marker?.stop();
    this.marker = undefined;
    this.hover?.dispose();
    this.hover = undefined;
    if (!this.cards.isPinned) this.cards.close();
  }

  private matchesIn(node: Text): readonly TermMatch[] {
    const known = this.marker?.matchesIn(node);
    if (known) return known;
    return !this.scanner || isInSkippedRegion(node) ? [] : this.scanner.matcher.findAll(node.data, 50);
  }

  private onRest(x: number, y: number): void {
    const marker = this.marker;
    if (!marker?.isRelevant) return;
    const target = termAtPoint(document, x, y, (node) => this.matchesIn(node));
    if (!target) {
      this.cards.restedElsewhere();
      return;
    }
    const lang = this.answerLanguage();
    // The card follows a live range: it moves with the text when the page reflows or scrolls.
    const anchor = document.createRange();
    anchor.setStart(target.node, target.match.start);
    anchor.setEnd(target.node, target.match.end);
    void this.cards.show({
      key: `${target.termId}@${target.match.start}`.concat(nodeKey(target.node)),
      anchor,
      kind: 'hover',
      load: () => backgroundMessaging.sendMessage('termCard', { termId: target.termId, context: target.context, lang }),
      onClose: () => marker.setActive(undefined),
    }).then(() => {
      if (this.cards.isOpen) marker.setActive(target.range);
    });
  }

  private showLookup(text: string | undefined): boolean {
    const selection = window.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    const selected = (text ?? '').trim() !== '' ? text! : (selection?.toString() ?? '');
    // Nothing selected: the shortcut takes the keyboard into the card that is open, if one is.
    if (selected.trim() === '') return this.cards.focusOpenCard();
    const query = selected.slice(0, LOOKUP_MAX_CHARS);
    const lang = this.answerLanguage();
    void this.cards.show(
      {
        key: `lookup:${Date.now()}`,
        anchor: selectionAnchor(range),
        kind: 'lookup',
        load: () => backgroundMessaging.sendMessage('lookup', { text: query, lang }),
      },
      { pinned: true, focus: true },
    );
    return true;
  }

  private async pageTerms(): Promise<PageTerms> {
    const page = { url: location.href, title: document.title, question: pageQuestion(document) };
    if (this.marker?.ready) return { ...page, terms: this.marker.terms() };
    const found: TermMatch[][] = [];
    const job = (await this.loadScanner()).job(document.body ?? document.documentElement, ({ matches }) => found.push(matches));
    // Slices with a yield between them: a huge page is scanned in part rather than frozen.
    const stopAt = performance.now() + ONE_OFF_SCAN_MS;
    for (;;) {
      const sliceEnd = performance.now() + SLICE_MS;
      if (job.run(() => performance.now() > sliceEnd) || performance.now() > stopAt) break;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return { ...page, terms: tallyTerms(found) };
  }

  private answerLanguage(): AnswerLanguage {
    return answerLanguageFor(this.settings.answerLanguage);
  }
}

const nodeKeys = new WeakMap<Text, number>();
let nextNodeKey = 0;
function nodeKey(node: Text): string {
  let key = nodeKeys.get(node);
  if (key === undefined) nodeKeys.set(node, (key = nextNodeKey++));
  return `#${key}`;
}

/** The selection's range when it has a box; else the focused field; else the top of the viewport. */
function selectionAnchor(range: Range | undefined): CardAnchor {
  if (range && range.getClientRects().length > 0) return range.cloneRange();
  const active = document.activeElement;
  if (active && active !== document.body) return active;
  const rect = new DOMRect(window.innerWidth / 2, 48, 0, 0);
  return { getBoundingClientRect: () => rect, getClientRects: () => [rect] };
}

/** The card UI is injected by the background on first use; it registers itself on a global. */
async function loadCardUi(): Promise<CardUi> {
  const existing = registeredCardUi();
  if (existing) return existing;
  await backgroundMessaging.sendMessage('loadCardUi', undefined);
  const loaded = registeredCardUi();
  if (!loaded) throw new Error('card UI did not load');
  return loaded;
}
