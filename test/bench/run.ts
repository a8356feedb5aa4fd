/**
 * `npm run bench`: numbers, printed, never asserted (machines here are shared and noisy).
 * Comparisons run side by side in one process: index build vs prebuilt load, our trie matcher vs
 * one big regex, page load with vs without the extension.
 *
 * Needs the production build (`npm run build`) and Debian's chromium.
 */
import { statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchCold } from './cold';
import { benchHover } from './hover';
import { benchMarkPaint } from './mark-paint';
import { benchMatcher } from './matcher';
import { benchPageCost } from './page-cost';
import { benchPages } from './pages';
import { benchPopup } from './popup';
import { benchSearchInChromium } from './search';
import { benchSoak } from './soak';
import { ROOT } from '../e2e/harness/common';
import { CONTENT_APP, CONTENT_LOADER } from '../../src/messaging/content-files';
import { loadDataset } from '../../src/data/load-files';
import { shippedSpellings } from '../../src/glossary/compact';
import { matcherTerms } from '../../src/glossary/terms';

const args = process.argv.slice(2);
const VALUED = ['--baseline', '--sizes', '--runs', '--soak-seconds'];
const only = args.filter((arg, index) => !arg.startsWith('--') && !VALUED.includes(args[index - 1]!));
const want = (name: string) => only.length === 0 || only.includes(name);

function bundleSizes(): void {
  console.log('\n## Bundle sizes (production build, chrome-mv3)');
  const files = [CONTENT_LOADER.slice(1), CONTENT_APP.slice(1), 'card-ui.js', 'background.js'];
  for (const file of files) {
    const path = resolve(ROOT, '.output/chrome-mv3', file);
    const bytes = statSync(path).size;
    const gzip = gzipSync(readFileSync(path)).length;
    console.log(`${file.padEnd(28)} ${(bytes / 1024).toFixed(1).padStart(7)} KB minified  ${(gzip / 1024).toFixed(1).padStart(6)} KB gzip`);
  }
  const spellings = JSON.stringify(shippedSpellings(matcherTerms(loadDataset().glossary)));
  console.log(`  the glossary's sorted spellings for the content script's matcher (left in storage.local by the background, read on the first scan): ${(Buffer.byteLength(spellings) / 1024).toFixed(1)} KB`);
}

if (want('sizes')) bundleSizes();
if (want('matcher')) benchMatcher();
if (want('cold')) await benchCold();
if (want('search')) await benchSearchInChromium();
if (want('popup')) await benchPopup();
if (want('hover')) await benchHover();
if (want('pages')) await benchPages();
if (want('page-cost')) await benchPageCost();
if (want('mark-paint')) await benchMarkPaint();
// Long (a minute per page): only when asked for.
if (only.includes('soak')) await benchSoak();
