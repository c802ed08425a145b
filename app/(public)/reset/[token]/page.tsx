import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { PasswordLinkForm } from '@/components/factory-users/password-link-form';
import { PublicFrame } from '@/components/shell/public-frame';
import type { Locale } from '@/drizzle/schema/values';
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
  const [link, locale] = await Promise.all([findPasswordLink(getDb(), token), getLocale()]);
  return (
    <PublicFrame>
      <PasswordLinkForm
        token={token}
        link={
          link.state === 'valid'
            ? { state: 'valid', kind: link.kind, email: link.email, name: link.name, validUntil: formatDateTime(link.expiresAt, locale as Locale) }
            : { state: link.state }
        }
      />
    </PublicFrame>
  );
}
