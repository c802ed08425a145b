import type { MetadataRoute } from 'next';
import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE, resolveLocale } from '@/lib/i18n/config';

// The web app manifest at /manifest.webmanifest (linked by Next from every page). Dynamic: the
// names are in the language lib/i18n/request.ts would choose. Browsers fetch a manifest without
// cookies (the link has no crossorigin="use-credentials"), so for them the Accept-Language header
// decides; the language switch's cookie counts where it is sent.
type Messages = { common: { appName: string; appDescription: string }; pwa: { shortName: string } };

const BRAND = '#0e4c92'; // --color-brand-700 of app/globals.css
const BACKGROUND = '#f8fafc'; // the body's bg-slate-50

export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({ cookieLocale: jar.get(LOCALE_COOKIE)?.value, acceptLanguage: head.get('accept-language') });
  const { common, pwa } = (await import(`@/lib/i18n/messages/${locale}.json`)).default as Messages;
  return {
    // The same app in every language: the id never changes with the names.
    id: '/dealer',
    name: common.appName,
    short_name: pwa.shortName,
    description: common.appDescription,
    lang: locale,
    dir: 'ltr',
    // Dealers are the ones who install; staff are sent on to their own area by proxy.ts.
    start_url: '/dealer',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: BRAND,
    background_color: BACKGROUND,
    categories: ['business', 'productivity'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    screenshots: [
      { src: '/screenshots/dealer-home-narrow.png', sizes: '360x780', type: 'image/png', form_factor: 'narrow', label: common.appDescription },
      { src: '/screenshots/dealer-home-wide.png', sizes: '1280x800', type: 'image/png', form_factor: 'wide', label: common.appDescription },
    ],
  };
}
