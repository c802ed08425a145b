import { AreaShell } from '@/components/shell/area-shell';
import { requireAreaActor } from '@/lib/auth/session';

export default async function ClaimsLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireAreaActor('claims');
  return (
    <AreaShell area="claims" actor={actor}>
      {children}
    </AreaShell>
  );
}
