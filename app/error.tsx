'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{t('genericTitle')}</h1>
      <p className="text-slate-600">{t('genericBody')}</p>
      {error.digest ? <p className="text-xs text-slate-500">{t('reference', { id: error.digest })}</p> : null}
      <button onClick={reset} className="rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        {t('retry')}
      </button>
    </main>
  );
}
