import { InstallPromptCapture } from '@/components/pwa/install-capture';
import { AreaShell } from '@/components/shell/area-shell';
import { requireAreaActor } from '@/lib/auth/session';
import { dealerScopeOf } from '@/lib/auth/scope';
import { getDb } from '@/lib/db';
import { getOwnDealer } from '@/lib/dealers/queries';

export default async function DealerLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireAreaActor('dealer');
  const dealer = await getOwnDealer(getDb(), dealerScopeOf(actor));
  return (
    <AreaShell area="dealer" actor={actor} subtitle={`${dealer.name} · ${dealer.code}`}>
      <InstallPromptCapture />
      {children}
    </AreaShell>
  );
}
