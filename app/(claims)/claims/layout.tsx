import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { PwaProvider } from '@/components/pwa/pwa-provider';
import { AREA_NAMESPACES, pickMessages } from '@/lib/i18n/client-messages';
import { AreaShell } from '@/components/shell/area-shell';
import { requireAreaActor } from '@/lib/auth/session';

export default async function ClaimsLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireAreaActor('claims');
  return (
    <NextIntlClientProvider messages={pickMessages(await getMessages(), AREA_NAMESPACES.claims)}>
      <AreaShell area="claims" actor={actor}>
        {/* Staff pages are not kept offline; the device's saved data must still be theirs alone. */}
        <PwaProvider userId={actor.userId} offline={false} />
        {children}
      </AreaShell>
    </NextIntlClientProvider>
  );
}
