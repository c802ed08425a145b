import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { StatusChip } from '@/components/ui/status-chip';
import { formatDateTime } from '@/lib/i18n/format';
import { productionProgress } from '@/lib/orders/detail';
import type { OrderDetail } from '@/lib/orders/queries';

/** Every status event received for the order, oldest first: the current one marked, late ones said to be late. */
export async function DetailHistory({ history }: { history: OrderDetail['history'] }) {
  const t = await getTranslations('orderDetail');
  const locale = (await getLocale()) as Locale;
  return (
    <section aria-labelledby="order-history" className="rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
      <h2 id="order-history" className="text-base font-semibold">
        {t('historyTitle')}
      </h2>
      {history.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t('historyEmpty')}</p>
      ) : (
        <ol className="mt-2 divide-y divide-slate-100" data-testid="order-history">
          {history.map((entry, i) => {
            const progress = productionProgress(entry.itemsDone, entry.itemsTotal);
            return (
              <li
                key={i}
                data-current={entry.current || undefined}
                data-late={!entry.applied || undefined}
                className={`flex flex-col gap-1 py-2.5 ${entry.current ? '-mx-2 rounded-lg bg-brand-50 px-2' : ''} ${entry.applied ? '' : 'text-slate-600'}`}
              >
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <StatusChip kind="order" status={entry.status} />
                  <time dateTime={entry.at.toISOString()} className="text-sm tabular-nums">
                    {formatDateTime(entry.at, locale)}
                  </time>
                  {entry.current ? <span className="text-sm font-semibold text-brand-800">{t('historyCurrent')}</span> : null}
                </div>
                {progress ? <p className="text-sm">{t('historyProgress', { done: progress.done, total: progress.total })}</p> : null}
                {entry.note ? <p className="text-sm break-words">{entry.note}</p> : null}
                {entry.applied ? null : <p className="text-sm italic">{t('historyOutOfOrder')}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
