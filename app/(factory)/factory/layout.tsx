import { PwaProvider } from '@/components/pwa/pwa-provider';
import { AreaShell } from '@/components/shell/area-shell';
import { requireAreaActor } from '@/lib/auth/session';

export default async function FactoryLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireAreaActor('factory');
  return (
    <AreaShell area="factory" actor={actor}>
      {/* Staff pages are not kept offline; the device's saved data must still be theirs alone. */}
      <PwaProvider userId={actor.userId} offline={false} />
      {children}
    </AreaShell>
  );
}
