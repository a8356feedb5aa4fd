/**
 * What drawing the marks costs the browser, by how they are drawn (`npm run bench -- mark-paint`):
 * on the 20-comment issue (and with `--sizes 20,3000` the long one), static and scripted
 * (page-cost.ts), the marks this build draws there, drawn by a content script that does nothing
 * else, side by side in one run with the page alone: all at once (as "marks alone" in
 * page-cost), in another look, fewer of them, and only those near the screen (a paint window,
 * changed as the reader scrolls, or only growing). Chromium rebuilds the markers of
 * every range of every highlight after any change to the DOM, to the style or to a highlight, and
 * repaints the text they cover; these rows show what that costs a page that changes itself and one
 * that does not.
 *
 * `--runs N` the runs per variant (median); `--sizes 20,3000` the issues' comment counts.
 */
import { TERM_STYLE } from '../../src/page/mark-styles';
import { largeGithubIssue, SHORT_COMMENTS } from '../fixtures/large-pages';
import { openBenchContext } from './chromium-context';
import { type DrawnMarks, drawnMarks, marksAloneScript, option, PAGE_SCRIPT, type PaintWindow, readOnce, type Reading, termMarkCount } from './page-cost';
import { median, ms } from './stats';

const RUNS = 5;

interface DrawVariant {
  label: string;
  marks: (drawn: DrawnMarks) => DrawnMarks;
  window?: PaintWindow;
}

/** Only every `n`-th term mark, the others as drawn. */
const everyNth = (n: number) => (drawn: DrawnMarks): DrawnMarks => ({
  ...drawn,
  highlights: drawn.highlights.map((highlight) => (highlight.name === TERM_STYLE.mark ? { ...highlight, ranges: highlight.ranges.filter((_, index) => index % n === 0) } : highlight)),
});

const VARIANTS: DrawVariant[] = [
  { label: 'all at once', marks: (drawn) => drawn },
  {
    // No text decoration: Chromium recomputes the ink overflow of text whose highlight has one, at every rebuild.
    label: 'tint, no underline',
    marks: (drawn) => ({ ...drawn, sheets: drawn.sheets.map((sheet) => sheet.replace(new RegExp(`(::highlight\\(${TERM_STYLE.mark}\\) \\{)[^}]*\\}`), '$1 background-color: rgba(66, 133, 244, 0.12); }')) }),
  },
  { label: 'half of them', marks: everyNth(2) },
  { label: 'an eighth', marks: everyNth(8) },
  { label: 'one mark', marks: everyNth(100_000) },
  { label: 'window, at once', marks: (drawn) => drawn, window: { margin: '100%', quietMs: 0 } },
  { label: 'window, at pauses', marks: (drawn) => drawn, window: { margin: '100%', quietMs: 250 } },
  // Taking marks out as they leave the window cost the long page more commits than it saved (docs/performance-log.md).
  { label: 'window grows, at pauses', marks: (drawn) => drawn, window: { margin: '100%', quietMs: 250, grow: true } },
];

export async function benchMarkPaint(): Promise<void> {
  const runs = Number(option('--runs') ?? RUNS);
  const sizes = option('--sizes')?.split(',').map(Number) ?? [20];
  const pageKinds = sizes.flatMap((size) => {
    const html = largeGithubIssue(size, SHORT_COMMENTS);
    return [
      { kind: `static ${size}`, url: `https://github.com/istio/istio/issues/${60000 + size}`, html },
      { kind: `scripted ${size}`, url: `https://github.com/istio/istio/issues/${70000 + size}`, html: html.replace('</head>', `${PAGE_SCRIPT}</head>`) },
    ];
  });
  const pages = Object.fromEntries(pageKinds.map((page) => [page.url, page.html]));
  console.log(`\n## What drawing the marks costs, by how they are drawn (Chromium, issues of ${sizes.join(' and ')} comments, loaded and scrolled, median of ${runs})`);
  console.log(`${'page'.padEnd(13)}${'drawn'.padStart(24)}${'marks'.padStart(7)}${'total'.padStart(9)}${'ratio'.padStart(7)}${'pre-paint'.padStart(10)}${'paint'.padStart(8)}${'commit'.padStart(8)}${'style'.padStart(8)}${'observers'.padStart(10)}`);
  const ours = await openBenchContext('ours', pages);
  const none = await openBenchContext('none', pages);
  try {
    for (const { kind, url } of pageKinds) {
      const drawn = await drawnMarks(ours, url);
      const variants = VARIANTS.map((variant) => ({ ...variant, drawn: variant.marks(drawn) }));
      const contexts = await Promise.all(variants.map((variant) => openBenchContext('empty', pages, marksAloneScript(variant.drawn, variant.window))));
      const alone: Reading[] = [];
      const readings = variants.map(() => [] as Reading[]);
      try {
        for (let run = 0; run < runs; run++) {
          // Interleaved, so every variant sees the same moments of a noisy machine.
          alone.push(await readOnce('none', none, url));
          for (const [index, context] of contexts.entries()) readings[index]!.push(await readOnce('empty', context, url));
        }
      } finally {
        for (const context of contexts) await context.close();
      }
      const page = median(alone.map((reading) => reading.task));
      const line = (label: string, marks: string, rows: Reading[]) => {
        const part = (name: keyof Reading['split']) => ms(median(rows.map((reading) => reading.split[name]))).padStart(name === 'prePaint' || name === 'observers' ? 10 : 8);
        const total = median(rows.map((reading) => reading.task));
        console.log(`${kind.padEnd(13)}${label.padStart(24)}${marks.padStart(7)}${ms(total).padStart(9)}${`${(total / page).toFixed(2)}×`.padStart(7)}${part('prePaint')}${part('paint')}${part('commit')}${part('style')}${part('observers')}`);
      };
      line('page alone', '0', alone);
      for (const [index, variant] of variants.entries()) {
        const count = termMarkCount(variant.drawn);
        line(variant.label, variant.window ? `≤${count}` : String(count), readings[index]!);
      }
    }
  } finally {
    await ours.close();
    await none.close();
  }
  console.log(
    '(ms of main-thread time over the load and the scrolling; "marks": the term marks drawn; "tint, no underline": the same marks as a tinted background; "window": only the marks whose paragraph is within a screen of the viewport are in the highlight, changed as an IntersectionObserver reports it, "at once" or once the scrolling pauses 250 ms; "grows": marks are added as they come near and never taken out; `--sizes 20,3000` adds the long page)',
  );
}
