'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

/** "A new version is ready": above the phone's tab bar, at the bottom corner on desktops. */
export function UpdatePrompt({ onReload, onLater }: { onReload: () => void; onLater: () => void }) {
  const t = useTranslations('pwa.update');
  const [reloading, setReloading] = useState(false);
  return (
    <div
      role="status"
      data-testid="update-prompt"
      className="fixed inset-x-3 bottom-20 z-30 flex flex-col gap-3 rounded-2xl border border-brand-100 bg-white p-4 shadow-lg sm:flex-row sm:items-center md:inset-x-auto md:right-4 md:bottom-4 md:w-[28rem]"
    >
      <p className="flex-1 text-sm font-medium text-slate-800">{t('ready')}</p>
      <div className="flex gap-2">
        <button
          type="button"
          disabled={reloading}
          onClick={() => {
            setReloading(true);
            onReload();
          }}
          className="min-h-11 rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {reloading ? t('reloading') : t('reload')}
        </button>
        <button type="button" onClick={onLater} disabled={reloading} className="min-h-11 rounded-lg border border-slate-300 px-4 text-sm font-medium text-slate-700 hover:bg-slate-100">
          {t('later')}
        </button>
      </div>
    </div>
  );
}
