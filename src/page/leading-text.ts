/**
 * The start of an element's text, at most `max` characters, without reading the rest. Reading
 * `textContent` to keep its start copies the whole text first: a 5 MB `<pre>` for every term a
 * sense check looked at, every hover on a term in it, every page's question and version read.
 */
export function leadingText(element: Element, max: number): string {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node && text.length < max; node = walker.nextNode()) text += (node as Text).substringData(0, max - text.length);
  return text;
}
