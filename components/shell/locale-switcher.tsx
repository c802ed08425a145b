'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { LOCALES, type Locale } from '@/drizzle/schema/values';
import { changeLocale } from '@/lib/i18n/actions';

/** Three languages side by side: each name in its own language, so anyone finds theirs. */
export function LocaleSwitcher({ className = '' }: { className?: string }) {
  const t = useTranslations('locale');
  const current = useLocale() as Locale;
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (locale: Locale) =>
    startTransition(async () => {
      const result = await changeLocale(locale);
      if (result.ok) router.refresh();
    });

  return (
    <div role="group" aria-label={t('label')} className={`inline-flex rounded-lg border border-slate-300 bg-white p-0.5 ${className}`}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() => choose(locale)}
          title={t(`name.${locale}`)}
          className={`min-h-9 min-w-11 rounded-md px-2.5 text-sm font-medium transition-colors ${
            locale === current ? 'bg-brand-700 text-white' : 'text-slate-700 hover:bg-slate-100'
          } disabled:opacity-60`}
        >
          {t(`short.${locale}`)}
        </button>
      ))}
    </div>
  );
}
