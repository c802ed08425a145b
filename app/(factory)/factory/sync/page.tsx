import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RejectedList } from '@/components/sync/rejected-list';
import { SourceAdmin } from '@/components/sync/source-admin';
import { SourceCard } from '@/components/sync/source-card';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listOpenSyncAlerts } from '@/lib/sync/alerts';
import { getSyncHealth, listParkedEvents, listUnhandledRejections } from '@/lib/sync/monitor';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('syncMonitor'))('title') };
}

export default async function SyncMonitorPage() {
  const actor = await requireAreaActor('factory');
  const db = getDb();
  const [t, health, rejected, parked, alerts] = await Promise.all([
    getTranslations('syncMonitor'),
    getSyncHealth(db, actor),
    listUnhandledRejections(db, actor),
    listParkedEvents(db, actor, 20),
    listOpenSyncAlerts(db, actor.userId),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
        {can(actor, 'finance.import') ? (
          <Link href="/factory/sync/import" className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">
            {t('importLink')}
          </Link>
        ) : null}
      </div>
      {alerts.length ? (
        <ul role="alert" className="flex flex-col gap-2" data-testid="sync-alerts">
          {alerts.map((alert) => (
            <li key={alert.id} className="rounded-xl border border-red-300 bg-red-50 px-4 py-3 text-sm font-medium text-red-900">
              {alert.type === 'sync.silent'
                ? t('alertSilent', { source: String(alert.data.source), minutes: Number(alert.data.minutes) })
                : t('alertRejections', { source: String(alert.data.source), count: Number(alert.data.rejected), minutes: Number(alert.data.minutes) })}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {health.map((source) => (
          <SourceCard key={source.id} source={source} />
        ))}
      </div>
      <RejectedList events={rejected} canHandle={can(actor, 'sync.handleRejections')} />
      <section aria-labelledby="parked" className="rounded-2xl border border-slate-200 bg-white">
        <h2 id="parked" className="px-4 pt-4 text-base font-semibold">{t('parkedTitle')}</h2>
        {parked.length === 0 ? (
          <p className="px-4 py-5 text-sm text-slate-600">{t('noParked')}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {parked.map((event) => (
              <li key={event.id} className="flex flex-wrap justify-between gap-2 px-4 py-2 text-sm">
                <span className="font-mono break-all">{event.eventId}</span>
                <span className="text-slate-600">
                  {event.type} · {t('waitingFor', { what: event.waitingFor ?? '' })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {can(actor, 'sync.manageSources') ? <SourceAdmin sources={health.map(({ id, code, name, active }) => ({ id, code, name, active }))} /> : null}
    </div>
  );
}
