import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { PasswordLinkForm } from '@/components/factory-users/password-link-form';
import { LocaleSwitcher } from '@/components/shell/locale-switcher';
import type { Locale } from '@/drizzle/schema/enums';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { findPasswordLink } from '@/lib/users/links';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('resetPassword');
  // The link is a key: no search engine, no referrer beyond our own origin.
  return { title: t('metaTitle'), robots: { index: false, follow: false }, referrer: 'same-origin' };
}

type Props = { params: Promise<{ token: string }> };

/** Public: the holder of a one-time link from the administrator sets a password. */
export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const [link, t, locale] = await Promise.all([findPasswordLink(getDb(), token), getTranslations(), getLocale()]);
  return (
    <main className="flex min-h-dvh flex-col bg-gradient-to-b from-brand-800 to-brand-900 px-4 py-6">
      <div className="flex justify-end">
        <LocaleSwitcher />
      </div>
      <div className="mx-auto flex w-full max-w-sm flex-1 flex-col justify-center gap-6">
        <div className="text-center text-white">
          <p className="text-sm tracking-wide text-brand-100 uppercase">{t('common.factoryName')}</p>
          <h1 className="mt-1 text-2xl font-semibold">{t('common.appName')}</h1>
        </div>
        <section className="rounded-2xl bg-white p-6 shadow-xl">
          <PasswordLinkForm
            token={token}
            link={
              link.state === 'valid'
                ? { state: 'valid', kind: link.kind, email: link.email, name: link.name, validUntil: formatDateTime(link.expiresAt, locale as Locale) }
                : { state: link.state }
            }
          />
        </section>
      </div>
    </main>
  );
}
