import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotificationCentre } from '@/components/notifications/notification-centre';
import { requireAreaActor } from '@/lib/auth/session';
import { notificationCursorSchema } from '@/lib/notifications/schemas';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notifications'))('title') };
}

export default async function DealerNotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('dealer');
  const before = notificationCursorSchema.parse((await searchParams).before);
  return <NotificationCentre area="dealer" actor={actor} before={before} />;
}
