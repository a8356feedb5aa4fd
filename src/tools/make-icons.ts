/**
 * Renders `public/icon/*.png` from the SVG below with the system Chromium, so the icon can be
 * changed by editing one drawing: `npx tsx src/tools/make-icons.ts`. A filled badge with a white
 * glyph reads on light and dark toolbars alike.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

// A speech bubble holding a sail (the mesh's answer), on a blue badge.
const svg = (size: number) => `
<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#4F7BE8"/><stop offset="1" stop-color="#1D4DB5"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="28" fill="url(#g)"/>
  <rect x="4.5" y="4.5" width="119" height="119" rx="27.5" fill="none" stroke="#0B2A6B" stroke-opacity=".35"/>
  <path d="M64 18 L64 84 L30 84 Z" fill="#fff"/>
  <path d="M70 36 L70 84 L96 84 Z" fill="#fff" fill-opacity=".85"/>
  <path d="M26 92 H102 L92 104 H36 Z" fill="#fff"/>
</svg>`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<body style="margin:0;background:transparent">${svg(size)}</body>`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  writeFileSync(resolve(import.meta.dirname, `../../public/icon/${size}.png`), png);
}
await browser.close();
console.log('public/icon/{16,32,48,96,128}.png written');
