'use client';

import { useTranslations } from 'next-intl';
import { useSyncExternalStore } from 'react';
import { installOffer, promptInstall, serverInstallOffer, subscribe } from './install-prompt';

/** The account page's "Install the app": the browser's dialog, or the iOS steps, or a note that it is installed. */
export function InstallApp() {
  const t = useTranslations('pwa');
  const offer = useSyncExternalStore(subscribe, installOffer, serverInstallOffer);
  if (offer === null || offer === 'none') return null;
  return (
    <section aria-labelledby="install-app-title" className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-4" data-testid="install-app" data-offer={offer}>
      <h2 id="install-app-title" className="text-sm font-medium text-slate-600">
        {t('sectionTitle')}
      </h2>
      {offer === 'installed' ? <p className="text-sm">{t('installed')}</p> : null}
      {offer === 'prompt' ? (
        <>
          <p className="text-sm">{t('installHint')}</p>
          <button
            type="button"
            onClick={() => void promptInstall()}
            className="min-h-11 self-start rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
          >
            {t('installButton')}
          </button>
        </>
      ) : null}
      {offer === 'ios' ? <p className="text-sm">{t('iosHint')}</p> : null}
    </section>
  );
}
