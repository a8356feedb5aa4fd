/**
 * Writing to the clipboard from any surface (extension pages and the in-page card alike): the
 * asynchronous Clipboard API, which fires no `copy` event a page could rewrite. A browser may
 * refuse (no focus, an http page, a page's Permissions-Policy): the caller is told, and shows
 * the text to copy by hand.
 */
export async function copyText(text: string): Promise<void> {
  const clipboard = globalThis.navigator?.clipboard;
  if (typeof clipboard?.writeText !== 'function') throw new Error('no clipboard here');
  await clipboard.writeText(text);
}
