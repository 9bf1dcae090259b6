// Draws the app icon files electron-builder packs (electron-builder.ts) from resources/icons/icon.svg:
// 512x512.png and 256x256.png (Linux), icon.ico (Windows: PNG entries 16–256). Run again after changing
// the SVG: node scripts/make-icons.mjs (needs the Chromium the e2e tests use; CHROMIUM_PATH to choose it).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons');
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });

/** the SVG drawn at size × size, transparent outside the rounded square */
async function png(size) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace(/width="512" height="512"/, `width="${size}" height="${size}"`)}</body></html>`,
  );
  const bytes = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return bytes;
}

/** An .ico whose entries are PNGs (read by Windows Vista and later); 256 is written as 0 in the directory. */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, bytes } of images) {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(bytes.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += bytes.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.bytes)]);
}

try {
  for (const size of [512, 256]) writeFileSync(join(dir, `${size}x${size}.png`), await png(size));
  const sizes = [16, 24, 32, 48, 64, 128, 256];
  const images = [];
  for (const size of sizes) images.push({ size, bytes: await png(size) });
  writeFileSync(join(dir, 'icon.ico'), ico(images));
  console.log(`[icons] ${dir}: 512x512.png, 256x256.png, icon.ico (${sizes.join(', ')})`);
} finally {
  await browser.close();
}
