'use client';

import { useTranslations } from 'next-intl';
import { LOCALES } from '@/drizzle/schema/values';

/** The user's language; empty follows the browser. */
export function LocaleSelect({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const t = useTranslations('factoryUsers');
  const tLocale = useTranslations('locale');
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="field-locale" className="text-sm font-medium text-slate-700">
        {t('language')}
      </label>
      <select
        id="field-locale"
        name="locale"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'field-locale-error' : undefined}
        className={`min-h-12 w-full min-w-0 rounded-lg border bg-white px-2 text-base focus:ring-2 focus:outline-none ${error ? 'border-red-600' : 'border-slate-300 focus:border-brand-600 focus:ring-brand-100'}`}
      >
        <option value="">{t('languageBrowser')}</option>
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {tLocale(`name.${l}`)}
          </option>
        ))}
      </select>
      {error ? (
        <p id="field-locale-error" className="text-sm text-red-800" data-testid="locale-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
