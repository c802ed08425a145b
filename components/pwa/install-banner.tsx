'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { bannerWanted, countHomeVisit, dismissInstallBanner, installOffer, promptInstall, subscribe } from './install-prompt';

/** The dealer first reads the page he came for: the offer comes after this, or at his first scroll or tap. */
const OFFER_AFTER_MS = 5_000;

/**
 * The dealer home's offer to install the app: from the third visit on (not on first load), until
 * it is dismissed or the app installed, and only where the browser can install or on iOS Safari.
 * A sheet over the bottom of the page, so nothing on the page moves when it comes.
 */
export function InstallBanner() {
  const t = useTranslations('pwa');
  useEffect(() => countHomeVisit(), []);
  const wanted = useSyncExternalStore(subscribe, bannerWanted, () => false);
  const offer = useSyncExternalStore(subscribe, installOffer, () => null);
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (!wanted || settled) return;
    const settle = () => setSettled(true);
    const timer = setTimeout(settle, OFFER_AFTER_MS);
    const events = ['scroll', 'pointerdown', 'keydown'] as const;
    for (const name of events) window.addEventListener(name, settle, { once: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of events) window.removeEventListener(name, settle);
    };
  }, [wanted, settled]);
  if (!wanted || !settled) return null;
  return (
    <section
      aria-labelledby="install-banner-title"
      className="fixed inset-x-3 bottom-20 z-20 flex flex-col gap-3 rounded-2xl border border-brand-100 bg-brand-50 p-4 pr-12 shadow-lg md:inset-x-auto md:right-4 md:bottom-4 md:w-[28rem]"
      data-testid="install-banner"
    >
      <div className="flex flex-col gap-1">
        <h2 id="install-banner-title" className="font-semibold text-brand-900">
          {t('bannerTitle')}
        </h2>
        <p className="text-sm text-slate-700">{offer === 'ios' ? t('iosHint') : t('bannerText')}</p>
      </div>
      <div className="flex flex-wrap gap-2">
        {offer === 'prompt' ? (
          <button
            type="button"
            onClick={() => void promptInstall()}
            className="min-h-11 rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
          >
            {t('bannerInstall')}
          </button>
        ) : null}
        <button
          type="button"
          onClick={dismissInstallBanner}
          className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          {t('bannerDismiss')}
        </button>
      </div>
      <button
        type="button"
        onClick={dismissInstallBanner}
        aria-label={t('bannerClose')}
        className="absolute top-2 right-2 flex size-11 items-center justify-center rounded-lg text-slate-600 hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-700"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M5 5l10 10M15 5L5 15" />
        </svg>
      </button>
    </section>
  );
}
