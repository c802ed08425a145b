import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/actor';
import type { Area } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { getNotificationPreferences } from '@/lib/notifications/queries';
import { getDeliverySettings } from '@/lib/notifications/settings';
import { DeliveryForm } from './delivery-form';
import { PreferencesForm } from './preferences-form';
import { PushSection } from './push-section';

/**
 * One area's notification settings: per type the person's role receives, a switch per channel;
 * push on this device; how e-mail arrives and the quiet hours for push.
 */
export async function NotificationSettings({ area, actor }: { area: Area; actor: Actor }) {
  const [t, tTypes, preferences, delivery] = await Promise.all([
    getTranslations('notifications'),
    getTranslations('notificationTypes'),
    getNotificationPreferences(getDb(), actor),
    getDeliverySettings(getDb(), actor),
  ]);
  const rows = preferences.map((p) => ({
    type: p.type,
    name: tTypes.has(`${p.type}.name`) ? tTypes(`${p.type}.name`) : p.type,
    description: tTypes.has(`${p.type}.description`) ? tTypes(`${p.type}.description`) : null,
    channels: p.channels,
  }));
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6">
      <Link href={`/${area}/notifications`} className="inline-flex min-h-11 items-center self-start text-sm font-medium text-brand-700 underline">
        {t('backToList')}
      </Link>
      <div>
        <h1 className="text-xl font-semibold md:text-2xl">{t('settings.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('settings.intro')}</p>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-2xl border border-slate-200 bg-white p-5 text-sm text-slate-700" data-testid="no-notification-types">
          {t('settings.none')}
        </p>
      ) : (
        <>
          <PreferencesForm rows={rows} email={actor.email} />
          <PushSection actor={actor} />
          <section aria-labelledby="delivery-heading" className="flex flex-col gap-3">
            <div>
              <h2 id="delivery-heading" className="text-lg font-semibold">
                {t('settings.delivery.title')}
              </h2>
              <p className="mt-1 text-sm text-slate-600">{t('settings.delivery.intro')}</p>
            </div>
            <DeliveryForm settings={delivery} />
          </section>
        </>
      )}
    </div>
  );
}
