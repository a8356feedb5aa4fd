/**
 * The keys of a search box over its result list (an ARIA combobox): the arrows move the active
 * option, wrapping at the ends; Enter opens it. Shared by the popup, the side panel and the
 * answer page; each surface gives Escape its own meaning.
 */
export function listKeyDown(event: KeyboardEvent, list: {
  count: number;
  setActive(update: (index: number) => number): void;
  /** Before the active option moves (the popup closes the open answer). */
  onMove?: () => void;
  onEnter(): void;
}): boolean {
  if (list.count === 0) return false;
  switch (event.key) {
    case 'ArrowDown':
    case 'ArrowUp': {
      event.preventDefault();
      list.onMove?.();
      const step = event.key === 'ArrowDown' ? 1 : list.count - 1;
      list.setActive((index) => (index + step) % list.count);
      return true;
    }
    case 'Enter':
      event.preventDefault();
      list.onEnter();
      return true;
    default:
      return false;
  }
}
