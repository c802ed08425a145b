#!/usr/bin/env node
// The installable app's images, drawn by the Chromium the e2e tests use (nothing is downloaded):
//   node scripts/pwa-assets.mjs            icons: public/icons/*.png from public/icons/icon.svg and icon-maskable.svg
//   PWA_BASE_URL=http://localhost:3000 node scripts/pwa-assets.mjs --screenshots
//                                          also public/screenshots/*.png: the demo dealer's home of a running
//                                          app (`npm start` with the demo data), on a phone and on a desktop
// The PNGs are committed; run it again after a change of the mark or of the dealer's home.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');
const icons = path.join(root, 'public', 'icons');
const screenshots = path.join(root, 'public', 'screenshots');

// The same launch as playwright.config.ts.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** The SVG drawn edge to edge at `size` px square, saved as a PNG. */
async function renderIcon(svgFile, size, outFile) {
  const svg = fs.readFileSync(path.join(icons, svgFile), 'utf8');
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">` +
      `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}" style="display:block"></body></html>`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  await page.screenshot({ path: path.join(icons, outFile), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
}

try {
  await renderIcon('icon.svg', 192, 'icon-192.png');
  await renderIcon('icon.svg', 512, 'icon-512.png');
  await renderIcon('icon-maskable.svg', 192, 'icon-maskable-192.png');
  await renderIcon('icon-maskable.svg', 512, 'icon-maskable-512.png');
  // iOS rounds the corners itself and shows transparency as black: the full-bleed square.
  await renderIcon('icon-maskable.svg', 180, 'apple-touch-icon.png');

  if (process.argv.includes('--screenshots')) {
    const base = process.env.PWA_BASE_URL ?? 'http://localhost:3000';
    fs.mkdirSync(screenshots, { recursive: true });
    for (const shot of [
      { file: 'dealer-home-narrow.png', viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true },
      { file: 'dealer-home-wide.png', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
    ]) {
      const context = await browser.newContext({ viewport: shot.viewport, isMobile: shot.isMobile, hasTouch: shot.hasTouch, deviceScaleFactor: 1, locale: 'uk-UA' });
      const page = await context.newPage();
      await page.goto(`${base}/login`);
      await page.locator('input[name="email"]').fill('dealer@demo.test');
      await page.locator('input[name="password"]').fill('demo12345');
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/dealer$/);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join(screenshots, shot.file) });
      await context.close();
    }
  }
} finally {
  await browser.close();
}

for (const dir of [icons, screenshots]) {
  if (!fs.existsSync(dir)) continue;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.png'))) {
    console.log(`${path.relative(root, path.join(dir, file))}: ${(fs.statSync(path.join(dir, file)).size / 1024).toFixed(1)} kB`);
  }
}
