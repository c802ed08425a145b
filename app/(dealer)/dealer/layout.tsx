import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { LazyOfflineBanner } from '@/components/pwa/lazy';
import { OutboxReplayer } from '@/components/pwa/outbox-replayer';
import { PwaProvider } from '@/components/pwa/pwa-provider';
import { AREA_NAMESPACES, pickMessages } from '@/lib/i18n/client-messages';
import { AreaShell } from '@/components/shell/area-shell';
import { requireAreaActor } from '@/lib/auth/session';
import { dealerScopeOf } from '@/lib/auth/scope';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { getOwnDealer } from '@/lib/dealers/queries';

export default async function DealerLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireAreaActor('dealer');
  const dealer = await getOwnDealer(getDb(), dealerScopeOf(actor));
  return (
    <NextIntlClientProvider messages={pickMessages(await getMessages(), AREA_NAMESPACES.dealer)}>
      <AreaShell area="dealer" actor={actor} subtitle={`${dealer.name} · ${dealer.code}`}>
        {/* The service worker is built with the production build only. */}
        <PwaProvider userId={actor.userId} offline={getEnv().NODE_ENV === 'production'} />
        <LazyOfflineBanner />
        <OutboxReplayer />
        {children}
      </AreaShell>
    </NextIntlClientProvider>
  );
}
