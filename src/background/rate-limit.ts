/**
 * What a tab's content script may ask the background to open (a tab, the popup, the side panel)
 * is rate-limited per tab. The content script already asks only after a trusted click, but the
 * background cannot see that click: a compromised renderer could otherwise open tab after tab.
 */
import { MessageRefused } from '../messaging/validate';

export interface RateLimit {
  /** Requests allowed per tab within `windowMs`. */
  max: number;
  windowMs: number;
}

/** A person clicks a card's buttons a few times a minute at most; a burst of three is plenty. */
export const OPENING_LIMIT: RateLimit = { max: 3, windowMs: 10_000 };

/** Tabs remembered at once; the oldest is forgotten first (a long session opens many). */
const MAX_TABS = 200;

export class PerTabRateLimiter {
  private readonly recent = new Map<number, number[]>();

  constructor(
    private readonly limit: RateLimit = OPENING_LIMIT,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request from the tab, or refuses it when the tab is over its limit. */
  take(tabId: number): void {
    const at = this.now();
    const since = at - this.limit.windowMs;
    const times = (this.recent.get(tabId) ?? []).filter((time) => time > since);
    if (times.length >= this.limit.max) {
      this.recent.set(tabId, times);
      throw new MessageRefused('refused: too many requests from this tab');
    }
    times.push(at);
    this.recent.delete(tabId);
    this.recent.set(tabId, times);
    if (this.recent.size > MAX_TABS) this.recent.delete(this.recent.keys().next().value!);
  }

  forget(tabId: number): void {
    this.recent.delete(tabId);
  }
}

/** What a content script can open, each counted on its own: answer-page tabs, the popup, the side panel. */
export const openingLimits = {
  answerPage: new PerTabRateLimiter(),
  popup: new PerTabRateLimiter(),
  sidePanel: new PerTabRateLimiter(),
};
