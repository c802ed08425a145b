import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { LocaleSwitcher } from '@/components/shell/locale-switcher';

/**
 * The frame of the pages one reaches signed out (sign-in, a password link, an invitation): the
 * language switch, the factory's and the portal's name, and the page's card; `below` under the card.
 */
export async function PublicFrame({ children, below }: { children: ReactNode; below?: ReactNode }) {
  const t = await getTranslations('common');
  return (
    <main className="flex min-h-dvh flex-col bg-gradient-to-b from-brand-800 to-brand-900 px-4 py-6">
      <div className="flex justify-end">
        <LocaleSwitcher />
      </div>
      <div className="mx-auto flex w-full max-w-sm flex-1 flex-col justify-center gap-6">
        <div className="text-center text-white">
          <p className="text-sm tracking-wide text-brand-100 uppercase">{t('factoryName')}</p>
          <h1 className="mt-1 text-2xl font-semibold">{t('appName')}</h1>
        </div>
        <section className="rounded-2xl bg-white p-6 shadow-xl">{children}</section>
        {below}
      </div>
    </main>
  );
}
