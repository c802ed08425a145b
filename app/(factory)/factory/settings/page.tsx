import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SettingsLinks } from '@/components/factory-settings/settings-links';
import { PlantsSection } from '@/components/factory-settings/plants-section';
import { CalendarForm } from '@/components/factory-settings/calendar-form';
import { SlaForm } from '@/components/factory-settings/sla-form';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getCalendarSettings, listPlants, listSlaPolicies } from '@/lib/settings/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('title') };
}

/** The portal's settings (administrators): plants, the claims SLA and working calendar; links to the rest. */
export default async function SettingsPage() {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'settings.manage')) redirect('/factory');
  const db = getDb();
  const [t, plants, policies, calendar] = await Promise.all([
    getTranslations('settings'),
    listPlants(db, actor),
    listSlaPolicies(db, actor),
    getCalendarSettings(db, actor),
  ]);
  const section = 'flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 md:p-5';
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>
      <section aria-labelledby="settings-plants" className={section} data-testid="settings-plants">
        <div>
          <h2 id="settings-plants" className="text-lg font-semibold">
            {t('plants.title')}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t('plants.intro')}</p>
        </div>
        <PlantsSection plants={plants} />
      </section>
      <section aria-labelledby="settings-sla" className={section} data-testid="settings-sla">
        <div>
          <h2 id="settings-sla" className="text-lg font-semibold">
            {t('sla.title')}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t('sla.intro')}</p>
        </div>
        <SlaForm policies={policies} />
      </section>
      <section aria-labelledby="settings-calendar" className={section} data-testid="settings-calendar">
        <div>
          <h2 id="settings-calendar" className="text-lg font-semibold">
            {t('calendar.title')}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t('calendar.intro')}</p>
        </div>
        <CalendarForm calendar={calendar} />
      </section>
      <SettingsLinks />
    </div>
  );
}
