import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { AcceptInvitationForm } from '@/components/dealer-users/accept-invitation-form';
import { LocaleSwitcher } from '@/components/shell/locale-switcher';
import type { Locale } from '@/drizzle/schema/enums';
import { getDb } from '@/lib/db';
import { findInvitation } from '@/lib/dealer-users/queries';
import { formatDateTime } from '@/lib/i18n/format';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dealerUsers.accept');
  // The link is a key: no search engine, no referrer beyond our own origin.
  return { title: t('metaTitle'), robots: { index: false, follow: false }, referrer: 'same-origin' };
}

type Props = { params: Promise<{ token: string }> };

/** Public: the invitee sets a password with the link the owner passed on. */
export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const [invitation, t, locale] = await Promise.all([findInvitation(getDb(), token), getTranslations(), getLocale()]);
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
          <AcceptInvitationForm
            token={token}
            invitation={
              invitation.state === 'valid'
                ? {
                    state: 'valid',
                    email: invitation.email,
                    name: invitation.name,
                    dealerName: invitation.dealerName,
                    validUntil: formatDateTime(invitation.expiresAt, locale as Locale),
                  }
                : { state: invitation.state }
            }
          />
        </section>
      </div>
    </main>
  );
}
