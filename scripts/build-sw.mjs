#!/usr/bin/env node
// Builds the service worker after `next build`: Next 16 builds with Turbopack, where webpack
// plugins (Workbox's InjectManifest among them) do not run, so the worker is bundled on its own.
// esbuild bundles lib/pwa/sw.ts with the Workbox modules it imports, then workbox-build's
// injectManifest writes public/sw.js with the list of the build's static files (their names
// carry a content hash, so the list changes exactly when a file does). scripts/start.mjs runs it
// after each build, before the server starts; `node scripts/build-sw.mjs` runs it alone.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';

const root = path.resolve(import.meta.dirname, '..');

export async function buildServiceWorker() {
  const staticDir = path.join(root, '.next', 'static');
  if (!fs.existsSync(staticDir)) throw new Error('No .next/static: run `next build` first.');
  const bundled = path.join(os.tmpdir(), `portal-sw-${randomUUID()}.js`);
  try {
    await build({
      entryPoints: [path.join(root, 'lib', 'pwa', 'sw.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      outfile: bundled,
      // Workbox's modules log in development builds only.
      define: { 'process.env.NODE_ENV': '"production"' },
      alias: { '@': root },
      logLevel: 'warning',
    });
    const { count, size, warnings } = await injectManifest({
      swSrc: bundled,
      swDest: path.join(root, 'public', 'sw.js'),
      globDirectory: root,
      globPatterns: ['.next/static/**/*.{js,css,woff2}', 'public/icons/*.{png,svg}'],
      modifyURLPrefix: { '.next/static/': '/_next/static/', 'public/': '/' },
      // The built files' names carry their content hash: no revision needed, no cache-busting query.
      dontCacheBustURLsMatching: /^\/_next\/static\//,
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    });
    for (const warning of warnings) console.warn(`service worker: ${warning}`);
    console.log(`Service worker built: ${count} files precached (${(size / 1024).toFixed(0)} KiB before compression).`);
    return { count, size };
  } finally {
    fs.rmSync(bundled, { force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  buildServiceWorker().catch((err) => {
    console.error('The service worker could not be built:', err);
    process.exit(1);
  });
}
