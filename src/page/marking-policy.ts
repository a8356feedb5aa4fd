/**
 * Which term occurrences a page gets: the marking policy, in one place. A mark is worth it where
 * a hover helps the reader of that page.
 *
 * 1. Never inside identifiers: URLs, hostnames and other dotted names (`*.svc.cluster.local`,
 *    `gateway.networking.k8s.io`, stat and filter names), file paths, shell variables, Envoy
 *    cluster names (`outbound|9080||…`), `key=value` label selectors, and in code, parts of a
 *    longer name, YAML keys and label values. Such an occurrence is not the term at all: it is
 *    neither marked nor counted, and a hover there opens nothing.
 * 2. Aliases with other senses are checked by their context (`SENSES`): MCP next to "Model Context
 *    Protocol", VM in "Wasm VM", PASSTHROUGH as a TLS mode, an application's init containers,
 *    CNI plugins in general, RDS the AWS database… A rejected occurrence is not counted either.
 * 3. Not the page's own product, nor umbrella words on their home site (`umbrellaTerms`): counted
 *    for "On this page", not marked.
 * 4. Each term once per reading unit (`markUnit`): a comment, else a section (the text under a
 *    heading). Its first occurrence is marked, so every distinct term stays reachable; the
 *    repeats are counted and open a card when the pointer rests on them with Shift held
 *    (`ReviewedMatch.marked`), and it is marked again only `REMARK_DISTANCE` after its last
 *    mark. Once per paragraph left 37 marks per 1000 words on the real pages (`npm run marks`),
 *    once per section 22 (GitHub's short comments 40); with the distance, under the aim of 20.
 *    On a GitHub issue, pull request or discussion the whole thread is one unit (`threadPage`):
 *    a term is marked once in it, and again only `THREAD_REMARK_DISTANCE` further down.
 */
import type { TermMatch } from '../glossary/matcher';
import { MESH_GITHUB_ORGS } from '../settings/sites';
import { leadingText } from './leading-text';
import { CODE_ELEMENTS, MARK_UNIT, THREAD_PATH } from './selectors';

export interface ReviewedMatch extends TermMatch {
  /** Painted: the first occurrence of its term in its reading unit, and not an umbrella word. */
  marked: boolean;
  /** Where a marked occurrence is in the page's text (`MarkingPolicy.release` needs it). */
  at?: number;
}

export type IdentifierKind = 'url' | 'shell-variable' | 'envoy-name' | 'key-value' | 'dotted-name' | 'path' | 'name-part' | 'multi-line' | 'yaml-key' | 'label-value';

/** What ends a token: whitespace, quotes, brackets and CJK punctuation. */
const TOKEN_END = new Set([...' \t\n\r\f\v\u00a0\u3000"\'`()<>[]{},;，。、：；（）《》“”‘’「」'].map((char) => char.charCodeAt(0)));
/** A token longer than this either way is a name, a hash or minified text, not prose. */
const MAX_TOKEN_SIDE = 120;
const LABEL_KEY = /(^|[./-])(name|app|istio|version|rev|revision|namespace|host|hosts|subset|cluster|service|serviceaccount)$/i;

/** `\w` (ASCII letters, digits, `_`), and with `-`: what names are made of. */
const isWordCode = (code: number) => (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
const isNameCode = (code: number) => isWordCode(code) || code === 0x2d;
/** A sentence's own punctuation after a term (`.:!?`). */
const isClosingPunctuation = (code: number) => code === 0x2e || code === 0x3a || code === 0x21 || code === 0x3f;

/** `@` and a host's first label (`user@host.example`). */
function hasMailHost(token: string): boolean {
  for (let at = token.indexOf('@'); at >= 0; at = token.indexOf('@', at + 1)) {
    let end = at + 1;
    while (end < token.length && isNameCode(token.charCodeAt(end))) end++;
    if (end > at + 1 && token.charCodeAt(end) === 0x2e) return true;
  }
  return false;
}

/**
 * The kind of identifier the match `[start, end)` of `text` sits in, if any. `inCode`: the text
 * is code (pre, code), where names are joined by `-` and `_` and lines are YAML. It runs for
 * every term found on a page, on the page's first (cold) scan: the common tests look at
 * characters, not patterns (each pattern cost a page's first scan its compiling and interpreting).
 */
export function identifierAround(text: string, start: number, end: number, inCode: boolean): IdentifierKind | undefined {
  if (inCode) for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0x0a || text.charCodeAt(i) === 0x0d) return 'multi-line';
  let from = start;
  let to = end;
  while (from > 0 && !TOKEN_END.has(text.charCodeAt(from - 1))) if (start - --from > MAX_TOKEN_SIDE) return 'name-part';
  while (to < text.length && !TOKEN_END.has(text.charCodeAt(to))) if (++to - end > MAX_TOKEN_SIDE) return 'name-part';
  // A sentence's own punctuation after the term is not part of a name.
  let afterEnd = to;
  while (afterEnd > end && isClosingPunctuation(text.charCodeAt(afterEnd - 1))) afterEnd--;
  // The token's two characters either side of the term (-1 past its ends).
  const before = start > from ? text.charCodeAt(start - 1) : -1;
  const beforeThat = start - 1 > from ? text.charCodeAt(start - 2) : -1;
  const after = end < afterEnd ? text.charCodeAt(end) : -1;
  const afterThat = end + 1 < afterEnd ? text.charCodeAt(end + 1) : -1;
  const token = text.slice(from, afterEnd);
  if (token.includes('://') || token.slice(0, 4).toLowerCase() === 'www.' || hasMailHost(token)) return 'url';
  if (start > from && text.lastIndexOf('$', start - 1) >= from) return 'shell-variable';
  if (token.includes('|')) return 'envoy-name';
  // `key=value`, also when the value is quoted: `response_code="503"`.
  const quote = from >= 2 ? text.charCodeAt(from - 1) : -1;
  const assign = from >= 2 ? text.charCodeAt(from - 2) : -1;
  if (token.includes('=') || ((quote === 0x22 || quote === 0x27) && (assign === 0x3d || assign === 0x3a))) return 'key-value';
  if ((before === 0x2e && isNameCode(beforeThat)) || (after === 0x2e && isNameCode(afterThat))) return 'dotted-name';
  if ((before === 0x3a && isWordCode(beforeThat)) || (after === 0x3a && (isWordCode(afterThat) || afterThat === 0x2f))) return 'key-value';
  if (token.includes('/') && (/^(\/|\.\.?\/|~\/)/.test(token) || (token.match(/\//g)?.length ?? 0) >= 2 || /\/[\w-]+\.\w+$|^[\w-]+\.[\w.-]+\//.test(token))) return 'path';
  // snake_case and namespaced names: `ISTIO_META_DNS_CAPTURE`, `istio_requests_total`.
  if (before === 0x5f || after === 0x5f) return 'name-part';
  if (!inCode) return undefined;
  if (isNameCode(before) || isNameCode(after)) return 'name-part';
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const at = start - lineStart;
  // `key: value`, the key one or more words (`control plane version: 1.13.4` in a tool's output).
  const pair = /^(\s*(?:-\s+)?)([\w./-]+(?: [\w./-]+)*):(?:\s+(.*))?$/.exec(line);
  if (pair) {
    const keyStart = pair[1]!.length;
    if (at >= keyStart && at < keyStart + pair[2]!.length) return 'yaml-key';
    if (pair[3] !== undefined && LABEL_KEY.test(pair[2]!) && at >= line.length - pair[3].length) return 'label-value';
  }
  return undefined;
}

/** Where an occurrence is read, for the sense checks. */
export interface MatchContext {
  surface: string;
  /** The text of the line before and after the match (within its text node). */
  before: string;
  after: string;
  /** Its reading unit's text (bounded). */
  unit: string;
  /** The page's title and top heading, what the page is about. */
  headline: string;
  host: string;
}

interface SenseRule {
  termId: string;
  /** Which spellings the rule is about (all of the term's, when absent). */
  surface?: RegExp;
  /** True when the occurrence means something else. */
  otherSense(context: MatchContext): boolean;
}

const isEnvoySite = (host: string) => host === 'envoyproxy.io' || host === 'www.envoyproxy.io';

/** Aliases with other frequent senses, and how their context tells (`SENSES_BY_TERM` looks them up). */
export const SENSES: readonly SenseRule[] = [
  // Envoy's MCP filter and agent gateways speak the Model Context Protocol, not Istio's MCP.
  { termId: 'mcp', otherSense: ({ unit, headline }) => /model context protocol|\bLLMs?\b|\bAI agents?\b|agentgateway/i.test(`${headline}\n${unit}`) },
  // A Wasm VM, the JVM, V8: a runtime, not a virtual machine workload.
  { termId: 'virtual-machine', surface: /^VMs?$/, otherSense: ({ before, after, unit, headline }) => /\b(wasm|webassembly|v8|java|jvm|javascript|lua|wamr|wavm|null|plugin)\s*$/i.test(before) || /^\s*(runtime|sandbox|instance of the plugin)/i.test(after) || (/\b(wasm|webassembly)\b/i.test(`${headline}\n${unit}`) && !/virtual machine|WorkloadEntry|WorkloadGroup/i.test(unit)) },
  // GKE's Workload Identity is a product feature, not an Istio workload.
  { termId: 'workload', otherSense: ({ after }) => /^\s+identity\b/i.test(after) },
  // The HTTP connection manager's filter chain is its HTTP filters, not a listener's filter chain.
  { termId: 'filter-chain', surface: /^filter chains?$/i, otherSense: ({ before }) => /\b(http|connection manager|hcm|http_filters?)\s*$/i.test(before) },
  // PASSTHROUGH as a TLS mode belongs to TLS passthrough, not to the passthrough cluster.
  { termId: 'outbound-traffic-policy', surface: /^passthrough$/i, otherSense: ({ surface, before, after, unit }) => surface === 'PASSTHROUGH' || /\b(tls|mode|sni)\W*$/i.test(before) || /^\W*(mode|tls)\b/i.test(after) || (/\b(tls|sni)\b/i.test(unit) && !/cluster|ALLOW_ANY|REGISTRY_ONLY|outboundTrafficPolicy/i.test(unit)) },
  // Istio's init container redirects traffic; an application's init containers are its own.
  { termId: 'init-container', surface: /^init ?containers?$/i, otherSense: ({ before, unit }) => /\b(application'?s?|app'?s?|your|own|user|other|its)\s+$/i.test(before) || !/istio-init|iptables|istio-validation|redirect|intercept|sidecar|istio/i.test(unit) },
  // CNI plugins in general (Calico, Cilium, "your CNI plugin") are not istio-cni.
  { termId: 'istio-cni', surface: /^CNI plugins?$/i, otherSense: ({ before, unit }) => !/\bistio\W*$/i.test(before) && !/istio[- ]cni/i.test(unit) },
  // RDS the AWS database, not Envoy's Route Discovery Service.
  { termId: 'rds', otherSense: ({ unit }) => /\b(AWS|Amazon|database|MySQL|Postgres|PostgreSQL|Aurora)\b/i.test(unit) },
  // On Envoy's own docs an "Envoy filter" is any filter, not Istio's EnvoyFilter resource.
  { termId: 'envoyfilter', surface: /\s/, otherSense: ({ host, unit }) => isEnvoySite(host) || !/\bistio\b|\bCRD\b|\bpatch|envoyfilter/i.test(unit) },
  // CPU throttling is not rate limiting.
  { termId: 'rate-limiting', surface: /^throttling$/i, otherSense: ({ before }) => /\b(cpu|thread|io|disk)\s+$/i.test(before) },
  // JavaScript's or SQL's strict mode.
  { termId: 'mtls-mode', surface: /^strict mode$/i, otherSense: ({ unit }) => !/mtls|peerauthentication|\btls\b|mutual/i.test(unit) },
  // "The ambient DNS" is the host's resolver, not ambient mode.
  { termId: 'ambient-mode', surface: /^ambient$/i, otherSense: ({ after }) => /^\s+(dns|resolver|light|temperature|noise|occlusion)\b/i.test(after) },
  // Inbound and outbound are plain words on Envoy's docs.
  { termId: 'inbound-traffic', surface: /^inbound$/i, otherSense: ({ host }) => isEnvoySite(host) },
  { termId: 'outbound-traffic', surface: /^outbound$/i, otherSense: ({ host }) => isEnvoySite(host) },
  // A canary revision of the control plane is a canary upgrade, not a canary release.
  { termId: 'canary-release', surface: /^(金丝雀|灰度)$/, otherSense: ({ unit, headline }) => /revision|修订|控制平面|控制面|istiod|升级/i.test(`${headline}\n${unit}`) },
];

/** What every reader of Istio's own pages knows: the product, its proxy and where they run. */
const ISTIO_HOME: ReadonlySet<string> = new Set(['istio', 'service-mesh', 'kubernetes', 'envoy', 'sidecar']);
/** Envoy's own docs: the product and the two words every page of them uses. */
const ENVOY_HOME: ReadonlySet<string> = new Set(['envoy', 'upstream-downstream']);

const SENSES_BY_TERM = new Map<string, SenseRule[]>();
for (const rule of SENSES) SENSES_BY_TERM.set(rule.termId, [...(SENSES_BY_TERM.get(rule.termId) ?? []), rule]);

/** Words too general for a card anywhere (searched and counted, never marked). */
const GENERAL_TERMS: ReadonlySet<string> = new Set(['microservices']);

/**
 * Terms a page's reader needs no card for: its own product and the umbrella words of its home
 * site ("Istio" on istio.io and in the istio organisation's issues, "Envoy" on envoyproxy.io).
 */
export function umbrellaTerms(href: string): ReadonlySet<string> {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return new Set();
  }
  const host = url.hostname.replace(/^www\./, '');
  if (host === 'istio.io' || host === 'preliminary.istio.io' || host === 'discuss.istio.io') return ISTIO_HOME;
  if (host === 'envoyproxy.io') return ENVOY_HOME;
  if (host === 'github.com') {
    const owner = url.pathname.split('/')[1]?.toLowerCase() ?? '';
    if (owner === 'envoyproxy') return ENVOY_HOME;
    if ((MESH_GITHUB_ORGS as readonly string[]).includes(owner) || MESH_PROJECT_ORGS.has(owner)) return ISTIO_HOME;
  }
  return new Set();
}

/**
 * The GitHub organisations of mesh projects built on or beside Istio (the answers' Slime, Aeraki,
 * Hango, OpenKruise's SidecarSet, the MOSN sidecar): their readers know Istio, Envoy, sidecars and
 * Kubernetes as well as Istio's own do. Only for what is marked; which pages are marked is
 * `MESH_GITHUB_ORGS`'s business.
 */
const MESH_PROJECT_ORGS: ReadonlySet<string> = new Set(['slime-io', 'aeraki-mesh', 'hango-io', 'openkruise', 'mosn', 'layotto']);

/**
 * A project's own name on its own repository ("kruise" on openkruise/kruise), as "Istio" on
 * istio.io: the page's subject, counted, not marked.
 */
export function ownNames(href: string): string[] {
  try {
    const url = new URL(href);
    return url.hostname === 'github.com' ? url.pathname.split('/').slice(1, 3).map((part) => part.toLowerCase().replace(/[_-]+/g, '')).filter(Boolean) : [];
  } catch {
    return [];
  }
}

export function isOwnName(names: readonly string[], surface: string): boolean {
  const key = surface.toLowerCase().replace(/[\s_-]+/g, '');
  return key.length >= 4 && names.some((name) => name.includes(key));
}

const UNIT_TEXT_CHARS = 2000;

/**
 * In code, plain lowercase words ("keepalive", "queries per second") are a tool's output or a
 * comment, not a name worth a card; names are kept: `VirtualService`, `EDS`, `istioctl`, `istio-proxy`.
 */
function isPlainWords(surface: string, termId: string): boolean {
  return /^[a-z]+( [a-z]+)*$/.test(surface) && !PROGRAMS.has(termId);
}

/** Programs whose lowercase name in code is the program itself (`$ istioctl analyze`). */
const PROGRAMS: ReadonlySet<string> = new Set(['istioctl', 'istiod', 'ztunnel', 'helm', 'envoy']);

const HEADING = /^H[1-3]$/;

/**
 * The reading unit a term is marked once in: a comment (GitHub, discussions), else the section
 * under the nearest heading (h1–h3) before it, else the page. `sections` memoizes per element,
 * so a page costs one walk however many terms it has.
 */
export function markUnit(element: Element, sections = new WeakMap<Element, Element | Document>()): Element | Document {
  return element.closest(MARK_UNIT.comment) ?? sectionStart(element, sections);
}

/** The heading that starts the section an element is in (or the document, before any heading). */
function sectionStart(element: Element, memo: WeakMap<Element, Element | Document>): Element | Document {
  const known = memo.get(element);
  if (known) return known;
  let start: Element | Document;
  if (HEADING.test(element.tagName)) start = element;
  else {
    const previous = element.previousElementSibling;
    if (previous) start = lastHeadingIn(previous) ?? sectionStart(previous, memo);
    else start = element.parentElement ? sectionStart(element.parentElement, memo) : element.ownerDocument;
  }
  memo.set(element, start);
  return start;
}

function lastHeadingIn(element: Element): Element | undefined {
  if (HEADING.test(element.tagName)) return element;
  if (element.childElementCount === 0) return undefined;
  const headings = element.querySelectorAll('h1, h2, h3');
  return headings[headings.length - 1];
}

/**
 * A term is marked again only this far (in characters of page text, about 250 English words)
 * after its last mark, even in a new unit: short comments and sections that repeat a term do
 * not underline it in each.
 */
export const REMARK_DISTANCE = 1500;

/** In a thread, a term is marked again this far (about 1,000 English words) below its last mark. */
export const THREAD_REMARK_DISTANCE = 6000;

/** Whether a page is a GitHub thread (issue, pull request, discussion): read as one unit. */
export function threadPage(href: string): boolean {
  try {
    const url = new URL(href);
    return url.hostname === 'github.com' && THREAD_PATH.test(url.pathname);
  } catch {
    return false;
  }
}

/** One page's policy: it remembers which terms each unit has marked, until the next navigation. */
export class MarkingPolicy {
  private readonly markedIn = new WeakMap<Element | Document, Set<string>>();
  /** Where (in characters of page text) each term was last marked. */
  private readonly lastMarked = new Map<string, number>();
  private readonly units = new WeakMap<Element, Element | Document>();
  private readonly sections = new WeakMap<Element, Element | Document>();
  private readonly umbrella: ReadonlySet<string>;
  private readonly host: string;
  private readonly thread: boolean;
  /** The GitHub owner and repository of the page (`isOwnName`). */
  private readonly own: readonly string[];
  /** The units that are a whole thread, where a term is marked again far below its last mark. */
  private readonly threadUnits = new WeakSet<Element | Document>();
  private headlineText: string | undefined;

  constructor(private readonly doc: Document, href: string) {
    this.umbrella = umbrellaTerms(href);
    this.own = ownNames(href);
    this.thread = threadPage(href);
    this.host = (() => {
      try {
        return new URL(href).hostname;
      } catch {
        return '';
      }
    })();
  }

  /**
   * The occurrences that are the term, in the sense the glossary means, each marked or not.
   * `position`: where the node's text starts in the page's text (scans go in document order).
   */
  review(node: Text, matches: readonly TermMatch[], position = 0): ReviewedMatch[] {
    const parent = node.parentElement;
    if (!parent || matches.length === 0) return [];
    const inCode = parent.closest(CODE_ELEMENTS) !== null;
    // Read once: Firefox copies a text node's data on every read (a 5 MB node, 500 matches).
    const data = node.data;
    // Read only if a sense check needs it, and once for all the node's matches.
    let unitText: string | undefined;
    const unit = () => (unitText ??= leadingText(parent.closest(MARK_UNIT.block) ?? parent, UNIT_TEXT_CHARS));
    const reviewed: ReviewedMatch[] = [];
    for (const match of matches) {
      if (identifierAround(data, match.start, match.end, inCode)) continue;
      if (!this.fitsSense(data, unit, match)) continue;
      const surface = data.slice(match.start, match.end);
      const markable = !this.umbrella.has(match.termId) && !GENERAL_TERMS.has(match.termId) && !(inCode && isPlainWords(surface, match.termId)) && !isOwnName(this.own, surface);
      const at = position + match.start;
      const marked = markable && this.shouldMark(parent, match.termId, at);
      reviewed.push(marked ? { ...match, marked, at } : { ...match, marked });
    }
    return reviewed;
  }

  /**
   * Forgets the marks of a node the marker no longer shows (its text changed, it became
   * editable, it left the page), so that the next occurrence of those terms can be marked.
   */
  release(node: Text, reviewed: readonly ReviewedMatch[]): void {
    const parent = node.parentElement;
    const unit = parent ? this.units.get(parent) : undefined;
    for (const match of reviewed) {
      if (!match.marked) continue;
      if (unit) this.markedIn.get(unit)?.delete(match.termId);
      if (this.lastMarked.get(match.termId) === match.at) this.lastMarked.delete(match.termId);
    }
  }

  private fitsSense(data: string, unit: () => string, match: TermMatch): boolean {
    const forTerm = SENSES_BY_TERM.get(match.termId);
    if (!forTerm) return true;
    const surface = data.slice(match.start, match.end);
    const rules = forTerm.filter((rule) => !rule.surface || rule.surface.test(surface));
    if (rules.length === 0) return true;
    const lineStart = data.lastIndexOf('\n', match.start - 1) + 1;
    const lineEnd = data.indexOf('\n', match.end);
    const headline = () => this.headline();
    // The unit and the headline are read only by the rules that ask for them.
    const context: MatchContext = {
      surface,
      before: data.slice(Math.max(lineStart, match.start - 80), match.start),
      after: data.slice(match.end, Math.min(lineEnd < 0 ? data.length : lineEnd, match.end + 80)),
      get unit() {
        return unit();
      },
      get headline() {
        return headline();
      },
      host: this.host,
    };
    return !rules.some((rule) => rule.otherSense(context));
  }

  /** The first occurrence of a term in its unit, far enough from its last mark. */
  private shouldMark(parent: Element, termId: string, at: number): boolean {
    const unit = this.unitOf(parent);
    let marked = this.markedIn.get(unit);
    if (!marked) this.markedIn.set(unit, (marked = new Set()));
    const last = this.lastMarked.get(termId);
    if (this.threadUnits.has(unit)) {
      if (last !== undefined && Math.abs(at - last) < THREAD_REMARK_DISTANCE) return false;
    } else {
      if (marked.has(termId)) return false;
      if (last !== undefined && Math.abs(at - last) < REMARK_DISTANCE) return false;
    }
    marked.add(termId);
    this.lastMarked.set(termId, at);
    return true;
  }

  private unitOf(parent: Element): Element | Document {
    let unit = this.units.get(parent);
    if (!unit) {
      // In a thread, every comment belongs to the conversation (else the page) as one unit.
      const inThread = this.thread && parent.closest(MARK_UNIT.comment) !== null;
      unit = inThread ? (parent.closest(MARK_UNIT.thread) ?? this.doc) : markUnit(parent, this.sections);
      if (inThread) this.threadUnits.add(unit);
      this.units.set(parent, unit);
    }
    return unit;
  }

  private headline(): string {
    this.headlineText ??= `${this.doc.title}\n${this.doc.querySelector('h1')?.textContent ?? ''}`.slice(0, 500);
    return this.headlineText;
  }
}
