// Renders build/icon.png (512×512) and build/icon.ico (16–256 px, PNG-compressed entries) from an SVG:
// a red seal-like roundel with 联 in white. Run once with `node test/electron/make-icon.mjs`; the
// outputs are committed, so packaging never needs Chromium. Needs Debian's Chromium and Noto CJK fonts.
import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const SIZES = [16, 24, 32, 48, 64, 128, 256];
const out = new URL('../../build/', import.meta.url);

function svg(size) {
  // At small sizes the thin inner ring turns to mush, so it is drawn only from 48 px up.
  const ring = size >= 48;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 512 512">
  <defs>
    <radialGradient id="g" cx="40%" cy="35%" r="75%">
      <stop offset="0" stop-color="#e2413a"/>
      <stop offset="1" stop-color="#b3161b"/>
    </radialGradient>
  </defs>
  <circle cx="256" cy="256" r="244" fill="url(#g)"/>
  ${ring ? '<circle cx="256" cy="256" r="212" fill="none" stroke="#ffffff" stroke-opacity="0.9" stroke-width="12"/>' : ''}
  <text x="256" y="262" text-anchor="middle" dominant-baseline="central"
        font-family="'Noto Serif CJK SC','Noto Sans CJK SC',serif" font-weight="700"
        font-size="${ring ? 280 : 330}" fill="#ffffff">联</text>
</svg>`;
}

/** An ICO file whose entries are PNGs (supported since Windows Vista; electron-builder accepts it). */
function ico(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  const entries = [];
  let offset = 6 + 16 * pngs.length;
  for (const { size, data } of pngs) {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt8(0, 2);
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.data)]);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage();
  async function render(size) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
    await page.evaluate(() => globalThis.document.fonts.ready);
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  }
  await writeFile(new URL('icon.png', out), await render(512));
  const pngs = [];
  for (const size of SIZES) pngs.push({ size, data: await render(size) });
  await writeFile(new URL('icon.ico', out), ico(pngs));
  console.log('wrote build/icon.png and build/icon.ico');
} finally {
  await browser.close();
}
