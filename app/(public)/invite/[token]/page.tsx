import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { AcceptInvitationForm } from '@/components/dealer-users/accept-invitation-form';
import { PublicFrame } from '@/components/shell/public-frame';
import type { Locale } from '@/drizzle/schema/values';
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
  const [invitation, locale] = await Promise.all([findInvitation(getDb(), token), getLocale()]);
  return (
    <PublicFrame>
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
    </PublicFrame>
  );
}
