import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// Messages are compiled at build time, so pages ship no ICU parser (about 12 kB gzip on every
// first load) and format faster.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: { messages: { path: './lib/i18n/messages', format: 'json', locales: 'infer', precompile: true } },
});

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project (server, scripts and tests too); the build skips its
  // own narrower pass so `npm start` on a fresh machine builds sooner.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // Native and WebAssembly packages load from node_modules at run time instead of the bundle;
  // so does pdfkit, which reads its own data files (standard fonts, ICC profile) beside its code.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'exceljs', 'pdfkit'],
  async headers() {
    return [
      {
        // The service worker (scripts/build-sw.mjs) is asked for anew on every check for updates,
        // so a deployment reaches installed apps at their next start.
        source: '/sw.js',
        headers: [
          { key: 'Cache-Control', value: 'no-cache, no-store, must-revalidate' },
          { key: 'Content-Type', value: 'application/javascript; charset=utf-8' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
