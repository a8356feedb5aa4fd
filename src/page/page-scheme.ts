/**
 * Whether the page is light or dark as the reader sees it: GitHub and docs sites have their own
 * theme switch, so the page's painted background decides, and the system setting only breaks ties.
 */
export function pageScheme(doc: Document): 'light' | 'dark' {
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const luminance = backgroundLuminance(getComputedStyle(element).backgroundColor);
    if (luminance !== undefined) return luminance < 0.4 ? 'dark' : 'light';
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Relative luminance (0–1) of an opaque `rgb()`/`rgba()` colour; undefined when transparent. */
function backgroundLuminance(color: string): number | undefined {
  const parts = color.match(/[\d.]+/g)?.map(Number);
  if (!parts || parts.length < 3) return undefined;
  const [r, g, b, alpha = 1] = parts as [number, number, number, number?];
  if (alpha < 0.5) return undefined;
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}
