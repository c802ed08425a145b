import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { formatDateTime } from '@/lib/i18n/format';
import type { RejectedEvent } from '@/lib/sync/monitor';
import { HandleButton } from './handle-button';

/** Refused events with the reason and what was sent, until someone marks them handled. */
export async function RejectedList({ events, canHandle }: { events: RejectedEvent[]; canHandle: boolean }) {
  const t = await getTranslations('syncMonitor');
  const locale = (await getLocale()) as Locale;
  return (
    <section aria-labelledby="rejected" className="rounded-2xl border border-slate-200 bg-white">
      <h2 id="rejected" className="px-4 pt-4 text-base font-semibold">{t('rejectedTitle')}</h2>
      {events.length === 0 ? (
        <p className="px-4 py-5 text-sm text-slate-600">{t('noRejected')}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100" data-testid="rejected-events">
          {events.map((event) => (
            <li key={event.id} className="flex flex-col gap-2 px-4 py-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-mono text-sm font-semibold break-all">{event.eventId}</p>
                <p className="text-xs text-slate-600">
                  {event.source} · {event.type} · {formatDateTime(event.receivedAt, locale)}
                </p>
              </div>
              <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="rejection-reason">{event.error}</p>
              <details>
                <summary className="cursor-pointer text-sm text-brand-700">{t('payload')}</summary>
                <pre className="mt-2 max-h-64 overflow-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100">
                  {JSON.stringify(event.payload, null, 2)}
                </pre>
              </details>
              {canHandle ? <HandleButton id={event.id} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
