'use client';

import { useTranslations } from 'next-intl';

/**
 * "Try again" on the offline page: loads the address in the bar once more. The service worker
 * shows the offline page in place of the page asked for, so the address is still that page's.
 */
export function ReloadButton() {
  const t = useTranslations('pwa.offlinePage');
  return (
    <button
      type="button"
      onClick={() => window.location.reload()}
      className="min-h-11 rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      data-testid="offline-retry"
    >
      {t('retry')}
    </button>
  );
}
