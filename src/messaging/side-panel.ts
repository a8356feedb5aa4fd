/// <reference types="chrome" />
/**
 * The side panel: Chrome's `sidePanel` and Firefox's `sidebarAction`, one page from
 * entrypoints/sidepanel. Both browsers open it only while handling a user's gesture, and only
 * when asked synchronously: nothing may be awaited before `openSidePanel`. What the panel should
 * show then travels through storage.session, one request per window, which the panel takes when
 * it starts or when the request arrives.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { PanelRequest } from './protocol';
import { MAX_QUERY_CHARS, popupRequest } from './validate';

export const OPEN_SIDE_PANEL_COMMAND = 'open-side-panel';

/** A request waits this long for the panel (Firefox: until the user opens it with the shortcut). */
const REQUEST_TTL_MS = 5 * 60_000;

export interface StoredPanelRequest extends Partial<PanelRequest> {
  /** Read the active tab again: the shortcut that opened the panel granted `activeTab` on it. */
  reread?: boolean;
  at: number;
}

/** Firefox's sidebar (its types are not in WXT's Chromium-based `browser`). */
interface SidebarAction {
  open(): Promise<void>;
  isOpen(details: { windowId?: number }): Promise<boolean>;
}
const sidebarAction = () => (browser as unknown as { sidebarAction: SidebarAction }).sidebarAction;

const requestKey = (windowId: number) => `session:panelRequest.${windowId}` as const;

/** Opens the panel in a window (`WINDOW_ID_CURRENT` from an extension page): first thing in a gesture's handler. */
export function openSidePanel(windowId: number): Promise<void> {
  if (import.meta.env.FIREFOX) return sidebarAction().open();
  return chrome.sidePanel.open({ windowId });
}

export async function isSidePanelOpen(windowId: number): Promise<boolean> {
  if (import.meta.env.FIREFOX) return sidebarAction().isOpen({ windowId });
  const contexts = await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType], windowIds: [windowId] });
  return contexts.length > 0;
}

/** A stored request as it should be, or null: stored values are checked like messages. */
export function validPanelRequest(value: unknown): StoredPanelRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const { at, reread, query } = value as Record<string, unknown>;
  if (typeof at !== 'number' || !Number.isFinite(at)) return null;
  const request: StoredPanelRequest = { at, ...(reread === true ? { reread } : {}) };
  if (query === undefined) return request;
  try {
    return { ...request, ...popupRequest(value, MAX_QUERY_CHARS) };
  } catch {
    return null;
  }
}

/** Leaves a request for the window's panel, added to one still waiting (a card's, then the shortcut's). */
export async function requestPanel(windowId: number, request: Omit<StoredPanelRequest, 'at'>): Promise<void> {
  const waiting = validPanelRequest(await storage.getItem<unknown>(requestKey(windowId)));
  const base = waiting && Date.now() - waiting.at < REQUEST_TTL_MS ? waiting : {};
  await storage.setItem<StoredPanelRequest>(requestKey(windowId), { ...base, ...request, at: Date.now() });
}

/** Takes the request waiting for this window's panel, if a recent one is. */
export async function takePanelRequest(windowId: number): Promise<StoredPanelRequest | null> {
  const stored = await storage.getItem<unknown>(requestKey(windowId));
  if (stored === null || stored === undefined) return null;
  await storage.removeItem(requestKey(windowId));
  const request = validPanelRequest(stored);
  return request && Date.now() - request.at < REQUEST_TTL_MS ? request : null;
}

/** Calls back (with the request taken) whenever one arrives for this window. */
export function watchPanelRequests(windowId: number, onRequest: (request: StoredPanelRequest) => void): () => void {
  return storage.watch<StoredPanelRequest>(requestKey(windowId), (request) => {
    if (request) void takePanelRequest(windowId).then((taken) => taken && onRequest(taken));
  });
}

/** The shortcut that opens the panel, as the browser shows it ('' when the user removed it). */
export async function sidePanelShortcut(): Promise<string | undefined> {
  const commands = await browser.commands.getAll().catch(() => []);
  return commands.find((command) => command.name === OPEN_SIDE_PANEL_COMMAND)?.shortcut || undefined;
}
