/**
 * The popup in Chromium, production build: from opening to its first results on screen, and from
 * each keystroke to the results for it (marks `popup:input` → `popup:results-rendered`). Beside
 * it, the floor: a blank page of the same extension, opened the same way, in a copy of the build.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../e2e/harness/chromium';
import { extensionBuild } from '../e2e/harness/common';
import { median, summary } from './stats';

const OPENINGS = 15;
const TYPED = 'sidecar memory with thousands of services';

export async function benchPopup(): Promise<void> {
  console.log('\n## Popup in Chromium (production build)');
  const extensionDir = mkdtempSync(join(tmpdir(), 'popup-bench-'));
  cpSync(extensionBuild('chrome-mv3'), extensionDir, { recursive: true });
  writeFileSync(join(extensionDir, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>Blank</title><p>Blank extension page</p>');
  const session = await launchChromium({ extensionDir });
  try {
    const firstResults: number[] = [];
    const firstPaint: number[] = [];
    const blankPaint: number[] = [];
    const paintOf = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    for (let i = 0; i < OPENINGS; i++) {
      const blank = await session.openExtensionPage('blank.html');
      blankPaint.push((await blank.waitFor(paintOf))!);
      await blank.close();
      const popup = await session.openExtensionPage(`popup.html?q=${encodeURIComponent('rate limiting')}`);
      const times = await popup.waitFor(() => {
        const rendered = performance.getEntriesByName('popup:results-rendered')[0];
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        return rendered && paint ? { rendered: rendered.startTime, paint: paint.startTime } : null;
      });
      firstResults.push(times!.rendered);
      firstPaint.push(times!.paint);
      await popup.close();
    }
    console.log(`open → first paint, blank page    ${summary(blankPaint)}  (the floor)`);
    console.log(`open → first paint                ${summary(firstPaint)}`);
    console.log(`open → first results rendered     ${summary(firstResults)}`);

    const popup = await session.openExtensionPage('popup.html');
    await popup.waitFor(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false');
    await popup.evaluate(() => performance.clearMarks());
    for (const char of TYPED) {
      await popup.type(char);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    const keystrokes = await popup.evaluate(() => {
      const marks = performance.getEntriesByType('mark').sort((a, b) => a.startTime - b.startTime);
      const deltas: number[] = [];
      marks.forEach((mark, index) => {
        if (mark.name !== 'popup:input') return;
        const next = marks.slice(index + 1).find((later) => later.name !== 'popup:input');
        const nextInput = marks.slice(index + 1).find((later) => later.name === 'popup:input');
        if (next?.name === 'popup:results-rendered' && (!nextInput || next.startTime < nextInput.startTime)) deltas.push(next.startTime - mark.startTime);
      });
      return deltas;
    });
    console.log(`keystroke → results rendered      ${summary(keystrokes)}  median ${median(keystrokes).toFixed(2)} ms over "${TYPED}"`);
  } finally {
    await session.close();
  }
}
