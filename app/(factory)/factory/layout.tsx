import { AreaShell } from '@/components/shell/area-shell';
import { requireAreaActor } from '@/lib/auth/session';

export default async function FactoryLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireAreaActor('factory');
  return (
    <AreaShell area="factory" actor={actor}>
      {children}
    </AreaShell>
  );
}
