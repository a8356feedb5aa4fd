/**
 * The content script: on the user's sites it marks terms and opens hover cards; everywhere it is
 * injected (on demand, for a selection lookup or the popup's "On this page") it answers
 * messages. Settings changes apply at once, without reloading the tab. When the extension is
 * updated or reinstalled, this script's context is invalidated and it stands down: marks,
 * listeners and card go, and the new script (injected by the background) takes over.
 */
import { throttle } from 'throttle-debounce';
import signalKeys from 'virtual:signal-keys';
import type { PageVersion } from '../data/currency';
import { answerLanguageFor } from '../i18n';
import { SignalReader } from '../signals/reader';
import { TermMatcher } from '../glossary/matcher';
import { readGlossaryTerms } from '../messaging/glossary-terms';
import { appStarted, CONTENT_SCRIPT_FLAG } from '../messaging/content-files';
import { boundedPageTitle, boundedPageUrl } from '../messaging/panel-feed';
import { backgroundMessaging, contentMessaging, type AnswerLanguage, type CardData, type PageTerms } from '../messaging/protocol';
import { MAX_LOOKUP_CHARS, record, requireExtensionSender, text } from '../messaging/validate';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';
import { onSettingsChanged, readSettings } from '../settings/settings-reader';
import { markedFromStart, siteStatus } from '../settings/site-status';
import { selectionAnchor, textAnchor } from './anchors';
import { type CardAnchor, registeredCardUi, type CardUi } from './card-api';
import { CardController } from './card-controller';
import { HoverWatcher, LONG_TEXT_CHARS, matchesAround, termAtPoint, type TermAtPoint } from './hover';
import { SLICE_MS } from './idle';
import { releaseEarlySheets } from './mark-styles';
import { MarkingPolicy, type ReviewedMatch } from './marking-policy';
import { PageMarker } from './page-marker';
import { servePanelFeed } from './panel-feed';
import { pageQuestion } from './page-question';
import { pageScheme } from './page-scheme';
import { pageVersion, pageVersionText } from './page-version';
import { watchAddress, type WatchLifetime } from './page-watch';
import { PageScanner, tallyTerms } from './scanner';
import { isInSkippedRegion, RegionSkips, removeOrphanedCards } from './selectors';
import { signalAtPoint, signalCardRequest, type SignalTarget } from './signal-card';
import { SignalMarks } from './signal-marks';

/** Time a one-off scan (a page where marks are off) may take, in slices. */
const ONE_OFF_SCAN_MS = 200;
/** How often an open card checks that its text is still on the page (the page swapped its content). */
const DETACHED_CHECK_MS = 500;
/** How often a side panel's feed looks at the page at most, however often it changes. */
const PANEL_CHECK_MS = 500;

/**
 * The life of this script, as WXT's ContentScriptContext gives it: `isValid` turns false once the
 * extension is updated, reloaded or removed (reading it notices that), and the `setInterval`
 * callbacks run only while it is valid.
 */
export interface ScriptLifetime extends WatchLifetime {
  onInvalidated(callback: () => void): () => void;
}

export class ContentApp {
  private scanner: PageScanner | undefined;
  private scannerLoad: Promise<PageScanner> | undefined;
  private readonly cards: CardController;
  private marker: PageMarker | undefined;
  private signals: SignalMarks | undefined;
  private hover: HoverWatcher | undefined;
  private readonly listeners = new AbortController();
  /** Told of changes "On this page" may depend on (`pageChanged`): the side panels' feeds. */
  private readonly pageChanges = new Set<() => void>();
  private unwatchSettings: (() => void) | undefined;
  private stopPanelFeed: (() => void) | undefined;
  private cardPrepared = false;
  /** The version the page is about, read once per address (`src/page/page-version.ts`). */
  private version: { url: string; version: PageVersion | undefined } | undefined;
  /** The answers asked for as the pointer first came onto a mark (`prepareOnApproach`). */
  private prefetched: { key: string; answers: Promise<CardData | undefined> } | undefined;

  constructor(
    private settings: Settings,
    private readonly lifetime: ScriptLifetime,
  ) {
    this.cards = new CardController({
      loadUi: () => loadCardUi(),
      lang: () => this.answerLanguage(),
      scheme: () => pageScheme(document),
      openPopup: (query, answerId) => {
        if (!this.userActed()) return;
        void backgroundMessaging.sendMessage('openPopup', { query, ...(answerId ? { answerId } : {}) }).catch(() => {});
      },
      openSidePanel: async (query) => (this.userActed() ? backgroundMessaging.sendMessage('openSidePanel', { query }) : { opened: false }),
      cite: (answerId) => backgroundMessaging.sendMessage('citeAnswer', { answerId, lang: this.answerLanguage() }),
      openAnswerPage: (answerId) => {
        if (!this.userActed()) return;
        void backgroundMessaging.sendMessage('openAnswerPage', { answerId }).catch(() => {});
      },
      pageVersion: () => this.pageVersion(),
      repeat: (check) => {
        const timer = this.lifetime.setInterval(check, DETACHED_CHECK_MS);
        return () => clearInterval(timer);
      },
    });
  }

  /**
   * The matcher, built on first use from the glossary's spellings, which the content script does
   * not carry (`readGlossaryTerms`): a page where it only waits for a lookup never needs them.
   */
  private loadScanner(): Promise<PageScanner> {
    this.scannerLoad ??= readGlossaryTerms().then(
      (glossary) => (this.scanner = new PageScanner(new TermMatcher(glossary))),
      (error: unknown) => {
        this.scannerLoad = undefined;
        throw error;
      },
    );
    return this.scannerLoad;
  }

  /** Starts once per frame, however many times the script is injected. */
  static start(lifetime: ScriptLifetime): void {
    const global = globalThis as Record<string, unknown>;
    if (appStarted()) return;
    global[CONTENT_SCRIPT_FLAG] = true;
    removeOrphanedCards(document);
    const app = new ContentApp(DEFAULT_SETTINGS, lifetime);
    lifetime.onInvalidated(() => app.standDown());
    // Listening starts at once: whoever injected the script sends its message right away.
    const ready = readSettings().then((settings) => {
      if (!lifetime.isValid) return;
      app.settings = settings;
      app.apply();
    });
    app.listen(ready);
    app.watchPage();
  }

  private listen(ready: Promise<void>): void {
    this.unwatchSettings = onSettingsChanged((settings) => {
      this.settings = settings;
      this.apply();
    });
    contentMessaging.onMessage('pageTerms', ({ sender }) => {
      requireExtensionSender(sender);
      return ready.then(() => this.pageTerms());
    });
    contentMessaging.onMessage('showLookup', ({ data, sender }) => {
      requireExtensionSender(sender);
      const request = record(data);
      const selected = request.text === undefined ? undefined : text(request.text, MAX_LOOKUP_CHARS, false);
      return ready.then(() => this.showLookup(selected));
    });
    // The side panel beside this page hears of every change "On this page" depends on.
    this.stopPanelFeed = servePanelFeed(
      () => ready.then(() => this.pageTerms()),
      () => `${boundedPageUrl(location.href)}\n${boundedPageTitle(document.title)}\n${pageQuestion(document)}\n${this.marker?.ready === true}`,
      (onChange) => this.watchForPanel(onChange),
    );
  }

  /**
   * What a side panel following this tab hears of, at most twice a second: a navigation, the
   * marks' scan settling (a page swapped in is rescanned, so its question comes with it), the
   * settings applied, and the document's head changing (its title). Nothing runs while the page
   * is still.
   */
  private watchForPanel(onChange: () => void): () => void {
    const check = throttle(PANEL_CHECK_MS, () => {
      if (this.lifetime.isValid) onChange();
    });
    const head = new MutationObserver(check);
    if (document.head) head.observe(document.head, { childList: true, subtree: true, characterData: true });
    this.pageChanges.add(check);
    return () => {
      check.cancel();
      head.disconnect();
      this.pageChanges.delete(check);
    };
  }

  /** Tells whoever watches (a side panel's feed) that the page may have changed. */
  private pageChanged(): void {
    for (const listener of this.pageChanges) listener();
  }

  /**
   * A card belongs to the page it opened on: a navigation (GitHub's Turbo, React routers) closes
   * it, pinned or not. The marks follow an address changed without a mutation
   * (`PageMarker.checkAddress`). The browser tells of both (`watchAddress`), so an idle tab runs
   * nothing of ours.
   */
  private watchPage(): void {
    let page = pageUrl();
    watchAddress(() => {
      this.marker?.checkAddress();
      this.pageChanged();
      const now = pageUrl();
      if (now === page) return;
      page = now;
      this.cards.close();
    }, this.lifetime, this.listeners.signal);
  }

  /** The extension was updated, reloaded or removed: this script's marks, listeners and card go. */
  private standDown(): void {
    this.stopMarking();
    releaseEarlySheets(document);
    this.cards.dispose();
    this.listeners.abort();
    // An invalidated context may refuse even these calls: its listeners then die with it.
    for (const unlisten of [() => this.unwatchSettings?.(), () => this.stopPanelFeed?.(), () => contentMessaging.removeAllListeners()]) {
      try {
        unlisten();
      } catch {
        // (nothing left to remove)
      }
    }
  }

  /** Starts or stops marking and hover cards to match the settings and the page's site. */
  private apply(): void {
    const active = siteStatus(location.href, this.settings).mode === 'active';
    // The settings may say what the loader could not know: this page is not marked.
    if (!active || !this.settings.hover.marks) releaseEarlySheets(document);
    if (!active) {
      this.stopMarking();
      this.pageChanged();
      return;
    }
    const options = {
      relevantByDefault: (href: string) => markedFromStart(href, this.settings),
      paint: this.settings.hover.marks,
      onSettled: () => this.pageChanged(),
    };
    if (this.marker) {
      this.marker.update(options);
    } else {
      this.signals = new SignalMarks(new SignalReader(signalKeys));
      this.marker = new PageMarker(() => this.loadScanner(), options, document, this.signals);
      this.marker.start();
    }
    const hoverOptions = { delayMs: this.settings.hover.delayMs, modifier: this.settings.hover.modifier };
    if (this.hover) this.hover.update(hoverOptions);
    else {
      this.hover = new HoverWatcher(hoverOptions, (sample) => this.onRest(sample.x, sample.y, sample.shiftKey), (sample) => {
        this.cards.pointerMoved(sample);
        this.prepareOnApproach(sample.x, sample.y);
      });
    }
    this.pageChanged();
  }

  private stopMarking(): void {
    this.marker?.stop();
    this.marker = undefined;
    this.signals = undefined;
    this.hover?.dispose();
    this.hover = undefined;
    if (!this.cards.isPinned) this.cards.close();
  }

  /** The occurrences in a text node: as the marker found them, or (not scanned yet) found now. */
  private matchesIn(node: Text, offset: number): readonly ReviewedMatch[] {
    // Text made editable (or otherwise skipped) after it was scanned opens no card.
    if (isInSkippedRegion(node) || node.parentElement?.isContentEditable) return [];
    const known = this.marker?.matchesIn(node);
    // A huge node's marks stop at the scanner's cap: its terms are found around the pointer.
    if (known && node.data.length <= LONG_TEXT_CHARS) return known;
    if (!this.scanner) return [];
    const found = node.data.length > LONG_TEXT_CHARS ? matchesAround(this.scanner.matcher, node.data, offset) : this.scanner.matcher.findAll(node.data, 50);
    return new MarkingPolicy(document, location.href).review(node, found);
  }

  /**
   * The first time the pointer comes onto a mark, the card UI is loaded, the background's index
   * made ready and that mark's answers asked for, while the hover delay runs, so the first card
   * opens nearly as fast as later ones. Until
   * then each move (one per frame) looks for a mark under the pointer; after it, none does.
   */
  private prepareOnApproach(x: number, y: number): void {
    if (this.cardPrepared || !this.marker?.isRelevant || !this.lifetime.isValid) return;
    const target = this.termAt(x, y);
    if (target?.match.marked !== true) return;
    this.cardPrepared = true;
    // Most likely the term the pointer will rest on: its answers are asked for now.
    const answers = this.termCard(target);
    answers.catch(() => {});
    this.prefetched = { key: cardKey(target), answers };
    this.cards.prepare(termAnchor(target), answers);
  }

  /** The term occurrence under a point: as the marker found it, or found now (`matchesIn`). */
  private termAt(x: number, y: number): TermAtPoint<ReviewedMatch> | undefined {
    return termAtPoint(document, x, y, (node, offset) => this.matchesIn(node, offset));
  }

  private termCard(target: TermAtPoint): Promise<CardData | undefined> {
    return backgroundMessaging.sendMessage('termCard', { termId: target.termId, context: target.context, lang: this.answerLanguage() });
  }

  /**
   * A card for the term the pointer rests on. An unmarked repeat of a term (it is marked once in
   * its paragraph or comment) opens one only with Shift held, so the page is not a minefield.
   */
  private onRest(x: number, y: number, shiftKey: boolean): void {
    const marker = this.marker;
    if (!marker?.isRelevant || !this.lifetime.isValid) return;
    const signal = this.signals && signalAtPoint(document, x, y, this.signals);
    if (signal) {
      this.showSignal(signal);
      return;
    }
    const target = this.termAt(x, y);
    if (!target || (!target.match.marked && !shiftKey && this.settings.hover.modifier === 'none')) {
      this.cards.restedElsewhere();
      return;
    }
    const key = cardKey(target);
    const prefetched = this.prefetched?.key === key ? this.prefetched.answers : undefined;
    this.prefetched = undefined;
    void this.cards.show({
      key,
      anchor: termAnchor(target),
      kind: 'hover',
      load: () => prefetched ?? this.termCard(target),
      onClose: () => marker.setActive(undefined),
    }).then(() => {
      if (this.cards.isOpen) marker.setActive(target.range);
    });
  }

  /** A signal's card: its line decoded by the background, with the answers that help. */
  private showSignal(target: SignalTarget): void {
    const signals = this.signals;
    void this.cards.show({
      key: `signal:${target.match.start}${nodeKey(target.node)}`,
      anchor: termAnchor(target),
      kind: 'hover',
      load: () => backgroundMessaging.sendMessage('signalCard', signalCardRequest(target, this.answerLanguage())),
      onClose: () => signals?.setActive(undefined),
    }).then(() => {
      if (this.cards.isOpen) signals?.setActive(target.range);
    });
  }

  private showLookup(text: string | undefined): boolean {
    if (!this.lifetime.isValid) return false;
    const selection = window.getSelection();
    const selected = (text ?? '').trim() !== '' ? text! : (selection?.toString() ?? '');
    // Nothing selected: the shortcut takes the keyboard into the card that is open, if one is.
    if (selected.trim() === '') return this.cards.focusOpenCard();
    const query = selected.slice(0, MAX_LOOKUP_CHARS);
    const lang = this.answerLanguage();
    void this.cards.show(
      {
        key: `lookup:${Date.now()}`,
        anchor: selectionAnchor(selection),
        kind: 'lookup',
        load: () => backgroundMessaging.sendMessage('lookup', { text: query, lang }),
      },
      { pinned: true, focus: true },
    );
    return true;
  }

  /** Read when first asked for on an address (GitHub's Turbo changes the address with the page). */
  private pageVersion(): PageVersion | undefined {
    if (this.version?.url !== location.href) this.version = { url: location.href, version: pageVersion(location.href, pageVersionText(document)) };
    return this.version.version;
  }

  private async pageTerms(): Promise<PageTerms> {
    const version = this.pageVersion();
    const page = { url: boundedPageUrl(location.href), title: boundedPageTitle(document.title), question: pageQuestion(document), ...(version ? { version } : {}) };
    if (this.marker && (this.marker.ready || (await this.marker.scanRest(ONE_OFF_SCAN_MS)))) return { ...page, terms: this.marker.terms(), signals: this.signals?.signals() ?? [] };
    const found: ReviewedMatch[][] = [];
    const policy = new MarkingPolicy(document, location.href);
    const root = document.body ?? document.documentElement;
    const skips = new RegionSkips(root);
    const job = (await this.loadScanner()).job(root, ({ node, matches }) => found.push(policy.review(node, matches)), skips);
    // The page's signals too, in the same slices (marks are not painted here).
    const signals = new SignalMarks(new SignalReader(signalKeys));
    const signalJob = signals.job(root, skips);
    let signalsDone = false;
    // Slices with a yield between them: a huge page is scanned in part rather than frozen.
    const stopAt = performance.now() + ONE_OFF_SCAN_MS;
    for (;;) {
      const sliceEnd = performance.now() + SLICE_MS;
      signalsDone ||= signalJob.run(() => performance.now() > sliceEnd);
      if ((job.run(() => performance.now() > sliceEnd) && signalsDone) || performance.now() > stopAt) break;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return { ...page, terms: tallyTerms(found), signals: signals.signals() };
  }

  /**
   * Whether a card's button press was the user's: the card takes only trusted events (mount.tsx),
   * and a click without the page's user activation is not one. An orphaned script acts no more.
   */
  private userActed(): boolean {
    if (navigator.userActivation && !navigator.userActivation.isActive) return false;
    return this.lifetime.isValid;
  }

  private answerLanguage(): AnswerLanguage {
    return answerLanguageFor(this.settings.answerLanguage);
  }
}

const nodeKeys = new WeakMap<Text, number>();
let nextNodeKey = 0;
/** A live range over the term: the card moves with the text when the page reflows or scrolls. */
function termAnchor(target: TermAtPoint): CardAnchor {
  return textAnchor(target.node, target.match.start, target.match.end);
}

/** Which card a term under the pointer opens: that occurrence, in that text node. */
function cardKey(target: TermAtPoint): string {
  return `${target.termId}@${target.match.start}${nodeKey(target.node)}`;
}

function nodeKey(node: Text): string {
  let key = nodeKeys.get(node);
  if (key === undefined) nodeKeys.set(node, (key = nextNodeKey++));
  return `#${key}`;
}

/** The page's address without its fragment: following an in-page link is not a navigation. */
function pageUrl(): string {
  return location.href.split('#')[0]!;
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
