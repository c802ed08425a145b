import path from 'node:path';

// The typeface of the finance PDFs: DejaVu Sans Condensed from the dejavu-fonts-ttf package
// (full Latin, Ukrainian and Russian Cyrillic, ₴, №, typographic quotes and apostrophes), read
// from the app's own node_modules by pdfkit. Never a system font, never downloaded. The files are read
// from the working directory (the app always runs from its root: scripts/start.mjs, server.ts,
// Vitest, Playwright) rather than resolved through the bundler, which would inline or rename them.

/** Each path spelled out whole, so the bundler's file tracing sees exactly these two files. */
export function fontPath(weight: 'regular' | 'bold'): string {
  return weight === 'bold'
    ? path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSansCondensed-Bold.ttf')
    : path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSansCondensed.ttf');
}
