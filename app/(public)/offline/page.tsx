import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ReloadButton } from '@/components/pwa/reload-button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pwa.offlinePage'))('title'), robots: { index: false } };
}

/** The dealer's sections whose pages are saved on the device once opened. */
const SAVED_PAGES = [
  { href: '/dealer', label: 'home' },
  { href: '/dealer/orders', label: 'orders' },
  { href: '/dealer/shipments', label: 'shipments' },
  { href: '/dealer/finance', label: 'finance' },
  { href: '/dealer/claims', label: 'claims' },
  { href: '/dealer/news', label: 'news' },
] as const;

/**
 * What the service worker shows, offline, for a page never opened on this device. It saves this
 * page when it installs, in the language of that moment; the address in the bar stays the one
 * asked for. Links are plain: offline, a full load is what the saved copies answer.
 */
export default async function OfflinePage() {
  const [t, nav] = await Promise.all([getTranslations('pwa.offlinePage'), getTranslations('nav')]);
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-5 px-4 py-8" data-testid="offline-page">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-slate-700">{t('body')}</p>
      </div>
      <section aria-labelledby="offline-saved" className="rounded-2xl border border-slate-200 bg-white p-4">
        <h2 id="offline-saved" className="text-sm font-medium text-slate-700">
          {t('saved')}
        </h2>
        <ul className="mt-2 grid grid-cols-2 gap-2">
          {SAVED_PAGES.map((page) => (
            <li key={page.href}>
              <a href={page.href} className="flex min-h-11 items-center rounded-lg border border-slate-300 px-3 font-medium text-brand-700 hover:bg-slate-50">
                {nav(page.label)}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <div className="flex flex-col items-start gap-2">
        <ReloadButton />
        <p className="text-sm text-slate-600">{t('retryHint')}</p>
      </div>
    </main>
  );
}
