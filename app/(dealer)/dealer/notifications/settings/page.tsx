import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotificationSettings } from '@/components/notifications/notification-settings';
import { requireAreaActor } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notifications'))('settings.title') };
}

export default async function DealerNotificationSettingsPage() {
  const actor = await requireAreaActor('dealer');
  return <NotificationSettings area="dealer" actor={actor} />;
}
