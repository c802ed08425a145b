import { redirect } from 'next/navigation';
import { homeAreaOf } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';

/** The root sends each person to their own area, or to sign in. */
export default async function RootPage() {
  const actor = await getActor();
  redirect(actor ? `/${homeAreaOf(actor.role)}` : '/login');
}
